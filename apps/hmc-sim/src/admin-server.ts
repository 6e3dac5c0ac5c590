// The admin endpoint (plain HTTP, off unless enabled): switches faults and statuses at runtime for
// the BFF's reliability tests and for demos. JSON in, JSON out:
//
//   GET    /admin/faults                 the active faults
//   PUT    /admin/faults        {...}    replace them (FaultSettings)
//   DELETE /admin/faults                 clear them
//   POST   /admin/expire-sessions        every session and metrics context is gone (403.5 / 404.1)
//   POST   /admin/down          {"ms"?}  the HMC API and STOMP stop listening; back after ms if given
//   POST   /admin/up                     listening again (sessions are lost, as after a reboot)
//   POST   /admin/status        {"uri", "status"}  a CPC, partition, LPAR or adapter changes status
//   POST   /admin/workload      {"uri", "workload"}  a running partition or LPAR (or all of a CPC's)
//                                        runs another workload profile, e.g. "saturated" (~97 %)
//   GET    /admin/exporter                what /metrics exports ({"metricGroups", "cpcs"?})
//   PUT    /admin/exporter      {...}    change it ({"metricGroups": "all" | [...], "cpcs"?: [...]})

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ExporterConfig } from './exporter/exporter-config.js';
import { parseFaultSettings } from './hmc-api/faults.js';
import { isRecord } from './narrow.js';
import type { SimulatorFaults } from './simulator.js';

export interface AdminDeps {
  readonly faults: SimulatorFaults;
  setStatus(uri: string, status: string): unknown;
  setWorkload(uri: string, workload: string): unknown;
  readonly exporter: { get(): ExporterConfig; set(config: ExporterConfig): void };
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string'))
    throw new Error(`${what} must be a list of strings`);
  return value;
}

/** `{"metricGroups": "all" | [names], "cpcs"?: [names]}` from a request body. */
function parseExporterConfig(body: unknown): ExporterConfig {
  if (!isRecord(body)) throw new Error('expected {"metricGroups": "all" | [...], "cpcs"?: [...]}');
  const groups = body.metricGroups;
  const metricGroups = groups === undefined || groups === 'all' ? 'all' : stringList(groups, 'metricGroups');
  return body.cpcs === undefined || body.cpcs === null ? { metricGroups } : { metricGroups, cpcs: stringList(body.cpcs, 'cpcs') };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text === '' ? {} : JSON.parse(text);
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export function createAdminServer(deps: AdminDeps): Server {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://admin.invalid').pathname;
    const route = `${request.method ?? 'GET'} ${path}`;
    try {
      const body = request.method === 'PUT' || request.method === 'POST' ? await readJson(request) : undefined;
      switch (route) {
        case 'GET /admin/faults':
          return reply(response, 200, deps.faults.current());
        case 'PUT /admin/faults':
          deps.faults.set(parseFaultSettings(body));
          return reply(response, 200, deps.faults.current());
        case 'DELETE /admin/faults':
          deps.faults.clear();
          return reply(response, 200, deps.faults.current());
        case 'POST /admin/expire-sessions':
          deps.faults.expireAllSessions();
          return reply(response, 200, { expired: true });
        case 'POST /admin/down': {
          const ms = isRecord(body) ? body.ms : undefined;
          if (ms !== undefined && (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0))
            throw new Error('ms must be an integer >= 0');
          await deps.faults.goDown(ms);
          return reply(response, 200, { down: true, ...(ms === undefined ? {} : { backInMs: ms }) });
        }
        case 'POST /admin/up':
          await deps.faults.comeBack();
          return reply(response, 200, { down: false });
        case 'POST /admin/status': {
          if (!isRecord(body) || typeof body.uri !== 'string' || typeof body.status !== 'string')
            throw new Error('expected {"uri": "...", "status": "..."}');
          return reply(response, 200, deps.setStatus(body.uri, body.status));
        }
        case 'POST /admin/workload': {
          if (!isRecord(body) || typeof body.uri !== 'string' || typeof body.workload !== 'string')
            throw new Error('expected {"uri": "...", "workload": "..."}');
          return reply(response, 200, deps.setWorkload(body.uri, body.workload));
        }
        case 'GET /admin/exporter':
          return reply(response, 200, deps.exporter.get());
        case 'PUT /admin/exporter':
          deps.exporter.set(parseExporterConfig(body));
          return reply(response, 200, deps.exporter.get());
        default:
          return reply(response, 404, { error: `no admin operation ${route}` });
      }
    } catch (error) {
      reply(response, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  };
  return createServer((request, response) => {
    void handle(request, response);
  });
}
