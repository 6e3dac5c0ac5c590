import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/use-i18n';

/**
 * A long list's first rows and the rest on request: every list of zlens (tables, the heatmap's
 * rows, messages) shows its first `first` rows whole and a "Show all N" button under them, never
 * an inner scroll box that cuts a row in half.
 */
export interface ShownRows<T> {
  rows: readonly T[];
  total: number;
  first: number;
  all: boolean;
  toggle: () => void;
}

/** Rows of a table before "show all" unless the table says otherwise. */
export const TABLE_FIRST_ROWS = 20;

export function useShowAll<T>(rows: readonly T[], first = TABLE_FIRST_ROWS): ShownRows<T> {
  const [all, setAll] = useState(false);
  const shown = useMemo(() => (all || rows.length <= first ? rows : rows.slice(0, first)), [rows, first, all]);
  return { rows: shown, total: rows.length, first, all, toggle: () => setAll((was) => !was) };
}

/** "Show all N" / "Show the first N" under a list; nothing when the list fits. */
export function ShowAllButton({ list }: { list: ShownRows<unknown> }) {
  const { t } = useI18n();
  if (list.total <= list.first) return null;
  return (
    <button type="button" className="button button-ghost button-small show-all" aria-expanded={list.all} onClick={list.toggle}>
      {list.all ? t('panel.showFewer', { n: list.first }) : t('panel.showAll', { n: list.total })}
    </button>
  );
}
