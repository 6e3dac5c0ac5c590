// The HMC's own records under a chart: for each line whose metric the HMC records (power,
// temperatures, humidity, heat load, processor usage of a CPC or one partition), the HMC's points
// before zlens' own first sample — the whole window in HMC-only mode, the time before Prometheus'
// oldest sample otherwise. Drawn dotted over a shaded span in the colour of the line they extend.
import { useMemo } from 'react';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { hmcHistoryMetric, type HmcHistoryResponse } from '@zlens/shared';
import { hmcHistoryQuery } from '../api/hmc-history-queries';
import { useI18n } from '../i18n/use-i18n';
import type { TimeWindow } from '../state/view-params';
import { SERIES_COLORS } from './theme';
import type { UsageLine } from './usage-chart-option';
import type { UsageSource } from './use-usage-series';

export interface HmcHistoryOverlay {
  lines: UsageLine[];
  /** Seconds between the HMC's points (the coarsest among the lines); null without a line. */
  resolution: number | null;
  /** Unix seconds where zlens' own data starts (the latest among the lines); null when it has none in the window. */
  until: number | null;
  /** Why nothing could fill a start zlens has no data for (the HMC user's permission, an SE without the operation). */
  unavailable: 'not-permitted' | 'not-supported' | null;
  /** An answer is still on its way: a chart without data of its own shows it loading, not "no data". */
  pending: boolean;
}

const NONE: HmcHistoryOverlay = { lines: [], resolution: null, until: null, unavailable: null, pending: false };
/** The HMC's finest resolution: a line starting within it has nothing for the HMC to fill. */
const FINEST_SECONDS = 900;

interface Answers {
  data: (HmcHistoryResponse | undefined)[];
  /** One is being fetched for the first time (a query not enabled is not loading). */
  loading: boolean;
}

// Stable (module-level), so TanStack Query re-runs it only when an answer changes.
function answersOf(results: UseQueryResult<HmcHistoryResponse>[]): Answers {
  return { data: results.map((result) => result.data), loading: results.some((result) => result.isLoading) };
}

/** Whether the HMC records a source's line: a CPC metric of the CPC, or a partition metric of one partition. */
export function hasHmcHistory(source: UsageSource): boolean {
  const mapping = hmcHistoryMetric(source.metric);
  if (mapping === null || source.adapter !== undefined || source.channel !== undefined || source.byPartition === true) return false;
  return mapping.object === 'cpc' ? source.partition === undefined : source.partition !== undefined;
}

/** The overlay of a chart from its sources' answers (undefined while one loads or failed: left out). */
export function hmcHistoryLines(
  sources: readonly UsageSource[],
  answers: readonly (HmcHistoryResponse | undefined)[],
  current: readonly UsageLine[],
  label: (name: string) => string,
): HmcHistoryOverlay {
  const position = new Map(current.map((line, index) => [line.name, index]));
  const lines: UsageLine[] = [];
  let resolution: number | null = null;
  let until: number | null = null;
  let unavailable: HmcHistoryOverlay['unavailable'] = null;
  sources.forEach((source, i) => {
    const answer = answers[i];
    if (answer === undefined) return;
    const needed = answer.primaryFrom === null || answer.primaryFrom - answer.start >= FINEST_SECONDS;
    if (!answer.available) {
      if (needed && (answer.unavailableReason === 'not-permitted' || answer.unavailableReason === 'not-supported'))
        unavailable ??= answer.unavailableReason;
      return;
    }
    if (!answer.values.some((v) => v !== null)) return;
    const match = position.get(source.name);
    const color =
      (match === undefined ? source.color : current[match]?.color) ??
      SERIES_COLORS[(match ?? current.length + lines.length) % SERIES_COLORS.length];
    lines.push({
      name: label(source.name),
      ...(color === undefined ? {} : { color }),
      timestamps: answer.timestamps,
      values: answer.values,
      hmc: true,
    });
    if (answer.resolution !== undefined) resolution = Math.max(resolution ?? 0, answer.resolution);
    if (answer.primaryFrom !== null) until = Math.max(until ?? 0, answer.primaryFrom);
  });
  return lines.length === 0 && unavailable === null ? NONE : { lines, resolution, until, unavailable, pending: false };
}

/**
 * The HMC's records under a chart (no lines while off, loading or failed: a chart with data of its
 * own never waits for them; `pending` says they are still coming for one without).
 */
export function useHmcHistoryLines(
  sources: readonly UsageSource[],
  window: TimeWindow,
  maxPoints: number,
  current: readonly UsageLine[] | null,
  enabled: boolean,
): HmcHistoryOverlay {
  const { t } = useI18n();
  const asked = useMemo(() => sources.filter(hasHmcHistory), [sources]);
  const answers = useQueries({
    queries: asked.map((source) => ({
      ...hmcHistoryQuery({ metric: source.metric, cpc: source.cpc, partition: source.partition, window, maxPoints }),
      enabled: enabled && current !== null,
    })),
    combine: answersOf,
  });
  return useMemo(() => {
    if (current === null) return NONE;
    const overlay = hmcHistoryLines(asked, answers.data, current, (name) => t('hmcHistory.lineName', { name }));
    return answers.loading ? { ...overlay, pending: true } : overlay;
  }, [asked, answers, current, t]);
}
