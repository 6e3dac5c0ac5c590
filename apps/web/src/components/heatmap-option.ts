// The ECharts option of a partitions × time heatmap (reference/echarts-performance.md: one cell
// per step and row, `progressive: 0` so it draws in one pass, no animation).
import type { HeatmapResponse } from '@zlens/shared';
import type { ChartOption } from './echarts-setup';
import { formatDateTime, formatPercent } from './format';
import type { ThemeTokens } from './theme';

/** Height of one row: enough for a 11 px label, so 85 rows stay readable (in a scrolling box). */
export const HEATMAP_ROW_HEIGHT = 16;
const HEATMAP_MARGIN = 36;

export function heatmapHeight(rows: number): number {
  return Math.max(120, rows * HEATMAP_ROW_HEIGHT + HEATMAP_MARGIN);
}

/** A row's label: the partition, with its CPC when the heatmap spans the fleet. */
export function heatmapRowLabel(labels: Record<string, string>, withCpc: boolean): string {
  const partition = labels.partition ?? '?';
  return withCpc && labels.cpc !== undefined ? `${labels.cpc} / ${partition}` : partition;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * The colour of a ratio on a sequential scale (`stops` evenly spaced over 0..1), interpolated in
 * RGB. Computed here rather than by ECharts' visualMap, which is 8 kB of the gzip bundle.
 */
export function heatColor(value: number, stops: readonly string[]): string {
  const v = Math.min(1, Math.max(0, value));
  const last = stops.length - 1;
  const at = v * last;
  const i = Math.min(last - 1, Math.floor(at));
  const a = channels(stops[i] ?? '#000000');
  const b = channels(stops[i + 1] ?? stops[i] ?? '#000000');
  const f = at - i;
  const mix = a.map((c, k) => Math.round(c + ((b[k] ?? c) - c) * f));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Shades of the colour scale: more than the eye tells apart in a cell of 6 × 16 px. */
export const HEATMAP_SHADES = 21;

/** The shade index of a ratio (clamped to 0..1). */
export function shadeOf(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * (HEATMAP_SHADES - 1));
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function heatmapOption(data: HeatmapResponse, withCpc: boolean, tokens: ThemeTokens, colors: readonly string[]): ChartOption {
  const times = data.timestamps.map((t) => formatDateTime(t * 1000).slice(5, 16));
  // Highest average at the top: ECharts draws category 0 at the bottom, so the rows go in reversed.
  const rows = [...data.rows].reverse();
  const labels = rows.map((row) => heatmapRowLabel(row.labels, withCpc));
  // One series per shade (cells as plain [x, y, value] arrays): per-cell styles would make
  // ECharts build a model for each of ~15,000 cells, twice as slow to draw.
  const buckets: [number, number, number][][] = Array.from({ length: HEATMAP_SHADES }, () => []);
  rows.forEach((row, y) => {
    row.values.forEach((value, x) => {
      // A gap gets no cell: the background shows through, distinct from a 0 % cell.
      if (value != null) buckets[shadeOf(value)]?.push([x, y, value]);
    });
  });
  return {
    animation: false,
    textStyle: { fontFamily: "'IBM Plex Sans', 'Noto Sans CJK SC', system-ui, sans-serif" },
    // Time axis on top: with 85 rows the panel scrolls, and it stays in view (the scale is HTML, above).
    grid: { left: withCpc ? 150 : 110, right: 16, top: 28, bottom: 8 },
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
    series: buckets.map((cells, shade) => ({
      type: 'heatmap',
      name: `shade-${shade}`,
      data: cells,
      itemStyle: { color: heatColor(shade / (HEATMAP_SHADES - 1), colors) },
      progressive: 0,
      // Highlighting a hovered cell redraws the whole layer of thousands of cells: off, the tooltip says enough.
      emphasis: { disabled: true },
    })),
  };
}
