import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STEP_LADDER_SECONDS, alignRange, chooseStep, gridTimestamps, isRelativeTimeExpression, parseTimeExpression } from './time.js';

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

  it.each([
    '',
    'yesterday',
    'now-',
    'now-6',
    'now-6x',
    'now/q',
    'now-1d/d-1d/d-1d',
    'now - 1h',
    'now-1d/',
    '2026-11-24',
    '2026-13-45T99:00:00Z',
    '1e9',
    '-5',
  ])('rejects %j', (expr) => {
    expect(parseTimeExpression(expr, NOW)).toBeNull();
  });
});

describe('parseTimeExpression: Grafana date math', () => {
  // 2025-11-24T16:00:00Z, a Monday (1_764_000_000 s).
  const DAY = 86_400;
  const MIDNIGHT = Date.UTC(2025, 10, 24) / 1000;

  it.each([
    ['now+1h', NOW + 3600],
    ['now-7d/d', MIDNIGHT - 7 * DAY],
    ['now/d', MIDNIGHT],
    ['now-1d/d', MIDNIGHT - DAY],
    ['now/w', MIDNIGHT], // a Monday: the week starts today
    ['now-1w/w', MIDNIGHT - 7 * DAY],
    ['now/M', Date.UTC(2025, 10, 1) / 1000],
    ['now-1M/M', Date.UTC(2025, 9, 1) / 1000],
    ['now-1y/y', Date.UTC(2024, 0, 1) / 1000],
    ['now-1d/d+8h', MIDNIGHT - DAY + 8 * 3600],
    ['now/h', NOW],
  ])('%s', (expr, expected) => {
    expect(parseTimeExpression(expr, NOW)).toBe(expected);
  });

  it('rounds the end of a window up to the end of its period, as Grafana does for `to`', () => {
    expect(parseTimeExpression('now/d', NOW, true)).toBe(MIDNIGHT + DAY - 0.001);
    expect(parseTimeExpression('now-1d/d', NOW, true)).toBe(MIDNIGHT - 0.001);
    expect(parseTimeExpression('now/w', NOW, true)).toBe(MIDNIGHT + 7 * DAY - 0.001);
    // No rounding: the same instant either way.
    expect(parseTimeExpression('now-6h', NOW, true)).toBe(NOW - 21_600);
  });

  it('starts a week on Monday whatever the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (now) => {
        const start = parseTimeExpression('now/w', now);
        expect(start).not.toBeNull();
        const date = new Date((start ?? 0) * 1000);
        expect(date.getUTCDay()).toBe(1);
        expect(date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds()).toBe(0);
        expect(now - (start ?? 0)).toBeGreaterThanOrEqual(0);
        expect(now - (start ?? 0)).toBeLessThan(7 * DAY);
      }),
    );
  });

  it('tells relative expressions from fixed times', () => {
    expect(isRelativeTimeExpression('now-7d/d')).toBe(true);
    expect(isRelativeTimeExpression('1700000000')).toBe(false);
  });
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
