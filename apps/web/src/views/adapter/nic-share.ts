import { lastValue } from '../../components/format';

interface Series {
  labels: Record<string, string>;
  values: readonly (number | null)[];
}

/**
 * Each partition's share of the adapter's NIC traffic: its NICs' latest bytes/s (sent + received)
 * over the sum for all partitions. Null when no NIC has a sample (no share can be told).
 */
export function nicShares(series: readonly Series[]): Map<string, { rate: number; share: number | null }> {
  const rates = new Map<string, number>();
  for (const s of series) {
    const partition = s.labels.partition;
    const value = lastValue(s.values);
    if (partition === undefined || value === null) continue;
    rates.set(partition, (rates.get(partition) ?? 0) + value);
  }
  const total = [...rates.values()].reduce((sum, rate) => sum + rate, 0);
  return new Map([...rates].map(([partition, rate]) => [partition, { rate, share: total > 0 ? rate / total : null }]));
}
