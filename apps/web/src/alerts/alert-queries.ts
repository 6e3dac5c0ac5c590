// Queries of the alert endpoints. The current alerts follow the view's refresh; alert periods are
// keyed by the view's window like the series, so a chart's bands and lines share one time grid.
import { queryOptions } from '@tanstack/react-query';
import { AlertPeriodsResponseSchema, AlertsResponseSchema, type AlertsQuery } from '@zlens/shared';
import { fetchJson } from '../api/fetch-json';
import { apiBase } from '../navigation/base-path';
import { refreshInterval, windowExpression, windowKey, type RefreshKey, type TimeWindow } from '../state/view-params';

function filterParams(filter: AlertsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['cpc', 'partition', 'adapter', 'channel'] as const) {
    const value = filter[key];
    if (value !== undefined) params.set(key, value);
  }
  return params;
}

function filterKey(filter: AlertsQuery): (string | null)[] {
  return [filter.cpc ?? null, filter.partition ?? null, filter.adapter ?? null, filter.channel ?? null];
}

export function alertsQuery(filter: AlertsQuery, refresh: RefreshKey) {
  return queryOptions({
    queryKey: ['zlens', 'alerts', ...filterKey(filter)] as const,
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/alerts?${filterParams(filter).toString()}`, AlertsResponseSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}

export function alertPeriodsQuery(filter: AlertsQuery, window: TimeWindow, refresh: RefreshKey) {
  const params = filterParams(filter);
  const { from, to } = windowExpression(window);
  params.set('from', from);
  params.set('to', to);
  return queryOptions({
    queryKey: ['zlens', 'alert-periods', ...filterKey(filter), windowKey(window)] as const,
    queryFn: ({ signal }) => fetchJson(`${apiBase()}/alerts/periods?${params.toString()}`, AlertPeriodsResponseSchema, signal),
    refetchInterval: window.kind === 'absolute' ? false : refreshInterval(refresh),
  });
}
