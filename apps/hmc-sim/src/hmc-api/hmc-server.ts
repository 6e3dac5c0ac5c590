// The simulated HMC's HTTPS server: TLS, request parsing, the session check and the error body
// (hmc-api.md §0, §1.5, §1.6). What each operation answers is in hmc-routes.ts.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { generate } from 'selfsigned';
import { HmcError, errorBody, missingBody, invalidSession, noSession, unknownResource } from './hmc-errors.js';
import { FaultState } from './faults.js';
import { hmcRouter, type HmcReply } from './hmc-routes.js';
import { hmcJsonText } from './json-float.js';
import type { Scenario } from '../scenario/scenario.js';
import { SessionStore } from './sessions.js';

export interface TlsMaterial {
  /** PEM certificate (chain) the server presents. */
  readonly cert: string;
  /** PEM private key. */
  readonly key: string;
}

export interface HmcServerOptions {
  /** The site as it is now. */
  readonly scenario: () => Scenario;
  readonly credentials: { readonly userid: string; readonly password: string };
  readonly tls: TlsMaterial;
  readonly now: () => number;
  /** Idle time after which a session answers 403.5; undefined = sessions never time out. */
  readonly sessionIdleTimeoutMs?: number;
}

export interface HmcServer {
  readonly server: Server;
  readonly sessions: SessionStore;
  readonly faults: FaultState;
}

const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY_BYTES = 1 << 20;

/** A self-signed certificate (its own CA; HMCs ship self-signed ones too) for localhost, 127.0.0.1, ::1 and any extra host names. */
export async function selfSignedTls(hostNames: readonly string[] = []): Promise<TlsMaterial> {
  const commonName = hostNames[0] ?? 'localhost';
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + 365 * 24 * 3_600_000);
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...hostNames.map((value) => ({ type: 2 as const, value })),
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HmcError(400, 3, 'Request body is too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    throw missingBody();
  }
}

function send(response: ServerResponse, reply: HmcReply): void {
  if ('json' in reply) {
    const body = hmcJsonText(reply.json);
    response.writeHead(reply.status, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  } else if ('text' in reply) {
    response.writeHead(reply.status, { 'Content-Type': reply.contentType, 'Content-Length': Buffer.byteLength(reply.text) });
    response.end(reply.text);
  } else {
    response.writeHead(reply.status);
    response.end();
  }
}

export function createHmcServer(options: HmcServerOptions): HmcServer {
  const sessions = new SessionStore(options.now, options.sessionIdleTimeoutMs);
  const faults = new FaultState();
  const router = hmcRouter({ scenario: options.scenario, credentials: options.credentials, sessions, now: options.now });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'https://hmc.invalid');
    const path = url.pathname;
    const fault = faults.apply(method, path);
    if (fault !== undefined && fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault?.action?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    if (fault?.action?.kind === 'html') {
      send(response, { status: fault.action.status, text: fault.action.body, contentType: 'text/html; charset=utf-8' });
      return;
    }
    try {
      if (fault?.action?.kind === 'error') throw fault.action.error;
      const route = router.match(method, path);
      let session;
      if (route === undefined || route.handler.auth) {
        // Every operation except Query API Version and Logon needs a session, checked first.
        const header = request.headers['x-api-session'];
        const id = Array.isArray(header) ? header[0] : header;
        if (id === undefined || id === '') throw noSession();
        session = sessions.get(id);
        if (session === undefined) throw invalidSession();
      }
      if (route === undefined) throw unknownResource(path);
      const body = method === 'POST' || method === 'PUT' ? await readJsonBody(request) : undefined;
      const reply = route.handler.handle({ method, path, query: url.searchParams, params: route.params, body, session });
      send(response, reply);
    } catch (error) {
      const hmcError =
        error instanceof HmcError
          ? error
          : new HmcError(500, 0, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      send(response, { status: hmcError.status, json: errorBody(method, path, hmcError) });
    }
  };

  const server = createServer({ cert: options.tls.cert, key: options.tls.key }, (request, response) => {
    void handle(request, response);
  });
  return { server, sessions, faults };
}
