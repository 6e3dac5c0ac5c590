// `pnpm --filter @zlens/bff bench:physical`: the fleet's power ranking (GET /api/v1/fleet/power) and
// the fleet's top-N adapters (GET /api/v1/adapters/top) over days of the simulator's `large` preset
// (8 CPCs), against a real Prometheus: latency uncached and cached, and upstream queries per request.
// Writes docs/benchmarks.md (section `bff-physical`). Environment: BENCH_DAYS (7), BENCH_RUNS (20).
import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { largeScenario, startPrometheus, startSimulator, waitForSeries, writeBenchmarkSection, writeHistory } from '@zlens/hmc-sim';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildDeps, type BuiltDeps } from '../deps.js';
import { createLogger } from '../logger.js';
import { mib, ms, percentile, timedFetch } from './measure.js';

/** What the two endpoints read, and the CPC status the inventory is built from. */
const FAMILIES = ['zhmc_cpc_status_int', 'zhmc_cpc_power_watt', 'zhmc_adapter_usage_ratio', 'zhmc_crypto_adapter_usage_ratio'];

function numberEnv(name: string, fallback: number): number {
  // eslint-disable-next-line no-restricted-syntax -- the bench CLI's own knobs, not BFF configuration
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

async function listen(built: BuiltDeps): Promise<{ url: string; server: Server }> {
  const server = createApp(built.deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

async function upstreamRequests(built: BuiltDeps): Promise<number> {
  const m = await built.deps.metrics.upstreamRequests.get();
  return m.values.filter((v) => v.labels.upstream === 'prometheus').reduce((sum, v) => sum + v.value, 0);
}

async function main(): Promise<void> {
  const days = numberEnv('BENCH_DAYS', 7);
  const runs = numberEnv('BENCH_RUNS', 20);
  const historyFile = join(tmpdir(), `zlens-bff-physical-bench-${process.pid}.om`);
  const scenario = largeScenario();
  const endMs = Math.floor(Date.now() / 15_000) * 15_000 - 60_000;
  const startMs = endMs - days * 86_400_000;
  console.log(`writing ${days} d of the large preset (${FAMILIES.join(', ')})…`);
  let t = performance.now();
  const stats = await writeHistory(scenario, { startMs, endMs, families: FAMILIES }, historyFile);
  const writeSeconds = (performance.now() - t) / 1000;
  const fileBytes = statSync(historyFile).size;
  const sim = await startSimulator({ scenario });
  t = performance.now();
  const prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile, readyTimeoutMs: 3_600_000 });
  const backfillSeconds = (performance.now() - t) / 1000;
  rmSync(historyFile, { force: true });
  await waitForSeries(prom.url, 'zhmc_cpc_power_watt', 120_000);

  const logger = createLogger('warn');
  const env = { ZLENS_PROMETHEUS_URL: prom.url, ZLENS_UPSTREAM_TIMEOUT_MS: '60000' };
  const uncachedDeps = buildDeps({ ...loadConfig({ ...env, ZLENS_CACHE_MAX_ENTRIES: '0' }), webDir: null }, logger);
  const cachedDeps = buildDeps({ ...loadConfig(env), webDir: null }, logger);
  const uncached = await listen(uncachedDeps);
  const cached = await listen(cachedDeps);
  try {
    const endS = endMs / 1000;
    const from = endS - days * 86_400;
    const loadBefore = loadavg()[0] ?? 0;
    await timedFetch(`${uncached.url}/api/v1/inventory`);
    await timedFetch(`${cached.url}/api/v1/inventory`);
    const requests = [
      { name: `fleet power ranking, ${days} d (maxPoints 500)`, path: `/api/v1/fleet/power?from=${from}&to=${endS}&maxPoints=500` },
      { name: 'fleet power ranking, 24 h (maxPoints 500)', path: `/api/v1/fleet/power?from=${endS - 86_400}&to=${endS}&maxPoints=500` },
      { name: `fleet top 10 adapters, ${days} d`, path: `/api/v1/adapters/top?n=10&from=${from}&to=${endS}` },
      { name: `fleet top 10 network adapters, ${days} d (every adapter ranked, then filtered)`, path: `/api/v1/adapters/top?n=10&family=network&from=${from}&to=${endS}` },
    ];
    const rows: string[] = [];
    for (const r of requests) {
      for (let i = 0; i < 2; i += 1) await timedFetch(`${uncached.url}${r.path}`);
      const before = await upstreamRequests(uncachedDeps);
      const cold: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i += 1) {
        const res = await timedFetch(`${uncached.url}${r.path}`);
        cold.push(res.ms);
        bytes = res.bytes;
      }
      const perRequest = ((await upstreamRequests(uncachedDeps)) - before) / runs;
      await timedFetch(`${cached.url}${r.path}`);
      const warm: number[] = [];
      for (let i = 0; i < runs * 5; i += 1) warm.push((await timedFetch(`${cached.url}${r.path}`)).ms);
      rows.push(
        `| ${r.name} | ${perRequest.toFixed(0)} | ${ms(percentile(cold, 50))} / ${ms(percentile(cold, 95))} | ${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))} | ${(bytes / 1024).toFixed(1)} |`,
      );
      console.log(rows[rows.length - 1]);
    }
    const loadAfter = loadavg()[0] ?? 0;
    const promVersion = execFileSync('prometheus', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'prometheus';
    const cpu = cpus();
    const lines = [
      `Run ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${promVersion}. 1-minute load average ${loadBefore.toFixed(1)} when the measurements started and ${loadAfter.toFixed(1)} when they ended (other work shared the machine; on 2 cores, latencies are only comparable within one run).`,
      '',
      `Data: the simulator's \`large\` preset (6 DPM + 2 classic CPCs), ${days} days at 15 s, the families the two endpoints read (${FAMILIES.join(', ')}): ${stats.series} series, ${stats.samples.toLocaleString('en')} samples, ${mib(fileBytes)} MiB of OpenMetrics written in ${writeSeconds.toFixed(0)} s, Prometheus ready after ${backfillSeconds.toFixed(0)} s; Prometheus also scrapes the simulator's live /metrics. Both endpoints fan out over the inventory's CPCs (one series query per CPC for power; one top-N per CPC and adapter metric, four instant queries each), in parallel within the BFF's upstream limit. ${runs} sequential requests per row uncached (BFF with \`ZLENS_CACHE_MAX_ENTRIES=0\`, after 2 warm-ups), ${runs * 5} cached (the range ends in the past).`,
      '',
      '| request | upstream queries per request | uncached p50 / p95 ms | cached p50 / p95 ms | response KiB |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ];
    const file = await writeBenchmarkSection('bff-physical', 'BFF: fleet power ranking and fleet top-N adapters (apps/bff)', lines.join('\n'));
    console.log(`wrote ${file}`);
  } finally {
    uncached.server.close();
    cached.server.close();
    await uncachedDeps.close();
    await cachedDeps.close();
    await prom.close();
    await sim.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
