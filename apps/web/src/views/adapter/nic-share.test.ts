import { describe, expect, it } from 'vitest';
import { nicUsageByPartition } from './nic-share';

describe('nicUsageByPartition', () => {
  it("sums each partition's NICs point by point and averages over the points that have a sample", () => {
    const usage = nicUsageByPartition([
      { labels: { partition: 'A', nic: 'n1' }, values: [100, 300, null] },
      { labels: { partition: 'A', nic: 'n2' }, values: [null, 100, null] },
      { labels: { partition: 'B', nic: 'n3' }, values: [600, null, 600] },
      { labels: { partition: 'C', nic: 'n4' }, values: [null, null, null] },
    ]);
    // A: 100, 400, — → 250; B: 600, —, 600 → 600 (not the last sample of A, 400, nor "—").
    expect(usage.get('A')).toEqual({ values: [100, 400, null], average: 250, share: 250 / 850 });
    expect(usage.get('B')).toEqual({ values: [600, null, 600], average: 600, share: 600 / 850 });
    expect(usage.get('C')).toEqual({ values: [null, null, null], average: null, share: null });
  });

  it('has no share without traffic (0 of 0 is not 0 %)', () => {
    expect(nicUsageByPartition([{ labels: { partition: 'A' }, values: [0] }]).get('A')).toEqual({ values: [0], average: 0, share: null });
  });
});
