// Builds the ECharts option of a usage chart: ratios on a 0-100 % axis over the requested time
// range, gaps where there is no sample.
import type { ChartOption, LineSeriesOption } from './echarts-setup';
import { formatDateTime, formatPercent } from './format';
import { SERIES_COLORS, TOKENS } from './theme';

export interface UsageLine {
  name: string;
  /** Fixed colour (e.g. per metric kind); otherwise the next palette colour. */
  color?: string;
  /** Unix seconds. */
  timestamps: readonly number[];
  /** Ratios 0..1, null for a gap. */
  values: readonly (number | null)[];
}

export interface UsageChartInput {
  lines: readonly UsageLine[];
  /** Unix seconds: the x axis always spans the whole range, even where data is missing. */
  start: number;
  end: number;
  showLegend: boolean;
}

type Point = [number, number | null];
interface MarkedPoint {
  value: Point;
  symbol: 'circle';
  symbolSize: number;
}

/**
 * Points as [ms, ratio]. A sample with gaps on both sides has no line to draw, so it gets a
 * dot: otherwise a lone sample (the first one in live mode, a blip between outages) is invisible.
 */
function toPoints(line: UsageLine): (Point | MarkedPoint)[] {
  return line.timestamps.map((t, i) => {
    const value = line.values[i] ?? null;
    const isolated = value !== null && (line.values[i - 1] ?? null) === null && (line.values[i + 1] ?? null) === null;
    return isolated ? { value: [t * 1000, value], symbol: 'circle', symbolSize: 5 } : [t * 1000, value];
  });
}

function percentTick(value: number): string {
  return `${Math.round(value * 100)}%`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface TooltipItem {
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
}

/**
 * The tooltip: local time, then one row per line with its value in % ("—" in a gap). Partition
 * names come from the HMC and may contain markup characters, so they are escaped.
 */
export function tooltipHtml(items: readonly TooltipItem[]): string {
  const first = items[0];
  const time = first && Array.isArray(first.value) && typeof first.value[0] === 'number' ? formatDateTime(first.value[0]) : '';
  const rows = items.map((item) => {
    const value = Array.isArray(item.value) ? item.value[1] : undefined;
    const marker = typeof item.marker === 'string' ? item.marker : '';
    const ratio = typeof value === 'number' ? value : null;
    return `<div class="zl-tt-row">${marker}${escapeHtml(item.seriesName ?? '')}<b style="margin-left:12px;float:right">${formatPercent(ratio)}</b></div>`;
  });
  return `<div class="zl-tt"><div style="margin-bottom:4px">${escapeHtml(time)}</div>${rows.join('')}</div>`;
}

export function usageChartOption({ lines, start, end, showLegend }: UsageChartInput): ChartOption {
  const series: LineSeriesOption[] = lines.map((line, index) => ({
    type: 'line',
    name: line.name,
    data: toPoints(line),
    // No symbols but on isolated samples (see toPoints); showAllSymbol keeps ECharts from thinning those out.
    symbol: 'none',
    showSymbol: true,
    showAllSymbol: true,
    // A gap is "no sample", not a zero and not a straight line across the outage.
    connectNulls: false,
    lineStyle: { width: 1.5 },
    color: line.color ?? SERIES_COLORS[index % SERIES_COLORS.length],
    emphasis: { disabled: true },
  }));

  return {
    animation: false,
    textStyle: { fontFamily: "'IBM Plex Sans', system-ui, sans-serif" },
    grid: { left: 44, right: 16, top: showLegend ? 32 : 12, bottom: 24 },
    legend: showLegend
      ? { show: true, top: 0, left: 0, icon: 'rect', itemWidth: 10, itemHeight: 10, textStyle: { color: TOKENS.textSecondary, fontSize: 12 } }
      : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      formatter: (params) => tooltipHtml(Array.isArray(params) ? params : [params]),
    },
    xAxis: {
      type: 'time',
      min: start * 1000,
      max: end * 1000,
      axisLine: { lineStyle: { color: TOKENS.borderStrong } },
      axisLabel: { color: TOKENS.textSecondary, fontSize: 11, hideOverlap: true },
      splitLine: { show: false },
      axisPointer: { label: { formatter: ({ value }) => formatDateTime(Number(value)) } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.25,
      axisLabel: { color: TOKENS.textSecondary, fontSize: 11, formatter: percentTick },
      splitLine: { lineStyle: { color: TOKENS.borderSubtle } },
    },
    series,
  };
}
