// The live source's memory: per series, the samples of the last `windowSeconds`, never more than a
// fixed number of them, and never more than `maxSamples` over all series together — with tens of
// thousands of series (ports, NICs, processors) the window, not the process, must give way: when
// the total passes the budget, every series keeps only its newest budget / series samples.
// Samples are packed (time as whole seconds in a Uint32Array, value in a Float64Array: 12 bytes),
// in arrays that grow by a quarter at a time. Range queries are answered on Prometheus's grid.
import { gridTimestamps, type AlignedRange, type MetricId, type Series } from '@zlens/shared';

interface StoredSeries {
  labels: Record<string, string>;
  /** Unix seconds (rounded up), ascending, from `start` for `length` entries. */
  times: Uint32Array;
  values: Float64Array;
  start: number;
  length: number;
}

export interface LiveWindowOptions {
  windowSeconds: number;
  pollSeconds: number;
  /** Samples over all series together (default: no limit beyond the per-series bound). */
  maxSamples?: number;
}

const INITIAL_CAPACITY = 16;

function seriesKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Keeps the newest `keep` samples in arrays of exactly `capacity` (copying only what is kept). */
function repack(stored: StoredSeries, keep: number, capacity: number): void {
  const from = stored.start + stored.length - keep;
  const times = new Uint32Array(capacity);
  const values = new Float64Array(capacity);
  times.set(stored.times.subarray(from, from + keep));
  values.set(stored.values.subarray(from, from + keep));
  Object.assign(stored, { times, values, start: 0, length: keep });
}

export class LiveWindow {
  private readonly store = new Map<MetricId, Map<string, StoredSeries>>();
  /** Room for one sample per poll over the window, twice over for HMC timestamps closer than the poll. */
  readonly maxSamplesPerSeries: number;
  private total = 0;
  private seriesCount = 0;
  /** The per-series bound the budget allows now (maxSamplesPerSeries while the budget is not reached). */
  private cap: number;

  constructor(private readonly options: LiveWindowOptions) {
    this.maxSamplesPerSeries = 2 * Math.ceil(options.windowSeconds / options.pollSeconds) + 2;
    this.cap = this.maxSamplesPerSeries;
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
      stored = {
        labels: { ...labels },
        times: new Uint32Array(INITIAL_CAPACITY),
        values: new Float64Array(INITIAL_CAPACITY),
        start: 0,
        length: 0,
      };
      bySeries.set(key, stored);
      this.seriesCount += 1;
    }
    const time = Math.ceil(timeSeconds);
    if (stored.length > 0 && time <= (stored.times[stored.start + stored.length - 1] ?? 0)) return;
    if (stored.length >= this.cap) {
      // Full: the oldest sample makes room.
      stored.start += 1;
      stored.length -= 1;
      this.total -= 1;
    }
    if (stored.start + stored.length === stored.times.length) {
      const capacity = stored.times.length;
      const grown = stored.length < capacity * 0.75 ? capacity : Math.min(this.cap, Math.ceil(capacity * 1.25));
      repack(stored, stored.length, Math.max(grown, stored.length + 1));
    }
    const at = stored.start + stored.length;
    stored.times[at] = time;
    stored.values[at] = value;
    stored.length += 1;
    this.total += 1;
  }

  /** Drops samples older than the window, and series left empty; then holds the total to the budget. */
  prune(nowSeconds: number): void {
    const oldest = nowSeconds - this.options.windowSeconds;
    for (const bySeries of this.store.values()) {
      for (const [key, stored] of bySeries) {
        let drop = 0;
        while (drop < stored.length && (stored.times[stored.start + drop] ?? Infinity) < oldest) drop += 1;
        stored.start += drop;
        stored.length -= drop;
        this.total -= drop;
        if (stored.length === 0) {
          bySeries.delete(key);
          this.seriesCount -= 1;
        } else if (stored.times.length > 2 * INITIAL_CAPACITY && stored.length < stored.times.length / 2) {
          repack(stored, stored.length, Math.max(INITIAL_CAPACITY, Math.ceil(stored.length * 1.25)));
        }
      }
    }
    const budget = this.options.maxSamples;
    this.cap =
      budget === undefined || this.seriesCount === 0
        ? this.maxSamplesPerSeries
        : Math.max(1, Math.min(this.maxSamplesPerSeries, Math.floor(budget / this.seriesCount)));
    if (budget === undefined || this.total <= budget) return;
    for (const bySeries of this.store.values()) {
      for (const stored of bySeries.values()) {
        if (stored.length <= this.cap) continue;
        this.total -= stored.length - this.cap;
        repack(stored, this.cap, this.cap);
      }
    }
  }

  /** Number of samples held in total. */
  get size(): number {
    return this.total;
  }

  /** Samples each series may hold now: below maxSamplesPerSeries once the budget is reached. */
  get samplesPerSeries(): number {
    return this.cap;
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
      const end = stored.start + stored.length;
      const values = mapOntoGrid(stored.times.subarray(stored.start, end), stored.values.subarray(stored.start, end), grid, lookback);
      if (values.some((v) => v !== null)) out.push({ labels: { ...stored.labels }, values });
    }
    return out;
  }
}

/** Both arrays ascending: one pass, a pointer walking the samples as the grid advances. */
export function mapOntoGrid(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
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
