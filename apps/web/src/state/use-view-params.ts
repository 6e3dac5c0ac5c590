import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseViewParams, timeWindow, writeViewParams, type TimeWindow, type ViewParams } from './view-params';

export interface CurrentViewParams extends ViewParams {
  /** The time window the charts show (relative preset or absolute). */
  window: TimeWindow;
}

/** The view params from the URL, and a setter that pushes a history entry. */
export function useViewParams(): [CurrentViewParams, (change: Partial<ViewParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const params = useMemo(() => {
    const parsed = parseViewParams(new URLSearchParams(key));
    return { ...parsed, window: timeWindow(parsed) };
  }, [key]);
  const update = useCallback(
    (change: Partial<ViewParams>) => {
      // A push (not a replace), so back/forward walk through the ranges the user looked at.
      // No entry when nothing changes (connected charts report the same zoom more than once).
      const current = new URLSearchParams(key);
      const next = writeViewParams(current, change);
      if (next.toString() !== key) setSearch(next);
    },
    [key, setSearch],
  );
  return [params, update];
}
