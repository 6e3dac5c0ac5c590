// `node dist/bench/hmc-faults.js`: the HMC rows of the fault table. The BFF (in this process, over
// real HTTP) in front of a real Prometheus and the simulated HMC, reached through a TLS forwarder
// that can swap any answer for a 300 MB body. One fault at a time — expired sessions, HTML 500,
// busy (409), hung (every request held for a minute), killed (down), oversized body — for
// FAULT_MS while a viewer asks every 250 ms for the inventory, a partition, an adapter and a
// Prometheus-only series; then the fault ends, and the time until the inventory and the partition
// are whole (not stale) again is measured. Bounded: each fault FAULT_MS, each recovery at most 60 s.
// Writes docs/benchmarks.md section `hmc-faults`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, request as httpsRequest, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedTls, startPrometheus, startSimulator, writeBenchmarkSection, writeHistory, type RunningSimulator } from '@zlens/hmc-sim';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildDeps } from '../deps.js';
import { createLogger } from '../logger.js';

const FAULT_MS = 8_000;
const RECOVERY_LIMIT_MS = 60_000;
const HUGE_BYTES = 300 * 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** TLS forwarder to the simulator; with `oversized` on, every answer is a 300 MB JSON body instead. */
async function startForwarder(
  sim: RunningSimulator,
): Promise<{ url: string; caPem: string; setOversized(on: boolean): void; close(): Promise<void> }> {
  const tls = await selfSignedTls();
  const target = new URL(sim.hmcUrl);
  let oversized = false;
  const server: HttpsServer = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    if (oversized) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': HUGE_BYTES });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < HUGE_BYTES && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return;
    }
    const upstream = httpsRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, ca: sim.caPem },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `https://127.0.0.1:${address.port}`,
    caPem: tls.cert,
    setOversized: (on) => {
      oversized = on;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Fault {
  name: string;
  inject(): Promise<void> | void;
  heal(): Promise<void> | void;
}

interface Row {
  name: string;
  statuses: Map<string, Map<number, number>>;
  staleServed: boolean;
  maxMs: number;
  rssPeakMiB: number;
  recoverMs: number | null;
}

async function main(): Promise<void> {
  const sim = await startSimulator({ credentials: { userid: 'bench', password: 'bench-password' } });
  const historyFile = join(tmpdir(), `zlens-bench-hmc-faults-${process.pid}.om`);
  const nowMs = Date.now();
  const historyEnd = (await writeHistory(sim.scenario, { startMs: nowMs - 3600_000, endMs: nowMs - 30_000 }, historyFile)).lastMs / 1000;
  const prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile });
  const forwarder = await startForwarder(sim);
  const workDir = mkdtempSync(join(tmpdir(), 'zlens-bench-hmc-faults-'));
  const caFile = join(workDir, 'ca.pem');
  writeFileSync(caFile, forwarder.caPem);
  const config = loadConfig({
    ZLENS_PROMETHEUS_URL: prom.url,
    ZLENS_HMC_URL: forwarder.url,
    ZLENS_HMC_USERID: 'bench',
    ZLENS_HMC_PASSWORD: 'bench-password',
    ZLENS_HMC_CA_FILE: caFile,
    ZLENS_INVENTORY_TTL_SECONDS: '5',
    ZLENS_UPSTREAM_TIMEOUT_MS: '3000',
    ZLENS_UPSTREAM_MAX_BYTES: String(16 * 1024 * 1024),
  });
  const built = buildDeps({ ...config, webDir: null }, createLogger('silent'));
  const server: Server = createApp(built.deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const base = `http://127.0.0.1:${address.port}/api/v1`;
  const zlx1 = sim.scenario.cpcs.find((c) => c.name === 'ZLX1');
  const osa = zlx1?.adapters.find((a) => a.type === 'osd')?.name ?? '';
  const endpoints: Record<string, string> = {
    inventory: '/inventory',
    partition: '/cpcs/ZLX1/partitions/LNXPRD01',
    adapter: `/cpcs/ZLX1/adapters/${encodeURIComponent(osa)}`,
    series: `/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=${historyEnd - 900}&to=${historyEnd}`,
  };
  const ask = async (path: string): Promise<{ status: number; stale: boolean; ms: number }> => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(60_000) });
    const body: unknown = await res.json().catch(() => null);
    const stale = typeof body === 'object' && body !== null && 'stale' in body && body.stale === true;
    return { status: res.status, stale, ms: performance.now() - started };
  };
  // Warm: everything read once, fresh.
  for (const path of Object.values(endpoints)) await ask(path);

  const faults: Fault[] = [
    { name: 'HMC expired every session (403.5)', inject: () => sim.expireAllSessions(), heal: () => undefined },
    { name: 'HMC answers 500 with its HTML page', inject: () => sim.faults.set({ htmlError: true }), heal: () => sim.faults.clear() },
    { name: 'HMC busy (409.2)', inject: () => sim.faults.set({ busy: true }), heal: () => sim.faults.clear() },
    { name: 'HMC hung (every request held 60 s)', inject: () => sim.faults.set({ latencyMs: 60_000 }), heal: () => sim.faults.clear() },
    { name: 'HMC killed (down, sessions lost)', inject: () => sim.faults.goDown(), heal: () => sim.faults.comeBack() },
    { name: 'HMC answers a 300 MB body', inject: () => forwarder.setOversized(true), heal: () => forwarder.setOversized(false) },
  ];
  const rows: Row[] = [];
  for (const fault of faults) {
    const row: Row = { name: fault.name, statuses: new Map(), staleServed: false, maxMs: 0, rssPeakMiB: 0, recoverMs: null };
    await fault.inject();
    const until = performance.now() + FAULT_MS;
    while (performance.now() < until) {
      const answers = await Promise.all(Object.entries(endpoints).map(async ([name, path]) => [name, await ask(path)] as const));
      for (const [name, answer] of answers) {
        const counts = row.statuses.get(name) ?? new Map<number, number>();
        counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
        row.statuses.set(name, counts);
        row.staleServed ||= answer.status === 200 && answer.stale;
        row.maxMs = Math.max(row.maxMs, answer.ms);
      }
      row.rssPeakMiB = Math.max(row.rssPeakMiB, process.memoryUsage().rss / 1024 / 1024);
      await sleep(250);
    }
    await fault.heal();
    const healed = performance.now();
    while (performance.now() - healed < RECOVERY_LIMIT_MS) {
      const [inventory, partition] = await Promise.all([ask(endpoints.inventory ?? ''), ask(endpoints.partition ?? '')]);
      if (inventory.status === 200 && !inventory.stale && partition.status === 200 && !partition.stale) {
        row.recoverMs = performance.now() - healed;
        break;
      }
      await sleep(250);
    }
    rows.push(row);
    console.log(`${row.name}: recovered in ${row.recoverMs === null ? 'never' : `${Math.round(row.recoverMs)} ms`}`);
    await sleep(6_000); // past the inventory TTL: the next fault starts from a settled state
  }

  const statusText = (counts: Map<number, number> | undefined): string =>
    [...(counts ?? new Map<number, number>()).entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  const lines = [
    `BFF with a real Prometheus and the simulated HMC (demo preset) behind a TLS forwarder; inventory TTL 5 s, upstream timeout 3 s, ZLENS_UPSTREAM_MAX_BYTES 16 MiB. Each fault lasts ${FAULT_MS / 1000} s while a viewer asks every 250 ms for the inventory, a partition, an adapter and a Prometheus-only series (statuses: inventory / partition / adapter / series). Recovery: from the end of the fault until the inventory and the partition answer fresh (not stale). ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.`,
    '',
    '| fault | statuses (inventory / partition / adapter / series) | stale served | slowest answer | RSS peak | time to recover |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${['inventory', 'partition', 'adapter', 'series'].map((n) => statusText(r.statuses.get(n))).join(' / ')} | ${r.staleServed ? 'yes' : 'no'} | ${Math.round(r.maxMs)} ms | ${Math.round(r.rssPeakMiB)} MiB | ${r.recoverMs === null ? `not within ${RECOVERY_LIMIT_MS / 1000} s` : `${(r.recoverMs / 1000).toFixed(1)} s`} |`,
    ),
    '',
    'No answer waits for the HMC beyond its 2 s bound for detail reads (a hung HMC costs a partition view at most that); the inventory and series never wait for it. A 300 MB answer is cut off at the byte bound: RSS stays flat and the process lives.',
  ];
  const file = await writeBenchmarkSection('hmc-faults', 'HMC faults: statuses, stale data, recovery', lines.join('\n'));
  console.log(`wrote ${file}`);
  server.closeAllConnections();
  server.close();
  await built.close();
  await forwarder.close();
  await prom.close();
  await sim.close();
  rmSync(historyFile, { force: true });
  rmSync(workDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
