import { describe, expect, it } from 'vitest';
import { NO_VALUE, formatDateTime, formatMachine, formatPercent, formatStatus, isRunning, lastValue, statusTone } from './format';

describe('formatPercent', () => {
  it('shows a ratio as a percentage', () => {
    expect(formatPercent(0.4567)).toBe('45.7%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.05, 0)).toBe('5%');
  });

  it('shows a real zero as 0 %, and no data as a dash', () => {
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe(NO_VALUE);
    expect(formatPercent(undefined)).toBe(NO_VALUE);
    expect(formatPercent(Number.NaN)).toBe(NO_VALUE);
  });
});

describe('lastValue', () => {
  it('skips trailing gaps', () => {
    expect(lastValue([0.1, 0.2, null, null])).toBe(0.2);
  });

  it('keeps a trailing zero (zero is data)', () => {
    expect(lastValue([0.5, 0])).toBe(0);
  });

  it('is null when there is no sample', () => {
    expect(lastValue([])).toBeNull();
    expect(lastValue([null, null])).toBeNull();
  });
});

describe('labels', () => {
  it('joins machine type and model, whichever is known', () => {
    expect(formatMachine('3931', 'A01')).toBe('3931 A01');
    expect(formatMachine('3931', null)).toBe('3931');
    expect(formatMachine(null, null)).toBe(NO_VALUE);
  });

  it('turns HMC status strings into words and tones', () => {
    expect(formatStatus('not-operating')).toBe('Not operating');
    expect(formatStatus(null)).toBe('Unknown');
    expect(statusTone('active')).toBe('ok');
    expect(statusTone('degraded')).toBe('warning');
    expect(statusTone('status-check')).toBe('error');
    expect(statusTone('stopped')).toBe('neutral');
  });

  it('knows which partitions run no workload', () => {
    expect(isRunning('active')).toBe(true);
    expect(isRunning('stopped')).toBe(false);
    expect(isRunning('not-activated')).toBe(false);
    expect(isRunning(null)).toBe(true);
  });

  it('formats local time with seconds', () => {
    const ms = new Date(2025, 10, 24, 3, 4, 5).getTime();
    expect(formatDateTime(ms)).toBe('2025-11-24 03:04:05');
  });
});
