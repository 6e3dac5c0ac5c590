import type { PartitionSummary, SeriesResponse } from '@zlens/shared';
import { formatStatus, isRunning, lastValue } from '../../components/format';

export interface PartitionRow {
  name: string;
  status: string | null;
  /** The exporter does not export this partition's status (shown as such, not as unknown). */
  statusNotExported: boolean;
  type: string | null;
  /** Latest processor usage ratio; null for no sample or a partition that is not running. */
  usage: number | null;
}

export type PartitionSortColumn = 'name' | 'status' | 'type' | 'usage';
/** Named as `aria-sort` names them, so the state is written to the header as it is. */
export type SortDirection = 'ascending' | 'descending';

export interface PartitionSort {
  column: PartitionSortColumn;
  direction: SortDirection;
}

/** Busiest first: what an operator opens the table for. */
export const DEFAULT_PARTITION_SORT: PartitionSort = { column: 'usage', direction: 'descending' };

/** The direction a column sorts in when first chosen: words A to Z, usage busiest first. */
export const FIRST_DIRECTION: Record<PartitionSortColumn, SortDirection> = {
  name: 'ascending',
  status: 'ascending',
  type: 'ascending',
  usage: 'descending',
};

/** Choosing the sorted column again flips its direction; another column starts in its first direction. */
export function nextPartitionSort(current: PartitionSort, column: PartitionSortColumn): PartitionSort {
  if (current.column !== column) return { column, direction: FIRST_DIRECTION[column] };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * Joins the inventory's partitions with their latest processor usage (a series per partition,
 * `labels.partition`), in inventory order; `sortPartitionRows` orders them.
 */
export function partitionRows(partitions: readonly PartitionSummary[], usage: SeriesResponse | undefined): PartitionRow[] {
  const latest = new Map<string, number | null>();
  for (const series of usage?.series ?? []) {
    const name = series.labels.partition;
    if (name !== undefined) latest.set(name, lastValue(series.values));
  }
  return partitions.map((partition) => ({
    name: partition.name,
    status: partition.status,
    statusNotExported: partition.statusNotExported === true,
    type: partition.type,
    usage: isRunning(partition.status) ? (latest.get(partition.name) ?? null) : null,
  }));
}

// Numeric-aware, so LPAR2 sorts before LPAR10 as an operator expects.
const collator = new Intl.Collator('en', { numeric: true });

/** The value a row is sorted by in `column`, as shown (status as its label); null when it has none. */
function sortValue(row: PartitionRow, column: PartitionSortColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'status':
      return row.status == null || row.status === '' ? null : formatStatus(row.status);
    case 'type':
      return row.type == null || row.type === '' ? null : row.type;
    case 'usage':
      return row.usage;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy of `rows`. Rows without a value in the sorted column go last in either direction;
 * equal values keep the name order (A to Z), so the order never depends on the inventory's.
 */
export function sortPartitionRows(rows: readonly PartitionRow[], sort: PartitionSort): PartitionRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = sortValue(x, sort.column);
    const b = sortValue(y, sort.column);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const order = compareValues(a, b);
      if (order !== 0) return sign * order;
    }
    return collator.compare(x.name, y.name);
  });
}
