import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { seriesQuery, topQuery } from '../api/queries';
import { useViewParams } from '../state/use-view-params';
import { channelRows, type ChannelRow } from './channel-rows';

export const CHANNEL_METRIC = 'zhmc_channel_usage_ratio';
/** Points of a row's sparkline. */
const SPARK_POINTS = 60;
/** The top-N answer gives exact averages and peaks; the API ranks at most 100. */
const RANKED = 100;

export type ChannelRowsState =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'success'; rows: ChannelRow[]; stale: boolean };

/** The channels of a classic CPC over the view's range (one series query and one top-N query). */
export function useChannelRows(cpc: string, enabled: boolean): ChannelRowsState {
  const [{ window, refresh }] = useViewParams();
  const series = useQuery({ ...seriesQuery({ metric: CHANNEL_METRIC, cpc, window, maxPoints: SPARK_POINTS }, refresh), enabled });
  const top = useQuery({ ...topQuery({ metric: CHANNEL_METRIC, cpc, n: RANKED, window }, refresh), enabled });
  return useMemo((): ChannelRowsState => {
    if (series.isError) return { status: 'error', error: series.error, retry: () => void series.refetch() };
    if (series.isPending) return { status: 'pending' };
    // Without the ranking (it failed or is on its way) the averages come from the points shown.
    const ranked = top.data ? [...top.data.byAverage, ...top.data.byPeak] : [];
    return { status: 'success', rows: channelRows(series.data.series, ranked), stale: series.data.stale };
  }, [series, top.data]);
}
