// Queries of the capacity-planning endpoints: a CPC's processor usage stacked by partition (keyed
// by window and step like the series) and the trend/forecast of a CPC's or partition's processor
// usage over a history of whole days.
import { queryOptions } from '@tanstack/react-query';
import { FORECAST_MIN_DAYS, ForecastResponseSchema, StackedResponseSchema } from '@zlens/shared';
import { fetchJson } from '../api/fetch-json';
import { sameSubject, stepFor } from '../api/queries';
import { apiBase } from '../navigation/base-path';
import { refreshInterval, windowExpression, windowKey, windowSeconds, type RefreshKey, type TimeWindow } from '../state/view-params';

/** Partitions named in the stacked chart; the rest are "other". */
export const STACK_PARTS = 8;
/** How far the forecast looks ahead, days. */
export const FORECAST_HORIZON_DAYS = 28;
/**
 * The forecast's history: the view's window when it holds FORECAST_MIN_DAYS whole UTC days (the
 * BFF takes whole days only, so a window needs a day more: a 7-day window holds 6), else the last
 * 30 days.
 */
const FORECAST_MIN_WINDOW_SECONDS = (FORECAST_MIN_DAYS + 1) * 86_400;

export function stackedQuery(request: { cpc: string; window: TimeWindow; maxPoints: number }, refresh: RefreshKey) {
  const { cpc, window } = request;
  const step = stepFor(window, request.maxPoints);
  const queryKey = ['zlens', 'stacked', cpc, windowKey(window), step] as const;
  const { from, to } = windowExpression(window);
  const maxPoints = Math.max(2, Math.ceil(windowSeconds(window) / step));
  const search = new URLSearchParams({ cpc, from, to, maxPoints: String(maxPoints), n: String(STACK_PARTS) });
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/stacked?${search.toString()}`, StackedResponseSchema, signal),
    refetchInterval: window.kind === 'absolute' ? false : refreshInterval(refresh),
    placeholderData: (previous, previousQuery) => (sameSubject(queryKey, previousQuery?.queryKey, 3) ? previous : undefined),
  });
}

/** The history a forecast is fitted to, for a view's window. */
export function forecastHistory(window: TimeWindow): { from: string; to: string; own: boolean } {
  if (windowSeconds(window) >= FORECAST_MIN_WINDOW_SECONDS) return { ...windowExpression(window), own: true };
  return { from: 'now-30d', to: 'now', own: false };
}

export function forecastQuery(request: { cpc: string; partition?: string; window: TimeWindow }) {
  const { from, to } = forecastHistory(request.window);
  const search = new URLSearchParams({ cpc: request.cpc, from, to, horizonDays: String(FORECAST_HORIZON_DAYS) });
  if (request.partition !== undefined) search.set('partition', request.partition);
  return queryOptions({
    queryKey: ['zlens', 'forecast', request.cpc, request.partition ?? null, from, to] as const,
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/forecast?${search.toString()}`, ForecastResponseSchema, signal),
    // Daily peaks change once a day: an hour is fresh enough, whatever the view's refresh.
    staleTime: 3_600_000,
  });
}
