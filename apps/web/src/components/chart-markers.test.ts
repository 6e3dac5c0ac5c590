import { describe, expect, it } from 'vitest';
import { markersNear, tooltipHtml, usageChartOption, type ChartMarker } from './usage-chart-option';

const markers: ChartMarker[] = [
  { time: 1000, kind: 'status', text: 'Status: active → degraded' },
  { time: 5000, kind: 'hardware', text: `<b>${'x'.repeat(300)}` },
];

describe('chart markers', () => {
  it('finds the markers within the tolerance of the pointer and shortens long texts', () => {
    expect(markersNear(markers, 1_010_000, 15).map((m) => m.kind)).toEqual(['status']);
    expect(markersNear(markers, 1_100_000, 15)).toEqual([]);
    const [long] = markersNear(markers, 5_000_000, 1);
    expect(long?.text.length).toBe(160);
    expect(long?.text.endsWith('…')).toBe(true);
  });

  it('lists the near markers in the tooltip, escaped', () => {
    const html = tooltipHtml([{ seriesName: 'CPC', value: [5_000_000, 0.5] }], undefined, 'utc', (t) => markersNear(markers, t, 10));
    expect(html).toContain('◆');
    expect(html).toContain('&#60;b&#62;');
    expect(html).not.toContain('<b>x');
  });

  it("draws a marker inside the range as a dashed vertical line with its kind's symbol, and none outside it", () => {
    const option = usageChartOption({
      lines: [{ name: 'CPC', timestamps: [900, 6000], values: [0.1, 0.2] }],
      start: 900,
      end: 1200,
      markers,
    });
    type MarkerSeries = { name?: string; markLine?: { symbol: string[]; data: { xAxis: number }[] } };
    const marked = (option.series as MarkerSeries[]).filter((s) => s.name?.startsWith('__markers'));
    // The symbol on the series: ECharts ignores one on a single {xAxis} line (apache/echarts#13385).
    expect(marked.map((s) => [s.markLine?.symbol, s.markLine?.data])).toEqual([[['none', 'triangle'], [{ xAxis: 1_000_000 }]]]);
    const both = usageChartOption({
      lines: [{ name: 'CPC', timestamps: [900, 6000], values: [0.1, 0.2] }],
      start: 900,
      end: 6000,
      markers,
    });
    expect(
      (both.series as MarkerSeries[]).filter((s) => s.name?.startsWith('__markers')).map((s) => [s.markLine?.symbol, s.markLine?.data]),
    ).toEqual([
      [['none', 'diamond'], [{ xAxis: 5_000_000 }]],
      [['none', 'triangle'], [{ xAxis: 1_000_000 }]],
    ]);
    const without = usageChartOption({ lines: [{ name: 'CPC', timestamps: [900, 1200], values: [0.1, 0.2] }], start: 900, end: 1200 });
    expect((without.series as { name?: string }[]).some((s) => s.name?.startsWith('__markers'))).toBe(false);
  });
});
