// The one interface both time-series sources (Prometheus, live HMC polling) implement.
import type { AlignedRange, MetricId, Series } from '@zlens/shared';

export interface SeriesRequest {
  metric: MetricId;
  cpc: string;
  /** Absent for a partition-scope metric: every partition of the CPC. */
  partition?: string;
  range: AlignedRange;
}

export interface SeriesResult {
  /** One values array per series, aligned with gridTimestamps(range). */
  series: Series[];
  stale: boolean;
}

export interface TimeSeriesSource {
  readonly kind: 'prometheus' | 'live';
  series(request: SeriesRequest): Promise<SeriesResult>;
}

/** Series in a stable order (by their label values), so equal queries give equal answers. */
export function sortSeries(series: Series[]): Series[] {
  const key = (s: Series): string => JSON.stringify(Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : 1)));
  return series.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
