// The ECharts option of a partitions × time heatmap (reference/echarts-performance.md: one cell
// per step and row, `progressive: 0` so it draws in one pass, no animation).
import type { HeatmapResponse } from '@zlens/shared';
import type { ChartOption } from './echarts-setup';
import { formatDateTime, formatPercent } from './format';
import type { ThemeTokens } from './theme';

/** Height of one row: enough for a 11 px label, so 85 rows stay readable (in a scrolling box). */
export const HEATMAP_ROW_HEIGHT = 16;
const HEATMAP_MARGIN = 56;

export function heatmapHeight(rows: number): number {
  return Math.max(120, rows * HEATMAP_ROW_HEIGHT + HEATMAP_MARGIN);
}

/** A row's label: the partition, with its CPC when the heatmap spans the fleet. */
export function heatmapRowLabel(labels: Record<string, string>, withCpc: boolean): string {
  const partition = labels.partition ?? '?';
  return withCpc && labels.cpc !== undefined ? `${labels.cpc} / ${partition}` : partition;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function heatmapOption(data: HeatmapResponse, withCpc: boolean, tokens: ThemeTokens, colors: readonly string[]): ChartOption {
  const times = data.timestamps.map((t) => formatDateTime(t * 1000).slice(5, 16));
  // Highest average at the top: ECharts draws category 0 at the bottom, so the rows go in reversed.
  const rows = [...data.rows].reverse();
  const labels = rows.map((row) => heatmapRowLabel(row.labels, withCpc));
  const cells: [number, number, number | null][] = [];
  rows.forEach((row, y) => {
    row.values.forEach((value, x) => {
      // A gap gets no cell: the background shows through, distinct from a 0 % cell.
      if (value != null) cells.push([x, y, value]);
    });
  });
  return {
    animation: false,
    textStyle: { fontFamily: "'IBM Plex Sans', 'Noto Sans CJK SC', system-ui, sans-serif" },
    // Time axis and colour scale on top: with 85 rows the panel scrolls, and both stay in view.
    grid: { left: withCpc ? 150 : 110, right: 16, top: 48, bottom: 8 },
    tooltip: {
      trigger: 'item',
      backgroundColor: tokens.layer,
      borderColor: tokens.borderStrong,
      textStyle: { color: tokens.textPrimary },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const value = p?.value;
        if (!Array.isArray(value)) return '';
        const [x, y, v] = value as [number, number, number | null];
        const time = data.timestamps[x];
        return `<b>${escapeHtml(labels[y] ?? '')}</b><br/>${time !== undefined ? formatDateTime(time * 1000) : ''}: ${formatPercent(v)}`;
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: times,
      axisLabel: { color: tokens.textSecondary, fontSize: 11, hideOverlap: true },
      axisLine: { lineStyle: { color: tokens.borderStrong } },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: labels,
      // Labels are links to the partition view (EChart's onYLabelClick).
      triggerEvent: true,
      axisLabel: { color: tokens.linkPrimary, fontSize: 11, interval: 0, width: withCpc ? 140 : 100, overflow: 'truncate' },
      axisLine: { lineStyle: { color: tokens.borderStrong } },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      right: 16,
      top: 0,
      itemHeight: 160,
      itemWidth: 10,
      text: ['100%', '0%'],
      textStyle: { color: tokens.textSecondary, fontSize: 11 },
      inRange: { color: [...colors] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        progressive: 0,
        // Highlighting a hovered cell redraws the whole layer of thousands of cells: off, the tooltip says enough.
        emphasis: { disabled: true },
      },
    ],
  };
}
