import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { AlertsQuery } from '@zlens/shared';
import type { ECharts } from 'echarts/core';
import { useAlertBands } from '../alerts/use-alert-bands';
import { usePanelShown } from '../embed/panel-context';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { AlertPeriodsNote } from './AlertPeriodsNote';
import { ChartActions } from './ChartActions';
import { chartUnitLabels } from './chart-unit-labels';
import { ChartTable } from './ChartTable';
import type { ValueUnit } from './format';
import { HistoryStartNote } from './HistoryStartNote';
import { HmcHistoryNote } from './HmcHistoryNote';
import { Panel } from './Panel';
import { THEME_TOKENS } from './theme';
import { UsageChartBody } from './UsageChartBody';
import { valueFormatter, type ChartMarker, type UsageLine } from './usage-chart-option';
import { useCompareLines } from './use-compare-lines';
import { useElementWidth } from './use-element-width';
import { useHmcHistoryLines } from './use-hmc-history-lines';
import { useUsageSeries, type UsageSeriesState, type UsageSource } from './use-usage-series';

/** Until the panel is measured (and in a test DOM), ask for as many points as a typical panel is wide. */
const FALLBACK_WIDTH = 640;

export interface UsageChartPanelProps {
  title: string;
  sources: readonly UsageSource[];
  height?: number;
  group?: string;
  level?: 2 | 3;
  enabled?: boolean;
  unit?: ValueUnit;
  /** Status metric: code → label. */
  statusLabels?: ReadonlyMap<number, string>;
  /** A note under the title (e.g. why a classic CPC shows channel usage). */
  note?: ReactNode;
  /** Leave out lines without a single sample (a breakdown lists what the CPC may report). */
  hideEmptyLines?: boolean;
  /** Makes the drawn lines from the series (the line cords: phases added up per cord); stable, and no comparison overlay then. */
  combine?: (lines: UsageLine[]) => UsageLine[];
  /** The panel's address in its view; default: its first metric without the `zhmc_` prefix. */
  panelId?: string;
  /** Lines stacked as areas (parts of one whole). */
  stacked?: boolean;
  /** The object whose alert periods are drawn as bands (its own alerts, not those of objects under it). */
  alerts?: AlertsQuery;
  /** Events on the chart's object, drawn as markers (capacity/use-chart-markers). */
  markers?: readonly ChartMarker[];
  /**
   * Loads the sources' lines some other way than a series request per source (the line cords: one
   * request for all 24 phases); a hook, the same one for the panel's life.
   */
  useSeries?: typeof useUsageSeries;
}

/** A titled panel with one time chart, asking for about one point per pixel of its width. */
export function UsageChartPanel({
  title,
  sources,
  height = 220,
  group,
  level,
  enabled = true,
  unit = 'ratio',
  statusLabels,
  note,
  hideEmptyLines = false,
  combine,
  panelId,
  stacked = false,
  alerts,
  markers,
  useSeries = useUsageSeries,
}: UsageChartPanelProps) {
  const [{ window, refresh, compare }] = useViewParams();
  const [bodyRef, width, measured] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const id = panelId ?? sources[0]?.metric.replace(/^zhmc_/, '').replace(/_/g, '-');
  // On the one-panel embed page, the other panels fetch nothing; the others wait for their width.
  const shown = usePanelShown(id) && measured;
  const all = useSeries(sources, window, refresh, width, enabled && shown);
  const alertBands = useAlertBands(alerts, enabled && shown);
  const own = useMemo(() => {
    if (all.status !== 'success' || (combine === undefined && !hideEmptyLines)) return all;
    const made = combine === undefined ? all.lines : combine(all.lines);
    const lines = hideEmptyLines ? made.filter((line) => line.values.some((v) => v != null)) : made;
    return { ...all, lines, hasData: lines.some((line) => line.values.some((v) => v != null)) };
  }, [all, hideEmptyLines, combine]);
  // "Compare with": the earlier window's lines, dashed, after the chart's own (status charts have no overlay).
  const compared = useCompareLines(
    sources,
    window,
    refresh,
    width,
    compare,
    own.status === 'success' ? own.lines : null,
    enabled && shown && unit !== 'status' && combine === undefined,
  );
  // The HMC's own records where zlens' own data does not reach back to: dotted, over a shaded span.
  const hmcHistory = useHmcHistoryLines(
    sources,
    window,
    width,
    own.status === 'success' ? own.lines : null,
    enabled && shown && unit !== 'status',
  );
  const state = useMemo((): UsageSeriesState => {
    // Without data of its own, the chart is loading until the HMC's records have answered: never "no data" before.
    if (own.status === 'success' && !own.hasData && hmcHistory.pending) return { status: 'pending' };
    const extra = [...hmcHistory.lines, ...compared];
    if (own.status !== 'success' || extra.length === 0) return own;
    // The HMC's records stand in for a metric the CPC's mode has none of (a DPM partition's power).
    const fromHmc = hmcHistory.lines.length > 0;
    return { ...own, lines: [...own.lines, ...extra], hasData: own.hasData || fromHmc, unsupported: fromHmc ? null : own.unsupported };
  }, [own, compared, hmcHistory]);
  const instanceRef = useRef<ECharts | null>(null);
  const [showTable, setShowTable] = useState(false);
  const { t, help, list } = useI18n();
  const [{ theme }] = useViewParams();
  // The catalog's help of each metric drawn, once each (a panel of several lines often has one metric).
  const helpText = [...new Set(sources.map((source) => help(source.metric)))].join(' ');
  const hasData = state.status === 'success' && state.hasData;
  const leftOut = state.status === 'success' ? (state.leftOut ?? []) : [];

  const actions = hasData ? (
    <ChartActions
      title={title}
      lines={state.lines}
      instanceRef={instanceRef}
      showTable={showTable}
      onToggleTable={() => setShowTable((shown) => !shown)}
      background={THEME_TOKENS[theme].layer}
      object={sources[0]?.partition ?? sources[0]?.cpc}
      percent={unit === 'ratio'}
    />
  ) : null;

  return (
    <Panel
      title={title}
      stale={state.status === 'success' && state.stale}
      fetchedAt={state.status === 'success' ? state.fetchedAt : undefined}
      partial={state.status === 'success' && state.partial === true}
      warnings={state.status === 'success' ? state.warnings : undefined}
      level={level}
      actions={actions}
      panelId={id}
      help={helpText}
    >
      {note ? <p className="panel-note">{note}</p> : null}
      {leftOut.length > 0 ? <p className="panel-note">{t('panel.zeroLeftOut', { names: list(leftOut) })}</p> : null}
      <div ref={bodyRef}>
        {showTable && hasData ? (
          <ChartTable title={title} lines={state.lines} format={valueFormatter(unit, chartUnitLabels(t), statusLabels)} />
        ) : (
          <UsageChartBody
            state={state}
            ariaLabel={title}
            height={height}
            group={group}
            unit={unit}
            statusLabels={statusLabels}
            instanceRef={instanceRef}
            stacked={stacked}
            alertBands={alertBands.bands}
            markers={markers}
          />
        )}
        {hasData && !showTable ? <HistoryStartNote lines={state.lines} start={state.start} end={state.end} /> : null}
        {!showTable ? <HmcHistoryNote overlay={hmcHistory} /> : null}
        {hasData && alertBands.periods.length > 0 ? <AlertPeriodsNote periods={alertBands.periods} /> : null}
      </div>
    </Panel>
  );
}
