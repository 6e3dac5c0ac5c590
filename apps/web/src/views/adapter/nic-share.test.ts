import { describe, expect, it } from 'vitest';
import { nicShares } from './nic-share';

describe('nicShares', () => {
  it("sums each partition's NICs at their latest sample and divides by the total", () => {
    const shares = nicShares([
      { labels: { partition: 'A', nic: 'n1' }, values: [100, 300] },
      { labels: { partition: 'A', nic: 'n2' }, values: [null, 100] },
      { labels: { partition: 'B', nic: 'n3' }, values: [600, null] },
      { labels: { partition: 'C', nic: 'n4' }, values: [null, null] },
    ]);
    expect(shares.get('A')).toEqual({ rate: 400, share: 0.4 });
    expect(shares.get('B')).toEqual({ rate: 600, share: 0.6 });
    expect(shares.has('C')).toBe(false);
  });

  it('has no share without traffic (0 of 0 is not 0 %)', () => {
    expect(nicShares([{ labels: { partition: 'A' }, values: [0] }]).get('A')).toEqual({ rate: 0, share: null });
  });
});
