// Integration: heatmaps and top-N from the shipped recording rules (docker/prometheus/rules/
// zlens-records.yml, group zlens-coarse) give the same answers as from the raw metrics. A real
// Prometheus holds 3 days of the simulator's history at 60 s; the rules are evaluated by a real
// Prometheus over the last 2 days of it (`promtool tsdb create-blocks-from rules`, as an operator
// backfills), so the first day has no recorded series — as history from before the rules were
// deployed. One BFF uses the recorded series (ZLENS_RECORDED_SERIES=auto), one never does (off).
//
// Prometheus evaluates a rule group at a fixed phase within its interval (a hash of the group's name
// and file; promtool's backfill uses the same), so the buckets end at 5-minute marks + phase and the
// BFF moves a cell's window to the nearest bucket ends, by at most 150 s (recordedOffset). Checked
// two ways:
// - exactly (1e-9: only the order of floating-point sums differs) against the raw samples over the
//   same moved window, asked of Prometheus directly: the buckets hold what they should;
// - against the BFF without rules, within what moving the window can change: a cell whose window
//   (t − step, t] moves by `shift` swaps ⌈|shift| / 60 s⌉ of its step / 60 s samples for others in
//   (t − step − |shift|, t + |shift|], so it moves by at most that share of the samples' spread there
//   (asked of Prometheus: max_over_time − min_over_time). A fixed tolerance would not hold: the
//   simulator's batch and spiky workloads jump by tens of percent within a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backfillRules,
  scrapeLabels,
  startPrometheus,
  startSimulator,
  waitForSeries,
  writeHistory,
  type RunningPrometheus,
  type RunningSimulator,
} from '@zlens/hmc-sim';
import { HeatmapResponseSchema, TopResponseSchema, type HeatmapResponse, type TopResponse } from '@zlens/shared';
import { createApp } from './app.js';
import { recordedShiftMs } from './prometheus/promql.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';
import { startPromProxy, type PromProxy } from './test/prom-proxy.js';

const DAY = 86_400;
const EXACT = 1e-9;
// A peak over 2 days moves only if it lies in the ≤ 5 minutes the window drops at an end.
const PEAK_TOLERANCE = 0.04;
const RULES = fileURLToPath(new URL('../../../docker/prometheus/rules/zlens-records.yml', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'zlens-bff-recorded-'));
let sim: RunningSimulator;
let prom: RunningPrometheus;
let proxy: PromProxy;
let historyEnd: number;
let rulesFrom: number;
const bffs: BuiltDeps[] = [];
let recorded: ReturnType<typeof request>;
let raw: ReturnType<typeof request>;

beforeAll(async () => {
  sim = await startSimulator();
  const nowS = Math.floor(Date.now() / 1000);
  historyEnd = Math.floor((nowS - 120) / 3600) * 3600;
  rulesFrom = historyEnd - 2 * DAY;
  const historyFile = join(work, 'history.om');
  const families = ['zhmc_partition_processor_usage_ratio', 'zhmc_adapter_usage_ratio'];
  const range = {
    startMs: (historyEnd - 3 * DAY) * 1000,
    endMs: historyEnd * 1000,
    stepSeconds: 60,
    families,
    targetLabels: scrapeLabels(sim.metricsTarget),
  };
  await writeHistory(sim.scenario, range, historyFile);
  // The rules evaluated over the history by a Prometheus that has only the raw samples.
  const evaluator = await startPrometheus({ scrapeTargets: [], historyFile, readyTimeoutMs: 120_000 });
  const blocks = join(work, 'rule-blocks');
  try {
    await backfillRules({ url: evaluator.url, ruleFiles: [RULES], startSeconds: rulesFrom, endSeconds: historyEnd, outputDir: blocks });
  } finally {
    await evaluator.close();
  }
  prom = await startPrometheus({
    scrapeTargets: [sim.metricsTarget],
    historyFile,
    blockDirs: [blocks],
    ruleFiles: [RULES],
    readyTimeoutMs: 120_000,
  });
  // The inventory lists what Prometheus has now: the live scrape.
  await waitForSeries(prom.url, 'zhmc_partition_processor_usage_ratio', 60_000);
  proxy = await startPromProxy(prom.url);
  // The BFF's clock at the history's end: the recorded series run "up to now" there, as they would
  // on a Prometheus that evaluates the rules (this one's own evaluations start at its start).
  const clock = { nowMs: () => (historyEnd + 60) * 1000 };
  for (const [mode, url] of [
    ['auto', proxy.url],
    ['off', prom.url],
  ] as const) {
    const config = loadConfig({ ZLENS_PROMETHEUS_URL: url, ZLENS_RECORDED_SERIES: mode });
    bffs.push(buildDeps({ ...config, webDir: null }, captureLogger().logger, { clock, startPolling: false }));
  }
  const [withRules, without] = bffs;
  if (withRules === undefined || without === undefined) throw new Error('two BFFs');
  recorded = request(createApp(withRules.deps));
  raw = request(createApp(without.deps));
}, 300_000);

afterAll(async () => {
  for (const bff of bffs) await bff.close();
  await proxy?.close();
  await prom?.close();
  await sim?.close();
  rmSync(work, { recursive: true, force: true });
});

const q = (params: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

async function both(path: string): Promise<{ recorded: unknown; raw: unknown; queries: string[] }> {
  const mark = proxy.requests.length;
  const a = await recorded.get(path);
  const b = await raw.get(path);
  expect(a.status, a.text).toBe(200);
  expect(b.status, b.text).toBe(200);
  // The data queries; the first request also reads the inventory and finds where the buckets are.
  const queries = proxy.requests.slice(mark).map((r) => r.params.query ?? '');
  return { recorded: a.body, raw: b.body, queries: queries.filter((query) => query.startsWith('max by') && query.includes('_over_time(')) };
}

function dpmCpc(): string {
  const cpc = sim.scenario.cpcs.find((c) => c['dpm-enabled']);
  if (cpc === undefined) throw new Error('the default scenario has a DPM CPC');
  return cpc.name;
}

const rowKey = (labels: Record<string, string>): string => `${labels.cpc}/${labels.partition}`;

/** Cells equal within `tolerance(row, timestamp)`, a value where the other has one (no gap), the same rows. */
function expectSameHeatmap(a: HeatmapResponse, b: HeatmapResponse, tolerance: (row: string, t: number) => number): void {
  expect(a.timestamps).toEqual(b.timestamps);
  const other = new Map(b.rows.map((row) => [rowKey(row.labels), row]));
  expect(a.rows.map((row) => rowKey(row.labels)).sort()).toEqual([...other.keys()].sort());
  for (const row of a.rows) {
    row.values.forEach((value, j) => {
      const expected = other.get(rowKey(row.labels))?.values[j] ?? null;
      const t = a.timestamps[j] ?? NaN;
      const where = `${rowKey(row.labels)} @ ${t}`;
      if (expected === null || value === null) expect(value, where).toBe(expected);
      else expect(Math.abs(value - expected), where).toBeLessThanOrEqual(tolerance(rowKey(row.labels), t));
    });
  }
}

const exactly = (): number => EXACT;

/**
 * How far a cell may move when its window (t − step, t] moves by `shiftMs`: the share of its 60 s
 * samples swapped, times the spread of the raw samples over both windows (see the file's head).
 */
async function movedWindowBound(cpc: string | undefined, step: number, shiftMs: number): Promise<(row: string, t: number) => number> {
  const reach = Math.abs(shiftMs);
  const selector = cpc === undefined ? '' : `{cpc="${cpc}"}`;
  const over = `zhmc_partition_processor_usage_ratio${selector}[${step * 1000 + 2 * reach}ms]${reach > 0 ? ` offset -${reach}ms` : ''}`;
  const form = new URLSearchParams({
    query: `max by (cpc, partition) (max_over_time(${over}) - min_over_time(${over}))`,
    start: String(historyEnd - 3 * DAY),
    end: String(historyEnd),
    step: String(step),
  });
  const body = (await (await fetch(`${prom.url}/api/v1/query_range`, { method: 'POST', body: form })).json()) as {
    data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
  };
  const spread = new Map(
    body.data.result.flatMap(({ metric, values }) => values.map(([t, v]): [string, number] => [`${rowKey(metric)} @ ${t}`, Number(v)])),
  );
  const share = Math.ceil(reach / 60_000) / (step / 60);
  return (row, t) => share * (spread.get(`${row} @ ${t}`) ?? 0) + EXACT;
}

/** The phase of the recorded buckets (ms after the 5-minute marks), as the BFF reads it. */
async function phaseMs(): Promise<number> {
  const body = (await (
    await fetch(
      `${prom.url}/api/v1/query?${q({ query: 'max(timestamp(zlens:zhmc_partition_processor_usage_ratio:avg5m))', time: historyEnd })}`,
    )
  ).json()) as {
    data: { result: { value: [number, string] }[] };
  };
  return Math.round(Number(body.data.result[0]?.value[1]) * 1000) % 300_000;
}

function expectSameTop(a: TopResponse, b: TopResponse, tolerance: number): void {
  for (const list of ['byAverage', 'byPeak'] as const) {
    expect(a[list].map((e) => e.labels)).toEqual(b[list].map((e) => e.labels));
    a[list].forEach((entry, i) => {
      expect(Math.abs((entry.avg ?? NaN) - (b[list][i]?.avg ?? NaN))).toBeLessThan(tolerance);
      expect(Math.abs((entry.peak ?? NaN) - (b[list][i]?.peak ?? NaN))).toBeLessThan(PEAK_TOLERANCE);
    });
  }
}

describe('recorded series', () => {
  it('draws the fleet heatmap from the buckets where they exist and from the raw metric before, equal to the raw answer and without a gap', async () => {
    const path = `/api/v1/heatmap?${q({ metric: 'zhmc_partition_processor_usage_ratio', from: historyEnd - 3 * DAY, to: historyEnd, maxPoints: 200 })}`;
    const { recorded: a, raw: b, queries } = await both(path);
    const withRules = HeatmapResponseSchema.parse(a);
    expect(withRules.step).toBe(1800);
    const bound = await movedWindowBound(undefined, withRules.step, recordedShiftMs(await phaseMs()));
    expectSameHeatmap(withRules, HeatmapResponseSchema.parse(b), bound);
    // The buckets from where they begin…
    expect(queries.filter((query) => query.includes('avg_over_time(zlens:zhmc_partition_processor_usage_ratio:avg5m'))).toHaveLength(1);
    // …and the raw metric for the first day, and for the newest points if their buckets are not written yet.
    expect(queries.filter((query) => query.includes('avg_over_time(zhmc_partition_processor_usage_ratio{}')).length).toBeGreaterThanOrEqual(
      1,
    );
    // Where the buckets take over, as many partitions have a value as just before: no gap.
    const bucketsFrom = queries
      .map((query) => proxy.requests.find((r) => r.params.query === query))
      .find((r) => r?.params.query?.includes('zlens:'));
    const first = withRules.timestamps.indexOf(Number(bucketsFrom?.params.start));
    expect(first).toBeGreaterThan(0);
    const valued = (i: number): number => withRules.rows.filter((row) => row.values[i] !== null).length;
    expect(valued(first)).toBeGreaterThan(0);
    expect(valued(first)).toBe(valued(first - 1));
  });

  it('draws a CPC heatmap inside the recorded span from the buckets: exactly the raw samples of the moved window', async () => {
    const cpc = dpmCpc();
    const path = `/api/v1/heatmap?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc, from: historyEnd - DAY, to: historyEnd, maxPoints: 100 })}`;
    const { recorded: a, raw: b, queries } = await both(path);
    const withRules = HeatmapResponseSchema.parse(a);
    expect(withRules.step % 300).toBe(0);
    expect(withRules.rows.length).toBeGreaterThan(1);
    // The buckets, and the raw metric for the newest points whose buckets are not written yet.
    const bucketQuery = queries.find((query) => query.includes('zlens:zhmc_partition_processor_usage_ratio:avg5m'));
    expect(queries.filter((query) => query !== bucketQuery).every((query) => !query.includes('zlens:'))).toBe(true);
    const span = proxy.requests.find((r) => r.params.query === bucketQuery)?.params ?? {};
    const [from, to] = [Number(span.start), Number(span.end)];
    expect(from).toBe(withRules.start);
    expect(to).toBeGreaterThan(withRules.end - 3 * withRules.step);
    // Exactly the raw samples' average over the same moved window.
    const shift = recordedShiftMs(await phaseMs());
    const form = new URLSearchParams({
      query: `max by (cpc, partition) (avg_over_time(zhmc_partition_processor_usage_ratio{cpc="${cpc}"}[${withRules.step * 1000 - 1}ms] offset ${-shift}ms))`,
      start: String(from),
      end: String(to),
      step: String(withRules.step),
    });
    const direct = (await (await fetch(`${prom.url}/api/v1/query_range`, { method: 'POST', body: form })).json()) as {
      data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
    };
    const inSpan = withRules.timestamps.map((t, i) => (t >= from && t <= to ? i : -1)).filter((i) => i >= 0);
    const recordedSpan: HeatmapResponse = {
      ...withRules,
      timestamps: withRules.timestamps.filter((t) => t >= from && t <= to),
      rows: withRules.rows.map((row) => ({ ...row, values: inSpan.map((i) => row.values[i] ?? null) })),
    };
    const rawMoved: HeatmapResponse = {
      ...recordedSpan,
      rows: direct.data.result.map(({ metric, values }) => ({
        labels: metric,
        avg: null,
        values: recordedSpan.timestamps.map((t) => {
          const found = values.find(([time]) => time === t);
          return found === undefined ? null : Number(found[1]);
        }),
      })),
    };
    expectSameHeatmap(recordedSpan, rawMoved, exactly);
    expectSameHeatmap(withRules, HeatmapResponseSchema.parse(b), await movedWindowBound(cpc, withRules.step, shift));
  });

  it('ranks partitions and adapters over 2 days from the buckets, as from the raw samples', async () => {
    const cpc = dpmCpc();
    for (const metric of ['zhmc_partition_processor_usage_ratio', 'zhmc_adapter_usage_ratio']) {
      const path = `/api/v1/top?${q({ metric, cpc, n: 5, from: rulesFrom + 2 * 3600, to: historyEnd })}`;
      const { recorded: a, raw: b, queries } = await both(path);
      const withRules = TopResponseSchema.parse(a);
      expect(withRules.byAverage.length).toBeGreaterThan(1);
      // Over 2 days a window moved by ≤ 150 s changes an average by < 0.001.
      expectSameTop(withRules, TopResponseSchema.parse(b), 0.001);
      expect(queries).toHaveLength(2);
      expect(queries.filter((query) => query.includes(`avg_over_time(zlens:${metric}:avg5m{`))).toHaveLength(1);
      expect(queries.filter((query) => query.includes(`max_over_time(zlens:${metric}:max5m{`))).toHaveLength(1);
    }
  });

  it('ranks from the raw samples when the range reaches before the buckets', async () => {
    const cpc = dpmCpc();
    const path = `/api/v1/top?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc, n: 5, from: historyEnd - 3 * DAY, to: historyEnd })}`;
    const { recorded: a, raw: b, queries } = await both(path);
    expectSameTop(TopResponseSchema.parse(a), TopResponseSchema.parse(b), EXACT);
    expect(queries).toHaveLength(2);
    for (const query of queries) expect(query).not.toContain('zlens:');
  });
});
