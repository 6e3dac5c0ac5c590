interface Series {
  labels: Record<string, string>;
  values: readonly (number | null)[];
}

export interface NicUsage {
  /** The partition's NIC traffic (sent + received, bytes/s) at each point of the range; null where no NIC has a sample. */
  values: (number | null)[];
  /** The average of `values` over the points that have one (bytes/s), null without any. */
  average: number | null;
  /** `average` over the sum of every partition's average: its share of the adapter's NIC traffic in the range. */
  share: number | null;
}

/**
 * Each partition's NIC traffic on the adapter over the selected range: its NICs summed point by
 * point, averaged over the points that have a sample, and its share of the adapter's NIC traffic.
 * An average of the range, not the range's last sample: the table says which, and draws the trend.
 */
export function nicUsageByPartition(series: readonly Series[]): Map<string, NicUsage> {
  const summed = new Map<string, (number | null)[]>();
  for (const s of series) {
    const partition = s.labels.partition;
    if (partition === undefined) continue;
    const values = summed.get(partition) ?? [];
    s.values.forEach((value, i) => {
      if (value === null) {
        values[i] ??= null;
        return;
      }
      values[i] = (values[i] ?? 0) + value;
    });
    summed.set(partition, values);
  }
  const averages = new Map<string, { values: (number | null)[]; average: number | null }>();
  for (const [partition, values] of summed) {
    const present = values.filter((v): v is number => v !== null && v !== undefined);
    const dense = Array.from(values, (v) => v ?? null);
    averages.set(partition, { values: dense, average: present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length });
  }
  const total = [...averages.values()].reduce((sum, { average }) => sum + (average ?? 0), 0);
  return new Map(
    [...averages].map(([partition, { values, average }]) => [
      partition,
      { values, average, share: average !== null && total > 0 ? average / total : null },
    ]),
  );
}
