import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STEP_LADDER_SECONDS, alignRange, chooseStep, gridTimestamps, parseTimeExpression } from './time.js';

const NOW = 1_764_000_000;

describe('parseTimeExpression', () => {
  it.each([
    ['now', NOW],
    ['now-15m', NOW - 900],
    ['now-6h', NOW - 21_600],
    ['now-7d', NOW - 604_800],
    ['now-2w', NOW - 1_209_600],
    ['1700000000', 1_700_000_000],
    ['1700000000.5', 1_700_000_000.5],
    ['2026-11-24T00:00:00Z', 1_795_478_400],
    ['2026-11-24T08:00:00+08:00', 1_795_478_400],
  ])('%s', (expr, expected) => {
    expect(parseTimeExpression(expr, NOW)).toBe(expected);
  });

  it.each(['', 'yesterday', 'now-', 'now-6', 'now+1h', 'now-6y', '2026-11-24', '2026-13-45T99:00:00Z', '1e9', '-5'])(
    'rejects %j',
    (expr) => {
      expect(parseTimeExpression(expr, NOW)).toBeNull();
    },
  );
});

describe('chooseStep', () => {
  it('never goes below the scrape interval', () => {
    expect(chooseStep(60, 1000)).toBe(15);
  });
  it('rounds range / maxPoints up to the ladder', () => {
    expect(chooseStep(86_400, 1000)).toBe(120); // 86.4 s → 2m
    expect(chooseStep(7 * 86_400, 1000)).toBe(900); // 604.8 s → 15m
  });
  it('keeps points within maxPoints for any range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 86_400 }), fc.integer({ min: 2, max: 11_000 }), (range, maxPoints) => {
        const step = chooseStep(range, maxPoints);
        expect(range / step).toBeLessThanOrEqual(maxPoints);
      }),
    );
  });
});

describe('alignRange', () => {
  it('aligns start and end down to the step, so nearby requests share a grid', () => {
    const a = alignRange(NOW - 3600 + 7, NOW + 7, 240);
    const b = alignRange(NOW - 3600 + 11, NOW + 11, 240);
    expect(a).toEqual(b);
    expect(a.start % a.step).toBe(0);
    expect(a.end % a.step).toBe(0);
    expect(STEP_LADDER_SECONDS).toContain(a.step);
  });
  it('produces a grid with one timestamp per step', () => {
    const range = alignRange(NOW - 3600, NOW, 1000);
    const ts = gridTimestamps(range);
    expect(ts[0]).toBe(range.start);
    expect(ts.at(-1)).toBe(range.end);
    expect(ts.length).toBe((range.end - range.start) / range.step + 1);
  });
});
