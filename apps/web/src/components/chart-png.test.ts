// The PNG export's frame: what and when under the title, the legend wrapping at the width.
import { describe, expect, it } from 'vitest';
import { legendRows, pngSubtitle } from './chart-png';

describe('the PNG frame', () => {
  it('names the object and the range with its zone', () => {
    expect(pngSubtitle('ZLX1', { from: '2026-12-02 08:00', to: '2026-12-03 08:00', zone: 'UTC' })).toBe(
      'ZLX1 · 2026-12-02 08:00 – 2026-12-03 08:00 (UTC)',
    );
    expect(pngSubtitle(undefined, { from: '2026-12-02 08:00', to: '2026-12-03 08:00', zone: 'Europe/Berlin' })).toBe(
      '2026-12-02 08:00 – 2026-12-03 08:00 (Europe/Berlin)',
    );
    expect(pngSubtitle('ZLX1', null)).toBe('ZLX1');
  });

  it('wraps legend items onto the next row when the next would not fit', () => {
    expect(legendRows([100, 100, 100], 250)).toEqual([
      { x: 0, row: 0 },
      { x: 116, row: 0 },
      { x: 0, row: 1 },
    ]);
    // An item wider than the frame still gets a row of its own.
    expect(legendRows([400, 50], 250)).toEqual([
      { x: 0, row: 0 },
      { x: 0, row: 1 },
    ]);
  });
});
