import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastDailyPeaks, quantile, stackByPartition, statusChanges, theilSen, type DailyPeak } from './capacity.js';
import { USAGE_THRESHOLDS } from './thresholds.js';

const DAY = 86_400;
const T0 = 1_760_000_000 - (1_760_000_000 % DAY);
const THRESHOLD = USAGE_THRESHOLDS.critical / 100;
const days = (ys: readonly number[]): DailyPeak[] => ys.map((peak, i) => ({ time: T0 + i * DAY, peak }));

describe('stackByPartition', () => {
  it('splits the CPC usage by usage × processors, so the parts add up to the CPC', () => {
    // A: 50 % of 4 processors, B: 100 % of 2, C: 10 % of 4 → busy 2 + 2 + 0.4 = 4.4 processors.
    const stack = stackByPartition(
      [0.44],
      [
        { partition: 'A', values: [0.5], weight: 4 },
        { partition: 'B', values: [1], weight: 2 },
        { partition: 'C', values: [0.1], weight: 4 },
      ],
      2,
    );
    expect(stack.parts.map((p) => p.partition)).toEqual(['A', 'B']);
    expect(stack.parts[0]?.values[0]).toBeCloseTo(0.2, 12);
    expect(stack.parts[1]?.values[0]).toBeCloseTo(0.2, 12);
    expect(stack.other[0]).toBeCloseTo(0.04, 12);
  });

  it('keeps gaps as gaps and gives a CPC value nobody explains to "other"', () => {
    const stack = stackByPartition([null, 0.3, 0.5], [{ partition: 'A', values: [0.4, null, 0.5], weight: 1 }], 3);
    expect(stack.parts[0]?.values).toEqual([null, null, 0.5]);
    expect(stack.other).toEqual([null, 0.3, 0]);
  });

  it('never stacks above the CPC nor makes "other" negative (any input)', () => {
    const value = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((length) =>
          fc.record({
            total: fc.array(value, { minLength: length, maxLength: length }),
            lines: fc.array(
              fc.record({ values: fc.array(value, { minLength: length, maxLength: length }), weight: fc.integer({ min: 0, max: 64 }) }),
              { maxLength: 10 },
            ),
            n: fc.integer({ min: 1, max: 10 }),
          }),
        ),
        ({ total, lines, n }) => {
          const stack = stackByPartition(
            total,
            lines.map((l, i) => ({ partition: `P${i}`, ...l })),
            n,
          );
          total.forEach((cpc, i) => {
            const shown = stack.parts.reduce((sum, p) => sum + (p.values[i] ?? 0), 0);
            if (cpc === null) {
              expect(stack.other[i]).toBeNull();
              return;
            }
            expect(stack.other[i]).toBeGreaterThanOrEqual(0);
            expect(shown + (stack.other[i] ?? 0)).toBeCloseTo(Math.max(cpc, shown), 9);
            expect(shown).toBeLessThanOrEqual(cpc + 1e-9);
          });
        },
      ),
    );
  });
});

describe('theilSen', () => {
  it('finds the exact line of points on a line', () => {
    expect(theilSen([0, 1, 2, 3], [0.2, 0.25, 0.3, 0.35])).toEqual({ slope: expect.closeTo(0.05, 12), intercept: expect.closeTo(0.2, 12) });
  });

  it('is not moved by a minority of outliers', () => {
    const ys = Array.from({ length: 20 }, (_, i) => 0.3 + 0.01 * i);
    ys[5] = 0;
    ys[12] = 1;
    ys[17] = 0;
    const { slope } = theilSen(
      ys.map((_, i) => i),
      ys,
    );
    expect(slope).toBeCloseTo(0.01, 10);
  });
});

describe('quantile', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([0, 10], 0.1)).toBeCloseTo(1, 12);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });
});

describe('forecastDailyPeaks', () => {
  it('needs a week of daily peaks', () => {
    expect(forecastDailyPeaks(days([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), 28, THRESHOLD)).toBeNull();
  });

  it('reaches 90 % when the line says so: 50 % growing 1 % a day is 40 days away', () => {
    const f = forecastDailyPeaks(days(Array.from({ length: 30 }, (_, i) => 0.21 + 0.01 * i)), 60, THRESHOLD);
    // The last peak is 0.5; (0.9 - 0.5) / 0.01 = 40 days.
    expect(f?.slopePerDay).toBeCloseTo(0.01, 12);
    expect(f?.level).toBeCloseTo(0.5, 12);
    expect(f?.reachesInDays).toBe(40);
    expect(forecastDailyPeaks(days(Array.from({ length: 30 }, (_, i) => 0.21 + 0.01 * i)), 28, THRESHOLD)?.reachesInDays).toBeNull();
    expect(f?.points).toHaveLength(61);
  });

  it('a flat series never reaches the threshold, and its band is the spread of its peaks', () => {
    const f = forecastDailyPeaks(days(Array.from({ length: 28 }, (_, i) => (i % 2 === 0 ? 0.6 : 0.7))), 365, THRESHOLD);
    expect(f?.slopePerDay).toBe(0);
    expect(f?.reachesInDays).toBeNull();
    expect(f?.earliestInDays).toBeNull();
    expect(f?.points.every((p) => p.low >= 0.6 - 1e-9 && p.high <= 0.7 + 1e-9)).toBe(true);
  });

  it('says 0 days when the trend is already past the threshold', () => {
    expect(forecastDailyPeaks(days(Array.from({ length: 10 }, () => 0.95)), 28, THRESHOLD)?.reachesInDays).toBe(0);
  });

  it('finds the slope of a noisy rising series within its noise, and the upper edge is never later than the trend', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), { minLength: 30, maxLength: 30 }), (noise) => {
        const f = forecastDailyPeaks(days(noise.map((e, i) => 0.3 + 0.005 * i + e)), 365, THRESHOLD);
        expect(f).not.toBeNull();
        // Any two points 29 days apart bound the pairwise slopes' error by 0.06 / 1 day; the median is far tighter.
        expect(Math.abs((f?.slopePerDay ?? 0) - 0.005)).toBeLessThan(0.004);
        if (f?.reachesInDays != null) expect(f.earliestInDays ?? Infinity).toBeLessThanOrEqual(f.reachesInDays);
      }),
    );
  });
});

describe('statusChanges', () => {
  const ts = [0, 15, 30, 45, 60, 75];
  it('lists each change with the status before and after, and ignores gaps', () => {
    const changes = statusChanges(ts, [
      { labels: { value: 'active' }, values: [0, 0, null, null, null, 0] },
      { labels: { value: 'degraded' }, values: [null, null, null, 1, 1, null] },
    ]);
    expect(changes).toEqual([
      { time: 45, from: { code: 0, status: 'active' }, to: { code: 1, status: 'degraded' } },
      { time: 75, from: { code: 1, status: 'degraded' }, to: { code: 0, status: 'active' } },
    ]);
  });

  it('takes the status that appeared last when the old one lingers in the lookback', () => {
    const changes = statusChanges(ts, [
      { labels: { value: 'operating' }, values: [0, 0, 0, 0, null, null] },
      { labels: { value: 'not-operating' }, values: [null, null, 1, 1, 1, 1] },
    ]);
    expect(changes).toEqual([{ time: 30, from: { code: 0, status: 'operating' }, to: { code: 1, status: 'not-operating' } }]);
  });

  it('a status that is the same on both sides of a gap is no change', () => {
    expect(statusChanges(ts, [{ labels: { value: 'active' }, values: [0, null, null, 0, 0, 0] }])).toEqual([]);
  });
});
