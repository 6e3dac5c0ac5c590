// `pnpm --filter @zlens/bff bench:physical`: the fleet's power ranking (GET /api/v1/fleet/power) and
// the fleet's top-N adapters (GET /api/v1/adapters/top, every family and each one) over 24 h and
// days of the simulator's `large` preset (8 CPCs), against a real Prometheus running the shipped
// recording rules (backfilled over the history): the same PromQL straight to Prometheus, the BFF
// uncached and cached, and upstream queries per request. Writes docs/benchmarks.md (section
// `bff-physical`). Environment: BENCH_DAYS (7), BENCH_RUNS (20).
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ADAPTER_TOP_FAMILIES } from '@zlens/shared';
import { writeBenchmarkSection } from '@zlens/hmc-sim';
import { ms, percentile, timedFetch } from './measure.js';
import { numberEnv, runLine, startBenchStack, upstreamRequests, type BenchStack } from './stack.js';

const RULES = fileURLToPath(new URL('../../../../docker/prometheus/rules/zlens-records.yml', import.meta.url));

/** What the two endpoints read, and the CPC status the inventory is built from. */
const FAMILIES = ['zhmc_cpc_status_int', 'zhmc_cpc_power_watt', 'zhmc_adapter_usage_ratio', 'zhmc_crypto_adapter_usage_ratio'];

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

/** The Prometheus queries one BFF request sends (recorded from its client), to send them straight. */
async function sentQueries(stack: BenchStack, path: string): Promise<{ path: string; params: Record<string, string> }[]> {
  const sent: { path: string; params: Record<string, string> }[] = [];
  let recording = true;
  stack.uncached.built.deps.prometheus?.observe((upstreamPath, params) => {
    if (recording) sent.push({ path: upstreamPath, params });
  });
  await timedFetch(`${stack.uncached.url}${path}`).catch(() => undefined);
  recording = false;
  return sent;
}

/** Prometheus alone: the request's queries sent at once, straight to it; the time until the last answer. */
async function prometheusRuns(stack: BenchStack, sent: { path: string; params: Record<string, string> }[], count: number) {
  const times: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    try {
      await Promise.all(
        sent.map(({ path, params }) =>
          timedFetch(`${stack.promUrl}/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(params).toString(),
          }),
        ),
      );
      times.push(performance.now() - started);
    } catch (err) {
      failures.push(err instanceof Error ? err.message.replace(/^POST \S+: /, '') : String(err));
    }
  }
  return { times, failures };
}

/** One table row: upstream queries per request, Prometheus alone, BFF uncached and cached latency, response size. */
async function measureRow(name: string, path: string, runs: number, stack: BenchStack): Promise<string> {
  const { uncached, cached } = stack;
  const sent = await sentQueries(stack, path);
  await timedRuns(`${uncached.url}${path}`, 1);
  const alone = await prometheusRuns(stack, sent, runs);
  const before = await upstreamRequests(uncached);
  const cold = await timedRuns(`${uncached.url}${path}`, runs);
  const perRequest = ((await upstreamRequests(uncached)) - before) / runs;
  await timedRuns(`${cached.url}${path}`, 1);
  const warm = await timedRuns(`${cached.url}${path}`, runs * 5);
  const bytes = Math.max(cold.bytes, warm.bytes);
  // Top-N queries on the buckets (not the BFF's background look for them, which asks for zlens: names too).
  const recorded = sent.filter(({ params }) => (params.query ?? '').includes('_over_time(zlens:')).length;
  return `| ${name} | ${perRequest.toFixed(0)} (${recorded} on recorded buckets) | ${latencies(alone, runs)} | ${latencies(cold, runs)} | ${latencies(warm, runs * 5)} | ${bytes === 0 ? '—' : (bytes / 1024).toFixed(1)} |`;
}

async function main(): Promise<void> {
  const days = numberEnv('BENCH_DAYS', 7);
  const runs = numberEnv('BENCH_RUNS', 20);
  const stack = await startBenchStack({
    name: 'bff-physical-bench',
    days,
    families: FAMILIES,
    readyFamily: 'zhmc_cpc_power_watt',
    recordedRules: RULES,
  });
  const { uncached, cached, endMs, data } = stack;
  try {
    const endS = endMs / 1000;
    const loadBefore = loadavg()[0] ?? 0;
    await timedFetch(`${uncached.url}/api/v1/inventory`);
    await timedFetch(`${cached.url}/api/v1/inventory`);
    // The BFFs' first look for the recorded buckets (RecordedCoverage), before anything is recorded or timed.
    for (const bff of [uncached, cached]) await timedFetch(`${bff.url}/api/v1/adapters/top?n=1&from=${endS - 3600}&to=${endS}`);
    const requests = [];
    for (const [label, seconds] of [
      ['24 h', 86_400],
      [`${days} d`, days * 86_400],
    ] as const) {
      const range = `from=${endS - seconds}&to=${endS}`;
      requests.push({ name: `fleet power ranking, ${label} (maxPoints 500)`, path: `/api/v1/fleet/power?${range}&maxPoints=500` });
      requests.push({ name: `fleet top 10 adapters, every family, ${label}`, path: `/api/v1/adapters/top?n=10&${range}` });
      for (const family of ADAPTER_TOP_FAMILIES) {
        requests.push({ name: `fleet top 10 ${family} adapters, ${label}`, path: `/api/v1/adapters/top?n=10&family=${family}&${range}` });
      }
    }
    const rows: string[] = [];
    for (const r of requests) {
      rows.push(await measureRow(r.name, r.path, runs, stack));
      console.log(rows[rows.length - 1]);
    }
    const loadAfter = loadavg()[0] ?? 0;
    const lines = [
      runLine(loadBefore, loadAfter),
      '',
      `Data: the simulator's \`large\` preset (6 DPM + 2 classic CPCs), ${days} days and 2 h at 15 s, the families the two endpoints read (${FAMILIES.join(', ')}): ${data.series} series, ${data.samples.toLocaleString('en')} samples, ${data.fileMiB} MiB of OpenMetrics written in ${data.writeSeconds.toFixed(0)} s, Prometheus ready after ${data.backfillSeconds.toFixed(0)} s; Prometheus also scrapes the simulator's live /metrics and runs the shipped recording rules (docker/prometheus/rules/zlens-records.yml), their 5-minute buckets backfilled over the whole history with \`promtool tsdb create-blocks-from rules\` in ${(data.rulesSeconds ?? 0).toFixed(0)} s, as in a deployment that has run them all along (docs/deploy.md §7a). Both endpoints fan out over the inventory's CPCs: power is one series query per CPC; the top-N is two instant queries (every adapter's average and peak over the range) per CPC and adapter metric, ranked in the BFF — \`zhmc_adapter_usage_ratio\` from its recorded buckets, \`zhmc_crypto_adapter_usage_ratio\` (classic crypto adapters, no recording rule) raw. "Prometheus alone" sends the queries one uncached BFF request sent (recorded from its client) straight to Prometheus, all at once, and waits for the last answer. ${runs} sequential requests per row uncached (BFF with \`ZLENS_CACHE_MAX_ENTRIES=0\`), ${runs * 5} cached (the range ends in the past).`,
      '',
      '| request | upstream queries per request | Prometheus alone p50 / p95 ms | BFF uncached p50 / p95 ms | BFF cached p50 / p95 ms | response KiB |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      "Without the recorded buckets (rules not deployed, or deployed after the range starts and the older history not filled in) a top-N over days reads every raw sample: the fleet adapter top-N over 7 days read 1,182 adapters × 40,320 samples twice (average and peak) per request and did not answer within the BFF's 60 s (504) in the previous run of this benchmark, which had no rules. At 24 h the top-N reads raw samples with the rules too (its step, 120 s, is not a whole number of 5-minute buckets): 1–2 s.",
      '',
      "The benchmark's BFFs have no HMC, so a DPM adapter's family (from the HMC's adapter type) is unknown: the per-family rows rank every adapter as a real family request does and then keep none (0.1 KiB); their cost is a real family request's, their answer is not. Crypto keeps the classic crypto adapters, crypto by their metric.",
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
