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

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

/** Sequential requests; a failed one (a 504 when Prometheus does not answer in time) is counted, not fatal. */
async function timedRuns(url: string, count: number): Promise<{ times: number[]; bytes: number; failures: string[] }> {
  const times: number[] = [];
  const failures: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    try {
      const res = await timedFetch(url);
      times.push(res.ms);
      bytes = res.bytes;
    } catch (err) {
      failures.push(err instanceof Error ? err.message.replace(/^GET \S+: /, '') : String(err));
    }
  }
  return { times, bytes, failures };
}

function latencies(run: { times: number[]; failures: string[] }, count: number): string {
  const measured = run.times.length === 0 ? '—' : `${ms(percentile(run.times, 50))} / ${ms(percentile(run.times, 95))}`;
  return run.failures.length === 0
    ? measured
    : `${measured} (${run.failures.length} of ${count} failed: ${run.failures[0]?.slice(0, 120) ?? ''})`;
}

/** One table row: upstream queries per request, uncached and cached latency, response size. */
async function measureRow(name: string, path: string, runs: number, stack: Stack): Promise<string> {
  const { uncached, cached } = stack;
  await timedRuns(`${uncached.url}${path}`, 2);
  const before = await upstreamRequests(uncached);
  const cold = await timedRuns(`${uncached.url}${path}`, runs);
  const perRequest = ((await upstreamRequests(uncached)) - before) / runs;
  await timedRuns(`${cached.url}${path}`, 1);
  const warm = await timedRuns(`${cached.url}${path}`, runs * 5);
  const bytes = Math.max(cold.bytes, warm.bytes);
  return `| ${name} | ${perRequest.toFixed(0)} | ${latencies(cold, runs)} | ${latencies(warm, runs * 5)} | ${bytes === 0 ? '—' : (bytes / 1024).toFixed(1)} |`;
}

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
      {
        name: `fleet top 10 network adapters, ${days} d (every adapter ranked, then filtered)`,
        path: `/api/v1/adapters/top?n=10&family=network&from=${from}&to=${endS}`,
      },
    ];
    const rows: string[] = [];
    for (const r of requests) {
      rows.push(await measureRow(r.name, r.path, runs, stack));
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
    const file = await writeBenchmarkSection(
      'bff-physical',
      'BFF: fleet power ranking and fleet top-N adapters (apps/bff)',
      lines.join('\n'),
    );
    console.log(`wrote ${file}`);
  } finally {
    await stack.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
