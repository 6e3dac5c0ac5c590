// One queryOptions factory per BFF endpoint. Keys are hierarchical (['zlens', endpoint, ...]),
// and a time-series key holds the window (a preset, or an absolute from-to) and the rounded step
// instead of a pixel width or a clock time, so equal panels (and a refresh) share one cache entry.
import { queryOptions } from '@tanstack/react-query';
import {
  AdapterDetailSchema,
  CpcDetailSchema,
  EmbedConfigSchema,
  HeatmapResponseSchema,
  InventoryResponseSchema,
  MAX_POINTS_LIMIT,
  PartitionDetailSchema,
  SeriesResponseSchema,
  SessionResponseSchema,
  StatusResponseSchema,
  TopResponseSchema,
  chooseStep,
  type MetricId,
} from '@zlens/shared';
import { refreshInterval, windowExpression, windowKey, windowSeconds, type RefreshKey, type TimeWindow } from '../state/view-params';
import { apiBase } from '../navigation/base-path';
import { fetchJson } from './fetch-json';

export const queryKeys = {
  all: ['zlens'] as const,
  inventory: () => [...queryKeys.all, 'inventory'] as const,
  embedConfig: () => [...queryKeys.all, 'embed-config'] as const,
  session: () => [...queryKeys.all, 'session'] as const,
  status: () => [...queryKeys.all, 'status'] as const,
  cpc: (cpc: string) => [...queryKeys.all, 'cpc', cpc] as const,
  partition: (cpc: string, partition: string) => [...queryKeys.all, 'partition', cpc, partition] as const,
  adapter: (cpc: string, adapter: string) => [...queryKeys.all, 'adapter', cpc, adapter] as const,
  seriesAll: () => [...queryKeys.all, 'series'] as const,
  series: (key: SeriesKey) =>
    [...queryKeys.seriesAll(), key.metric, key.cpc, key.partition ?? null, key.adapter ?? null, key.window, key.step] as const,
  top: (metric: MetricId, cpc: string, n: number, window: string) => [...queryKeys.all, 'top', metric, cpc, n, window] as const,
  heatmap: (metric: MetricId, cpc: string | null, window: string, step: number) =>
    [...queryKeys.all, 'heatmap', metric, cpc, window, step] as const,
};

/**
 * While a new window of the same thing loads (a zoom, another range, back in the history), keep
 * showing the previous one: the chart stays mounted and redraws once, instead of flashing a
 * loading state and rebuilding every chart of the view at once. Never across subjects: another
 * CPC's data must not stand in for this one's.
 */
export function sameSubject(key: readonly unknown[], previousKey: readonly unknown[] | undefined, subjectLength: number): boolean {
  return previousKey !== undefined && key.slice(0, subjectLength).every((part, i) => part === previousKey[i]);
}

/** An absolute window never changes: refreshing it would only repeat the same query. */
function interval(window: TimeWindow, refresh: RefreshKey): number | false {
  return window.kind === 'absolute' ? false : refreshInterval(refresh);
}

/**
 * How often the page asks how the upstreams answer: with the BFF's probe bound (1.5 s) the banner
 * shows an outage within about 3.5 s of its start, and goes as soon after its end. The BFF shares
 * one round of probes between all callers each second, so this costs the upstreams nothing per
 * viewer.
 */
export const STATUS_POLL_MS = 2_000;

/** GET /api/v1/status, polled for the upstream banner; never retried (the next poll is the retry). */
export function statusQuery() {
  return queryOptions({
    queryKey: queryKeys.status(),
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/status`, StatusResponseSchema, signal),
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
    retry: false,
  });
}

export function inventoryQuery(refresh: RefreshKey) {
  return queryOptions({
    queryKey: queryKeys.inventory(),
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/inventory`, InventoryResponseSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}

const enc = encodeURIComponent;

export function cpcDetailQuery(cpc: string, refresh: RefreshKey) {
  return queryOptions({
    queryKey: queryKeys.cpc(cpc),
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/cpcs/${enc(cpc)}`, CpcDetailSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}

export function partitionDetailQuery(cpc: string, partition: string, refresh: RefreshKey) {
  return queryOptions({
    queryKey: queryKeys.partition(cpc, partition),
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/cpcs/${enc(cpc)}/partitions/${enc(partition)}`, PartitionDetailSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}

export function adapterDetailQuery(cpc: string, adapter: string, refresh: RefreshKey) {
  return queryOptions({
    queryKey: queryKeys.adapter(cpc, adapter),
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/cpcs/${enc(cpc)}/adapters/${enc(adapter)}`, AdapterDetailSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}

export interface SeriesRequest {
  metric: MetricId;
  cpc: string;
  /** Omitted for a partition-scope metric: every partition of the CPC. */
  partition?: string;
  /** Adapter, port and NIC metrics: one adapter. */
  adapter?: string;
  window: TimeWindow;
  /** About one point per horizontal pixel of the chart (reference/echarts-performance.md). */
  maxPoints: number;
}

export interface SeriesKey {
  metric: MetricId;
  cpc: string;
  partition?: string;
  adapter?: string;
  /** windowKey(): the preset or `from-to`. */
  window: string;
  /** The step the BFF will use (shared `chooseStep`), in seconds. */
  step: number;
}

function clampPoints(maxPoints: number): number {
  return Math.min(MAX_POINTS_LIMIT, Math.max(2, Math.round(maxPoints)));
}

/** The step a request resolves to; the same rule the BFF applies. */
export function stepFor(window: TimeWindow, maxPoints: number): number {
  return chooseStep(windowSeconds(window), clampPoints(maxPoints));
}

/** maxPoints derived from the step, so a request depends on its key only. */
function pointsFor(window: TimeWindow, step: number): number {
  return Math.min(MAX_POINTS_LIMIT, Math.max(2, Math.ceil(windowSeconds(window) / step)));
}

export function seriesKey(request: SeriesRequest): SeriesKey {
  const key: SeriesKey = {
    metric: request.metric,
    cpc: request.cpc,
    window: windowKey(request.window),
    step: stepFor(request.window, request.maxPoints),
  };
  if (request.partition !== undefined) key.partition = request.partition;
  if (request.adapter !== undefined) key.adapter = request.adapter;
  return key;
}

export function seriesUrl(request: SeriesRequest): string {
  const key = seriesKey(request);
  const { from, to } = windowExpression(request.window);
  const search = new URLSearchParams({ metric: key.metric, cpc: key.cpc });
  if (key.partition !== undefined) search.set('partition', key.partition);
  if (key.adapter !== undefined) search.set('adapter', key.adapter);
  search.set('from', from);
  search.set('to', to);
  search.set('maxPoints', String(pointsFor(request.window, key.step)));
  return `${apiBase()}/series?${search.toString()}`;
}

export function seriesQuery(request: SeriesRequest, refresh: RefreshKey) {
  const key = seriesKey(request);
  const url = seriesUrl(request);
  const queryKey = queryKeys.series(key);
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(url, SeriesResponseSchema, signal),
    refetchInterval: interval(request.window, refresh),
    // Subject: metric, cpc, partition, adapter (after 'zlens', 'series').
    placeholderData: (previous, previousQuery) => (sameSubject(queryKey, previousQuery?.queryKey, 6) ? previous : undefined),
  });
}

export function topUrl(metric: MetricId, cpc: string, n: number, window: TimeWindow): string {
  const { from, to } = windowExpression(window);
  const search = new URLSearchParams({ metric, cpc, n: String(n), from, to });
  return `${apiBase()}/top?${search.toString()}`;
}

export function topQuery(request: { metric: MetricId; cpc: string; n: number; window: TimeWindow }, refresh: RefreshKey) {
  const { metric, cpc, n, window } = request;
  const queryKey = queryKeys.top(metric, cpc, n, windowKey(window));
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(topUrl(metric, cpc, n, window), TopResponseSchema, signal),
    refetchInterval: interval(window, refresh),
    placeholderData: (previous, previousQuery) => (sameSubject(queryKey, previousQuery?.queryKey, 4) ? previous : undefined),
  });
}

export function heatmapUrl(metric: MetricId, cpc: string | null, window: TimeWindow, step: number): string {
  const { from, to } = windowExpression(window);
  const search = new URLSearchParams({ metric });
  if (cpc !== null) search.set('cpc', cpc);
  search.set('from', from);
  search.set('to', to);
  search.set('maxPoints', String(pointsFor(window, step)));
  return `${apiBase()}/heatmap?${search.toString()}`;
}

export function heatmapQuery(
  request: { metric: MetricId; cpc: string | null; window: TimeWindow; maxPoints: number },
  refresh: RefreshKey,
) {
  const { metric, cpc, window } = request;
  const step = stepFor(window, request.maxPoints);
  const queryKey = queryKeys.heatmap(metric, cpc, windowKey(window), step);
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(heatmapUrl(metric, cpc, window, step), HeatmapResponseSchema, signal),
    refetchInterval: interval(window, refresh),
    placeholderData: (previous, previousQuery) => (sameSubject(queryKey, previousQuery?.queryKey, 4) ? previous : undefined),
  });
}

/** Which parent origins an embedded page may talk to; fixed for the BFF's lifetime. */
export function embedConfigQuery() {
  return queryOptions({
    queryKey: queryKeys.embedConfig(),
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/embed-config`, EmbedConfigSchema, signal),
    staleTime: Infinity,
  });
}

/** Who the BFF takes the caller to be (the header's "Signed in as"); 401 when not signed in. */
export function sessionQuery() {
  return queryOptions({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/session`, SessionResponseSchema, signal),
    staleTime: 5 * 60_000,
  });
}
