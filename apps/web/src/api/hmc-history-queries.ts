// GET /api/v1/hmc-history: the HMC's own records of a chart's metric, for the part of its window
// zlens' own source does not reach back to. Asked with exactly the chart's own series parameters,
// so the BFF finds its own answer (where that data starts) in its cache.
import { queryOptions } from '@tanstack/react-query';
import { HmcHistoryResponseSchema } from '@zlens/shared';
import { apiBase } from '../navigation/base-path';
import { fetchJson } from './fetch-json';
import { queryKeys, seriesKey, seriesUrl, type SeriesRequest } from './queries';

/** The HMC's points change every 15 minutes at the finest; the BFF reads them at most every 5. */
const REFETCH_MS = 5 * 60_000;

export function hmcHistoryUrl(request: SeriesRequest): string {
  const series = seriesUrl(request);
  return `${apiBase()}/hmc-history${series.slice(series.indexOf('?'))}`;
}

export function hmcHistoryQuery(request: SeriesRequest) {
  return queryOptions({
    queryKey: [...queryKeys.all, 'hmc-history', ...queryKeys.series(seriesKey(request)).slice(2)] as const,
    queryFn: ({ signal }) => fetchJson(hmcHistoryUrl(request), HmcHistoryResponseSchema, signal),
    refetchInterval: request.window.kind === 'absolute' ? false : REFETCH_MS,
  });
}
