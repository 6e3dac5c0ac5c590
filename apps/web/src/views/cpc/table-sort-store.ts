// How the top-partitions and adapters tables are sorted: UI state for the session (like the
// partitions table's), not part of a shared link.
import { create } from 'zustand';
import { nextSort, type TableSort } from './table-sort';
import type { SortDirection } from './partition-rows';

export type TopColumn = 'name' | 'avg' | 'peak';
export type AdapterColumn = 'name' | 'pchid' | 'type' | 'family' | 'status' | 'usage';

interface TableSortState {
  top: TableSort<TopColumn> | null;
  adapters: TableSort<AdapterColumn>;
  sortTop: (column: TopColumn, fallback: TableSort<TopColumn>) => void;
  sortAdapters: (column: AdapterColumn) => void;
}

const FIRST: Record<AdapterColumn | TopColumn, SortDirection> = {
  name: 'ascending',
  pchid: 'ascending',
  type: 'ascending',
  family: 'ascending',
  status: 'ascending',
  usage: 'descending',
  avg: 'descending',
  peak: 'descending',
};

export const useTableSortStore = create<TableSortState>()((set) => ({
  // null: the ranking's own order (by average or by peak, as chosen in the URL).
  top: null,
  adapters: { column: 'usage', direction: 'descending' },
  sortTop: (column, fallback) => set((state) => ({ top: nextSort(state.top ?? fallback, column, FIRST[column]) })),
  sortAdapters: (column) => set((state) => ({ adapters: nextSort(state.adapters, column, FIRST[column]) })),
}));
