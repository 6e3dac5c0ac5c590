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

  it('draws a marker inside the range as a dashed vertical line with its symbol, and none outside it', () => {
    const option = usageChartOption({
      lines: [{ name: 'CPC', timestamps: [900, 1200], values: [0.1, 0.2] }],
      start: 900,
      end: 1200,
      markers,
    });
    const series = (option.series as { name?: string; markLine?: { data: { xAxis: number; symbol: string[] }[] } }[]).find(
      (s) => s.name === '__markers',
    );
    expect(series?.markLine?.data).toEqual([expect.objectContaining({ xAxis: 1_000_000, symbol: ['none', 'triangle'] })]);
    const without = usageChartOption({ lines: [{ name: 'CPC', timestamps: [900, 1200], values: [0.1, 0.2] }], start: 900, end: 1200 });
    expect((without.series as { name?: string }[]).some((s) => s.name === '__markers')).toBe(false);
  });
});
