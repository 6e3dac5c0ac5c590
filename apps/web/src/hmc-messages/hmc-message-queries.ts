// Queries of the HMC's own records: a CPC's hardware messages over the view's window (keyed like
// the series, so the panel and the chart markers share one answer) and a partition's OS messages.
import { queryOptions } from '@tanstack/react-query';
import { HardwareMessagesResponseSchema, OsMessagesResponseSchema } from '@zlens/shared';
import { fetchJson } from '../api/fetch-json';
import { apiBase } from '../navigation/base-path';
import { refreshInterval, windowExpression, windowKey, type RefreshKey, type TimeWindow } from '../state/view-params';

const enc = encodeURIComponent;

export function hardwareMessagesQuery(cpc: string, window: TimeWindow, refresh: RefreshKey) {
  const { from, to } = windowExpression(window);
  return queryOptions({
    queryKey: ['zlens', 'hardware-messages', cpc, windowKey(window)] as const,
    queryFn: ({ signal }) =>
      fetchJson(`${apiBase()}/cpcs/${enc(cpc)}/hardware-messages?from=${enc(from)}&to=${enc(to)}`, HardwareMessagesResponseSchema, signal),
    refetchInterval: window.kind === 'absolute' ? false : refreshInterval(refresh),
  });
}

export function osMessagesQuery(cpc: string, partition: string, refresh: RefreshKey) {
  return queryOptions({
    queryKey: ['zlens', 'os-messages', cpc, partition] as const,
    queryFn: ({ signal }) =>
      fetchJson(`${apiBase()}/cpcs/${enc(cpc)}/partitions/${enc(partition)}/os-messages`, OsMessagesResponseSchema, signal),
    refetchInterval: refreshInterval(refresh),
  });
}
