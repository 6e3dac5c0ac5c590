import { useMemo } from 'react';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { MetricId, SeriesResponse } from '@zlens/shared';
import { seriesQuery } from '../api/queries';
import type { RefreshKey, TimeWindow } from '../state/view-params';
import type { UsageLine } from './usage-chart-option';

export interface UsageSource {
  metric: MetricId;
  cpc: string;
  partition?: string;
  adapter?: string;
  /**
   * Channel metrics: only this channel's series (CSS.CHPID), each named by its LPAR (`name` where the
   * exporter names none, a shared channel). Filtered here, so the CPC's channel table and every
   * channel view share one cached query.
   */
  channel?: string;
  /** NIC metrics of one adapter: each line named by its partition and NIC (the adapter view's stacked traffic). */
  byPartition?: boolean;
  /** Legend name. A response with several series (all partitions) names each by its partition. */
  name: string;
  color?: string;
  /** Leave out this source's lines when they are zero over the whole range, naming them in `leftOut`. */
  hideWhenZero?: boolean;
}

export type UsageSeriesState =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | {
      status: 'success';
      lines: UsageLine[];
      start: number;
      end: number;
      stale: boolean;
      /** When the oldest stale answer was read from Prometheus (unix seconds), for the panel's badge. */
      fetchedAt?: number | undefined;
      /** Some answer may lack data (Prometheus warned); every warning once. */
      partial?: boolean;
      warnings?: string[];
      hasData: boolean;
      /** Set when the BFF says the CPC's mode has no such metric (and what shows the same thing). */
      unsupported: SeriesResponse['unsupportedInMode'] | null;
      /** Lines of `hideWhenZero` sources left out, zero over the whole range. */
      leftOut?: string[];
    };

/** What every BFF answer a panel draws says of its range and freshness (shared's FreshnessShape). */
interface AnsweredRange {
  start: number;
  end: number;
  stale: boolean;
  fetchedAt?: number | undefined;
  partial?: boolean | undefined;
  warnings?: string[] | undefined;
}

/** A panel's state from one BFF answer and the lines drawn from it (panels with an endpoint of their own). */
export function answeredState(
  answer: AnsweredRange,
  lines: UsageLine[],
  hasData = lines.some((line) => line.values.some((value) => value != null)),
): UsageSeriesState {
  return {
    status: 'success',
    lines,
    start: answer.start,
    end: answer.end,
    stale: answer.stale,
    fetchedAt: answer.fetchedAt,
    partial: answer.partial === true,
    warnings: answer.warnings ?? [],
    hasData,
    unsupported: null,
  };
}

interface Combined {
  responses: (SeriesResponse | undefined)[];
  pending: boolean;
  errors: unknown[];
  refetchFailed: () => void;
}

// Stable (module-level), so TanStack Query re-runs it only when a query result changes.
function combine(results: UseQueryResult<SeriesResponse>[]): Combined {
  const failed = results.filter((result) => result.isError);
  return {
    responses: results.map((result) => result.data),
    pending: results.some((result) => result.isPending),
    errors: failed.map((result) => result.error),
    refetchFailed: () => {
      for (const result of failed) void result.refetch();
    },
  };
}

/**
 * The legend name of one series. A query over every partition names each line by its partition;
 * several series of one adapter or partition (ports, NICs) add what tells them apart.
 */
function seriesName(source: UsageSource, labels: Record<string, string>, many: boolean): string {
  if (source.partition === undefined && source.adapter === undefined && labels.partition !== undefined) return labels.partition;
  if (!many) return source.name;
  const parts = [labels.nic, labels.port !== undefined ? `#${labels.port}` : undefined, labels.channel_css_chpid].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return parts.length > 0 ? `${source.name} ${parts.join(' ')}` : source.name;
}

function linesOf(source: UsageSource, response: SeriesResponse): UsageLine[] {
  if (source.channel !== undefined) {
    return response.series
      .filter((series) => series.labels.channel_css_chpid === source.channel)
      .map((series) => {
        const lpar = series.labels.partition;
        return { name: lpar !== undefined && lpar !== '' ? lpar : source.name, timestamps: response.timestamps, values: series.values };
      });
  }
  if (source.byPartition === true) {
    return response.series.map((series) => ({
      name: [series.labels.partition, series.labels.nic].filter((part) => part !== undefined && part !== '').join(' · ') || source.name,
      timestamps: response.timestamps,
      values: series.values,
    }));
  }
  const many = response.series.length > 1;
  return response.series.map((series) => ({
    name: seriesName(source, series.labels, many),
    // Several series of one source (all partitions) must be told apart: palette colours then.
    color: many ? undefined : source.color,
    timestamps: response.timestamps,
    values: series.values,
  }));
}

/** Zero wherever it has a value, over the whole range (a line without any value is not zero: it has no data). */
function isZeroThroughout(line: UsageLine): boolean {
  return line.values.some((value) => value === 0) && line.values.every((value) => value == null || value === 0);
}

/** The series of several usage metrics for one chart, with one loading / error / data state. */
export function useUsageSeries(
  sources: readonly UsageSource[],
  window: TimeWindow,
  refresh: RefreshKey,
  maxPoints: number,
  /** False while the caller cannot yet tell whether the metrics apply (the inventory is loading). */
  enabled = true,
): UsageSeriesState {
  const combined = useQueries({
    queries: sources.map((source) => ({
      ...seriesQuery(
        { metric: source.metric, cpc: source.cpc, partition: source.partition, adapter: source.adapter, window, maxPoints },
        refresh,
      ),
      enabled,
    })),
    combine,
  });

  return useMemo((): UsageSeriesState => {
    const firstError = combined.errors[0];
    if (firstError !== undefined) {
      return { status: 'error', error: firstError, retry: combined.refetchFailed };
    }
    if (combined.pending) return { status: 'pending' };
    const lines: UsageLine[] = [];
    const leftOut: string[] = [];
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    let stale = false;
    let fetchedAt: number | undefined;
    let partial = false;
    const warnings = new Set<string>();
    let unsupported: SeriesResponse['unsupportedInMode'] | null = null;
    sources.forEach((source, index) => {
      const response = combined.responses[index];
      if (!response) return;
      const made = linesOf(source, response);
      if (source.hideWhenZero === true && made.every(isZeroThroughout)) leftOut.push(...made.map((line) => line.name));
      else lines.push(...made);
      start = Math.min(start, response.start);
      end = Math.max(end, response.end);
      stale ||= response.stale;
      if (response.stale && response.fetchedAt !== undefined) fetchedAt = Math.min(fetchedAt ?? response.fetchedAt, response.fetchedAt);
      partial ||= response.partial === true;
      for (const warning of response.warnings ?? []) warnings.add(warning);
      unsupported ??= response.unsupportedInMode ?? null;
    });
    const hasData = lines.some((line) => line.values.some((value) => value != null));
    return { status: 'success', lines, start, end, stale, fetchedAt, partial, warnings: [...warnings], hasData, unsupported, leftOut };
  }, [combined, sources]);
}
