import type { SortDirection } from './partition-rows';

/**
 * A column header that sorts its table (Carbon's sortable data table): the whole cell is a button,
 * `aria-sort` on the sorted column, an arrow for its direction, a faint double arrow on the others
 * when hovered or focused.
 */
export function SortHeader({
  label,
  direction,
  onSort,
  numeric = false,
}: {
  label: string;
  direction: SortDirection | null;
  onSort: () => void;
  numeric?: boolean;
}) {
  return (
    <th scope="col" className={numeric ? 'numeric sortable' : 'sortable'} aria-sort={direction ?? undefined}>
      <button type="button" className={direction ? 'sort-button sort-button-active' : 'sort-button'} onClick={onSort}>
        <span>{label}</span>
        <SortIcon direction={direction} />
      </button>
    </th>
  );
}

const ARROW_UP = 'M8 2 3 7l.7.7 3.8-3.8V14h1V3.9l3.8 3.8L13 7z';
const ARROW_DOWN = 'M8 14l5-5-.7-.7-3.8 3.8V2h-1v10.1L3.7 8.3 3 9z';
const ARROWS_VERTICAL = 'M5 2 2 5l.7.7 1.8-1.8V14h1V3.9l1.8 1.8L8 5zm6 12 3-3-.7-.7-1.8 1.8V2h-1v10.1l-1.8-1.8L8 11z';

function SortIcon({ direction }: { direction: SortDirection | null }) {
  let path = ARROWS_VERTICAL;
  if (direction === 'ascending') path = ARROW_UP;
  else if (direction === 'descending') path = ARROW_DOWN;
  return (
    <svg className="sort-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
  );
}
