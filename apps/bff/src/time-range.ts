// The one reading of a request's `from` and `to` (every endpoint with a time window: series, top,
// heatmap, capacity, alert periods, hardware messages), so they accept the same expressions and
// say the same things about bad ones.
import { parseTimeExpression } from '@zlens/shared';
import { badRequest } from './errors.js';

const TIME_HINT =
  'must be unix seconds, RFC 3339, "now" or Grafana\'s relative syntax ("now-<n><s|m|h|d|w|M|y>", rounded with "/d", "/w", ...)';
/** Longer ranges are a mistake, and would overflow PromQL durations (int64 nanoseconds) besides. */
export const MAX_RANGE_SECONDS = 5 * 366 * 86_400;

/**
 * `from` and `to` as unix seconds at `nowSeconds`. The end rounds up, as Grafana's `to` does
 * (`now/d` ends the day; see parseTimeExpression). A bad expression, from not before to, or a
 * range longer than MAX_RANGE_SECONDS is a 400 naming the parameter.
 */
export function parseTimeRange(fromText: string, toText: string, nowSeconds: number): { from: number; to: number } {
  const from = parseTimeExpression(fromText, nowSeconds);
  const to = parseTimeExpression(toText, nowSeconds, true);
  if (from === null) throw badRequest(`from: ${TIME_HINT}`);
  if (to === null) throw badRequest(`to: ${TIME_HINT}`);
  if (from >= to) throw badRequest(`from: must be before to (from=${from}, to=${to})`);
  if (to - from > MAX_RANGE_SECONDS) throw badRequest(`from: the range may span at most ${MAX_RANGE_SECONDS / 86_400} days`);
  return { from, to };
}
