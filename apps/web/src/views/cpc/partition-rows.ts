import type { PartitionSummary, SeriesResponse } from '@zlens/shared';
import { isRunning, lastValue } from '../../components/format';

export interface PartitionRow {
  name: string;
  status: string | null;
  type: string | null;
  /** Latest processor usage ratio; null for no sample or a partition that is not running. */
  usage: number | null;
}

/**
 * Joins the inventory's partitions with their latest processor usage (a series per partition,
 * `labels.partition`), sorted busiest first, then by name; rows without a value go last.
 */
export function partitionRows(partitions: readonly PartitionSummary[], usage: SeriesResponse | undefined): PartitionRow[] {
  const latest = new Map<string, number | null>();
  for (const series of usage?.series ?? []) {
    const name = series.labels.partition;
    if (name !== undefined) latest.set(name, lastValue(series.values));
  }
  const rows = partitions.map((partition) => ({
    name: partition.name,
    status: partition.status,
    type: partition.type,
    usage: isRunning(partition.status) ? (latest.get(partition.name) ?? null) : null,
  }));
  return rows.sort((a, b) => {
    if (a.usage !== b.usage) {
      if (a.usage === null) return 1;
      if (b.usage === null) return -1;
      return b.usage - a.usage;
    }
    return a.name.localeCompare(b.name, 'en');
  });
}
