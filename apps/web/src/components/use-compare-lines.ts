// The "Compare with" overlay of a usage chart: the same sources over an earlier window (the
// previous period, the same time yesterday or last week), moved forward onto the current
// window's times and drawn dashed in the colour of the line they compare with.
import { useMemo } from 'react';
import { stepFor } from '../api/queries';
import { useI18n } from '../i18n/use-i18n';
import type { CompareKey, RefreshKey, TimeWindow } from '../state/view-params';
import { windowSeconds } from '../state/view-params';
import { compareShiftSeconds, comparedWindow } from '../state/window-shift';
import { SERIES_COLORS } from './theme';
import type { UsageLine } from './usage-chart-option';
import { useUsageSeries, type UsageSource } from './use-usage-series';

/**
 * Earlier lines as overlays of `current`: timestamps moved by `shiftSeconds`, dashed, named with
 * `label(name)`, coloured as the current line of the same name (its palette colour otherwise).
 */
export function overlayLines(
  current: readonly UsageLine[],
  earlier: readonly UsageLine[],
  shiftSeconds: number,
  label: (name: string) => string,
): UsageLine[] {
  const position = new Map(current.map((line, index) => [line.name, index]));
  return earlier.map((line, index) => {
    const match = position.get(line.name);
    const source = match === undefined ? line : current[match];
    const color = source?.color ?? SERIES_COLORS[(match ?? current.length + index) % SERIES_COLORS.length];
    return {
      name: label(line.name),
      ...(color === undefined ? {} : { color }),
      timestamps: line.timestamps.map((t) => t + shiftSeconds),
      values: line.values,
      dashed: true,
    };
  });
}

/** The comparison lines of a chart ([] while off, loading or failed: the chart itself never waits for them). */
export function useCompareLines(
  sources: readonly UsageSource[],
  window: TimeWindow,
  refresh: RefreshKey,
  maxPoints: number,
  compare: CompareKey,
  current: readonly UsageLine[] | null,
  enabled: boolean,
): UsageLine[] {
  const { t } = useI18n();
  const on = compare !== 'off' && enabled;
  const shift = compare === 'off' ? 0 : compareShiftSeconds(compare, windowSeconds(window), stepFor(window, maxPoints));
  const earlierWindow = useMemo(() => comparedWindow(window, shift), [window, shift]);
  const earlier = useUsageSeries(sources, earlierWindow, refresh, maxPoints, on);
  return useMemo(() => {
    if (compare === 'off' || !on || current === null || earlier.status !== 'success') return [];
    return overlayLines(current, earlier.lines, shift, (name) => t(`compare.suffix.${compare}`, { name }));
  }, [on, compare, current, earlier, shift, t]);
}
