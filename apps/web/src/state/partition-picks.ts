// The partitions picked for comparison on a CPC view, kept in the URL as repeated `pick`
// parameters (`?pick=LNX1&pick=LNX%202`), so a copied link and an embedded panel show the same
// comparison. Names are kept as given; the view drops those its CPC does not have.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PICK_KEY = 'pick';
/** More lines than this make a comparison chart unreadable. */
export const MAX_PICKS = 10;

/** The picked names, in the order picked, each once, at most MAX_PICKS. */
export function parsePicks(search: URLSearchParams): string[] {
  const names: string[] = [];
  for (const name of search.getAll(PICK_KEY)) {
    if (name !== '' && !names.includes(name) && names.length < MAX_PICKS) names.push(name);
  }
  return names;
}

/** `search` with `name` added to the picks or taken out of them; a full list takes no more. */
export function togglePick(search: URLSearchParams, name: string): URLSearchParams {
  const picks = parsePicks(search);
  const next = picks.includes(name) ? picks.filter((p) => p !== name) : picks.length < MAX_PICKS ? [...picks, name] : picks;
  return writePicks(search, next);
}

export function writePicks(search: URLSearchParams, picks: readonly string[]): URLSearchParams {
  const out = new URLSearchParams(search);
  out.delete(PICK_KEY);
  for (const name of picks) out.append(PICK_KEY, name);
  return out;
}

export interface PartitionPicks {
  picks: readonly string[];
  isPicked: (name: string) => boolean;
  full: boolean;
  toggle: (name: string) => void;
  clear: () => void;
}

/** The picks of the current URL and setters that push a history entry. */
export function usePartitionPicks(): PartitionPicks {
  const [search, setSearch] = useSearchParams();
  const key = search.getAll(PICK_KEY).join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the picks depend on the `pick` values only
  const picks = useMemo(() => parsePicks(search), [key]);
  const toggle = useCallback((name: string) => setSearch((current) => togglePick(current, name)), [setSearch]);
  const clear = useCallback(() => setSearch((current) => writePicks(current, [])), [setSearch]);
  const isPicked = useCallback((name: string) => picks.includes(name), [picks]);
  return { picks, isPicked, full: picks.length >= MAX_PICKS, toggle, clear };
}
