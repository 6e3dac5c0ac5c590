// The shareable view state that lives in the query string (design.md "URL is the state"): the
// time range (a relative preset, an absolute from/to after a zoom, or a Grafana-style relative
// from/to such as now-7d/d), the refresh interval, language, theme, threshold bands, the top-N
// choice, the time zone, the comparison overlay and the y axis. Parsing never fails: a value
// zlens does not know falls back to the default, so a hand-edited or old link still opens a
// working view, and the value is reported (parseViewParamsReport) for the page to name it.
import { LANGUAGES, USAGE_THRESHOLDS, type Language } from '@zlens/shared';
import { boundExpression, parseTimeBound, resolveBound, type TimeBound } from './time-bounds';

export const RANGES = ['15m', '1h', '6h', '24h', '7d', '30d', '90d'] as const;
export type RangeKey = (typeof RANGES)[number];

export const REFRESHES = ['off', '15s', '30s', '1m', '5m'] as const;
export type RefreshKey = (typeof REFRESHES)[number];

export const THEMES = ['light', 'dark'] as const;
export type ThemeKey = (typeof THEMES)[number];

export const TOP_NS = [5, 10, 20, 50] as const;
export const TOP_BYS = ['avg', 'peak'] as const;
export type TopBy = (typeof TOP_BYS)[number];

/** Times on axes, in tooltips and in exports: the browser's zone, or UTC. */
export const TIME_ZONES = ['browser', 'utc'] as const;
export type TimeZoneKey = (typeof TIME_ZONES)[number];

/** The overlay of an earlier window on the usage charts (see state/compare.ts). */
export const COMPARES = ['off', 'previous', '1d', '7d'] as const;
export type CompareKey = (typeof COMPARES)[number];

/** Markers of the object's status changes and HMC hardware messages on its charts. */
export const ANNOTATIONS = ['on', 'off'] as const;
export type AnnotationsKey = (typeof ANNOTATIONS)[number];

/** A ratio chart's y axis: always 0-100 %, or fitted to the data. */
export const Y_SCALES = ['full', 'fit'] as const;
export type YScaleKey = (typeof Y_SCALES)[number];

/**
 * What the charts show: the last `range`, a fixed window (unix seconds) after a zoom or an
 * absolute pick, or a window of relative expressions from a Grafana link (`now-7d/d` .. `now`).
 */
export type TimeWindow =
  { kind: 'relative'; range: RangeKey } | { kind: 'absolute'; from: number; to: number } | { kind: 'expression'; from: string; to: string };

export interface ViewParams {
  range: RangeKey;
  /** Unix seconds or a relative expression; `from` set overrides `range` (`to` then defaults to now). */
  from: TimeBound | null;
  to: TimeBound | null;
  refresh: RefreshKey;
  lang: Language;
  theme: ThemeKey;
  /** Threshold bands, percent (warning from `warn`, critical from `crit`). */
  warn: number;
  crit: number;
  top: number;
  topBy: TopBy;
  tz: TimeZoneKey;
  compare: CompareKey;
  y: YScaleKey;
  ann: AnnotationsKey;
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
  tz: 'browser',
  compare: 'off',
  y: 'full',
  ann: 'on',
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
  tz: 'tz',
  compare: 'compare',
  y: 'y',
  ann: 'ann',
} as const satisfies Record<keyof ViewParams, string>;

const RANGE_SECONDS: Readonly<Record<RangeKey, number>> = {
  '15m': 15 * 60,
  '1h': 3600,
  '6h': 6 * 3600,
  '24h': 24 * 3600,
  '7d': 7 * 86_400,
  '30d': 30 * 86_400,
  '90d': 90 * 86_400,
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

/** A URL value zlens could not read: named on the page (TimeNotice), never silently replaced. */
export interface UnreadableParam {
  key: string;
  value: string;
}

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function parseInteger(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,11}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/**
 * from/to: both readable and at least a minute apart, else neither (the preset `range` applies).
 * A Grafana link may give `from` alone: the window then ends now, as in Grafana.
 */
function parseBounds(search: URLSearchParams, nowSeconds: number, unreadable: UnreadableParam[]): Pick<ViewParams, 'from' | 'to'> {
  const fromText = search.get(PARAM_KEYS.from);
  const toText = search.get(PARAM_KEYS.to);
  if (fromText === null && toText === null) return { from: null, to: null };
  const from = fromText === null ? null : parseTimeBound(fromText);
  const to = toText === null ? 'now' : parseTimeBound(toText);
  if (fromText !== null && from === null) unreadable.push({ key: PARAM_KEYS.from, value: fromText });
  if (toText !== null && to === null) unreadable.push({ key: PARAM_KEYS.to, value: toText });
  if (fromText === null && toText !== null && to !== null) unreadable.push({ key: PARAM_KEYS.from, value: '' });
  if (from === null || to === null) return { from: null, to: null };
  const span = resolveBound(to, nowSeconds, true) - resolveBound(from, nowSeconds, false);
  if (span < MIN_WINDOW_SECONDS) {
    // Both readable, but not a window: name the pair.
    unreadable.push({ key: `${PARAM_KEYS.from}…${PARAM_KEYS.to}`, value: `${fromText ?? ''}…${toText ?? 'now'}` });
    return { from: null, to: null };
  }
  return { from, to };
}

/** The view params and the URL values that could not be read (each replaced by its default). */
export function parseViewParamsReport(
  search: URLSearchParams,
  nowSeconds = Date.now() / 1000,
): { params: ViewParams; unreadable: UnreadableParam[] } {
  const d = DEFAULT_VIEW_PARAMS;
  const unreadable: UnreadableParam[] = [];
  const { from, to } = parseBounds(search, nowSeconds, unreadable);
  const choice = <T extends string>(key: keyof typeof PARAM_KEYS, allowed: readonly T[], fallback: T): T => {
    const value = search.get(PARAM_KEYS[key]);
    const picked = pick(allowed, value, fallback);
    if (value !== null && picked !== value) unreadable.push({ key: PARAM_KEYS[key], value });
    return picked;
  };
  const number = (key: 'warn' | 'crit' | 'top', min: number, max: number): number | null => {
    const value = search.get(PARAM_KEYS[key]);
    const n = parseInteger(value, min, max);
    if (value !== null && n === null) unreadable.push({ key: PARAM_KEYS[key], value });
    return n;
  };
  let warn = number('warn', 1, 100) ?? d.warn;
  let crit = number('crit', 1, 100) ?? d.crit;
  if (warn > crit) [warn, crit] = [d.warn, d.crit];
  const top = number('top', 1, 100);
  const params: ViewParams = {
    range: choice('range', RANGES, d.range),
    from,
    to,
    refresh: choice('refresh', REFRESHES, d.refresh),
    lang: choice('lang', LANGUAGES, d.lang),
    theme: choice('theme', THEMES, d.theme),
    warn,
    crit,
    top: top !== null && (TOP_NS as readonly number[]).includes(top) ? top : d.top,
    topBy: choice('topBy', TOP_BYS, d.topBy),
    tz: choice('tz', TIME_ZONES, d.tz),
    compare: choice('compare', COMPARES, d.compare),
    y: choice('y', Y_SCALES, d.y),
    ann: choice('ann', ANNOTATIONS, d.ann),
  };
  return { params, unreadable };
}

export function parseViewParams(search: URLSearchParams, nowSeconds?: number): ViewParams {
  return parseViewParamsReport(search, nowSeconds).params;
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
  const { from, to } = params;
  if (from === null || to === null) return { kind: 'relative', range: params.range };
  if (typeof from === 'number' && typeof to === 'number') return { kind: 'absolute', from, to };
  // `now-7d` .. `now` is the 7 d preset (the picker shows it so, and it shares the preset's cache).
  const preset = RANGES.find((range) => from === `now-${range}`);
  if (preset !== undefined && to === 'now') return { kind: 'relative', range: preset };
  return { kind: 'expression', from: boundExpression(from), to: boundExpression(to) };
}

export function rangeSeconds(range: RangeKey): number {
  return RANGE_SECONDS[range];
}

/** The window's span; an expression window's is that of now (`now-7d/d` grows through the day). */
export function windowSeconds(window: TimeWindow, nowSeconds = Date.now() / 1000): number {
  if (window.kind === 'relative') return RANGE_SECONDS[window.range];
  const { from, to } = resolveWindow(window, nowSeconds);
  return to - from;
}

/** A stable string for cache keys: the preset, `from-to` (seconds), or `from..to` (expressions). */
export function windowKey(window: TimeWindow): string {
  if (window.kind === 'relative') return window.range;
  return window.kind === 'absolute' ? `${window.from}-${window.to}` : `${window.from}..${window.to}`;
}

/** The time expressions the BFF understands: `now-1h`..`now`, unix seconds, or Grafana's relative syntax. */
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
  if (window.kind === 'expression')
    return { from: resolveBound(window.from, nowSeconds, false), to: resolveBound(window.to, nowSeconds, true) };
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
