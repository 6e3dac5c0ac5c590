// The markers on a CPC's or partition's charts: its status changes (from its *_status_int series,
// shared statusChanges) and, for a CPC, the HMC's hardware messages of the window (the same cached
// answer as the messages panel). Off when the URL says `ann=off`.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { statusChanges, type CpcMode, type MetricId } from '@zlens/shared';
import { seriesQuery } from '../api/queries';
import type { ChartMarker } from '../components/usage-chart-option';
import { hardwareMessagesQuery } from '../hmc-messages/hmc-message-queries';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';

/** Status points asked for: enough to date a change within a few pixels of a chart. */
const STATUS_POINTS = 1000;

/** The status metric of a CPC, or of a partition in its CPC's mode (null: mode unknown). */
export function statusMetric(mode: CpcMode | null, partition: boolean): MetricId | null {
  if (!partition) return 'zhmc_cpc_status_int';
  if (mode === 'dpm') return 'zhmc_partition_status_int';
  if (mode === 'classic') return 'zhmc_partition_lpar_status_int';
  return null;
}

export function useChartMarkers(subject: { cpc: string; partition?: string; mode: CpcMode | null }, enabled = true): ChartMarker[] {
  const [{ window, refresh, ann }] = useViewParams();
  const { t, status: statusWord } = useI18n();
  const on = enabled && ann === 'on';
  const metric = statusMetric(subject.mode, subject.partition !== undefined);
  const status = useQuery({
    ...seriesQuery(
      {
        metric: metric ?? 'zhmc_cpc_status_int',
        cpc: subject.cpc,
        ...(subject.partition === undefined ? {} : { partition: subject.partition }),
        window,
        maxPoints: STATUS_POINTS,
      },
      refresh,
    ),
    enabled: on && metric !== null,
  });
  const messages = useQuery({ ...hardwareMessagesQuery(subject.cpc, window, refresh), enabled: on && subject.partition === undefined });
  return useMemo(() => {
    if (!on) return [];
    const out: ChartMarker[] = [];
    if (status.data) {
      for (const change of statusChanges(status.data.timestamps, status.data.series)) {
        out.push({
          time: change.time,
          kind: 'status',
          text: t('ann.status', { from: statusWord(change.from.status), to: statusWord(change.to.status) }),
        });
      }
    }
    if (messages.data?.available) {
      for (const message of messages.data.messages)
        out.push({ time: message.time, kind: 'hardware', text: `${t('ann.hardware')}: ${message.text}` });
    }
    return out.sort((a, b) => a.time - b.time);
  }, [on, status.data, messages.data, t, statusWord]);
}
