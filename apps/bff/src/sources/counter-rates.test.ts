import { describe, expect, it } from 'vitest';
import { CounterRates } from './counter-rates.js';

describe('CounterRates', () => {
  it('gives the per-second increase between consecutive readings', () => {
    const rates = new CounterRates(60);
    expect(rates.rate('a', 100, 1000)).toBeNull();
    expect(rates.rate('a', 115, 4000)).toBe(200);
    expect(rates.rate('b', 115, 7)).toBeNull();
    expect(rates.rate('a', 130, 4000)).toBe(0);
  });

  it('drops the rate when the counter goes backwards, and restarts from the new value', () => {
    const rates = new CounterRates(60);
    rates.rate('a', 100, 5000);
    expect(rates.rate('a', 115, 20)).toBeNull();
    expect(rates.rate('a', 130, 320)).toBe(20);
  });

  it('ignores a sample read again, and a gap longer than allowed', () => {
    const rates = new CounterRates(60);
    rates.rate('a', 100, 0);
    expect(rates.rate('a', 100, 50)).toBeNull();
    expect(rates.rate('a', 115, 150)).toBe(10);
    expect(rates.rate('a', 415, 3150)).toBeNull();
    expect(rates.rate('a', 430, 3300)).toBe(10);
  });

  it('forgets counters not read within the window', () => {
    const rates = new CounterRates(60);
    rates.rate('old', 100, 1);
    rates.rate('new', 200, 1);
    rates.prune(150);
    expect(rates.size).toBe(1);
    expect(rates.rate('old', 215, 10)).toBeNull();
  });
});
