// `pnpm --filter @zlens/bff bench:physical`: the fleet's power ranking (GET /api/v1/fleet/power) and
// the fleet's top-N adapters (GET /api/v1/adapters/top) over days of the simulator's `large` preset
// (8 CPCs), against a real Prometheus: latency uncached and cached, and upstream queries per request.
// Writes docs/benchmarks.md (section `bff-physical`). Environment: BENCH_DAYS (7), BENCH_RUNS (20).
import { loadavg } from 'node:os';
import { writeBenchmarkSection } from '@zlens/hmc-sim';
import { ms, percentile, timedFetch } from './measure.js';
import { numberEnv, runLine, startBenchStack, upstreamRequests } from './stack.js';

/** What the two endpoints read, and the CPC status the inventory is built from. */
const FAMILIES = ['zhmc_cpc_status_int', 'zhmc_cpc_power_watt', 'zhmc_adapter_usage_ratio', 'zhmc_crypto_adapter_usage_ratio'];

async function main(): Promise<void> {
  const days = numberEnv('BENCH_DAYS', 7);
  const runs = numberEnv('BENCH_RUNS', 20);
  const stack = await startBenchStack({ name: 'bff-physical-bench', days, families: FAMILIES, readyFamily: 'zhmc_cpc_power_watt' });
  const { uncached, cached, endMs, data } = stack;
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
      const before = await upstreamRequests(uncached);
      const cold: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i += 1) {
        const res = await timedFetch(`${uncached.url}${r.path}`);
        cold.push(res.ms);
        bytes = res.bytes;
      }
      const perRequest = ((await upstreamRequests(uncached)) - before) / runs;
      await timedFetch(`${cached.url}${r.path}`);
      const warm: number[] = [];
      for (let i = 0; i < runs * 5; i += 1) warm.push((await timedFetch(`${cached.url}${r.path}`)).ms);
      rows.push(
        `| ${r.name} | ${perRequest.toFixed(0)} | ${ms(percentile(cold, 50))} / ${ms(percentile(cold, 95))} | ${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))} | ${(bytes / 1024).toFixed(1)} |`,
      );
      console.log(rows[rows.length - 1]);
    }
    const loadAfter = loadavg()[0] ?? 0;
    const lines = [
      runLine(loadBefore, loadAfter),
      '',
      `Data: the simulator's \`large\` preset (6 DPM + 2 classic CPCs), ${days} days at 15 s, the families the two endpoints read (${FAMILIES.join(', ')}): ${data.series} series, ${data.samples.toLocaleString('en')} samples, ${data.fileMiB} MiB of OpenMetrics written in ${data.writeSeconds.toFixed(0)} s, Prometheus ready after ${data.backfillSeconds.toFixed(0)} s; Prometheus also scrapes the simulator's live /metrics. Both endpoints fan out over the inventory's CPCs (one series query per CPC for power; one top-N per CPC and adapter metric, four instant queries each), in parallel within the BFF's upstream limit. ${runs} sequential requests per row uncached (BFF with \`ZLENS_CACHE_MAX_ENTRIES=0\`, after 2 warm-ups), ${runs * 5} cached (the range ends in the past).`,
      '',
      '| request | upstream queries per request | uncached p50 / p95 ms | cached p50 / p95 ms | response KiB |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ];
    const file = await writeBenchmarkSection('bff-physical', 'BFF: fleet power ranking and fleet top-N adapters (apps/bff)', lines.join('\n'));
    console.log(`wrote ${file}`);
  } finally {
    await stack.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
