// One queryOptions factory per BFF endpoint. Keys are hierarchical (['zlens', endpoint, ...]),
// and a series key holds the range preset and the rounded step instead of a pixel width or a
// clock time, so equal panels (and a refresh) share one cache entry.
import { queryOptions } from '@tanstack/react-query';
import {
  InventoryResponseSchema,
  MAX_POINTS_LIMIT,
  SeriesResponseSchema,
  chooseStep,
  type MetricId,
} from '@zlens/shared';
import { rangeExpression, rangeSeconds, refreshInterval, type RangeKey, type RefreshKey } from '../state/view-params';
import { fetchJson } from './fetch-json';

export const API_BASE = '/api/v1';

export const queryKeys = {
  all: ['zlens'] as const,
  inventory: () => [...queryKeys.all, 'inventory'] as const,
  seriesAll: () => [...queryKeys.all, 'series'] as const,
  series: (key: SeriesKey) =>
    [...queryKeys.seriesAll(), key.metric, key.cpc, key.partition ?? null, key.range, key.step] as const,
};

export function inventoryQuery(refresh: RefreshKey) {
  return queryOptions({
    queryKey: queryKeys.inventory(),
    queryFn: ({ signal }) => fetchJson(`${API_BASE}/inventory`, InventoryResponseSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}

export interface SeriesRequest {
  metric: MetricId;
  cpc: string;
  /** Omitted for a partition-scope metric: every partition of the CPC. */
  partition?: string;
  range: RangeKey;
  /** About one point per horizontal pixel of the chart (reference/echarts-performance.md). */
  maxPoints: number;
}

export interface SeriesKey extends Omit<SeriesRequest, 'maxPoints'> {
  /** The step the BFF will use (shared `chooseStep`), in seconds. */
  step: number;
}

/** The step a request resolves to; the same rule the BFF applies. */
export function seriesKey(request: SeriesRequest): SeriesKey {
  const maxPoints = Math.min(MAX_POINTS_LIMIT, Math.max(2, Math.round(request.maxPoints)));
  const key: SeriesKey = {
    metric: request.metric,
    cpc: request.cpc,
    range: request.range,
    step: chooseStep(rangeSeconds(request.range), maxPoints),
  };
  if (request.partition !== undefined) key.partition = request.partition;
  return key;
}

/** The URL for a key. maxPoints is derived from the step so the request depends on the key only. */
export function seriesUrl(key: SeriesKey): string {
  const { from, to } = rangeExpression(key.range);
  const maxPoints = Math.min(MAX_POINTS_LIMIT, Math.max(2, Math.ceil(rangeSeconds(key.range) / key.step)));
  const search = new URLSearchParams({ metric: key.metric, cpc: key.cpc });
  if (key.partition !== undefined) search.set('partition', key.partition);
  search.set('from', from);
  search.set('to', to);
  search.set('maxPoints', String(maxPoints));
  return `${API_BASE}/series?${search.toString()}`;
}

export function seriesQuery(request: SeriesRequest, refresh: RefreshKey) {
  const key = seriesKey(request);
  return queryOptions({
    queryKey: queryKeys.series(key),
    queryFn: ({ signal }) => fetchJson(seriesUrl(key), SeriesResponseSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}
