// Capacity planning math, pure functions the BFF and the web share and the tests pin down:
// a CPC's processor usage split by partition (stackByPartition), a robust trend with a forecast
// band over daily peaks (forecastDailyPeaks), and the status changes in a status series
// (statusChanges).

/**
 * The exporter's logical processor counts of a partition (DPM: cp, ifl; classic: cp, ifl, icf, iip),
 * summed to weight its usage ratio in the stacked chart.
 */
export const PARTITION_PROCESSOR_COUNT_METRICS = [
  'zhmc_partition_cp_processor_count',
  'zhmc_partition_ifl_processor_count',
  'zhmc_partition_icf_processor_count',
  'zhmc_partition_iip_processor_count',
] as const;

/** One partition's usage (ratio 0..1) on a shared grid, and its weight (logical processors). */
export interface PartitionUsageLine {
  partition: string;
  values: readonly (number | null)[];
  /** How many logical processors the usage ratio is spread over (1 when unknown). */
  weight: number;
}

export interface StackedPart {
  partition: string;
  /** The partition's part of the CPC's usage at each point (ratio of the whole CPC). */
  values: (number | null)[];
  avg: number | null;
}

export interface Stack {
  /** The n largest parts by average, largest first. */
  parts: StackedPart[];
  /** The CPC's usage minus the shown parts: the other partitions together (never negative). */
  other: (number | null)[];
}

/** The mean of the values that are not gaps; null when every value is a gap (no data is no value). */
export function average(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Splits the CPC's usage at each point among the partitions in proportion to what each keeps busy
 * (its usage ratio × its logical processors), so the parts always add up to the CPC's usage: the
 * HMC's CPC figure stays the truth and the partitions say who makes it up. The n largest by
 * average are shown; "other" is the CPC's usage minus them (the rest's parts summed), never below
 * 0. A point without a CPC value is a gap in every line; a point with a CPC value but no partition
 * value is all "other" (nobody to attribute it to).
 */
export function stackByPartition(total: readonly (number | null)[], lines: readonly PartitionUsageLine[], n: number): Stack {
  const parts = lines.map((line) => ({ partition: line.partition, values: new Array<number | null>(total.length).fill(null) }));
  total.forEach((cpc, i) => {
    if (cpc === null) return;
    let busy = 0;
    for (const line of lines) busy += (line.values[i] ?? 0) * Math.max(0, line.weight);
    lines.forEach((line, k) => {
      const value = line.values[i] ?? null;
      if (value === null) return;
      (parts[k] as StackedPart).values[i] = busy > 0 ? (cpc * value * Math.max(0, line.weight)) / busy : 0;
    });
  });
  const ranked = parts
    .map((p) => ({ ...p, avg: average(p.values) }))
    .sort((a, b) => (b.avg ?? -1) - (a.avg ?? -1) || (a.partition < b.partition ? -1 : a.partition > b.partition ? 1 : 0));
  const shown = ranked.slice(0, Math.max(0, n));
  const other = total.map((cpc, i) => {
    if (cpc === null) return null;
    const sum = shown.reduce((acc, p) => acc + (p.values[i] ?? 0), 0);
    return Math.max(0, cpc - sum);
  });
  return { parts: shown, other };
}

// ---------- forecast ----------

export interface DailyPeak {
  /** Unix seconds (the end of the day the peak was taken over). */
  time: number;
  /** Ratio 0..1. */
  peak: number;
}

export interface Forecast {
  /** Slope of the trend, ratio per day. */
  slopePerDay: number;
  /** The trend's value at the last peak's time (ratio). */
  level: number;
  /** How many daily peaks the trend was fitted to. */
  days: number;
  /** The trend and its band from the last peak to the horizon, one point a day. */
  points: { time: number; trend: number; low: number; high: number }[];
  /**
   * Days from the last peak until the trend reaches the threshold: 0 if it already has, null when
   * it does not within the horizon.
   */
  reachesInDays: number | null;
  /** The same for the band's upper edge: the earliest the threshold may be reached. */
  earliestInDays: number | null;
}

const DAY = 86_400;
/** Fewer daily peaks than this make no trend worth drawing. */
export const FORECAST_MIN_DAYS = 7;
/** The band holds the middle 80 % of the residuals around the trend. */
const BAND_QUANTILES = [0.1, 0.9] as const;

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Linear interpolation between order statistics (as numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of nothing');
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/**
 * Theil-Sen: the slope is the median of the slopes between every pair of points, the intercept the
 * median of y − slope·x. Up to 29 % of the points can be anything without moving it far (one
 * outage day at 0 %, one runaway day at 100 %), unlike a least-squares line.
 */
export function theilSen(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  if (xs.length !== ys.length || xs.length < 2) throw new RangeError('theilSen needs two or more points');
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i += 1) {
    for (let j = i + 1; j < xs.length; j += 1) {
      const dx = (xs[j] as number) - (xs[i] as number);
      if (dx !== 0) slopes.push(((ys[j] as number) - (ys[i] as number)) / dx);
    }
  }
  if (slopes.length === 0) throw new RangeError('theilSen needs two distinct x values');
  const slope = median(slopes.sort((a, b) => a - b));
  const intercept = median(xs.map((x, i) => (ys[i] as number) - slope * x).sort((a, b) => a - b));
  return { slope, intercept };
}

/** Days until a line starting at `level` with `slope` per day reaches `threshold`; null beyond the horizon. */
function daysToReach(level: number, slope: number, threshold: number, horizonDays: number): number | null {
  if (level >= threshold) return 0;
  if (slope <= 0) return null;
  const days = Math.ceil((threshold - level) / slope);
  return days <= horizonDays ? days : null;
}

/**
 * A robust linear trend over daily peaks (Theil-Sen) and a band from the residuals' 10th and 90th
 * percentiles, carried `horizonDays` ahead; null with fewer than FORECAST_MIN_DAYS peaks. Ratios
 * are kept within 0..1 in the band (a usage cannot pass 100 %), not in the trend's crossing.
 */
export function forecastDailyPeaks(peaks: readonly DailyPeak[], horizonDays: number, threshold: number): Forecast | null {
  if (peaks.length < FORECAST_MIN_DAYS) return null;
  const sorted = [...peaks].sort((a, b) => a.time - b.time);
  const last = (sorted[sorted.length - 1] as DailyPeak).time;
  const xs = sorted.map((p) => (p.time - last) / DAY);
  const ys = sorted.map((p) => p.peak);
  const { slope, intercept } = theilSen(xs, ys);
  const residuals = ys.map((y, i) => y - (intercept + slope * (xs[i] as number))).sort((a, b) => a - b);
  const [lowQ, highQ] = BAND_QUANTILES.map((q) => quantile(residuals, q)) as [number, number];
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  const points = Array.from({ length: horizonDays + 1 }, (_, d) => {
    const trend = intercept + slope * d;
    return { time: last + d * DAY, trend, low: clamp(trend + lowQ), high: clamp(trend + highQ) };
  });
  return {
    slopePerDay: slope,
    level: intercept,
    days: sorted.length,
    points,
    reachesInDays: daysToReach(intercept, slope, threshold, horizonDays),
    earliestInDays: daysToReach(intercept + highQ, slope, threshold, horizonDays),
  };
}

// ---------- status changes ----------

/** A status series: the exporter's code per point, the HMC's status string in the `value` label. */
export interface StatusLine {
  labels: Readonly<Record<string, string>>;
  values: readonly (number | null)[];
}

export interface StatusChange {
  /** Unix seconds: the first point with the new status. */
  time: number;
  /** The status before (null: the first status seen is no change and is not listed). */
  from: { code: number; status: string };
  to: { code: number; status: string };
}

/**
 * Where the status changes in a status series. The exporter writes one series per status string
 * (the `value` label), so at each point the status is that of the series with a value there. A
 * point without any value is no data, not a status: a change across a gap is dated where the new
 * status is first seen, and the same status on both sides of a gap is no change.
 */
export function statusChanges(timestamps: readonly number[], lines: readonly StatusLine[]): StatusChange[] {
  const changes: StatusChange[] = [];
  let previous: { code: number; status: string } | null = null;
  // Where each series' current run of values began: two series at one point happen when the old
  // status lingers for Prometheus' lookback after a change that no staleness marker ended
  // (backfilled history); the series that appeared last is the status now.
  const since = lines.map(() => -1);
  timestamps.forEach((time, i) => {
    let current: { code: number; status: string; since: number } | null = null;
    for (const [k, line] of lines.entries()) {
      const code = line.values[i] ?? null;
      if (code === null) {
        since[k] = -1;
        continue;
      }
      if (since[k] === -1) since[k] = i;
      const run = since[k] as number;
      if (current === null || run > current.since || (run === current.since && code > current.code)) {
        current = { code, status: line.labels.value ?? String(code), since: run };
      }
    }
    if (current === null) return;
    const { code, status } = current;
    if (previous !== null && (previous.code !== code || previous.status !== status))
      changes.push({ time, from: previous, to: { code, status } });
    previous = { code, status };
  });
  return changes;
}
