// Time expressions and the step grid. Both sides use these, so a view's query key (web) and its
// upstream query (BFF) agree on the same aligned range and step.

/** Steps a query may use, in seconds (design.md "Query hygiene"). */
export const STEP_LADDER_SECONDS = [
  15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
] as const;

/** The HMC produces a new sample every 15 s; no query asks for finer data. */
export const SCRAPE_INTERVAL_SECONDS = 15;
/** Prometheus refuses more than 11,000 points per series. */
export const MAX_POINTS_LIMIT = 11_000;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const RELATIVE = /^now(?:-(\d{1,6})([smhdw]))?$/;
const UNIX_SECONDS = /^\d{1,11}(?:\.\d{1,3})?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses `now`, `now-6h` (units s, m, h, d, w), unix seconds or an RFC 3339 timestamp into unix
 * seconds. Returns null for anything else.
 */
export function parseTimeExpression(expr: string, nowSeconds: number): number | null {
  const relative = RELATIVE.exec(expr);
  if (relative) {
    const [, amount, unit] = relative;
    if (amount === undefined || unit === undefined) return nowSeconds;
    return nowSeconds - Number(amount) * (UNIT_SECONDS[unit] ?? 0);
  }
  if (UNIX_SECONDS.test(expr)) return Number(expr);
  if (RFC3339.test(expr)) {
    const ms = Date.parse(expr);
    return Number.isNaN(ms) ? null : ms / 1000;
  }
  return null;
}

export function isTimeExpression(expr: string): boolean {
  return parseTimeExpression(expr, 0) !== null;
}

/** step = max(scrape interval, range / maxPoints), rounded up to the ladder. */
export function chooseStep(rangeSeconds: number, maxPoints: number, minStep = SCRAPE_INTERVAL_SECONDS): number {
  const wanted = Math.max(minStep, rangeSeconds / Math.max(1, maxPoints));
  for (const step of STEP_LADDER_SECONDS) if (step >= wanted) return step;
  const top = STEP_LADDER_SECONDS[STEP_LADDER_SECONDS.length - 1] ?? 86_400;
  return Math.ceil(wanted / top) * top;
}

export interface AlignedRange {
  start: number;
  end: number;
  step: number;
}

/** Start and end aligned down to a multiple of the step, so equal views make equal queries. */
export function alignRange(fromSeconds: number, toSeconds: number, maxPoints: number, minStep?: number): AlignedRange {
  const step = chooseStep(toSeconds - fromSeconds, maxPoints, minStep);
  const start = Math.floor(fromSeconds / step) * step;
  const end = Math.floor(toSeconds / step) * step;
  return { start, end: Math.max(start, end), step };
}

/** The timestamps of the grid, inclusive of both ends. */
export function gridTimestamps(range: AlignedRange): number[] {
  const out: number[] = [];
  for (let t = range.start; t <= range.end; t += range.step) out.push(t);
  return out;
}
