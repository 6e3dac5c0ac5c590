import { describe, expect, it } from 'vitest';
import { exportFileName, fileName, formatBytesPerSecond, formatMiB, formatRate, seriesStats, toCsv } from './format';
import { heatColor, heatmapHeight, heatmapOption, heatmapRowLabel } from './heatmap-option';
import { sparklinePath } from './Sparkline';
import { SERIES_COLORS, SERIES_COLORS_DARK, THEME_TOKENS, themedColor } from './theme';
import { lineColor, statusAxis, usageChartOption, valueFormatter } from './usage-chart-option';

describe('formatters', () => {
  it('formats byte and packet rates with prefixes, and a gap as a dash', () => {
    expect(formatBytesPerSecond(0)).toBe('0 B/s');
    expect(formatBytesPerSecond(1534)).toBe('1.5 kB/s');
    expect(formatBytesPerSecond(2_600_000, '字节/秒')).toBe('2.6 M字节/秒');
    expect(formatBytesPerSecond(null)).toBe('—');
    expect(formatRate(7021, 'packets/s')).toBe('7021 packets/s');
    expect(formatRate(12_345, 'packets/s')).toBe('12.3 k packets/s');
    expect(formatRate(0.0417, 'packets/s')).toBe('0.042 packets/s');
    expect(formatRate(2.55, 'packets/s')).toBe('2.5 packets/s');
    expect(formatRate(undefined, 'packets/s')).toBe('—');
  });

  it('writes sizes as people do: the largest unit reached, a decimal only where it says something', () => {
    const units = { mib: 'MiB', gib: 'GiB', tib: 'TiB' };
    expect(formatMiB(512, units)).toBe('512 MiB');
    expect(formatMiB(1536, units)).toBe('1.5 GiB');
    expect(formatMiB(16_384, units)).toBe('16 GiB');
    expect(formatMiB(4096 * 1024, units)).toBe('4 TiB');
    expect(formatMiB(1.25 * 1024 * 1024, units)).toBe('1.3 TiB');
    expect(formatMiB(null, units)).toBe('—');
  });

  it('computes min/max/avg/last over samples only: a gap is not a zero', () => {
    const stats = seriesStats([0.2, null, 0, 0.4, null]);
    expect(stats).toMatchObject({ min: 0, max: 0.4, last: 0.4 });
    expect(stats.avg).toBeCloseTo(0.2, 10);
    expect(seriesStats([null, null])).toEqual({ min: null, max: null, avg: null, last: null });
  });
});

describe('CSV export', () => {
  it('writes one row per time and an empty cell for a gap, quoting names that need it', () => {
    const csv = toCsv('Time', [
      { name: 'DB "prod", 2', timestamps: [0, 60], values: [0.5, null] },
      { name: 'LNX1', timestamps: [0, 60], values: [0, 0.25] },
    ]);
    expect(csv).toBe('Time,"DB ""prod"", 2",LNX1\r\n1970-01-01T00:00:00.000Z,0.5,0\r\n1970-01-01T00:01:00.000Z,,0.25\r\n');
  });

  it('makes a file name from any title, CJK included', () => {
    expect(fileName('Processor usage: partition and CPC', 'csv')).toBe('Processor-usage-partition-and-CPC.csv');
    expect(fileName('处理器使用率：分区与 CPC', 'png')).toBe('处理器使用率-分区与-CPC.png');
    expect(fileName('  ', 'csv')).toBe('zlens.csv');
  });

  it('writes ratios as percent, as the UI shows them, with the unit in the header', () => {
    const csv = toCsv('Time', [{ name: 'Processor usage', timestamps: [0, 60], values: [0.523, null] }], 'utc', true);
    expect(csv).toBe('Time,Processor usage (%)\r\n1970-01-01T00:00:00.000Z,52.3\r\n1970-01-01T00:01:00.000Z,\r\n');
  });

  it('names an export by object, title and range, in the chosen zone', () => {
    const from = Date.UTC(2026, 11, 2, 8, 0) / 1000;
    const to = Date.UTC(2026, 11, 3, 8, 0) / 1000;
    expect(exportFileName({ object: 'ZLX1', title: 'Processor usage', from, to, zone: 'utc' }, 'csv')).toBe(
      'ZLX1-processor-usage-2026-12-02T08-00_2026-12-03T08-00.csv',
    );
    expect(exportFileName({ object: 'DB "prod"/2', title: '处理器使用率', zone: 'utc' }, 'png')).toBe('DB-prod-2-处理器使用率.png');
  });
});

describe('sparklinePath', () => {
  it('breaks the line at gaps and marks a lone sample', () => {
    expect(sparklinePath([0, 1, null, 0.5], 30, 12, 1)).toBe('M0.0 11.0L10.0 1.0M30.0 6.0h1.5');
    expect(sparklinePath([], 30, 12, 1)).toBe('');
  });
});

describe('usageChartOption', () => {
  const lines = [
    { name: 'A', timestamps: [0, 15], values: [0.1, 0.2] },
    { name: 'B', timestamps: [0, 15], values: [0.3, null] },
  ];

  it('draws the threshold bands from the URL values on ratio charts only', () => {
    const option = usageChartOption({ lines, start: 0, end: 15, thresholds: { warn: 0.6, crit: 0.8 } });
    const series = Array.isArray(option.series) ? option.series : [];
    const bands = series.find((s) => s.name === '__thresholds');
    expect(JSON.stringify(bands?.markArea?.data)).toContain('"yAxis":0.6');
    expect(JSON.stringify(bands?.markArea?.data)).toContain('"yAxis":0.8');
    const rates = usageChartOption({ lines, start: 0, end: 15, unit: 'bytes-per-second', thresholds: { warn: 0.6, crit: 0.8 } });
    expect((Array.isArray(rates.series) ? rates.series : []).some((s) => s.name === '__thresholds')).toBe(false);
  });

  it('leaves hidden lines out while the others keep their colours', () => {
    const option = usageChartOption({ lines, start: 0, end: 15, hidden: new Set(['A']) });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series.map((s) => [s.name, s.color])).toEqual([['B', SERIES_COLORS[1]]]);
  });

  it('labels the time axis with numbers only, no English month names', () => {
    const option = usageChartOption({ lines, start: 0, end: 7 * 86_400 });
    expect(JSON.stringify(option.xAxis)).not.toMatch(/MMM|dddd/);
    expect(option.xAxis).toMatchObject({ axisLabel: { formatter: { day: '{MM}-{dd}', hour: '{HH}:{mm}' } } });
  });

  it('turns the brush on only for zoomable charts', () => {
    expect(usageChartOption({ lines, start: 0, end: 15, zoomable: true }).brush).toMatchObject({ brushType: 'lineX', toolbox: [] });
    expect(usageChartOption({ lines, start: 0, end: 15 }).brush).toBeUndefined();
  });

  it('puts status codes on an axis of the statuses present, one step each', () => {
    const labels = new Map([
      [0, 'Active'],
      [1, 'Degraded'],
      [11, 'Stopped'],
      [23, 'Status check'],
    ]);
    const status = [{ name: 'S', timestamps: [0, 15, 30], values: [0, 11, null] }];
    expect(statusAxis(status)).toEqual([0, 11]);
    const option = usageChartOption({ lines: status, start: 0, end: 30, unit: 'status', statusLabels: labels });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series[0]?.data).toEqual([
      [0, 0],
      [15_000, 1],
      [30_000, null],
    ]);
    expect(option.yAxis).toMatchObject({ type: 'value', min: -0.5, max: 1.5, interval: 1 });
    expect(valueFormatter('status', undefined, labels)(11)).toBe('Stopped');
  });

  it('uses the dark palette variant in the dark theme', () => {
    expect(lineColor({ name: 'x', timestamps: [], values: [] }, 0, true)).toBe(SERIES_COLORS_DARK[0]);
    expect(themedColor('#123456', true)).toBe('#123456');
    expect(SERIES_COLORS_DARK).toHaveLength(SERIES_COLORS.length);
  });
});

describe('heatmapOption', () => {
  const data = {
    metric: 'zhmc_partition_processor_usage_ratio' as const,
    source: 'prometheus' as const,
    step: 60,
    start: 0,
    end: 120,
    timestamps: [0, 60, 120],
    rows: [
      { labels: { cpc: 'C1', partition: 'BUSY' }, values: [0.9, 0.8, null], avg: 0.85 },
      { labels: { cpc: 'C1', partition: 'IDLE' }, values: [0, 0, 0], avg: 0 },
    ],
    stale: false,
  };

  it('puts the busiest row on top, draws in one pass, and leaves gaps without a cell (0 keeps its cell)', () => {
    const option = heatmapOption(data, false, THEME_TOKENS.light, ['#ffffff', '#000000']);
    const y = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis;
    expect(y && 'data' in y ? y.data : []).toEqual(['IDLE', 'BUSY']);
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series.every((s) => s.type === 'heatmap' && s.progressive === 0)).toBe(true);
    const cells = series.flatMap((s) => ((s.data ?? []) as number[][]).map((cell) => [...cell, s.itemStyle?.color]));
    expect(cells).toHaveLength(5);
    expect(cells).toContainEqual([0, 0, 0, '#ffffff']);
    // 0.9 is shade 18 of 20: 90 % of the way from white to black.
    expect(cells).toContainEqual([0, 1, 0.9, '#1a1a1a']);
  });

  it('interpolates the colour scale between its stops, clamping out-of-range values', () => {
    const stops = ['#000000', '#ff0000', '#ffffff'];
    expect(heatColor(0, stops)).toBe('#000000');
    expect(heatColor(0.25, stops)).toBe('#800000');
    expect(heatColor(0.5, stops)).toBe('#ff0000');
    expect(heatColor(1, stops)).toBe('#ffffff');
    expect(heatColor(1.7, stops)).toBe('#ffffff');
    expect(heatColor(-1, stops)).toBe('#000000');
  });

  it('labels fleet rows with their CPC and grows with the rows so 85 stay legible', () => {
    expect(heatmapRowLabel({ cpc: 'C1', partition: 'P' }, true)).toBe('C1 / P');
    expect(heatmapRowLabel({ cpc: 'C1', partition: 'P' }, false)).toBe('P');
    expect(heatmapHeight(85)).toBeGreaterThanOrEqual(85 * 14);
    expect(heatmapHeight(1)).toBe(120);
  });
});
