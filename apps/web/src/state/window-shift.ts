// Moving a window through time: the ◀ ▶ buttons (half a span earlier or later) and the windows
// the "Compare with" overlay reads (state/compare in UsageChartPanel).
import { minusExpression } from './time-bounds';
import { resolveWindow, type CompareKey, type TimeWindow } from './view-params';

/**
 * Half a span earlier (-1) or later (+1), as an absolute window. Later never passes now: the
 * window then ends now with its span kept, like Grafana's time shift.
 */
export function shiftWindow(window: TimeWindow, direction: -1 | 1, nowSeconds: number): { from: number; to: number } {
  const { from, to } = resolveWindow(window, nowSeconds);
  const span = to - from;
  const by = Math.floor(span / 2) * direction;
  const now = Math.floor(nowSeconds);
  if (to + by > now) return { from: now - span, to: now };
  return { from: from + by, to: to + by };
}

const DAY = 86_400;

/**
 * How far back the comparison window lies. "Previous period" is the span rounded up to whole
 * steps, so the earlier window's step grid is the current one moved back (one day and one week
 * are whole steps of every step on the ladder, which divide 86,400 s).
 */
export function compareShiftSeconds(compare: Exclude<CompareKey, 'off'>, spanSeconds: number, stepSeconds: number): number {
  if (compare === '1d') return DAY;
  if (compare === '7d') return 7 * DAY;
  return Math.ceil(spanSeconds / stepSeconds) * stepSeconds;
}

/**
 * The earlier window of a comparison, asked of the BFF like any other window (rather than a
 * `shift` parameter on /series): it has its own cache entry, keyed and refreshed exactly like the
 * current window's (a preset's earlier window stays relative: `now-2h`..`now-1h`), the BFF aligns
 * it to the same step (same span, so same step; a shift of whole steps, so the same grid moved
 * back), and the web moves its timestamps forward by the shift to draw it over the current one.
 */
export function comparedWindow(window: TimeWindow, shiftSeconds: number): TimeWindow {
  if (window.kind === 'absolute') return { kind: 'absolute', from: window.from - shiftSeconds, to: window.to - shiftSeconds };
  const back = minusExpression(shiftSeconds);
  if (window.kind === 'relative') return { kind: 'expression', from: `now-${window.range}${back}`, to: `now${back}` };
  return { kind: 'expression', from: `${window.from}${back}`, to: `${window.to}${back}` };
}
