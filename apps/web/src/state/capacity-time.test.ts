import { describe, expect, it } from 'vitest';
import { fittedRatioAxis } from '../components/usage-chart-option';
import { historyStart } from '../components/history-start';
import { overlayLines } from '../components/use-compare-lines';
import { minusExpression, parseTimeBound } from './time-bounds';
import { parseViewParamsReport, timeWindow, windowExpression, writeViewParams } from './view-params';
import { compareShiftSeconds, comparedWindow, shiftWindow } from './window-shift';

const NOW = 1_764_000_000;

describe('Grafana links', () => {
  it('reads epoch milliseconds as seconds and keeps relative expressions', () => {
    expect(parseTimeBound('1764000000000')).toBe(NOW);
    expect(parseTimeBound('1764000000')).toBe(NOW);
    expect(parseTimeBound('now-7d/d')).toBe('now-7d/d');
    expect(parseTimeBound('yesterday')).toBeNull();
  });

  it('opens from=now-7d/d&to=now as an expression window the BFF resolves', () => {
    const { params, unreadable } = parseViewParamsReport(new URLSearchParams('from=now-7d/d&to=now'), NOW);
    expect(unreadable).toEqual([]);
    const window = timeWindow(params);
    expect(window).toEqual({ kind: 'expression', from: 'now-7d/d', to: 'now' });
    expect(windowExpression(window)).toEqual({ from: 'now-7d/d', to: 'now' });
  });

  it('opens from=now-30d&to=now as the 30 d preset', () => {
    expect(timeWindow(parseViewParamsReport(new URLSearchParams('from=now-30d&to=now'), NOW).params)).toEqual({
      kind: 'relative',
      range: '30d',
    });
  });

  it('names a value it cannot read instead of replacing it silently', () => {
    const { params, unreadable } = parseViewParamsReport(new URLSearchParams('from=lastweek&to=now&tz=mars&y=fit'), NOW);
    expect(unreadable).toEqual([
      { key: 'from', value: 'lastweek' },
      { key: 'tz', value: 'mars' },
    ]);
    expect(timeWindow(params)).toEqual({ kind: 'relative', range: '1h' });
    expect(params.y).toBe('fit');
  });

  it('keeps tz, compare and y in the URL, defaults left out', () => {
    const next = writeViewParams(new URLSearchParams(), { tz: 'utc', compare: '7d', y: 'fit' });
    expect(next.toString()).toBe('tz=utc&compare=7d&y=fit');
    expect(writeViewParams(next, { tz: 'browser', compare: 'off', y: 'full' }).toString()).toBe('');
  });
});

describe('shifting and comparing windows', () => {
  it('moves half a span back, and forward no further than now', () => {
    expect(shiftWindow({ kind: 'relative', range: '1h' }, -1, NOW)).toEqual({ from: NOW - 5400, to: NOW - 1800 });
    expect(shiftWindow({ kind: 'absolute', from: NOW - 5400, to: NOW - 1800 }, 1, NOW)).toEqual({ from: NOW - 3600, to: NOW });
    expect(shiftWindow({ kind: 'absolute', from: NOW - 7200, to: NOW - 3600 }, 1, NOW)).toEqual({ from: NOW - 5400, to: NOW - 1800 });
  });

  it('asks for the earlier window on the same grid: whole steps back', () => {
    expect(compareShiftSeconds('1d', 3600, 15)).toBe(86_400);
    expect(compareShiftSeconds('7d', 3600, 15)).toBe(604_800);
    expect(compareShiftSeconds('previous', 1000, 60)).toBe(1020);
    expect(comparedWindow({ kind: 'relative', range: '1h' }, 3600)).toEqual({ kind: 'expression', from: 'now-1h-1h', to: 'now-1h' });
    expect(comparedWindow({ kind: 'absolute', from: 100, to: 200 }, 50)).toEqual({ kind: 'absolute', from: 50, to: 150 });
    expect(comparedWindow({ kind: 'expression', from: 'now-7d/d', to: 'now' }, 604_800)).toEqual({
      kind: 'expression',
      from: 'now-7d/d-1w',
      to: 'now-1w',
    });
    expect(minusExpression(90 * 86_400)).toBe('-90d');
    expect(minusExpression(1020)).toBe('-17m');
  });

  it('draws the earlier lines on the current times, dashed, in the colour of their line', () => {
    const current = [
      { name: 'A', timestamps: [100, 200], values: [0.1, 0.2] },
      { name: 'B', color: '#ff0000', timestamps: [100, 200], values: [0.3, 0.4] },
    ];
    const earlier = [{ name: 'B', timestamps: [0, 100], values: [0.5, null] }];
    expect(overlayLines(current, earlier, 100, (n) => `${n} (last week)`)).toEqual([
      { name: 'B (last week)', color: '#ff0000', timestamps: [100, 200], values: [0.5, null], dashed: true },
    ]);
  });
});

describe('history start and the fitted axis', () => {
  it('says where history starts when most of the range has no sample', () => {
    const line = {
      timestamps: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      values: [null, null, null, null, null, null, 0.5, 0.5, 0.5, 0.5, 0.5],
    };
    expect(historyStart([line], 0, 100)).toBe(60);
    expect(historyStart([{ ...line, values: line.values.map(() => 0.2) }], 0, 100)).toBeNull();
    expect(historyStart([{ ...line, values: line.values.map(() => null) }], 0, 100)).toBeNull();
  });

  it('fits a ratio axis to the data on 5 % steps', () => {
    expect(fittedRatioAxis([{ name: 'A', timestamps: [1, 2], values: [0.41, 0.47] }])).toEqual({ min: 0.4, max: 0.5 });
    expect(fittedRatioAxis([{ name: 'A', timestamps: [1], values: [null] }])).toBeNull();
    const stacked = [
      { name: 'A', timestamps: [1, 2], values: [0.2, 0.3] },
      { name: 'B', timestamps: [1, 2], values: [0.2, 0.3] },
    ];
    expect(fittedRatioAxis(stacked, true)).toEqual({ min: 0.4, max: 0.6 });
  });
});
