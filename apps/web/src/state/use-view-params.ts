import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { parseViewParams, timeWindow, writeViewParams, type TimeWindow, type ViewParams } from './view-params';

export interface CurrentViewParams extends ViewParams {
  /** The time window the charts show (relative preset or absolute). */
  window: TimeWindow;
}

/**
 * The last query string a control asked for and the router has not rendered yet. The router
 * renders navigations in a transition, so a second quick change from another control (a range,
 * then top-N) would otherwise start from the old URL and drop the first. Shared by every
 * control, since each has its own hook instance.
 */
let requested: { pathname: string; search: string } | null = null;

export interface ParamsChangeOptions {
  /** Replace the current history entry instead of pushing one (the second and later keystrokes of one edit). */
  replace?: boolean;
}

/** The view params from the URL, and a setter that pushes a history entry (or replaces it, when asked). */
export function useViewParams(): [CurrentViewParams, (change: Partial<ViewParams>, options?: ParamsChangeOptions) => void] {
  const [search, setSearch] = useSearchParams();
  const { pathname } = useLocation();
  const key = search.toString();
  useEffect(() => {
    if (requested?.pathname === pathname && requested.search === key) requested = null;
  }, [pathname, key]);
  const params = useMemo(() => {
    const parsed = parseViewParams(new URLSearchParams(key));
    return { ...parsed, window: timeWindow(parsed) };
  }, [key]);
  const update = useCallback(
    (change: Partial<ViewParams>, options: ParamsChangeOptions = {}) => {
      // A push (not a replace), so back/forward walk through the ranges the user looked at.
      // No entry when nothing changes (connected charts report the same zoom more than once).
      const base = requested?.pathname === pathname ? requested.search : key;
      const next = writeViewParams(new URLSearchParams(base), change).toString();
      if (next === base) return;
      requested = { pathname, search: next };
      setSearch(new URLSearchParams(next), { replace: options.replace === true });
    },
    [pathname, key, setSearch],
  );
  return [params, update];
}
