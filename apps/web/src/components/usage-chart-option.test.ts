import { describe, expect, it } from 'vitest';
import { sizeAxisInterval, tooltipHtml, usageChartOption } from './usage-chart-option';
import { SERIES_COLORS } from './theme';

const input = {
  start: 1000,
  end: 1060,
  showLegend: true,
  lines: [
    { name: 'Processor usage', timestamps: [1000, 1015, 1030, 1045, 1060], values: [0.5, 0.6, null, 0, 0.1] },
    { name: 'Network adapter usage', timestamps: [1000, 1015, 1030, 1045, 1060], values: [0.1, 0.2, 0.3, 0.3, 0.3] },
  ],
};

describe('usageChartOption', () => {
  it('keeps gaps as gaps and zero as zero, on a millisecond time axis', () => {
    const option = usageChartOption(input);
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series[0]).toMatchObject({
      type: 'line',
      name: 'Processor usage',
      connectNulls: false,
      data: [
        [1_000_000, 0.5],
        [1_015_000, 0.6],
        [1_030_000, null],
        [1_045_000, 0],
        [1_060_000, 0.1],
      ],
    });
    expect(series.map((s) => s.color)).toEqual([SERIES_COLORS[0], SERIES_COLORS[1]]);
  });

  it('marks a sample with gaps on both sides with a dot, so it is visible', () => {
    const option = usageChartOption({
      start: 0,
      end: 60,
      showLegend: false,
      lines: [{ name: 'p', timestamps: [0, 15, 30, 45], values: [null, 0.3, null, 0.5] }],
    });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series[0]?.data).toEqual([
      [0, null],
      { value: [15_000, 0.3], symbol: 'circle', symbolSize: 5 },
      [30_000, null],
      { value: [45_000, 0.5], symbol: 'circle', symbolSize: 5 },
    ]);
  });

  it('spans the whole requested range on a 0..100 % axis, without animation', () => {
    const option = usageChartOption(input);
    expect(option.animation).toBe(false);
    expect(option.xAxis).toMatchObject({ type: 'time', min: 1_000_000, max: 1_060_000 });
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
  });
});

describe('tooltipHtml', () => {
  it('shows the time and each value in %, a dash in a gap, and escapes names', () => {
    const ts = new Date(2025, 0, 2, 3, 4, 5).getTime();
    const html = tooltipHtml([
      { seriesName: 'LP<1>', marker: '<i></i>', value: [ts, 0.257] },
      { seriesName: 'LP2', marker: '', value: [ts, null] },
    ]);
    expect(html).toContain('2025-01-02 03:04:05');
    expect(html).toContain('25.7%');
    expect(html).toContain('—');
    expect(html).toContain('LP&#60;1&#62;');
    expect(html).not.toContain('LP<1>');
  });
});

describe('a size axis', () => {
  const line = (values: (number | null)[]) => ({ name: 'memory', timestamps: values.map((_, i) => i), values });
  it('ticks at round numbers of the unit the values are read in', () => {
    // 512 GiB at the top: 100 GiB ticks up to 600 GiB (was 97.7 GiB, 195.3 GiB, …).
    expect(sizeAxisInterval([line([262_144, 524_288, null])])).toEqual({ interval: 100 * 1024, max: 600 * 1024 });
    expect(sizeAxisInterval([line([3 * 1024 * 1024])])).toEqual({ interval: 512 * 1024, max: 3 * 1024 * 1024 });
    expect(sizeAxisInterval([line([700])])).toEqual({ interval: 200, max: 800 });
    expect(sizeAxisInterval([line([null])])).toEqual({});
  });

  it('reads its origin as 0, not 0 MiB under GiB ticks', () => {
    const option = usageChartOption({ start: 0, end: 15, showLegend: false, unit: 'mebibytes', lines: [line([262_144, 524_288])] });
    const axis = option.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(axis.axisLabel.formatter(0)).toBe('0');
    expect(axis.axisLabel.formatter(100 * 1024)).toBe('100 GiB');
  });
});
