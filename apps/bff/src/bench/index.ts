// `pnpm --filter @zlens/bff bench`: the BFF against a real Prometheus holding days of the simulator's
// `large` preset (8 CPCs × 85 partitions). Measures (1) /api/v1/series vs the same PromQL straight to
// Prometheus, uncached; (2) the same, cached; (3) 50 concurrent viewers refreshing one CPC view →
// upstream queries per refresh; (4) response bytes vs Prometheus's JSON; (5) heatmap of 85 partitions
// × the whole history. Writes the numbers to docs/benchmarks.md (section `bff`).
// Environment: BENCH_DAYS (default 7), BENCH_RUNS (default 40).
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { writeBenchmarkSection } from '@zlens/hmc-sim';
import { buildSeriesQuery } from '../prometheus/promql.js';
import { kib, ms, percentile, timedFetch } from './measure.js';
import { numberEnv, runLine, startBenchStack, upstreamRequests } from './stack.js';

const FAMILIES = [
  'zhmc_cpc_status_int',
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
  'zhmc_partition_status_int',
  'zhmc_partition_lpar_status_int',
  'zhmc_partition_processor_usage_ratio',
];
const CPC = 'LX01';

async function main(): Promise<void> {
  const days = numberEnv('BENCH_DAYS', 7);
  const runs = numberEnv('BENCH_RUNS', 40);
  const stack = await startBenchStack({ name: 'bff-bench', days, families: FAMILIES, readyFamily: 'zhmc_partition_status_int' });
  const { uncached, cached, endMs, data } = stack;
  const lines: string[] = [];
  try {
    const endS = endMs / 1000;
    const loadBefore = loadavg()[0] ?? 0;
    // Warm both inventories (one instant query per inventory metric; cached for 60 s after).
    await timedFetch(`${uncached.url}/api/v1/inventory`);
    await timedFetch(`${cached.url}/api/v1/inventory`);

    // ---- (1) uncached, and (4) bytes ----
    const views = [
      { name: '1 h, one partition metric, 85 partitions', from: endS - 3600 },
      { name: '24 h, same', from: endS - 86_400 },
      { name: `${days} d, same`, from: endS - days * 86_400 },
    ];
    const seriesRows: string[] = [];
    const bytesRows: string[] = [];
    const directP50: Record<string, number> = {};
    for (const view of views) {
      const path = `/api/v1/series?metric=zhmc_partition_processor_usage_ratio&cpc=${CPC}&from=${view.from}&to=${endS}&maxPoints=1000`;
      const first = await fetch(`${uncached.url}${path}`);
      if (!first.ok) throw new Error(`${path}: HTTP ${first.status}: ${await first.text()}`);
      const sample = (await first.json()) as { start: number; end: number; step: number };
      const form = new URLSearchParams({
        query: buildSeriesQuery('zhmc_partition_processor_usage_ratio', { cpc: CPC }, sample.step),
        start: String(sample.start),
        end: String(sample.end),
        step: String(sample.step),
      }).toString();
      // fetch asks for gzip by default (as browsers and Grafana do); the BFF asks for identity.
      const direct = (encoding: 'gzip' | 'identity'): Promise<{ ms: number; bytes: number }> =>
        timedFetch(`${stack.promUrl}/api/v1/query_range`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': encoding },
          body: form,
        });
      for (let i = 0; i < 3; i += 1) {
        await direct('gzip');
        await direct('identity');
        await timedFetch(`${uncached.url}${path}`);
      }
      const bff: number[] = [];
      const prometheus: number[] = [];
      const plain: number[] = [];
      let bffBytes = 0;
      let promBytes = 0;
      for (let i = 0; i < runs; i += 1) {
        // Interleaved, so drift (GC, page cache) hits all alike.
        const a = await direct('gzip');
        const c = await direct('identity');
        const b = await timedFetch(`${uncached.url}${path}`);
        prometheus.push(a.ms);
        plain.push(c.ms);
        bff.push(b.ms);
        promBytes = c.bytes;
        bffBytes = b.bytes;
      }
      directP50[view.name] = Math.min(percentile(prometheus, 50), percentile(plain, 50));
      const ratio = (p: number, of: readonly number[]): string => (percentile(bff, p) / percentile(of, p)).toFixed(2);
      seriesRows.push(
        `| ${view.name} (step ${sample.step} s) | ${ms(percentile(prometheus, 50))} / ${ms(percentile(prometheus, 95))} | ${ms(percentile(plain, 50))} / ${ms(percentile(plain, 95))} | ${ms(percentile(bff, 50))} / ${ms(percentile(bff, 95))} | ${ratio(50, prometheus)} / ${ratio(95, prometheus)} | ${ratio(50, plain)} / ${ratio(95, plain)} |`,
      );
      bytesRows.push(`| ${view.name} | ${kib(promBytes)} | ${kib(bffBytes)} | ${(bffBytes / promBytes).toFixed(2)} |`);
      console.log(seriesRows[seriesRows.length - 1]);
    }

    // ---- (2) cached ----
    const cachedRows: string[] = [];
    for (const view of views) {
      const path = `/api/v1/series?metric=zhmc_partition_processor_usage_ratio&cpc=${CPC}&from=${view.from}&to=${endS}&maxPoints=1000`;
      await timedFetch(`${cached.url}${path}`);
      const times: number[] = [];
      for (let i = 0; i < runs * 5; i += 1) times.push((await timedFetch(`${cached.url}${path}`)).ms);
      const p50 = percentile(times, 50);
      cachedRows.push(
        `| ${view.name} | ${ms(p50)} / ${ms(percentile(times, 95))} | ${ms(directP50[view.name] ?? Number.NaN)} | ${((directP50[view.name] ?? Number.NaN) / p50).toFixed(1)}× |`,
      );
      console.log(cachedRows[cachedRows.length - 1]);
    }

    // ---- (3) 50 viewers refreshing one CPC view ----
    const panels = (from: string, to: string): string[] => [
      `/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=${CPC}&from=${from}&to=${to}`,
      `/api/v1/series?metric=zhmc_cpc_network_adapter_usage_ratio&cpc=${CPC}&from=${from}&to=${to}`,
      `/api/v1/series?metric=zhmc_cpc_storage_adapter_usage_ratio&cpc=${CPC}&from=${from}&to=${to}`,
      `/api/v1/series?metric=zhmc_partition_processor_usage_ratio&cpc=${CPC}&from=${from}&to=${to}`,
      `/api/v1/series?metric=zhmc_partition_status_int&cpc=${CPC}&from=${from}&to=${to}`,
      `/api/v1/top?metric=zhmc_partition_processor_usage_ratio&cpc=${CPC}&n=10&from=${from}&to=${to}`,
    ];
    // Distinct upstream queries of one refresh: 5 range queries, and 4 instant queries for top-N.
    const distinctQueries = 5 + 4;
    const viewerRows: string[] = [];
    for (const [label, from, to] of [
      ['live view (from=now-1h, to=now; ends at the last step one scrape old)', 'now-1h', 'now'],
      [`fixed past range (last hour of the history: cacheable)`, String(endS - 3600), String(endS)],
    ] as const) {
      const refreshes = 3;
      const perRefresh: number[] = [];
      const started = performance.now();
      let non2xx = 0;
      for (let r = 0; r < refreshes; r += 1) {
        const before = await upstreamRequests(cached);
        // A browser asks for all panels of a view at once: per panel, 50 connections, one request each.
        const results = await Promise.all(
          panels(from, to).map((path) => autocannon({ url: `${cached.url}${path}`, connections: 50, amount: 50 })),
        );
        for (const result of results) non2xx += result.non2xx;
        perRefresh.push((await upstreamRequests(cached)) - before);
      }
      const elapsed = (performance.now() - started) / refreshes;
      viewerRows.push(
        `| ${label} | ${panels(from, to).length} panels, ${distinctQueries} distinct queries | ${perRefresh.join(', ')} | ${ms(elapsed)} | ${non2xx} |`,
      );
      console.log(viewerRows[viewerRows.length - 1]);
    }

    // ---- (5) heatmap ----
    const heatmapRows: string[] = [];
    for (const [label, cpcParam] of [
      [`${CPC}: 85 partitions × ${days} d`, `&cpc=${CPC}`],
      [`whole fleet: 8 CPCs × 85 partitions × ${days} d`, ''],
    ] as const) {
      const path = `/api/v1/heatmap?metric=zhmc_partition_processor_usage_ratio${cpcParam}&from=${endS - days * 86_400}&to=${endS}&maxPoints=500`;
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 5; i += 1) {
        const res = await timedFetch(`${uncached.url}${path}`);
        times.push(res.ms);
        bytes = res.bytes;
      }
      const body = (await (await fetch(`${uncached.url}${path}`)).json()) as { rows: unknown[]; timestamps: unknown[]; step: number };
      heatmapRows.push(
        `| ${label} | ${body.rows.length} × ${body.timestamps.length} (step ${body.step} s) | ${ms(percentile(times, 50))} / ${ms(Math.max(...times))} | ${kib(bytes)} |`,
      );
      console.log(heatmapRows[heatmapRows.length - 1]);
    }

    const loadAfter = loadavg()[0] ?? 0;
    lines.push(
      runLine(loadBefore, loadAfter),
      '',
      `Data: the simulator's \`large\` preset (6 DPM + 2 classic CPCs × 85 partitions), ${days} days at 15 s, only the ${FAMILIES.length} families the views below read (${FAMILIES.join(', ')}): ${data.series} series, ${data.samples.toLocaleString('en')} samples, ${data.fileMiB} MiB of OpenMetrics written in ${data.writeSeconds.toFixed(0)} s, backfilled with promtool and Prometheus ready after ${data.backfillSeconds.toFixed(0)} s; Prometheus also scrapes the simulator's live /metrics of the same site (≈ 69,000 lines every 15 s) throughout, as it would a real exporter. Everything (Prometheus, BFF, load generator) on the same machine; BFF and Prometheus on loopback; sequential requests unless stated; ${runs} interleaved runs per row after 3 warm-ups.`,
      '',
      '**(1) `/api/v1/series` vs the same PromQL straight to Prometheus, uncached** (BFF with `ZLENS_CACHE_MAX_ENTRIES=0`; `zhmc_partition_processor_usage_ratio` for every partition of one CPC, `maxPoints=1000`; target ratio ≤ 1.10)',
      '',
      '| range | Prometheus gzip p50 / p95 ms | Prometheus identity p50 / p95 ms | BFF p50 / p95 ms | BFF ÷ gzip p50 / p95 | BFF ÷ identity p50 / p95 |',
      '| --- | --- | --- | --- | --- | --- |',
      ...seriesRows,
      '',
      `**(2) cached** (same requests to a BFF with the result cache on; the range ends in the past, so it is cacheable; ${runs * 5} requests after one priming request; target ≥ 10× faster than Prometheus)`,
      '',
      '| range | BFF cached p50 / p95 ms | Prometheus p50 ms (faster encoding) | speed-up at p50 |',
      '| --- | --- | --- | --- |',
      ...cachedRows,
      '',
      '**(3) 50 concurrent viewers refreshing the same CPC view** (per panel one autocannon run with 50 connections and one request each, all panels at once, as 50 browsers refreshing together; 3 refreshes; upstream queries counted by `zlens_upstream_requests_total`; target: one per distinct panel query)',
      '',
      '| view | panels | upstream queries in refresh 1, 2, 3 | wall time per refresh ms | non-2xx |',
      '| --- | --- | --- | --- | --- |',
      ...viewerRows,
      '',
      '**(4) response bytes** (uncompressed JSON of the same data as (1); neither side compressed)',
      '',
      '| range | Prometheus KiB | BFF KiB | BFF / Prometheus |',
      '| --- | --- | --- | --- |',
      ...bytesRows,
      '',
      '**(5) heatmap end to end** (uncached BFF, `maxPoints=500`, 5 runs)',
      '',
      '| heatmap | rows × points | p50 / max ms | KiB |',
      '| --- | --- | --- | --- |',
      ...heatmapRows,
    );
    const file = await writeBenchmarkSection('bff', 'BFF: /api/v1 against Prometheus (apps/bff)', lines.join('\n'));
    console.log(`written to ${file}`);
  } finally {
    await stack.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
