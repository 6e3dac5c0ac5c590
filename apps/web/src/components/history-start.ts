// "History starts at …": where a chart's range reaches well before the first sample (a 90-day
// range over 20 days of history), the chart says so instead of leaving most of it blank.

interface Line {
  timestamps: readonly number[];
  values: readonly (number | null)[];
  dashed?: boolean;
}

/**
 * The first sample's time (unix seconds) when it lies more than a tenth of the range (and two
 * steps) after its start; null when the data starts at the range's start or there is none.
 * Comparison overlays are not the chart's own history and are left out.
 */
export function historyStart(lines: readonly Line[], start: number, end: number): number | null {
  let first = Number.POSITIVE_INFINITY;
  let step = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.dashed === true) continue;
    const a = line.timestamps[0];
    const b = line.timestamps[1];
    if (a !== undefined && b !== undefined) step = Math.min(step, b - a);
    const index = line.values.findIndex((v) => v != null);
    const time = index < 0 ? undefined : line.timestamps[index];
    if (time !== undefined) first = Math.min(first, time);
  }
  if (!Number.isFinite(first)) return null;
  const slack = Math.max((end - start) / 10, Number.isFinite(step) ? 2 * step : 0);
  return first - start > slack ? first : null;
}
