import { useMemo } from 'react';
import type { RangeKey, RefreshKey } from '../state/view-params';
import { EChart } from './EChart';
import { Panel, PanelError, PanelLoading, PanelNoData } from './Panel';
import { usageChartOption } from './usage-chart-option';
import { useElementWidth } from './use-element-width';
import { useUsageSeries, type UsageSeriesState, type UsageSource } from './use-usage-series';

/** Until the panel is measured (and in a test DOM), ask for as many points as a typical panel is wide. */
const FALLBACK_WIDTH = 640;

export interface UsageChartPanelProps {
  title: string;
  sources: readonly UsageSource[];
  range: RangeKey;
  refresh: RefreshKey;
  height?: number;
  group?: string;
  level?: 2 | 3;
  enabled?: boolean;
}

/** A titled panel with one usage chart, asking for about one point per pixel of its width. */
export function UsageChartPanel({
  title,
  sources,
  range,
  refresh,
  height = 220,
  group,
  level,
  enabled = true,
}: UsageChartPanelProps) {
  const [bodyRef, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const state = useUsageSeries(sources, range, refresh, width, enabled);
  return (
    <Panel title={title} stale={state.status === 'success' && state.stale} level={level}>
      <div ref={bodyRef}>
        <UsageChartBody state={state} ariaLabel={title} height={height} group={group} />
      </div>
    </Panel>
  );
}

/** The body of a usage chart in each of its states: loading, error with retry, no data, the chart. */
export function UsageChartBody({
  state,
  ariaLabel,
  height,
  group,
}: {
  state: UsageSeriesState;
  ariaLabel: string;
  height: number;
  group?: string;
}) {
  const option = useMemo(
    () =>
      state.status === 'success' && state.hasData
        ? usageChartOption({ lines: state.lines, start: state.start, end: state.end, showLegend: state.lines.length > 1 })
        : null,
    [state],
  );
  if (state.status === 'pending') return <PanelLoading height={height} />;
  if (state.status === 'error') return <PanelError message={state.message} onRetry={state.retry} height={height} />;
  if (!option) return <PanelNoData hint="No samples in this time range." height={height} />;
  return <EChart option={option} ariaLabel={ariaLabel} height={height} group={group} />;
}
