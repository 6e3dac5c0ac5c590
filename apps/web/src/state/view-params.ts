// The shareable view state that lives in the query string (design.md "URL is the state"):
// the time range and the refresh interval. Parsing never fails: a value zlens does not know
// falls back to the default, so a hand-edited or old link still opens a working view.

export const RANGES = ['15m', '1h', '6h', '24h', '7d'] as const;
export type RangeKey = (typeof RANGES)[number];

export const REFRESHES = ['off', '15s', '30s', '1m', '5m'] as const;
export type RefreshKey = (typeof REFRESHES)[number];

export interface ViewParams {
  range: RangeKey;
  refresh: RefreshKey;
}

export const DEFAULT_VIEW_PARAMS: Readonly<ViewParams> = { range: '1h', refresh: '30s' };

/** The query-string keys, also the names other code must not reuse. */
export const PARAM_KEYS = { range: 'range', refresh: 'refresh' } as const;

const RANGE_SECONDS: Readonly<Record<RangeKey, number>> = {
  '15m': 15 * 60,
  '1h': 3600,
  '6h': 6 * 3600,
  '24h': 24 * 3600,
  '7d': 7 * 86_400,
};

const REFRESH_MS: Readonly<Record<RefreshKey, number | false>> = {
  off: false,
  '15s': 15_000,
  '30s': 30_000,
  '1m': 60_000,
  '5m': 300_000,
};

export const RANGE_LABELS: Readonly<Record<RangeKey, string>> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last 1 hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

export const REFRESH_LABELS: Readonly<Record<RefreshKey, string>> = {
  off: 'Off',
  '15s': 'Every 15 s',
  '30s': 'Every 30 s',
  '1m': 'Every 1 min',
  '5m': 'Every 5 min',
};

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

export function parseViewParams(search: URLSearchParams): ViewParams {
  return {
    range: pick(RANGES, search.get(PARAM_KEYS.range), DEFAULT_VIEW_PARAMS.range),
    refresh: pick(REFRESHES, search.get(PARAM_KEYS.refresh), DEFAULT_VIEW_PARAMS.refresh),
  };
}

/**
 * Writes the view params into a copy of `search`, keeping every other parameter. Defaults are
 * left out so the plain URL stays short; an invalid value already in the URL is replaced.
 */
export function writeViewParams(search: URLSearchParams, params: Partial<ViewParams>): URLSearchParams {
  const next = new URLSearchParams(search);
  const merged = { ...parseViewParams(search), ...params };
  for (const key of ['range', 'refresh'] as const) {
    if (merged[key] === DEFAULT_VIEW_PARAMS[key]) next.delete(PARAM_KEYS[key]);
    else next.set(PARAM_KEYS[key], merged[key]);
  }
  return next;
}

export function rangeSeconds(range: RangeKey): number {
  return RANGE_SECONDS[range];
}

/** The relative time expressions the BFF understands (`now-1h` .. `now`). */
export function rangeExpression(range: RangeKey): { from: string; to: string } {
  return { from: `now-${range}`, to: 'now' };
}

/** TanStack Query's `refetchInterval`: milliseconds, or false for "off". */
export function refreshInterval(refresh: RefreshKey): number | false {
  return REFRESH_MS[refresh];
}
