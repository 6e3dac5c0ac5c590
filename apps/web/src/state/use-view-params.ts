import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseViewParams, writeViewParams, type ViewParams } from './view-params';

/** The current range/refresh from the URL, and a setter that pushes a history entry. */
export function useViewParams(): [ViewParams, (change: Partial<ViewParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseViewParams(search), [search]);
  const update = useCallback(
    (change: Partial<ViewParams>) => {
      // A push (not a replace), so back/forward walk through the ranges the user looked at.
      setSearch((current) => writeViewParams(current, change));
    },
    [setSearch],
  );
  return [params, update];
}

