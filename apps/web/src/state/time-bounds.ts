// The `from` / `to` of a link, read the way Grafana writes them, so a link copied from a Grafana
// dashboard opens the same window here: unix seconds (zlens's own links), epoch milliseconds
// (Grafana's absolute times), RFC 3339, or Grafana's relative syntax (`now-7d/d`, `now/w`), which
// stays an expression (the view moves with the clock and the BFF resolves it with the same rules,
// packages/shared/src/time.ts). What cannot be read is reported, never silently replaced.
import { DURATION_UNIT_SECONDS, isRelativeTimeExpression, parseTimeExpression } from '@zlens/shared';

/** A bound of a window: unix seconds, or a relative expression (`now-7d/d`). */
export type TimeBound = number | string;

/**
 * Unix seconds have at most 11 digits (until the year 5138); Grafana's epoch milliseconds have 13
 * for any date after 2001. Twelve digits and more are read as milliseconds.
 */
const SECONDS = /^\d{1,11}$/;
const MILLISECONDS = /^\d{12,14}$/;

/** One bound from the URL, or null when it is not a time zlens can read. */
export function parseTimeBound(value: string): TimeBound | null {
  if (SECONDS.test(value)) return Number(value);
  if (MILLISECONDS.test(value)) return Math.floor(Number(value) / 1000);
  if (isRelativeTimeExpression(value)) return value;
  // RFC 3339 (and decimal seconds) resolve to a fixed time whatever the clock says.
  const fixed = parseTimeExpression(value, 0);
  return fixed === null ? null : Math.floor(fixed);
}

/** A bound as the BFF's time expression. */
export function boundExpression(bound: TimeBound): string {
  return typeof bound === 'number' ? String(bound) : bound;
}

/** A bound in unix seconds at `nowSeconds`; the end of a window rounds up, as Grafana's `to` does. */
export function resolveBound(bound: TimeBound, nowSeconds: number, isEnd: boolean): number {
  if (typeof bound === 'number') return bound;
  return Math.floor(parseTimeExpression(bound, Math.floor(nowSeconds), isEnd) ?? nowSeconds);
}

/**
 * `now` minus `seconds`, in the largest unit that divides it (`now-7d`, `now-90m`): a relative
 * expression has at most six digits per amount.
 */
export function minusExpression(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s === 0) return '';
  // Largest first; seconds divide everything, so the loop always returns.
  for (const [unit, size] of Object.entries(DURATION_UNIT_SECONDS)) {
    if (s % size === 0) return `-${s / size}${unit}`;
  }
  return `-${s}s`;
}
