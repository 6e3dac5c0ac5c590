// Sorting of the CPC view's tables (top partitions, adapters): rows without a value in the
// sorted column go last in either direction; ties keep the name order, A to Z, numeric-aware.
import type { SortDirection } from './partition-rows';

export interface TableSort<C extends string> {
  column: C;
  direction: SortDirection;
}

const collator = new Intl.Collator('en', { numeric: true });

export function nextSort<C extends string>(current: TableSort<C>, column: C, first: SortDirection): TableSort<C> {
  if (current.column !== column) return { column, direction: first };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export function sortRows<T extends { name: string }, C extends string>(
  rows: readonly T[],
  sort: TableSort<C>,
  value: (row: T, column: C) => string | number | null,
): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = value(x, sort.column);
    const b = value(y, sort.column);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
      if (order !== 0) return sign * order;
    }
    return collator.compare(x.name, y.name);
  });
}
