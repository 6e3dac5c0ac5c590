// The status-over-time chart's y axis and its "no data" bands. Statuses are drawn on a value axis
// of ordinals (0, 1, 2 … one per status present), not on an ECharts category axis: on a category
// axis a missing value lands on the first category, so a partition that only ever reported
// "active" was drawn "active" across a whole week in which 289 of 337 points had no value (an
// exporter outage made invisible). On a value axis a null is a gap, and the gap gets a band that
// says "no data": no data is never a state.
import type { LineSeriesOption } from './echarts-setup';
import type { ThemeTokens } from './theme';

interface StatusLine {
  timestamps: readonly number[];
  values: readonly (number | null)[];
}

/** The status codes a status chart's axis lists: 0 (healthy) and every code in the data, ascending. */
export function statusAxis(lines: readonly StatusLine[]): number[] {
  const codes = new Set<number>([0]);
  for (const line of lines) for (const v of line.values) if (v != null) codes.add(v);
  return [...codes].sort((a, b) => a - b);
}

/** One band per status, the line in the middle of its band (never flat on the axis), labelled by status. */
export function statusYAxis(statusOrder: readonly number[], label: (ordinal: number) => string, tokens: ThemeTokens) {
  return {
    type: 'value' as const,
    min: -0.5,
    max: statusOrder.length - 0.5,
    interval: 1,
    axisLabel: {
      color: tokens.textSecondary,
      fontSize: 11,
      // The split lines fall on the band edges (-0.5, 0.5, …); the labels on the ordinals, one per status.
      customValues: statusOrder.map((_, i) => i),
      formatter: (v: number) => (Number.isInteger(v) ? label(v) : ''),
    },
    axisTick: { show: false },
    splitLine: { show: true, lineStyle: { color: tokens.borderSubtle } },
  };
}

/**
 * The periods (unix seconds) in which no line has a value: from the first point without one to
 * the next point with one (or the end of the range).
 */
export function noDataPeriods(lines: readonly StatusLine[], end: number): { from: number; to: number }[] {
  const timestamps = lines[0]?.timestamps ?? [];
  const periods: { from: number; to: number }[] = [];
  let from: number | null = null;
  timestamps.forEach((t, i) => {
    const any = lines.some((line) => (line.values[i] ?? null) !== null);
    if (!any && from === null) from = t;
    if (any && from !== null) {
      periods.push({ from, to: t });
      from = null;
    }
  });
  if (from !== null) periods.push({ from, to: Math.max(from, end) });
  return periods;
}

/** The "no data" periods as grey, labelled bands on an empty helper series. */
export function noDataSeries(periods: readonly { from: number; to: number }[], label: string, tokens: ThemeTokens): LineSeriesOption {
  return {
    type: 'line',
    name: '__nodata',
    data: [],
    silent: true,
    markArea: {
      silent: true,
      label: { show: true, position: 'inside', color: tokens.textSecondary, fontSize: 11, formatter: label },
      itemStyle: { color: tokens.borderSubtle, opacity: 0.45 },
      data: periods.map((p) => [{ xAxis: p.from * 1000, name: label }, { xAxis: p.to * 1000 }]),
    },
  };
}
