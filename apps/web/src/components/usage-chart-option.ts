// Builds the ECharts option of a time chart: ratios on a 0-100 % axis (with the threshold
// bands), rates on an axis that fits them, status codes as a stepped line; always over the whole
// requested range, with gaps where there is no sample.
import type { ChartOption, LineSeriesOption } from './echarts-setup';
import {
  formatBytesPerSecond,
  formatDateTime,
  formatGauge,
  formatPercent,
  formatRate,
  type DisplayZone,
  type GaugeUnitLabels,
  type ValueUnit,
} from './format';
import { noDataPeriods, noDataSeries, statusAxis, statusYAxis } from './status-chart';
import { SERIES_COLORS, TOKENS, themedColor, type ThemeTokens } from './theme';

export interface UsageLine {
  name: string;
  /** Fixed colour (e.g. per metric kind); otherwise the palette colour of its position. */
  color?: string;
  /** Unix seconds. */
  timestamps: readonly number[];
  /** Ratios 0..1 (or rates, status codes), null for a gap. */
  values: readonly (number | null)[];
  /** A comparison line (an earlier window drawn over this one): dashed, never stacked. */
  dashed?: boolean;
  /** The HMC's own records before zlens' own data starts: dotted over a shaded span, never stacked. */
  hmc?: boolean;
}

export interface AlertBand {
  /** Unix seconds. */
  from: number;
  to: number;
  severity: string;
}

/**
 * An event on the chart's object (a status change, an HMC hardware message): a vertical dashed
 * line with a symbol at the top, its words in the tooltip when the pointer is near it.
 */
export interface ChartMarker {
  /** Unix seconds. */
  time: number;
  kind: 'status' | 'hardware';
  /** Plain text (escaped where it is drawn). */
  text: string;
}

export interface UnitLabels {
  bytes: string;
  packets: string;
  gauge?: GaugeUnitLabels;
}

export interface Thresholds {
  /** Ratios 0..1: warning band from `warn`, critical band from `crit`. */
  warn: number;
  crit: number;
}

export interface UsageChartInput {
  lines: readonly UsageLine[];
  /** Unix seconds: the x axis always spans the whole range, even where data is missing. */
  start: number;
  end: number;
  /** Kept for callers that drew the ECharts legend; the legend is now the HTML table under the chart. */
  showLegend?: boolean;
  unit?: ValueUnit;
  thresholds?: Thresholds | null;
  tokens?: ThemeTokens;
  /** Names of lines the user hid in the legend: left out, the others keep their colours. */
  hidden?: ReadonlySet<string>;
  /** Localised unit words for rates ("B/s", "packets/s") and gauges (BTU/h, MiB). */
  unitLabels?: UnitLabels;
  /** Status metric: code → label, for the axis and the tooltip. */
  statusLabels?: ReadonlyMap<number, string>;
  /** Whether the brush (drag-to-zoom) is on. */
  zoomable?: boolean;
  /** Dark theme: the palette's dark variant. */
  dark?: boolean;
  /** Periods in which an alert about the chart's object fired, drawn as bands across the plot. */
  alertBands?: readonly AlertBand[];
  /** Stack the lines as areas (parts of one whole: the LPARs on one channel, the partitions on one NIC). */
  stacked?: boolean;
  /** Status charts: the words for a point without a value, on the bands over gaps and in the tooltip. */
  noDataLabel?: string;
  /** Times in UTC instead of the browser's zone (axis, tooltip), and the zone's name under the axis. */
  zone?: DisplayZone;
  zoneLabel?: string;
  /** Ratio charts: the y axis 0-100 % ('full'), or fitted to the data ('fit'). */
  yScale?: 'full' | 'fit';
  /** Events on the object, drawn as markers (see ChartMarker). */
  markers?: readonly ChartMarker[];
}

type Point = [number, number | null];
interface MarkedPoint {
  value: Point;
  symbol: 'circle';
  symbolSize: number;
}

/**
 * Points as [ms, value]. A sample with gaps on both sides has no line to draw, so it gets a
 * dot: otherwise a lone sample (the first one in live mode, a blip between outages) is invisible.
 */
function toPoints(line: UsageLine): (Point | MarkedPoint)[] {
  return line.timestamps.map((t, i) => {
    const value = line.values[i] ?? null;
    const isolated = value !== null && (line.values[i - 1] ?? null) === null && (line.values[i + 1] ?? null) === null;
    return isolated ? { value: [t * 1000, value], symbol: 'circle', symbolSize: 5 } : [t * 1000, value];
  });
}

/** Time-axis tick formats by level (ECharts' template syntax), numeric in every language. */
export const TIME_TICKS = {
  year: '{yyyy}',
  month: '{yyyy}-{MM}',
  day: '{MM}-{dd}',
  hour: '{HH}:{mm}',
  minute: '{HH}:{mm}',
  second: '{HH}:{mm}:{ss}',
  millisecond: '{HH}:{mm}:{ss}',
  none: '{yyyy}-{MM}-{dd} {HH}:{mm}',
};

function percentTick(value: number): string {
  return `${Math.round(value * 100)}%`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface TooltipItem {
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
}

export type ValueFormatter = (value: number | null) => string;

/** The formatter of a unit: percent for ratios, B/s with prefixes, packets/s, status words. */
export function valueFormatter(
  unit: ValueUnit,
  unitLabels: UnitLabels = { bytes: 'B/s', packets: 'packets/s' },
  statusLabels?: ReadonlyMap<number, string>,
): ValueFormatter {
  if (unit === 'bytes-per-second') return (v) => formatBytesPerSecond(v, unitLabels.bytes);
  if (unit === 'packets-per-second') return (v) => formatRate(v, unitLabels.packets);
  if (unit === 'status') return (v) => (v == null ? formatPercent(null) : (statusLabels?.get(v) ?? String(v)));
  if (unit !== 'ratio') return (v) => formatGauge(v, unit, unitLabels.gauge);
  return (v) => formatPercent(v);
}

/**
 * The tooltip: local time, then one row per line with its value ("—" in a gap). Partition
 * names come from the HMC and may contain markup characters, so they are escaped.
 */
export function tooltipHtml(
  items: readonly TooltipItem[],
  format: ValueFormatter = (v) => formatPercent(v),
  zone?: DisplayZone,
  near: (timeMs: number) => readonly ChartMarker[] = () => [],
): string {
  const visible = items.filter((item) => !(item.seriesName ?? '').startsWith('__'));
  const first = visible[0];
  const time =
    first && Array.isArray(first.value) && typeof first.value[0] === 'number'
      ? `${formatDateTime(first.value[0], zone)}${zone === 'utc' ? ' UTC' : ''}`
      : '';
  const rows = visible.map((item) => {
    const value: unknown = Array.isArray(item.value) ? item.value[1] : undefined;
    const marker = typeof item.marker === 'string' ? item.marker : '';
    const number = typeof value === 'number' ? value : null;
    return `<div class="zl-tt-row">${marker}${escapeHtml(item.seriesName ?? '')}<b style="margin-left:12px;float:right">${escapeHtml(format(number))}</b></div>`;
  });
  const events =
    first && Array.isArray(first.value) && typeof first.value[0] === 'number'
      ? near(first.value[0]).map(
          (m) => `<div class="zl-tt-row">${MARKER_SYMBOL[m.kind]} ${escapeHtml(`${formatDateTime(m.time * 1000, zone)} ${m.text}`)}</div>`,
        )
      : [];
  const eventBlock = events.length > 0 ? `<div style="margin-top:6px;max-width:360px;white-space:normal">${events.join('')}</div>` : '';
  return `<div class="zl-tt"><div style="margin-bottom:4px">${escapeHtml(time)}</div>${rows.join('')}${eventBlock}</div>`;
}

const MARKER_SYMBOL: Readonly<Record<ChartMarker['kind'], string>> = { status: '▲', hardware: '◆' };
/** Hardware messages can run to paragraphs: the tooltip shows their start. */
const MARKER_TEXT_MAX = 160;

/**
 * The markers within `tolerance` seconds of a time (ms): what the tooltip lists where the pointer
 * is. The pointer snaps to the grid's points, so the tolerance is at least half a step.
 */
export function markersNear(markers: readonly ChartMarker[], timeMs: number, tolerance: number): ChartMarker[] {
  const t = timeMs / 1000;
  return markers
    .filter((m) => Math.abs(m.time - t) <= tolerance)
    .map((m) => (m.text.length > MARKER_TEXT_MAX ? { ...m, text: `${m.text.slice(0, MARKER_TEXT_MAX - 1)}…` } : m));
}

const MARKER_SHAPE: Readonly<Record<ChartMarker['kind'], string>> = { status: 'triangle', hardware: 'diamond' };

/**
 * One kind of markers as vertical dashed lines (▲ at the top for a status change, ◆ for an HMC
 * message) on a helper series. The symbol is the series' own: ECharts ignores a symbol set on one
 * line of `{xAxis}` (apache/echarts#13385) and draws its default circle and arrow.
 */
function markerSeries(kind: ChartMarker['kind'], markers: readonly ChartMarker[], tokens: ThemeTokens): LineSeriesOption {
  return {
    type: 'line',
    name: `__markers_${kind}`,
    data: [],
    silent: true,
    markLine: {
      silent: true,
      animation: false,
      label: { show: false },
      symbol: ['none', MARKER_SHAPE[kind]],
      symbolSize: 9,
      lineStyle: { color: kind === 'status' ? tokens.supportError : tokens.interactive, type: 'dashed', width: 1 },
      data: markers.filter((m) => m.kind === kind).map((m) => ({ xAxis: m.time * 1000 })),
    },
  };
}

/** The colour of a line: its own, else the palette colour of its position (stable when others hide). */
export function lineColor(line: UsageLine, index: number, dark = false): string {
  return themedColor(line.color ?? SERIES_COLORS[index % SERIES_COLORS.length] ?? SERIES_COLORS[0], dark);
}

/**
 * The tick interval of a size axis (values in MiB): a round 1, 2 or 5 × 10^n of the largest binary
 * unit (MiB, GiB, TiB) the top value reaches, about six ticks; nothing without a value.
 */
export function sizeAxisInterval(lines: readonly UsageLine[]): { interval: number; max: number } | Record<string, never> {
  const top = Math.max(0, ...lines.flatMap((line) => line.values.filter((v): v is number => v != null && Number.isFinite(v))));
  if (top <= 0) return {};
  const unit = top >= 1024 * 1024 ? 1024 * 1024 : top >= 1024 ? 1024 : 1;
  const rough = top / unit / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power * unit;
  return { interval: step, max: Math.ceil(top / step) * step };
}

/** Warning and critical bands as a mark area on an empty helper series, cut at the axis' top. */
function thresholdSeries(thresholds: Thresholds, tokens: ThemeTokens, top = 1): LineSeriesOption {
  type Band = [{ yAxis: number; itemStyle: { color: string; opacity: number } }, { yAxis: number }];
  const band = (from: number, to: number, color: string): Band => [
    { yAxis: Math.min(from, top), itemStyle: { color, opacity: 0.12 } },
    { yAxis: Math.min(to, top) },
  ];
  return {
    type: 'line',
    name: '__thresholds',
    data: [],
    silent: true,
    markArea: {
      silent: true,
      label: { show: false },
      // A band above a fitted axis' top is left out rather than stretching the axis back to 100 %.
      data: [band(thresholds.warn, thresholds.crit, tokens.supportWarning), band(thresholds.crit, 1, tokens.supportError)].filter(
        ([from]) => from.yAxis < top,
      ),
    },
  };
}

/** The span of an HMC-records line, shaded so it reads as another source than the solid lines. */
function hmcSpan(line: UsageLine, tokens: ThemeTokens): LineSeriesOption['markArea'] {
  const first = line.timestamps[0];
  const last = line.timestamps[line.timestamps.length - 1];
  if (first === undefined || last === undefined) return undefined;
  return {
    silent: true,
    label: { show: false },
    itemStyle: { color: tokens.textSecondary, opacity: 0.08 },
    data: [[{ xAxis: first * 1000 }, { xAxis: last * 1000 }]],
  };
}

/** Alert periods as vertical bands on an empty helper series: red for critical, yellow otherwise. */
function alertSeries(bands: readonly AlertBand[], tokens: ThemeTokens): LineSeriesOption {
  return {
    type: 'line',
    name: '__alerts',
    data: [],
    silent: true,
    markArea: {
      silent: true,
      label: { show: false },
      data: bands.map((band) => [
        {
          xAxis: band.from * 1000,
          itemStyle: { color: band.severity === 'critical' ? tokens.supportError : tokens.supportWarning, opacity: 0.22 },
        },
        { xAxis: band.to * 1000 },
      ]),
    },
  };
}

export { statusAxis };

export function usageChartOption({
  lines,
  start,
  end,
  unit = 'ratio',
  thresholds = null,
  tokens = TOKENS,
  hidden,
  unitLabels,
  statusLabels,
  zoomable = false,
  dark = false,
  alertBands = [],
  stacked = false,
  noDataLabel = 'No data',
  zone = 'browser',
  zoneLabel,
  yScale = 'full',
  markers = [],
}: UsageChartInput): ChartOption {
  const format = valueFormatter(unit, unitLabels, statusLabels);
  // Status codes are far apart (0, 1, 10, 20, ...): the axis lists only the statuses in the data
  // (and the healthy one), one step each, so the labels never crowd.
  const statusOrder = unit === 'status' ? statusAxis(lines) : [];
  const ordinal = new Map(statusOrder.map((code, i) => [code, i]));
  const plotted =
    unit === 'status'
      ? lines.map((line) => ({ ...line, values: line.values.map((v) => (v == null ? null : (ordinal.get(v) ?? null))) }))
      : lines;
  const series: LineSeriesOption[] = [];
  plotted.forEach((line, index) => {
    if (hidden?.has(line.name)) return;
    series.push({
      type: 'line',
      name: line.name,
      data: toPoints(line),
      // No symbols but on isolated samples (see toPoints); showAllSymbol keeps ECharts from thinning those out.
      symbol: 'none',
      showSymbol: true,
      showAllSymbol: true,
      // A gap is "no sample", not a zero and not a straight line across the outage.
      connectNulls: false,
      step: unit === 'status' ? 'end' : false,
      lineStyle: line.dashed === true ? { width: 1.5, type: 'dashed' } : line.hmc === true ? { width: 2, type: 'dotted' } : { width: 1.5 },
      color: lineColor(line, index, dark),
      emphasis: { disabled: true },
      ...(stacked && unit !== 'status' && line.dashed !== true && line.hmc !== true
        ? { stack: 'total', areaStyle: { opacity: 0.35 } }
        : {}),
      // One shaded span per chart (the first HMC line's): the lines' spans nearly coincide, and stacked shades would darken.
      ...(line.hmc === true && line === plotted.find((l) => l.hmc === true && !hidden?.has(l.name))
        ? { markArea: hmcSpan(line, tokens) }
        : {}),
    });
  });
  const fitted =
    unit === 'ratio' && yScale === 'fit'
      ? fittedRatioAxis(
          lines.filter((line) => !hidden?.has(line.name)),
          stacked,
        )
      : null;
  if (unit === 'ratio' && thresholds) series.push(thresholdSeries(thresholds, tokens, fitted?.max ?? 1));
  if (alertBands.length > 0) series.push(alertSeries(alertBands, tokens));
  const shownMarkers = markers.filter((m) => m.time >= start && m.time <= end);
  for (const kind of ['hardware', 'status'] as const) {
    if (shownMarkers.some((m) => m.kind === kind)) series.push(markerSeries(kind, shownMarkers, tokens));
  }
  const grid = lines[0]?.timestamps ?? [];
  const step = grid.length > 1 ? (grid[1] ?? 0) - (grid[0] ?? 0) : 0;
  const tolerance = Math.max(step / 2, (end - start) / 150);
  const near = (timeMs: number) => markersNear(shownMarkers, timeMs, tolerance);
  if (unit === 'status') {
    const visible = lines.filter((line) => !hidden?.has(line.name));
    const gaps = noDataPeriods(visible, end);
    if (gaps.length > 0) series.push(noDataSeries(gaps, noDataLabel, tokens));
  }

  const statusFormat = (v: number): string => {
    const code = statusOrder[Math.round(v)];
    return code === undefined ? '' : (statusLabels?.get(code) ?? String(code));
  };
  const yAxis: ChartOption['yAxis'] =
    unit === 'status'
      ? statusYAxis(statusOrder, statusFormat, tokens)
      : unit === 'ratio'
        ? {
            type: 'value',
            min: fitted?.min ?? 0,
            max: fitted?.max ?? 1,
            ...(fitted ? {} : { interval: 0.25 }),
            axisLabel: { color: tokens.textSecondary, fontSize: 11, formatter: percentTick },
            splitLine: { lineStyle: { color: tokens.borderSubtle } },
          }
        : {
            type: 'value',
            min: 0,
            // Sizes tick at round numbers of the unit they are read in (100 GiB, not 97.7 GiB).
            ...(unit === 'mebibytes' ? sizeAxisInterval(lines.filter((line) => !hidden?.has(line.name))) : {}),
            // A size axis' origin reads '0', not '0 MiB' under ticks in GiB.
            axisLabel: {
              color: tokens.textSecondary,
              fontSize: 11,
              formatter: (v: number) => (v === 0 && unit === 'mebibytes' ? '0' : format(v)),
            },
            splitLine: { lineStyle: { color: tokens.borderSubtle } },
          };

  return {
    animation: false,
    useUTC: zone === 'utc',
    textStyle: { fontFamily: "'IBM Plex Sans', 'Noto Sans CJK SC', system-ui, sans-serif" },
    grid: { left: unit === 'ratio' ? 44 : unit === 'status' ? 110 : 84, right: 16, top: 12, bottom: zoneLabel === undefined ? 24 : 40 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      backgroundColor: tokens.layer,
      borderColor: tokens.borderStrong,
      textStyle: { color: tokens.textPrimary },
      formatter: (params) =>
        tooltipHtml(
          Array.isArray(params) ? params : [params],
          unit === 'status' ? (v) => (v == null ? noDataLabel : statusFormat(v)) : format,
          zone,
          near,
        ),
    },
    ...(zoomable
      ? {
          brush: {
            toolbox: [],
            xAxisIndex: 0,
            brushType: 'lineX',
            brushMode: 'single',
            brushStyle: { color: 'rgba(69,137,255,0.15)', borderColor: tokens.interactive, borderWidth: 1 },
          },
        }
      : {}),
    xAxis: {
      type: 'time',
      min: start * 1000,
      max: end * 1000,
      axisLine: { lineStyle: { color: tokens.borderStrong } },
      // Numbers only (ECharts' defaults use English month names): the same in both languages,
      // and the same style as the tooltip's `2025-11-24 13:05:30`.
      axisLabel: { color: tokens.textSecondary, fontSize: 11, hideOverlap: true, formatter: TIME_TICKS },
      splitLine: { show: false },
      axisPointer: { label: { formatter: ({ value }) => formatDateTime(Number(value), zone) } },
      // The zone under the axis, so a screenshot or PNG export says which clock its times are on.
      ...(zoneLabel === undefined
        ? {}
        : { name: zoneLabel, nameLocation: 'middle', nameGap: 24, nameTextStyle: { color: tokens.textSecondary, fontSize: 11 } }),
    },
    yAxis,
    series,
  };
}

/**
 * A fitted ratio axis: from just below the lowest to just above the highest value, on 5 %
 * steps, so a CPC between 41 % and 47 % fills the chart instead of a thin line at the middle.
 * Stacked lines fit their sum. Null without any value (the chart then keeps 0-100 %).
 */
export function fittedRatioAxis(lines: readonly UsageLine[], stacked = false): { min: number; max: number } | null {
  // A loop, not Math.min(...values): 90 days of 85 partitions is more arguments than a call takes.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const see = (v: number | null | undefined): void => {
    if (v == null || !Number.isFinite(v)) return;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  if (stacked) {
    const sums = new Map<number, number>();
    for (const line of lines) {
      if (line.dashed === true) continue;
      line.timestamps.forEach((t, i) => {
        const v = line.values[i];
        if (v != null) sums.set(t, (sums.get(t) ?? 0) + v);
      });
    }
    for (const v of sums.values()) see(v);
  }
  for (const line of lines) if (!stacked || line.dashed === true) for (const v of line.values) see(v);
  if (lo > hi) return null;
  const STEP = 0.05;
  const min = Math.max(0, Math.floor(lo / STEP) * STEP);
  let max = Math.ceil(hi / STEP) * STEP;
  if (max <= min) max = min + STEP;
  // Rounded to whole percent: 0.15000000000000002 would read as a tick label of 15.000000000000002 %.
  return { min: Math.round(min * 100) / 100, max: Math.round(max * 100) / 100 };
}
