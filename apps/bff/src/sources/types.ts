// The one interface both time-series sources (Prometheus, live HMC polling) implement.
import { average, type AlignedRange, type DailyPeak, type MetricId, type Series, type SourceKind, type TopEntry } from '@zlens/shared';

export interface SeriesRequest {
  metric: MetricId;
  cpc: string;
  /** Absent for a partition-scope metric: every partition of the CPC. */
  partition?: string;
  /** Absent for an adapter/port/NIC metric: every adapter of the CPC. */
  adapter?: string;
  range: AlignedRange;
}

/** How far an answer can be trusted (the API's FreshnessShape). */
export interface Freshness {
  /** True when the source failed and this is an older answer (or the inventory is stale). */
  stale: boolean;
  /** Unix seconds when a stale answer was read from its source. */
  fetchedAt?: number;
  /** The source warned that the answer may lack data; `warnings` says what. */
  partial?: boolean;
  warnings?: string[];
}

export interface SeriesResult extends Freshness {
  /** One values array per series, aligned with gridTimestamps(range). */
  series: Series[];
}

export interface TopRequest {
  metric: MetricId;
  cpc: string;
  n: number;
  /** start < end, both multiples of step. */
  range: AlignedRange;
}

export interface TopResult extends Freshness {
  byAverage: TopEntry[];
  byPeak: TopEntry[];
}

export interface HeatmapRequest {
  metric: MetricId;
  /** Absent: the whole fleet. */
  cpc?: string;
  range: AlignedRange;
}

export interface HeatmapRow extends Series {
  avg: number | null;
}

export interface HeatmapResult extends Freshness {
  /** One row per partition (labels cpc, partition), highest average first. */
  rows: HeatmapRow[];
}

export interface DailyPeaksRequest {
  metric: MetricId;
  cpc: string;
  partition?: string;
  /** Unix seconds, both day ends (multiples of 86 400): the peak of the day before each. */
  firstDayEnd: number;
  lastDayEnd: number;
}

export interface DailyPeaksResult extends Freshness {
  peaks: DailyPeak[];
}

export interface PartitionProcessorsResult extends Freshness {
  /** Logical processors per partition (all types summed); empty when the exporter exports none. */
  counts: Map<string, number>;
}

export interface TimeSeriesSource {
  readonly kind: SourceKind;
  series(request: SeriesRequest): Promise<SeriesResult>;
  top(request: TopRequest): Promise<TopResult>;
  heatmap(request: HeatmapRequest): Promise<HeatmapResult>;
  /** Days of history: only a source that keeps them (Prometheus) has daily peaks. */
  dailyPeaks?(request: DailyPeaksRequest): Promise<DailyPeaksResult>;
  /** The partitions' processor counts at a time (the exporter's resource metrics). */
  partitionProcessors?(cpc: string, at: number): Promise<PartitionProcessorsResult>;
  /**
   * The range this source answers for a request's aligned range at `nowSeconds` (Prometheus: ending
   * at the last final point); absent: the range as it is.
   */
  finalRange?(range: AlignedRange, nowSeconds: number): AlignedRange;
}

function labelKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Series in a stable order (by their label values), so equal queries give equal answers. */
export function sortSeries<T extends Series>(series: T[]): T[] {
  return series.sort((a, b) => {
    const ka = labelKey(a.labels);
    const kb = labelKey(b.labels);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

export function peak(values: readonly (number | null)[]): number | null {
  let max: number | null = null;
  for (const v of values) if (v !== null && (max === null || v > max)) max = v;
  return max;
}

/**
 * A value to rank by: to 12 significant digits. Engines add the same samples in different orders
 * (Prometheus and VictoriaMetrics gave two partitions' equal 1-hour averages in the other order by
 * their last bits), so values equal to 12 digits are ties.
 */
function rankValue(value: number | null): number | null {
  return value === null ? null : Number(value.toPrecision(12));
}

/** Highest first, no-value last, ties (rankValue) by labels: the same order for equal inputs on every engine. */
export function byValueDesc<T extends { labels: Record<string, string> }>(value: (item: T) => number | null): (a: T, b: T) => number {
  return (a, b) => {
    const va = rankValue(value(a));
    const vb = rankValue(value(b));
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va;
    }
    const ka = labelKey(a.labels);
    const kb = labelKey(b.labels);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** Top-N from series already in memory (the live source): by average and by peak. */
export function topFromSeries(series: readonly Series[], n: number): { byAverage: TopEntry[]; byPeak: TopEntry[] } {
  const entries: TopEntry[] = series.map((s) => ({ labels: s.labels, avg: average(s.values), peak: peak(s.values) }));
  return {
    byAverage: [...entries].sort(byValueDesc((e) => e.avg)).slice(0, n),
    byPeak: [...entries].sort(byValueDesc((e) => e.peak)).slice(0, n),
  };
}

export function heatmapRows(series: readonly Series[]): HeatmapRow[] {
  return series.map((s) => ({ ...s, avg: average(s.values) })).sort(byValueDesc((r) => r.avg));
}
