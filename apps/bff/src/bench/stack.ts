// The stack the Prometheus benchmarks (index.ts, physical.ts) measure: days of the simulator's
// `large` preset written as OpenMetrics and backfilled into a real Prometheus that also scrapes
// the simulator's live /metrics, and two BFFs in front of it — one without a result cache, one
// with — each listening on a loopback port. Also the run's description line and the CLI knobs.
import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  backfillRules,
  largeScenario,
  queryPrometheus,
  startPrometheus,
  startSimulator,
  waitForSeries,
  writeHistory,
} from '@zlens/hmc-sim';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildDeps, type BuiltDeps } from '../deps.js';
import { createLogger } from '../logger.js';
import { mib } from './measure.js';

/** A positive number from the bench's environment (its own knobs, not BFF configuration). */
export function numberEnv(name: string, fallback: number): number {
  // eslint-disable-next-line no-restricted-syntax -- the bench CLI's own knobs, not BFF configuration
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export interface BenchBff {
  built: BuiltDeps;
  url: string;
  server: Server;
}

export interface BenchStack {
  promUrl: string;
  uncached: BenchBff;
  cached: BenchBff;
  /** The history's end (ms, on the 15 s grid, a minute before the start). */
  endMs: number;
  /** What was written and how long it took, for the benchmark's data paragraph. */
  data: { series: number; samples: number; fileMiB: string; writeSeconds: number; backfillSeconds: number; rulesSeconds: number | null };
  close(): Promise<void>;
}

async function listen(built: BuiltDeps): Promise<BenchBff> {
  const server = createApp(built.deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { built, url: `http://127.0.0.1:${address.port}`, server };
}

/** `days` of `families` of the large preset in a real Prometheus, and the two BFFs, ready to ask. */
export async function startBenchStack(options: {
  name: string;
  days: number;
  families: readonly string[];
  readyFamily: string;
  /**
   * The shipped recording rules (docker/prometheus/rules/zlens-records.yml) evaluated by Prometheus
   * and backfilled over the whole history (`promtool tsdb create-blocks-from rules`, docs/deploy.md
   * §7a), as a deployment that has run them all along; the history then starts 2 h earlier, so the
   * BFF finds the buckets (to within its 1 h probe) before every range the benchmark asks.
   */
  recordedRules?: string;
}): Promise<BenchStack> {
  const { days, families } = options;
  const historyFile = join(tmpdir(), `zlens-${options.name}-${process.pid}.om`);
  const scenario = largeScenario();
  const endMs = Math.floor(Date.now() / 15_000) * 15_000 - 60_000;
  const startMs = endMs - days * 86_400_000 - (options.recordedRules === undefined ? 0 : 2 * 3_600_000);
  console.log(`writing ${days} d of the large preset (${families.join(', ')})…`);
  let t = performance.now();
  const stats = await writeHistory(scenario, { startMs, endMs, families: [...families] }, historyFile);
  const writeSeconds = (performance.now() - t) / 1000;
  const fileMiB = mib(statSync(historyFile).size);
  console.log(`  ${stats.series} series, ${stats.samples} samples, ${fileMiB} MiB in ${writeSeconds.toFixed(1)} s; backfilling…`);
  // The simulator's exporter keeps the present current (the inventory reads label sets at "now"),
  // as a real exporter does while the history is being queried.
  const sim = await startSimulator({ scenario });
  t = performance.now();
  const ruleFiles = options.recordedRules === undefined ? [] : [options.recordedRules];
  const prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile, readyTimeoutMs: 3_600_000, ruleFiles });
  const backfillSeconds = (performance.now() - t) / 1000;
  rmSync(historyFile, { force: true });
  await waitForSeries(prom.url, options.readyFamily, 120_000);
  console.log(`  Prometheus ready after ${backfillSeconds.toFixed(1)} s`);
  let rulesSeconds: number | null = null;
  if (options.recordedRules !== undefined) {
    t = performance.now();
    await backfillRecorded(prom, ruleFiles, startMs / 1000, endMs / 1000);
    rulesSeconds = (performance.now() - t) / 1000;
    console.log(`  recorded buckets backfilled and loaded after ${rulesSeconds.toFixed(1)} s`);
  }

  const logger = createLogger('warn');
  const env = { ZLENS_PROMETHEUS_URL: prom.url, ZLENS_UPSTREAM_TIMEOUT_MS: '60000' };
  const uncached = await listen(buildDeps({ ...loadConfig({ ...env, ZLENS_CACHE_MAX_ENTRIES: '0' }), webDir: null }, logger));
  const cached = await listen(buildDeps({ ...loadConfig(env), webDir: null }, logger));
  return {
    promUrl: prom.url,
    uncached,
    cached,
    endMs,
    data: { series: stats.series, samples: stats.samples, fileMiB, writeSeconds, backfillSeconds, rulesSeconds },
    close: async () => {
      for (const bff of [uncached, cached]) {
        bff.server.close();
        await bff.built.close();
      }
      await prom.close();
      await sim.close();
    },
  };
}

/**
 * The rules' buckets over [start, end] written by promtool straight into the running Prometheus'
 * TSDB directory, which loads new blocks within a minute: waits until a bucket of the first hour is there.
 */
async function backfillRecorded(prom: { url: string; dataDir: string }, ruleFiles: string[], start: number, end: number): Promise<void> {
  await backfillRules({
    url: prom.url,
    ruleFiles,
    startSeconds: Math.floor(start),
    endSeconds: Math.floor(end),
    outputDir: join(prom.dataDir, 'data'),
  });
  const probe = `count(last_over_time({__name__=~"zlens:.+:avg5m"}[10m]))`;
  const deadline = Date.now() + 300_000;
  while ((await queryPrometheus(prom.url, probe, Math.floor(start) + 3600)).length === 0) {
    if (Date.now() > deadline) throw new Error('the backfilled recorded buckets were not loaded within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

/** Upstream requests to Prometheus a BFF has sent so far (zlens_upstream_requests_total). */
export async function upstreamRequests(bff: BenchBff): Promise<number> {
  const m = await bff.built.deps.metrics.upstreamRequests.get();
  return m.values.filter((v) => v.labels.upstream === 'prometheus').reduce((sum, v) => sum + v.value, 0);
}

/** The first line of a benchmark section: when, on what, and how busy the machine was. */
export function runLine(loadBefore: number, loadAfter: number): string {
  const promVersion = execFileSync('prometheus', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'prometheus';
  const cpu = cpus();
  return `Run ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${promVersion}. 1-minute load average ${loadBefore.toFixed(1)} when the measurements started and ${loadAfter.toFixed(1)} when they ended (other work shared the machine; on 2 cores, latencies are only comparable within one run).`;
}
