// The order top-N lists and heatmap rows are ranked in: equal values, to the last bits an engine's
// summation order leaves, are ties broken by labels.
import { describe, expect, it } from 'vitest';
import { byValueDesc } from './types.js';

const entry = (partition: string, value: number | null) => ({ labels: { partition }, value });

describe('byValueDesc', () => {
  it('ranks by value, highest first, no value last', () => {
    const sorted = [entry('A', 0.2), entry('B', null), entry('C', 0.9)].sort(byValueDesc((e) => e.value));
    expect(sorted.map((e) => e.labels.partition)).toEqual(['C', 'A', 'B']);
  });

  it('ranks values that differ only in their last bits by labels, as two engines summing in another order give them', () => {
    // 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1: the same samples, added in another order.
    const [forward, backward] = [(0.1 + 0.2 + 0.3) / 3, (0.3 + 0.2 + 0.1) / 3];
    expect(forward).not.toBe(backward);
    const one = [entry('B', forward), entry('A', backward)].sort(byValueDesc((e) => e.value));
    const other = [entry('B', backward), entry('A', forward)].sort(byValueDesc((e) => e.value));
    expect(one.map((e) => e.labels.partition)).toEqual(['A', 'B']);
    expect(other.map((e) => e.labels.partition)).toEqual(['A', 'B']);
  });
});
