// Time expressions and the step grid. Both sides use these, so a view's query key (web) and its
// upstream query (BFF) agree on the same aligned range and step.

/** Steps a query may use, in seconds (design.md "Query hygiene"). */
export const STEP_LADDER_SECONDS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400] as const;

/** The HMC produces a new sample every 15 s; no query asks for finer data. */
export const SCRAPE_INTERVAL_SECONDS = 15;
/** Prometheus refuses more than 11,000 points per series. */
export const MAX_POINTS_LIMIT = 11_000;

/**
 * Seconds per unit of a fixed-length duration, largest first: the units of ZLENS_* durations
 * (`90s`, `24h`, `7d`), of the web's `now-…` expressions, and the fixed units of Grafana's relative
 * syntax (its months and years are calendar units: addUnit).
 */
export const DURATION_UNIT_SECONDS: Readonly<Record<string, number>> = { w: 604_800, d: 86_400, h: 3600, m: 60, s: 1 };
const UNIX_SECONDS = /^\d{1,11}(?:\.\d{1,3})?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
/**
 * Grafana's relative syntax ("date math"): `now`, then up to four operations, each an offset
 * (`-7d`, `+1h`) or a rounding (`/d`, `/w`), as in `now-7d/d` or `now-1M/M`. Units s, m, h, d,
 * w, M (month), y (year), the letters Grafana uses, so a link from a Grafana dashboard names the
 * same window here.
 */
const DATE_MATH = /^now((?:[+-]\d{1,6}[smhdwMy]|\/[smhdwMy]){0,4})$/;
const DATE_MATH_OP = /([+-])(\d{1,6})([smhdwMy])|\/([smhdwMy])/g;

/** `ms` moved by `amount` units, calendar-aware for months and years (UTC). */
function addUnit(ms: number, amount: number, unit: string): number {
  const fixed = DURATION_UNIT_SECONDS[unit];
  if (fixed !== undefined) return ms + amount * fixed * 1000;
  const d = new Date(ms);
  if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + amount);
  else d.setUTCFullYear(d.getUTCFullYear() + amount);
  return d.getTime();
}

/**
 * The start of the `unit` period holding `ms`, in UTC (the BFF knows no browser time zone;
 * Grafana rounds in the dashboard's zone, the same as UTC for a dashboard set to UTC). Weeks
 * start on Monday (ISO 8601).
 */
function startOf(ms: number, unit: string): number {
  const fixed = DURATION_UNIT_SECONDS[unit];
  if (fixed !== undefined && unit !== 'w') return Math.floor(ms / (fixed * 1000)) * fixed * 1000;
  const d = new Date(ms);
  d.setUTCHours(0, 0, 0, 0);
  if (unit === 'w') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (unit === 'M' || unit === 'y') d.setUTCDate(1);
  if (unit === 'y') d.setUTCMonth(0);
  return d.getTime();
}

function parseDateMath(ops: string, nowSeconds: number, roundUp: boolean): number {
  let ms = nowSeconds * 1000;
  for (const [, sign, amount, unit, roundUnit] of ops.matchAll(DATE_MATH_OP)) {
    if (roundUnit !== undefined) {
      // Rounding the end of a window goes to the end of the period, as Grafana's `to` does:
      // `now/d`..`now/d` is all of today, not the single instant of midnight.
      ms = startOf(ms, roundUnit);
      if (roundUp) ms = addUnit(ms, 1, roundUnit) - 1;
    } else if (unit !== undefined) {
      ms = addUnit(ms, (sign === '-' ? -1 : 1) * Number(amount), unit);
    }
  }
  return ms / 1000;
}

/**
 * Parses a time expression into unix seconds: Grafana's relative syntax (`now`, `now-6h`,
 * `now-7d/d`, `now/w`; see DATE_MATH), unix seconds or an RFC 3339 timestamp. `roundUp` is for
 * the end of a window: a rounding then goes to the end of its period. Returns null for anything else.
 */
export function parseTimeExpression(expr: string, nowSeconds: number, roundUp = false): number | null {
  const relative = DATE_MATH.exec(expr);
  if (relative) return parseDateMath(relative[1] ?? '', nowSeconds, roundUp);
  if (UNIX_SECONDS.test(expr)) return Number(expr);
  if (RFC3339.test(expr)) {
    const ms = Date.parse(expr);
    return Number.isNaN(ms) ? null : ms / 1000;
  }
  return null;
}

/** Whether an expression is relative to now (so a view of it moves with the clock). */
export function isRelativeTimeExpression(expr: string): boolean {
  return DATE_MATH.test(expr);
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
