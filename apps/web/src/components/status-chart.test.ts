// The status chart drawn by ECharts itself (its SVG renderer, server-side, in this process): a
// missing value must leave the plot empty and say "no data", never repeat the last or only status.
import { init, use as registerModules } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { describe, expect, it } from 'vitest';
import './echarts-setup';
import { TOKENS } from './theme';
import { usageChartOption } from './usage-chart-option';
import { noDataPeriods, statusYAxis } from './status-chart';

registerModules([SVGRenderer]);

const WIDTH = 800;
const STEP = 1800;
/** 7 days at a 30-minute step: 337 points, the first 289 without a value, the last 48 "active" (code 0). */
const timestamps = Array.from({ length: 337 }, (_, i) => i * STEP);
const values = timestamps.map((_, i) => (i < 289 ? null : 0));
const line = { name: 'Partition status', color: '#0f62fe', timestamps, values };

/** The x coordinates of every path drawn in a colour. */
function xsOfStroke(svg: string, color: string): number[] {
  const xs: number[] = [];
  for (const match of svg.matchAll(/<path d="([^"]*)"[^>]*stroke="([^"]*)"/g)) {
    if (match[2]?.toLowerCase() !== color) continue;
    for (const point of (match[1] ?? '').matchAll(/[ML]([\d.]+) [\d.]+/g)) xs.push(Number(point[1]));
  }
  return xs;
}

function render(lines: (typeof line)[]): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: 160 });
  chart.setOption(
    usageChartOption({
      lines,
      start: 0,
      end: timestamps.at(-1) ?? 0,
      unit: 'status',
      statusLabels: new Map([[0, 'Active']]),
      tokens: TOKENS,
      noDataLabel: 'No data',
    }),
  );
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('status over time', () => {
  it('draws the status only where there are values (7 d, 289 of 337 points null) and marks the rest "no data"', () => {
    const svg = render([line]);
    const xs = xsOfStroke(svg, '#0f62fe');
    expect(xs.length).toBeGreaterThan(0);
    // The plot spans the grid (left 110, right 16): the first value is at 289/336 of it.
    const firstValueX = 110 + ((WIDTH - 110 - 16) * 289) / 336;
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(firstValueX - 2);
    expect(svg).toContain('No data');
    // The status is named on the axis, at its band.
    expect(svg).toMatch(/>Active</);
  });

  it('draws no line at all when no point has a value', () => {
    const empty = { ...line, values: timestamps.map(() => null) };
    const svg = render([empty]);
    expect(xsOfStroke(svg, '#0f62fe')).toEqual([]);
    expect(svg).toContain('No data');
  });

  it('names the ordinals of the status axis, not the band edges between them', () => {
    const axis = statusYAxis([0, 11], (v) => ['Active', 'Stopped'][v] ?? '', TOKENS);
    expect([0, 1, 0.5, -0.5].map((v) => axis.axisLabel.formatter(v))).toEqual(['Active', 'Stopped', '', '']);
  });

  it('finds the periods in which no line has a value', () => {
    expect(noDataPeriods([{ timestamps: [0, 15, 30, 45, 60], values: [null, 0, null, null, 0] }], 60)).toEqual([
      { from: 0, to: 15 },
      { from: 30, to: 60 },
    ]);
    expect(
      noDataPeriods(
        [
          { timestamps: [0, 15, 30], values: [0, null, null] },
          { timestamps: [0, 15, 30], values: [null, 1, null] },
        ],
        30,
      ),
    ).toEqual([{ from: 30, to: 30 }]);
  });
});
