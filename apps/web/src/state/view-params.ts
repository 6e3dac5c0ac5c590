// The shareable view state that lives in the query string (design.md "URL is the state"): the
// time range (a relative preset, or an absolute from/to after a zoom), the refresh interval,
// language, theme, threshold bands and the top-N choice. Parsing never fails: a value zlens
// does not know falls back to the default, so a hand-edited or old link still opens a working view.
import { USAGE_THRESHOLDS } from '@zlens/shared';

export const RANGES = ['15m', '1h', '6h', '24h', '7d'] as const;
export type RangeKey = (typeof RANGES)[number];

export const REFRESHES = ['off', '15s', '30s', '1m', '5m'] as const;
export type RefreshKey = (typeof REFRESHES)[number];

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

export const THEMES = ['light', 'dark'] as const;
export type ThemeKey = (typeof THEMES)[number];

export const TOP_NS = [5, 10, 20, 50] as const;
export const TOP_BYS = ['avg', 'peak'] as const;
export type TopBy = (typeof TOP_BYS)[number];

/** What the charts show: the last `range`, or a fixed window (unix seconds) after a zoom or an absolute pick. */
export type TimeWindow = { kind: 'relative'; range: RangeKey } | { kind: 'absolute'; from: number; to: number };

export interface ViewParams {
  range: RangeKey;
  /** Unix seconds; both set means an absolute window that overrides `range`. */
  from: number | null;
  to: number | null;
  refresh: RefreshKey;
  lang: Lang;
  theme: ThemeKey;
  /** Threshold bands, percent (warning from `warn`, critical from `crit`). */
  warn: number;
  crit: number;
  top: number;
  topBy: TopBy;
}

export const DEFAULT_VIEW_PARAMS: Readonly<ViewParams> = {
  range: '1h',
  from: null,
  to: null,
  refresh: '30s',
  lang: 'en',
  theme: 'light',
  // The same bands as the alerting rules zlens ships (docker/prometheus/rules).
  warn: USAGE_THRESHOLDS.warning,
  crit: USAGE_THRESHOLDS.critical,
  top: 10,
  topBy: 'avg',
};

/** The query-string keys, also the names other code must not reuse. */
export const PARAM_KEYS = {
  range: 'range',
  from: 'from',
  to: 'to',
  refresh: 'refresh',
  lang: 'lang',
  theme: 'theme',
  warn: 'warn',
  crit: 'crit',
  top: 'top',
  topBy: 'topBy',
} as const satisfies Record<keyof ViewParams, string>;

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

/** The shortest window a zoom may make: below one minute a chart has four samples. */
export const MIN_WINDOW_SECONDS = 60;

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function parseInteger(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,11}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export function parseViewParams(search: URLSearchParams): ViewParams {
  const d = DEFAULT_VIEW_PARAMS;
  let from = parseInteger(search.get(PARAM_KEYS.from), 0, 99_999_999_999);
  let to = parseInteger(search.get(PARAM_KEYS.to), 0, 99_999_999_999);
  if (from === null || to === null || to - from < MIN_WINDOW_SECONDS) {
    from = null;
    to = null;
  }
  let warn = parseInteger(search.get(PARAM_KEYS.warn), 1, 100) ?? d.warn;
  let crit = parseInteger(search.get(PARAM_KEYS.crit), 1, 100) ?? d.crit;
  if (warn > crit) [warn, crit] = [d.warn, d.crit];
  const top = parseInteger(search.get(PARAM_KEYS.top), 1, 100);
  return {
    range: pick(RANGES, search.get(PARAM_KEYS.range), d.range),
    from,
    to,
    refresh: pick(REFRESHES, search.get(PARAM_KEYS.refresh), d.refresh),
    lang: pick(LANGS, search.get(PARAM_KEYS.lang), d.lang),
    theme: pick(THEMES, search.get(PARAM_KEYS.theme), d.theme),
    warn,
    crit,
    top: top !== null && (TOP_NS as readonly number[]).includes(top) ? top : d.top,
    topBy: pick(TOP_BYS, search.get(PARAM_KEYS.topBy), d.topBy),
  };
}

/**
 * Writes the view params into a copy of `search`, keeping every other parameter. Defaults are
 * left out so the plain URL stays short; an invalid value already in the URL is replaced.
 * Choosing a preset `range` drops an absolute from/to.
 */
export function writeViewParams(search: URLSearchParams, params: Partial<ViewParams>): URLSearchParams {
  const next = new URLSearchParams(search);
  const current = parseViewParams(search);
  const merged: ViewParams = { ...current, ...params };
  if (params.range !== undefined && params.from === undefined) {
    merged.from = null;
    merged.to = null;
  }
  for (const key of Object.keys(PARAM_KEYS) as (keyof ViewParams)[]) {
    const value = merged[key];
    if (value === null || value === DEFAULT_VIEW_PARAMS[key]) next.delete(PARAM_KEYS[key]);
    else next.set(PARAM_KEYS[key], String(value));
  }
  return next;
}

export function timeWindow(params: Pick<ViewParams, 'range' | 'from' | 'to'>): TimeWindow {
  if (params.from !== null && params.to !== null) return { kind: 'absolute', from: params.from, to: params.to };
  return { kind: 'relative', range: params.range };
}

export function rangeSeconds(range: RangeKey): number {
  return RANGE_SECONDS[range];
}

export function windowSeconds(window: TimeWindow): number {
  return window.kind === 'relative' ? RANGE_SECONDS[window.range] : window.to - window.from;
}

/** A stable string for cache keys: the preset, or `from-to`. */
export function windowKey(window: TimeWindow): string {
  return window.kind === 'relative' ? window.range : `${window.from}-${window.to}`;
}

/** The time expressions the BFF understands: `now-1h`..`now`, or unix seconds. */
export function windowExpression(window: TimeWindow): { from: string; to: string } {
  if (window.kind === 'relative') return { from: `now-${window.range}`, to: 'now' };
  return { from: String(window.from), to: String(window.to) };
}

/** The relative time expressions of a preset (`now-1h` .. `now`). */
export function rangeExpression(range: RangeKey): { from: string; to: string } {
  return windowExpression({ kind: 'relative', range });
}

/** The window [from, to] in unix seconds, resolving a relative one against `nowSeconds`. */
export function resolveWindow(window: TimeWindow, nowSeconds: number): { from: number; to: number } {
  if (window.kind === 'absolute') return { from: window.from, to: window.to };
  return { from: Math.floor(nowSeconds) - RANGE_SECONDS[window.range], to: Math.floor(nowSeconds) };
}

/** A drag selection (ms) as an absolute window; too short a selection widens around its centre. */
export function zoomWindow(fromMs: number, toMs: number): { from: number; to: number } {
  let from = Math.floor(Math.min(fromMs, toMs) / 1000);
  let to = Math.ceil(Math.max(fromMs, toMs) / 1000);
  if (to - from < MIN_WINDOW_SECONDS) {
    const centre = Math.round((from + to) / 2);
    from = centre - MIN_WINDOW_SECONDS / 2;
    to = centre + MIN_WINDOW_SECONDS / 2;
  }
  return { from, to };
}

/** Zoom out: twice the span around the same centre, never past now. */
export function zoomOutWindow(window: TimeWindow, nowSeconds: number): { from: number; to: number } {
  const { from, to } = resolveWindow(window, nowSeconds);
  const span = to - from;
  // Half on each side, the odd second on the right: the new window is exactly twice as long.
  const half = Math.floor(span / 2);
  let nextTo = to + (span - half);
  let nextFrom = from - half;
  const now = Math.floor(nowSeconds);
  if (nextTo > now) {
    nextFrom -= nextTo - now;
    nextTo = now;
  }
  return { from: nextFrom, to: nextTo };
}

/** TanStack Query's `refetchInterval`: milliseconds, or false for "off". */
export function refreshInterval(refresh: RefreshKey): number | false {
  return REFRESH_MS[refresh];
}
