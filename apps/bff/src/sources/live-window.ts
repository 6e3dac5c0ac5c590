// The live source's memory: per series, the samples of the last `windowSeconds`, and never more
// than a fixed number of them, so a long-running BFF (or an HMC with odd timestamps) cannot grow
// without bound. Range queries are answered on the same grid as Prometheus's.
import { gridTimestamps, type AlignedRange, type MetricId, type Series } from '@zlens/shared';

interface StoredSeries {
  labels: Record<string, string>;
  /** Unix seconds, ascending. */
  times: number[];
  values: number[];
}

export interface LiveWindowOptions {
  windowSeconds: number;
  pollSeconds: number;
}

function seriesKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export class LiveWindow {
  private readonly store = new Map<MetricId, Map<string, StoredSeries>>();
  /** Room for one sample per poll over the window, twice over for HMC timestamps closer than the poll. */
  readonly maxSamplesPerSeries: number;

  constructor(private readonly options: LiveWindowOptions) {
    this.maxSamplesPerSeries = 2 * Math.ceil(options.windowSeconds / options.pollSeconds) + 2;
  }

  /** Records one sample; a sample at or before the series' newest time is ignored (already seen). */
  record(metric: MetricId, labels: Record<string, string>, timeSeconds: number, value: number): void {
    let bySeries = this.store.get(metric);
    if (bySeries === undefined) {
      bySeries = new Map();
      this.store.set(metric, bySeries);
    }
    const key = seriesKey(labels);
    let stored = bySeries.get(key);
    if (stored === undefined) {
      stored = { labels: { ...labels }, times: [], values: [] };
      bySeries.set(key, stored);
    }
    const last = stored.times[stored.times.length - 1];
    if (last !== undefined && timeSeconds <= last) return;
    stored.times.push(timeSeconds);
    stored.values.push(value);
    const excess = stored.times.length - this.maxSamplesPerSeries;
    if (excess > 0) {
      stored.times.splice(0, excess);
      stored.values.splice(0, excess);
    }
  }

  /** Drops samples older than the window, and series left empty. */
  prune(nowSeconds: number): void {
    const oldest = nowSeconds - this.options.windowSeconds;
    for (const bySeries of this.store.values()) {
      for (const [key, stored] of bySeries) {
        let drop = 0;
        while (drop < stored.times.length && (stored.times[drop] ?? Infinity) < oldest) drop += 1;
        if (drop > 0) {
          stored.times.splice(0, drop);
          stored.values.splice(0, drop);
        }
        if (stored.times.length === 0) bySeries.delete(key);
      }
    }
  }

  /** Number of samples held in total (for tests and a future gauge). */
  get size(): number {
    let n = 0;
    for (const bySeries of this.store.values()) for (const s of bySeries.values()) n += s.times.length;
    return n;
  }

  /**
   * The series of `metric` whose labels include `match`, on the grid of `range`: the value at a grid
   * time is the newest sample at or before it, no older than max(step, 2 × poll interval); else null.
   */
  query(metric: MetricId, match: Readonly<Record<string, string>>, range: AlignedRange): Series[] {
    const grid = gridTimestamps(range);
    const lookback = Math.max(range.step, 2 * this.options.pollSeconds);
    const out: Series[] = [];
    for (const stored of this.store.get(metric)?.values() ?? []) {
      if (!Object.entries(match).every(([k, v]) => stored.labels[k] === v)) continue;
      const values = mapOntoGrid(stored.times, stored.values, grid, lookback);
      if (values.some((v) => v !== null)) out.push({ labels: { ...stored.labels }, values });
    }
    return out;
  }
}

/** Both arrays ascending: one pass, a pointer walking the samples as the grid advances. */
export function mapOntoGrid(
  times: readonly number[],
  values: readonly number[],
  grid: readonly number[],
  lookbackSeconds: number,
): (number | null)[] {
  const out: (number | null)[] = [];
  let i = -1; // index of the newest sample at or before the current grid time
  for (const t of grid) {
    while (i + 1 < times.length && (times[i + 1] ?? Infinity) <= t) i += 1;
    const sampleTime = times[i];
    const value = values[i];
    out.push(sampleTime !== undefined && value !== undefined && t - sampleTime < lookbackSeconds ? value : null);
  }
  return out;
}
