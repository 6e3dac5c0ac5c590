// Benchmark of a 90-day CPC view's capacity planning requests: the simulator's demo site (3 CPCs,
// 43 partitions) with 90 days of CPC and partition processor usage at 5-minute resolution,
// backfilled into a real Prometheus, and one BFF in front of it. Per request: the first answer
// (cold: Prometheus computes it, nothing cached) and the median of the next ones (the BFF's
// result cache, as every other viewer of the view gets it). Writes docs/benchmarks.md section
// `bff-capacity`. Environment: BENCH_DAYS (90), BENCH_RUNS (10).
import { rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, startSimulator, waitForSeries, writeBenchmarkSection, writeHistory } from '@zlens/hmc-sim';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildDeps } from '../deps.js';
import { createLogger } from '../logger.js';
import { kib, mib, ms, percentile, timedFetch } from './measure.js';
import { numberEnv } from './stack.js';

const FAMILIES = ['zhmc_cpc_processor_usage_ratio', 'zhmc_partition_processor_usage_ratio'];
const STEP_SECONDS = 300;

async function main(): Promise<void> {
  const days = numberEnv('BENCH_DAYS', 90);
  const runs = numberEnv('BENCH_RUNS', 10);
  const sim = await startSimulator();
  const historyFile = join(tmpdir(), `zlens-bench-capacity-${process.pid}.om`);
  const endMs = Math.floor(Date.now() / 300_000) * 300_000 - 60_000;
  let t = performance.now();
  const stats = await writeHistory(
    sim.scenario,
    { startMs: endMs - days * 86_400_000, endMs, stepSeconds: STEP_SECONDS, families: FAMILIES },
    historyFile,
  );
  const writeSeconds = (performance.now() - t) / 1000;
  const fileMiB = mib(statSync(historyFile).size);
  t = performance.now();
  const prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile, readyTimeoutMs: 3_600_000 });
  const backfillSeconds = (performance.now() - t) / 1000;
  rmSync(historyFile, { force: true });
  await waitForSeries(prom.url, 'zhmc_partition_processor_usage_ratio', 120_000);
  const built = buildDeps(
    { ...loadConfig({ ZLENS_PROMETHEUS_URL: prom.url, ZLENS_UPSTREAM_TIMEOUT_MS: '60000' }), webDir: null },
    createLogger('warn'),
  );
  const server: Server = createApp(built.deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}/api/v1`;
  try {
    const cpc = sim.scenario.cpcs.reduce((a, b) => (b.partitions.length > a.partitions.length ? b : a)).name;
    const range = `from=now-${days}d&to=now`;
    const q = encodeURIComponent(cpc);
    const requests: [string, string][] = [
      ['CPC processor usage (chart, 1000 points)', `${base}/series?metric=zhmc_cpc_processor_usage_ratio&cpc=${q}&${range}&maxPoints=1000`],
      ['processor usage by partition (stacked, 1000 points)', `${base}/stacked?cpc=${q}&${range}&maxPoints=1000`],
      ['trend and forecast (daily peaks)', `${base}/forecast?cpc=${q}&${range}`],
      ['partition heatmap (200 points)', `${base}/heatmap?metric=zhmc_partition_processor_usage_ratio&cpc=${q}&${range}&maxPoints=200`],
      ['top 10 partitions', `${base}/top?metric=zhmc_partition_processor_usage_ratio&cpc=${q}&n=10&${range}`],
    ];
    const rows: string[] = [];
    for (const [name, url] of requests) {
      const first = await timedFetch(url);
      const warm: number[] = [];
      for (let i = 0; i < runs; i += 1) warm.push((await timedFetch(url)).ms);
      rows.push(`| ${name} | ${ms(first.ms)} | ${ms(percentile(warm, 50))} | ${kib(first.bytes)} |`);
      console.log(rows[rows.length - 1]);
    }
    const lines = [
      `Data: the simulator's \`demo\` site (3 CPCs, 43 partitions), ${days} days of \`${FAMILIES.join('`, `')}\` at ${STEP_SECONDS / 60}-minute resolution: ${stats.series} series, ${stats.samples.toLocaleString('en')} samples, ${fileMiB} MiB of OpenMetrics written in ${writeSeconds.toFixed(0)} s, backfilled with promtool and Prometheus ready after ${backfillSeconds.toFixed(0)} s. The requests a ${days}-day view of CPC \`${cpc}\` (${sim.scenario.cpcs.find((c) => c.name === cpc)?.partitions.length ?? 0} partitions) makes for its capacity panels, sequentially, on ${cpus().length} cores / ${Math.round(totalmem() / 2 ** 30)} GiB shared with the other engineers' work (expect noise). “First” is the cold answer (Prometheus computes it); “cached” the median of ${runs} repeats (the BFF's result cache, what the next viewer gets).`,
      '',
      '| request | first (ms) | cached, median (ms) | body (KiB) |',
      '| --- | ---: | ---: | ---: |',
      ...rows,
      '',
      "The browser's time to the first chart of this view, on the same data: section `web-capacity` just below (`pnpm --filter @zlens/web bench:capacity`).",
      '',
      'Run: `pnpm --filter @zlens/bff build && node apps/bff/dist/bench/capacity.js` (BENCH_DAYS, BENCH_RUNS).',
    ];
    const file = await writeBenchmarkSection(
      'bff-capacity',
      'BFF: a 90-day CPC view — stacked, forecast, heatmap, top-N (apps/bff)',
      lines.join('\n'),
    );
    console.log(`wrote ${file}`);
  } finally {
    server.close();
    await built.close();
    await prom.close();
    await sim.close();
  }
}

await main();
