// Integration: the same answers from two PromQL engines. A real Prometheus and a real
// VictoriaMetrics (Debian's single node, the API its cluster's vmselect serves) hold the same 2 days
// of the simulator's history at 60 s; two BFFs, one per engine, are asked the same questions.
//
// The history is made the way scrapes make it: sample times 23 s past the minute (never on the
// query grid), and two gaps in every series — 2 minutes (two scrapes missed: Prometheus carries the
// last value over it, its 5-minute lookback) and 10 minutes (longer than the lookback: a gap on
// both). startVictoriaMetrics sets -search.minStalenessInterval=5m and -search.maxStalenessInterval=5m
// (docs/deploy.md §7); without them VictoriaMetrics showed the 2-minute gap as a gap.
//
// What may differ, and by how much (docs/deploy.md §7, docs/benchmarks.md):
// - gauges, *_over_time windows (asked 1 ms short, so both count the same samples) and the BFF's own
//   ranking (ties by name): nothing but the order of floating-point sums (1e-9);
// - counter rates: Prometheus extrapolates the increase between the first and last sample in the
//   window to the window's edges, VictoriaMetrics takes the increase since the last sample before
//   the window and does not extrapolate. With n = window / interval samples in the window, the one
//   is the mean of the n − 1 per-interval rates inside it, the other of those and the one interval
//   that starts before it; they differ by at most (interval / window) × the spread of those n
//   per-interval rates. That bound is computed from the raw samples for every point. A window with a
//   missed scrape has no such bound (Prometheus extrapolates at most half an interval over the gap,
//   reading low): there both engines must have a value, no false gap.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultScenario,
  startPrometheus,
  startVictoriaMetrics,
  writeHistory,
  type RunningPrometheus,
  type RunningVictoriaMetrics,
} from '@zlens/hmc-sim';
import {
  AlertsResponseSchema,
  HeatmapResponseSchema,
  InventoryResponseSchema,
  SeriesResponseSchema,
  TopResponseSchema,
  type HeatmapResponse,
  type SeriesResponse,
  type TopResponse,
} from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { INVENTORY_METRICS } from './inventory/prometheus-inventory.js';
import { captureLogger } from './test/helpers.js';

const DAY = 86_400;
const INTERVAL = 60;
/** Seconds past the minute of every sample. */
const PHASE = 23;
const EXACT = 1e-9;
const NIC = 'zhmc_nic_bytes_sent_count_total';
const PORT = 'zhmc_port_bytes_received_count_total';
/** What the inventory reads, and two counters for the rates. */
const FAMILIES = [...INVENTORY_METRICS, NIC, PORT];
const PARTITION_USAGE = 'zhmc_partition_processor_usage_ratio';

const work = mkdtempSync(join(tmpdir(), 'zlens-bff-engines-'));
const scenario = defaultScenario();
let end: number;
/** Samples dropped in [from, from + seconds). */
let gaps: { from: number; seconds: number }[];
let prom: RunningPrometheus;
let vm: RunningVictoriaMetrics;
const bffs: BuiltDeps[] = [];
let onProm: ReturnType<typeof request>;
let onVm: ReturnType<typeof request>;

/** The simulator's history with sample times moved by PHASE and the gaps' samples left out. */
async function scrapeLike(from: string, to: string): Promise<void> {
  const out = createWriteStream(to);
  for await (const line of createInterface({ input: createReadStream(from, 'utf8'), crlfDelay: Infinity })) {
    let text = line;
    if (!line.startsWith('#')) {
      const cut = line.lastIndexOf(' ');
      const t = Number(line.slice(cut + 1)) + PHASE;
      if (gaps.some((gap) => t >= gap.from && t < gap.from + gap.seconds)) continue;
      text = `${line.slice(0, cut)} ${t}`;
    }
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

beforeAll(async () => {
  // The inventory asks both engines for what exists now: the history runs up to about now; the
  // ranges asked end before, at `end`, on a multiple of 10 minutes.
  const nowS = Math.floor(Date.now() / 1000);
  end = Math.floor((nowS - 60) / 600) * 600;
  // On a day's chart (10-minute step) one window ends 5 minutes into the 10-minute gap, one starts
  // 2 minutes before the end of the 2-minute gap: the rate at a pause and after one.
  gaps = [
    { from: end - 1800, seconds: 120 },
    { from: end - 4 * 3600 - 300, seconds: 600 },
  ];
  const written = join(work, 'written.om');
  const historyFile = join(work, 'history.om');
  await writeHistory(
    scenario,
    { startMs: (end - 2 * DAY) * 1000, endMs: (nowS - 60) * 1000, stepSeconds: INTERVAL, families: FAMILIES },
    written,
  );
  await scrapeLike(written, historyFile);
  [prom, vm] = await Promise.all([
    startPrometheus({ scrapeTargets: [], historyFile, readyTimeoutMs: 120_000 }),
    startVictoriaMetrics({ historyFile, readyTimeoutMs: 120_000 }),
  ]);
  for (const url of [prom.url, vm.url]) {
    const config = loadConfig({ ZLENS_PROMETHEUS_URL: url, ZLENS_RECORDED_SERIES: 'off' });
    bffs.push(buildDeps({ ...config, webDir: null }, captureLogger().logger, { startPolling: false }));
  }
  const [a, b] = bffs;
  if (a === undefined || b === undefined) throw new Error('two BFFs');
  onProm = request(createApp(a.deps));
  onVm = request(createApp(b.deps));
}, 240_000);

afterAll(async () => {
  for (const bff of bffs) await bff.close();
  await prom?.close();
  await vm?.close();
  rmSync(work, { recursive: true, force: true });
});

const q = (params: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

async function both(path: string): Promise<[unknown, unknown]> {
  const a = await onProm.get(path);
  const b = await onVm.get(path);
  expect(a.status, a.text).toBe(200);
  expect(b.status, b.text).toBe(200);
  return [a.body, b.body];
}

function dpmCpc(): string {
  const cpc = scenario.cpcs.find((c) => c['dpm-enabled'] && c.partitions.length > 0);
  if (cpc === undefined) throw new Error('the default scenario has a DPM CPC');
  return cpc.name;
}

const key = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).sort());

/** Each series of `b` by its labels; both answers have the same grid and the same series. */
function pair<T extends { labels: Record<string, string> }>(a: T[], b: T[]): [T, T][] {
  const other = new Map(b.map((s) => [key(s.labels), s]));
  expect(a.map((s) => key(s.labels)).sort()).toEqual([...other.keys()].sort());
  return a.map((s) => [s, other.get(key(s.labels)) ?? s]);
}

/** Equal within `tolerance(i)` (null: any two values), and a value on both where one has one; `at(i)` names a point. */
function expectSameValues(
  a: (number | null)[],
  b: (number | null)[],
  at: (i: number) => string,
  tolerance: (i: number) => number | null,
): void {
  expect(a.length).toBe(b.length);
  a.forEach((value, i) => {
    const other = b[i] ?? null;
    if (value === null || other === null) {
      expect(value, `${at(i)}: a value on one engine only`).toBe(other);
      return;
    }
    const bound = tolerance(i);
    if (bound !== null) expect(Math.abs(value - other), `${at(i)}: ${value} vs ${other}`).toBeLessThanOrEqual(bound);
  });
}

const exactly = (): number => EXACT;

/** The raw samples of `metric` over the history, from Prometheus (a range vector at the end). */
async function rawSamples(metric: string, cpc: string): Promise<{ labels: Record<string, string>; points: [number, number][] }[]> {
  const form = new URLSearchParams({ query: `${metric}{cpc="${cpc}"}[${2 * DAY + 600}s]`, time: String(end) });
  const body = (await (await fetch(`${prom.url}/api/v1/query`, { method: 'POST', body: form })).json()) as {
    data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
  };
  return body.data.result.map(({ metric: labels, values }) => ({ labels, points: values.map(([t, v]) => [t, Number(v)]) }));
}

/**
 * How far the two engines' rate over (t − window, t] may lie apart (see the file's head), and
 * whether a scrape is missing there — between two samples, before the first or after the last (the
 * series stops or pauses within the window). Then the bound is the largest per-interval rate
 * around the window (Prometheus reads between nothing and about the true rate), and a chart checks
 * only that both engines have a value.
 */
function rateBound(points: [number, number][], t: number, window: number): { bound: number; gap: boolean } {
  const first = points.findIndex(([time]) => time > t - window);
  const next = points.findIndex(([time]) => time > t);
  const last = (next < 0 ? points.length : next) - 1;
  if (first < 1 || last < first) return { bound: 0, gap: true };
  const rate = (i: number): number => {
    const [t0, v0] = points[i - 1] ?? [0, 0];
    const [t1, v1] = points[i] ?? [0, 0];
    return (v1 - v0) / (t1 - t0);
  };
  // Each interval that ends in the window, the one from the sample before the window included.
  const rates: number[] = [];
  let gap = t - (points[last]?.[0] ?? -Infinity) > INTERVAL;
  for (let i = first; i <= last; i++) {
    if ((points[i]?.[0] ?? 0) - (points[i - 1]?.[0] ?? 0) > 1.5 * INTERVAL) gap = true;
    rates.push(rate(i));
  }
  // A pause after the window's last sample: the rate across it counts on one engine.
  if (gap && last + 1 < points.length) rates.push(rate(last + 1));
  const [low, high] = [Math.min(...rates), Math.max(...rates)];
  return { bound: (gap ? high : (INTERVAL / window) * (high - low)) + EXACT * high, gap };
}

/** The raw samples of the series with `labels` (a BFF series: the catalog's labels). */
function pointsOf(
  raw: { labels: Record<string, string>; points: [number, number][] }[],
  labels: Record<string, string>,
): [number, number][] {
  return raw.find((r) => Object.entries(labels).every(([k, v]) => r.labels[k] === v))?.points ?? [];
}

/** Counter series within rateBound of each other at every point, and a value on both where one has one. */
async function expectSameRates(a: SeriesResponse, b: SeriesResponse, metric: string, cpc: string): Promise<number> {
  expect(a.timestamps).toEqual(b.timestamps);
  const raw = await rawSamples(metric, cpc);
  const window = Math.max(60, a.step);
  let bounded = 0;
  for (const [x, y] of pair(a.series, b.series)) {
    const points = pointsOf(raw, x.labels);
    expectSameValues(
      x.values,
      y.values,
      (i) => `${key(x.labels)} at end ${(a.timestamps[i] ?? NaN) - end} s`,
      (i) => {
        const { bound, gap } = rateBound(points, a.timestamps[i] ?? NaN, window);
        if (gap) return null;
        bounded += 1;
        return bound;
      },
    );
  }
  return bounded;
}

/**
 * Top-N of a counter: the average and the peak of the 5-minute rates at the range's step points,
 * so the average may differ by the mean of their rateBounds, the peak by the largest.
 */
async function rateTopTolerance(
  metric: string,
  cpc: string,
  from: number,
  step: number,
): Promise<(labels: Record<string, string>) => { avg: number; peak: number }> {
  const raw = await rawSamples(metric, cpc);
  const times: number[] = [];
  for (let t = end; t > from; t -= step) times.push(t);
  return (labels) => {
    const bounds = times.map((t) => rateBound(pointsOf(raw, labels), t, step).bound);
    return { avg: bounds.reduce((sum, b) => sum + b, 0) / bounds.length, peak: Math.max(...bounds) };
  };
}

describe('the same answers from Prometheus and VictoriaMetrics', () => {
  it('lists the same inventory', async () => {
    const [a, b] = await both('/api/v1/inventory');
    const [fromProm, fromVm] = [InventoryResponseSchema.parse(a), InventoryResponseSchema.parse(b)];
    expect(fromProm.cpcs.length).toBe(scenario.cpcs.length);
    expect(fromVm.cpcs).toEqual(fromProm.cpcs);
  });

  it('charts gauges the same, carrying the last value over a 2-minute gap and showing a 10-minute one', async () => {
    const cpc = dpmCpc();
    for (const [metric, gap] of [
      ['zhmc_cpc_processor_usage_ratio', gaps[0]],
      [PARTITION_USAGE, gaps[0]],
      [PARTITION_USAGE, gaps[1]],
    ] as const) {
      if (gap === undefined) throw new Error('two gaps');
      const path = `/api/v1/series?${q({ metric, cpc, from: gap.from - 1800, to: gap.from + 1800, maxPoints: 240 })}`;
      const [a, b] = await both(path);
      const [fromProm, fromVm] = [SeriesResponseSchema.parse(a), SeriesResponseSchema.parse(b)];
      expect(fromProm.step).toBe(15);
      expect(fromVm.timestamps).toEqual(fromProm.timestamps);
      const pairs = pair(fromProm.series, fromVm.series);
      expect(pairs.length).toBeGreaterThan(0);
      for (const [x, y] of pairs) expectSameValues(x.values, y.values, (i) => `${metric} ${key(x.labels)} [${i}]`, exactly);
      // Over the gap: the last sample before it carried for 5 minutes, then nothing until the next.
      const lastBefore = gap.from - INTERVAL + PHASE;
      const firstAfter = lastBefore + Math.ceil((gap.seconds + INTERVAL) / INTERVAL) * INTERVAL;
      const valued = fromVm.timestamps.map((t) => t < lastBefore + 300 || t >= firstAfter);
      for (const series of fromVm.series) {
        expect(series.values.map((v) => v !== null)).toEqual(valued);
      }
    }
  });

  it(
    'charts NIC and port traffic within one scrape interval over the window of each other, with no gap on either',
    { timeout: 60_000 },
    async () => {
      const cpc = dpmCpc();
      let bounded = 0;
      for (const metric of [NIC, PORT]) {
        const path = `/api/v1/series?${q({ metric, cpc, from: end - DAY, to: end, maxPoints: 200 })}`;
        const [a, b] = await both(path);
        const [fromProm, fromVm] = [SeriesResponseSchema.parse(a), SeriesResponseSchema.parse(b)];
        expect(fromProm.step).toBeGreaterThanOrEqual(300);
        expect(fromProm.series.length).toBeGreaterThan(1);
        bounded += await expectSameRates(fromProm, fromVm, metric, cpc);
      }
      expect(bounded).toBeGreaterThan(100);
    },
  );

  it('ranks partitions the same by average and by peak over 1 hour and 2 days', async () => {
    const cpc = dpmCpc();
    for (const from of [end - 3600, end - 2 * DAY + 3600]) {
      const path = `/api/v1/top?${q({ metric: PARTITION_USAGE, cpc, n: 10, from, to: end })}`;
      const [a, b] = await both(path);
      expectSameTop(TopResponseSchema.parse(a), TopResponseSchema.parse(b), () => ({ avg: EXACT, peak: EXACT }));
    }
  });

  it(
    'ranks NICs the same by average and by peak over 2 days, but for NICs within the rate tolerance of each other',
    { timeout: 60_000 },
    async () => {
      const cpc = dpmCpc();
      // Every NIC of the CPC, so both lists hold the same NICs and only their order can differ.
      const path = `/api/v1/top?${q({ metric: NIC, cpc, n: 100, from: end - 2 * DAY + 3600, to: end })}`;
      const [a, b] = await both(path);
      const [fromProm, fromVm] = [TopResponseSchema.parse(a), TopResponseSchema.parse(b)];
      expect(fromProm.byAverage.length).toBeGreaterThan(10);
      expect(fromProm.byAverage.length).toBeLessThan(100);
      // 2 days at 1000 points: a 5-minute step, so 5-minute rates (rateWindowSeconds).
      const tolerance = await rateTopTolerance(NIC, cpc, fromProm.start, 300);
      expectSameRanking(fromProm, fromVm, tolerance);
    },
  );

  it('draws the same heatmaps, fleet and CPC', async () => {
    const views: Record<string, string | number>[] = [
      { metric: PARTITION_USAGE, from: end - DAY, to: end, maxPoints: 200 },
      { metric: PARTITION_USAGE, cpc: dpmCpc(), from: end - 6 * 3600, to: end, maxPoints: 400 },
    ];
    for (const params of views) {
      const [a, b] = await both(`/api/v1/heatmap?${q(params)}`);
      expectSameHeatmap(HeatmapResponseSchema.parse(a), HeatmapResponseSchema.parse(b));
    }
  });

  it(
    "draws the same NIC traffic heatmap within the sum of its NICs' rate tolerances, with no gap on either",
    { timeout: 60_000 },
    async () => {
      const cpc = dpmCpc();
      const [a, b] = await both(`/api/v1/heatmap?${q({ metric: NIC, cpc, from: end - DAY, to: end, maxPoints: 200 })}`);
      const [fromProm, fromVm] = [HeatmapResponseSchema.parse(a), HeatmapResponseSchema.parse(b)];
      expect(fromVm.timestamps).toEqual(fromProm.timestamps);
      const raw = await rawSamples(NIC, cpc);
      const window = Math.max(60, fromProm.step);
      const pairs = pair(fromProm.rows, fromVm.rows);
      expect(pairs.length).toBeGreaterThan(1);
      for (const [x, y] of pairs) {
        // A row is the sum of the partition's NICs' rates: its bound the sum of theirs.
        const nics = raw.filter((r) => r.labels.partition === x.labels.partition).map((r) => r.points);
        expectSameValues(
          x.values,
          y.values,
          (i) => `${key(x.labels)} at end ${(fromProm.timestamps[i] ?? NaN) - end} s`,
          (i) => {
            const bounds = nics.map((points) => rateBound(points, fromProm.timestamps[i] ?? NaN, window));
            return bounds.some((bound) => bound.gap) ? null : bounds.reduce((sum, bound) => sum + bound.bound, 0);
          },
        );
      }
    },
  );

  it('says alerts need a rules engine where VictoriaMetrics has none (no vmalert), instead of "no alert is firing"', async () => {
    const [fromProm, fromVm] = (await both('/api/v1/alerts')).map((body) => AlertsResponseSchema.parse(body));
    // Neither engine evaluates rules here: the test's Prometheus has no rule files either.
    expect(fromVm).toMatchObject({ available: false, unavailableReason: 'needs-rules-engine', alerts: [] });
    expect(fromProm).toMatchObject({ available: false, unavailableReason: 'needs-rules-engine', alerts: [] });
  });
});

function expectSameTop(a: TopResponse, b: TopResponse, tolerance: (labels: Record<string, string>) => { avg: number; peak: number }): void {
  for (const list of ['byAverage', 'byPeak'] as const) {
    expect(
      b[list].map((e) => e.labels),
      list,
    ).toEqual(a[list].map((e) => e.labels));
    a[list].forEach((entry, i) => {
      const other = b[list][i];
      const bounds = tolerance(entry.labels);
      for (const field of ['avg', 'peak'] as const) {
        const [x, y] = [entry[field], other?.[field] ?? null];
        if (x === null || y === null) expect(x, `${list} ${i} ${field}`).toBe(y);
        else expect(Math.abs(x - y), `${list} ${i} ${field}: ${x} vs ${y}`).toBeLessThanOrEqual(bounds[field]);
      }
    });
  }
}

/**
 * The same entries, each within its tolerance on the other engine, and two entries in the other
 * order only where their values lie within the sum of their tolerances (the engines cannot tell
 * them apart).
 */
function expectSameRanking(
  a: TopResponse,
  b: TopResponse,
  tolerance: (labels: Record<string, string>) => { avg: number; peak: number },
): void {
  for (const list of ['byAverage', 'byPeak'] as const) {
    const field = list === 'byAverage' ? 'avg' : 'peak';
    const pairs = pair(a[list], b[list]);
    for (const [x, y] of pairs) {
      expect(Math.abs((x[field] ?? NaN) - (y[field] ?? NaN)), `${list} ${key(x.labels)}`).toBeLessThanOrEqual(tolerance(x.labels)[field]);
    }
    const rankOnB = new Map(b[list].map((entry, i) => [key(entry.labels), i]));
    a[list].forEach((upper, i) => {
      for (const lower of a[list].slice(i + 1)) {
        if ((rankOnB.get(key(upper.labels)) ?? 0) < (rankOnB.get(key(lower.labels)) ?? 0)) continue;
        const apart = Math.abs((upper[field] ?? NaN) - (lower[field] ?? NaN));
        expect(apart, `${list}: ${key(upper.labels)} and ${key(lower.labels)} swapped`).toBeLessThanOrEqual(
          tolerance(upper.labels)[field] + tolerance(lower.labels)[field],
        );
      }
    });
  }
}

function expectSameHeatmap(a: HeatmapResponse, b: HeatmapResponse): void {
  expect(b.timestamps).toEqual(a.timestamps);
  const pairs = pair(a.rows, b.rows);
  expect(pairs.length).toBeGreaterThan(1);
  for (const [x, y] of pairs) expectSameValues(x.values, y.values, (i) => `${key(x.labels)} [${i}]`, exactly);
}
