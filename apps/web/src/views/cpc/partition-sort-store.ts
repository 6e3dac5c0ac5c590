// Which column the partitions table is sorted by: UI state, kept for the session so it survives
// drilling into a partition and coming back. Not in the URL: it is a preference, not a view to share.
import { create } from 'zustand';
import { DEFAULT_PARTITION_SORT, nextPartitionSort, type PartitionSort, type PartitionSortColumn } from './partition-rows';

interface PartitionSortState {
  sort: PartitionSort;
  /** Sorts by `column`, or flips the direction when it is already the sorted column. */
  sortBy: (column: PartitionSortColumn) => void;
}

export const usePartitionSortStore = create<PartitionSortState>()((set) => ({
  sort: DEFAULT_PARTITION_SORT,
  sortBy: (column) => set((state) => ({ sort: nextPartitionSort(state.sort, column) })),
}));
