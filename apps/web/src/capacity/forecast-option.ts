// The forecast chart: the daily peaks (points joined by a line), the Theil-Sen trend through
// them and on to the horizon (dashed), the band around the future trend (shaded between its low
// and high edge) and the critical threshold (a red line). The band is drawn as ECharts draws
// bands: an invisible low line with the band's height stacked on it.
import type { ForecastResponse } from '@zlens/shared';
import type { ChartOption, LineSeriesOption } from '../components/echarts-setup';
import { formatDateTime, formatPercent, type DisplayZone } from '../components/format';
import type { ThemeTokens } from '../components/theme';

export interface ForecastWords {
  peaks: string;
  trend: string;
  low: string;
  high: string;
  zoneLabel: string;
}

const DAY = 86_400;
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function forecastOption(
  data: ForecastResponse,
  words: ForecastWords,
  tokens: ThemeTokens,
  colors: { peak: string; trend: string },
  zone: DisplayZone,
): ChartOption {
  const f = data.forecast;
  const peaks = data.peaks.map((p): [number, number] => [p.time * 1000, p.peak]);
  const series: LineSeriesOption[] = [
    {
      type: 'line',
      name: words.peaks,
      data: peaks,
      symbol: 'circle',
      symbolSize: 4,
      showSymbol: true,
      lineStyle: { width: 1.5 },
      color: colors.peak,
      emphasis: { disabled: true },
    },
  ];
  const last = data.peaks[data.peaks.length - 1]?.time ?? 0;
  let end = last;
  if (f !== null) {
    const first = data.peaks[0]?.time ?? last;
    const trendAt = (t: number): number => f.level + (f.slopePerDay * (t - last)) / DAY;
    const horizon = f.points[f.points.length - 1]?.time ?? last;
    end = horizon;
    series.push({
      type: 'line',
      name: words.trend,
      data: [
        [first * 1000, trendAt(first)],
        [horizon * 1000, trendAt(horizon)],
      ],
      symbol: 'none',
      lineStyle: { width: 1.5, type: 'dashed' },
      color: colors.trend,
      emphasis: { disabled: true },
    });
    series.push({
      type: 'line',
      name: '__band-low',
      data: f.points.map((p) => [p.time * 1000, p.low]),
      symbol: 'none',
      stack: 'band',
      lineStyle: { opacity: 0 },
      silent: true,
    });
    series.push({
      type: 'line',
      name: '__band',
      data: f.points.map((p) => [p.time * 1000, p.high - p.low]),
      symbol: 'none',
      stack: 'band',
      lineStyle: { opacity: 0 },
      areaStyle: { color: colors.trend, opacity: 0.18 },
      silent: true,
    });
  }
  series.push({
    type: 'line',
    name: '__threshold',
    data: [],
    silent: true,
    markLine: {
      silent: true,
      symbol: 'none',
      label: { show: false },
      lineStyle: { color: tokens.supportError, type: 'solid', width: 1 },
      data: [{ yAxis: data.threshold }],
    },
  });
  const bandAt = new Map((f?.points ?? []).map((p) => [p.time * 1000, p]));
  const peakAt = new Map(peaks);
  return {
    animation: false,
    useUTC: zone === 'utc',
    textStyle: { fontFamily: "'IBM Plex Sans', 'Noto Sans CJK SC', system-ui, sans-serif" },
    grid: { left: 44, right: 16, top: 12, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      backgroundColor: tokens.layer,
      borderColor: tokens.borderStrong,
      textStyle: { color: tokens.textPrimary },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const value = items[0]?.value;
        const time = Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
        if (time === null) return '';
        const rows: string[] = [`<div style="margin-bottom:4px">${escapeHtml(formatDateTime(time, zone).slice(0, 10))}</div>`];
        const peak = peakAt.get(time);
        if (peak !== undefined) rows.push(`<div>${escapeHtml(words.peaks)} <b>${formatPercent(peak)}</b></div>`);
        const band = bandAt.get(time);
        if (band !== undefined) {
          rows.push(`<div>${escapeHtml(words.trend)} <b>${formatPercent(band.trend)}</b></div>`);
          rows.push(
            `<div>${escapeHtml(words.low)} – ${escapeHtml(words.high)} <b>${formatPercent(band.low)} – ${formatPercent(band.high)}</b></div>`,
          );
        }
        return `<div class="zl-tt">${rows.join('')}</div>`;
      },
    },
    xAxis: {
      type: 'time',
      min: (data.peaks[0]?.time ?? last) * 1000,
      max: end * 1000,
      axisLine: { lineStyle: { color: tokens.borderStrong } },
      axisLabel: { color: tokens.textSecondary, fontSize: 11, hideOverlap: true, formatter: '{MM}-{dd}' },
      splitLine: { show: false },
      name: words.zoneLabel,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: tokens.textSecondary, fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.25,
      axisLabel: { color: tokens.textSecondary, fontSize: 11, formatter: (v: number) => `${Math.round(v * 100)}%` },
      splitLine: { lineStyle: { color: tokens.borderSubtle } },
    },
    series,
  };
}
