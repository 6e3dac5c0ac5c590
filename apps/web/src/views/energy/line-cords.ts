// The line cords of a CPC (`environmental-power-status`, exporter zhmc_cpc_power_cord<n>_phase_<p>_watt):
// one line per cord, its three phases added up. The exporter reports 0 for a phase it has no value
// for ("0 if not available"), so a 0 is no sample here, and a cord without any value is left out.
// The 24 phases come in one request (GET /api/v1/line-cords).
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { LineCordMetricId } from '@zlens/shared';
import { lineCordsQuery } from '../../api/physical-queries';
import type { RefreshKey, TimeWindow } from '../../state/view-params';
import type { UsageLine } from '../../components/usage-chart-option';
import { answeredState, type UsageSeriesState, type UsageSource } from '../../components/use-usage-series';

export const CORD_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const PHASES = ['a', 'b', 'c'] as const;

/** The 24 phase series of a CPC, each named `<cord>/<phase>` for cordLines to group. */
export function lineCordSources(cpc: string): UsageSource[] {
  return CORD_NUMBERS.flatMap((n) =>
    PHASES.map((phase): UsageSource => ({
      metric: `zhmc_cpc_power_cord${n}_phase_${phase}_watt` satisfies LineCordMetricId,
      cpc,
      name: `${n}/${phase}`,
    })),
  );
}

/** Per cord the sum of its phases' watts at each time (null where no phase has a value), named by `name`. */
export function cordLines(phases: readonly UsageLine[], name: (cord: number) => string): UsageLine[] {
  const byCord = new Map<number, Map<number, number>>();
  for (const line of phases) {
    const cord = Number(line.name.split('/')[0]);
    const sums = byCord.get(cord) ?? new Map<number, number>();
    byCord.set(cord, sums);
    line.timestamps.forEach((t, i) => {
      const v = line.values[i];
      if (v != null && v !== 0) sums.set(t, (sums.get(t) ?? 0) + v);
    });
  }
  const times = [...new Set(phases.flatMap((line) => line.timestamps))].sort((a, b) => a - b);
  return [...byCord.entries()]
    .filter(([, sums]) => sums.size > 0)
    .sort(([a], [b]) => a - b)
    .map(([cord, sums]) => ({ name: name(cord), timestamps: times, values: times.map((t) => sums.get(t) ?? null) }));
}

/**
 * The phase lines of `sources` (lineCordSources of one CPC) from one request for all of the CPC's
 * phases, in useUsageSeries' shape (a panel's `useSeries`): each phase named by its source.
 */
export function useLineCordSeries(
  sources: readonly UsageSource[],
  window: TimeWindow,
  refresh: RefreshKey,
  maxPoints: number,
  enabled = true,
): UsageSeriesState {
  const cpc = sources[0]?.cpc ?? '';
  const query = useQuery({ ...lineCordsQuery(cpc, window, maxPoints, refresh), enabled: enabled && cpc !== '' });
  const { data, error, isPending, refetch } = query;
  return useMemo((): UsageSeriesState => {
    if (error !== null) return { status: 'error', error, retry: () => void refetch() };
    if (isPending) return { status: 'pending' };
    const names = new Map(sources.map((source) => [source.metric as string, source.name]));
    const lines = data.phases.flatMap(({ metric, values }): UsageLine[] => {
      const name = names.get(metric);
      return name === undefined ? [] : [{ name, timestamps: data.timestamps, values }];
    });
    return answeredState(data, lines);
  }, [data, error, isPending, refetch, sources]);
}
