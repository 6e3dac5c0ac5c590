import { useQuery } from '@tanstack/react-query';
import type { AlertObject, AlertPeriod, AlertsQuery } from '@zlens/shared';
import { useMemo } from 'react';
import type { AlertBand } from '../components/usage-chart-option';
import { useViewParams } from '../state/use-view-params';
import { alertPeriodsQuery } from './alert-queries';

export interface AlertBands {
  bands: AlertBand[];
  /** The periods drawn, for the text under the chart; `ongoing`: still firing at the range's end. */
  periods: (AlertPeriod & { ongoing: boolean })[];
}

const NONE: AlertBands = { bands: [], periods: [] };

/**
 * Whether a period belongs on a chart of `target`: alerts about the object itself, not about the
 * objects under it (a CPC's chart shows CPC alerts, not each partition's).
 */
function isAbout(object: AlertObject, target: AlertsQuery): boolean {
  return (['cpc', 'partition', 'adapter', 'channel'] as const).every((key) => (object[key] ?? undefined) === target[key]);
}

/**
 * The alert periods of one object over the view's window, as chart bands. A period's `to` is its
 * last firing evaluation, so the band reaches one step further: to where it was seen resolved.
 * Nothing is fetched without a target; failures draw no band (the alerts panel reports them).
 */
export function useAlertBands(target: AlertsQuery | undefined, enabled: boolean): AlertBands {
  const [{ window, refresh }] = useViewParams();
  const query = useQuery({ ...alertPeriodsQuery(target ?? {}, window, refresh), enabled: enabled && target !== undefined });
  // By value: callers pass a fresh object each render, and new bands would redraw the chart.
  const targetKey = target === undefined ? null : JSON.stringify(target);
  return useMemo(() => {
    const data = query.data;
    if (targetKey === null || data === undefined || !data.available) return NONE;
    const about: AlertsQuery = JSON.parse(targetKey) as AlertsQuery;
    const periods = data.periods.filter((p) => isAbout(p.object, about)).map((p) => ({ ...p, ongoing: p.to + data.step >= data.end }));
    return { periods, bands: periods.map((p) => ({ from: p.from, to: Math.min(p.to + data.step, data.end), severity: p.severity })) };
  }, [query.data, targetKey]);
}
