import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { AlertPeriod, AlertsQuery } from '@zlens/shared';
import type { ECharts } from 'echarts/core';
import { useAlertBands } from '../alerts/use-alert-bands';
import { usePanelShown } from '../embed/panel-context';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { zoomWindow } from '../state/view-params';
import { downloadText, downloadUrl } from './download';
import { EChart } from './EChart';
import { fileName, formatDateTime, seriesStats, toCsv, zoneName, type ValueUnit } from './format';
import { HistoryStartNote } from './HistoryStartNote';
import { HmcHistoryNote } from './HmcHistoryNote';
import { useCompareLines } from './use-compare-lines';
import { Panel, PanelError, PanelLoading, PanelNoData } from './Panel';
import { THEME_TOKENS } from './theme';
import { lineColor, usageChartOption, valueFormatter, type AlertBand, type UnitLabels, type UsageLine, type ValueFormatter } from './usage-chart-option';
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
  /** The panel's address in its view; default: its first metric without the `zhmc_` prefix. */
  panelId?: string;
  /** Lines stacked as areas (parts of one whole). */
  stacked?: boolean;
  /** The object whose alert periods are drawn as bands (its own alerts, not those of objects under it). */
  alerts?: AlertsQuery;
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
  panelId,
  stacked = false,
  alerts,
}: UsageChartPanelProps) {
  const [{ window, refresh, compare }] = useViewParams();
  const [bodyRef, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const id = panelId ?? sources[0]?.metric.replace(/^zhmc_/, '').replace(/_/g, '-');
  // On the one-panel embed page, the other panels fetch nothing.
  const shown = usePanelShown(id);
  const all = useUsageSeries(sources, window, refresh, width, enabled && shown);
  const alertBands = useAlertBands(alerts, enabled && shown);
  const own = useMemo(
    () => (hideEmptyLines && all.status === 'success' ? { ...all, lines: all.lines.filter((line) => line.values.some((v) => v != null)) } : all),
    [all, hideEmptyLines],
  );
  // "Compare with": the earlier window's lines, dashed, after the chart's own (status charts have no overlay).
  const compared = useCompareLines(sources, window, refresh, width, compare, own.status === 'success' ? own.lines : null, enabled && shown && unit !== 'status');
  // The HMC's own records where zlens' own data does not reach back to: dotted, over a shaded span.
  const hmcHistory = useHmcHistoryLines(sources, window, width, own.status === 'success' ? own.lines : null, enabled && shown && unit !== 'status');
  const state = useMemo(() => {
    const extra = [...hmcHistory.lines, ...compared];
    if (own.status !== 'success' || extra.length === 0) return own;
    return { ...own, lines: [...own.lines, ...extra], hasData: own.hasData || hmcHistory.lines.length > 0 };
  }, [own, compared, hmcHistory]);
  const instanceRef = useRef<ECharts | null>(null);
  const [showTable, setShowTable] = useState(false);
  const { t } = useI18n();
  const [{ theme }] = useViewParams();
  const hasData = state.status === 'success' && state.hasData;

  const actions = hasData ? (
    <ChartActions
      title={title}
      lines={state.lines}
      instanceRef={instanceRef}
      showTable={showTable}
      onToggleTable={() => setShowTable((shown) => !shown)}
      background={THEME_TOKENS[theme].layer}
    />
  ) : null;

  return (
    <Panel
      title={title}
      stale={state.status === 'success' && state.stale}
      fetchedAt={state.status === 'success' ? state.fetchedAt : undefined}
      level={level}
      actions={actions}
      panelId={id}
    >
      {note ? <p className="panel-note">{note}</p> : null}
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
          />
        )}
        {hasData && !showTable ? <HistoryStartNote lines={state.lines} start={state.start} end={state.end} /> : null}
        {!showTable ? <HmcHistoryNote overlay={hmcHistory} /> : null}
        {hasData && alertBands.periods.length > 0 ? <AlertPeriodsNote periods={alertBands.periods} /> : null}
      </div>
    </Panel>
  );
}

/** The localised unit words of a chart's values. */
export function chartUnitLabels(t: ReturnType<typeof useI18n>['t']): UnitLabels {
  return {
    bytes: t('unit.bytesPerSecond'),
    packets: t('unit.packetsPerSecond'),
    gauge: { btuPerHour: t('unit.btuPerHour'), mib: t('unit.mib'), gib: t('unit.gib') },
  };
}

/** CSV, PNG and table/chart buttons of a chart panel. */
export function ChartActions({
  title,
  lines,
  instanceRef,
  showTable,
  onToggleTable,
  background,
}: {
  title: string;
  lines: readonly UsageLine[];
  instanceRef: React.RefObject<ECharts | null>;
  showTable: boolean;
  onToggleTable: () => void;
  background: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={t('panel.exportCsvLabel', { title })}
        onClick={() => downloadText(toCsv(t('panel.time'), lines), fileName(title, 'csv'), 'text/csv;charset=utf-8')}
      >
        {t('panel.exportCsv')}
      </button>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={t('panel.exportPngLabel', { title })}
        disabled={showTable}
        onClick={() => {
          const chart = instanceRef.current;
          if (chart) downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }), fileName(title, 'png'));
        }}
      >
        {t('panel.exportPng')}
      </button>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-pressed={showTable}
        aria-label={t('panel.showTableLabel', { title })}
        onClick={onToggleTable}
      >
        {showTable ? t('panel.hideTable') : t('panel.showTable')}
      </button>
    </>
  );
}

/** The table fallback of a chart: one row per time, one column per line, "—" in a gap. */
export function ChartTable({ title, lines, format }: { title: string; lines: readonly UsageLine[]; format: ValueFormatter }) {
  const { t } = useI18n();
  const times = useMemo(() => [...new Set(lines.flatMap((line) => line.timestamps))].sort((a, b) => b - a), [lines]);
  const lookup = useMemo(() => lines.map((line) => new Map(line.timestamps.map((time, i) => [time, line.values[i] ?? null]))), [lines]);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
      <table className="data-table data-table-compact">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel.time')}</th>
            {lines.map((line) => (
              <th key={line.name} scope="col" className="numeric">
                {line.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time) => (
            <tr key={time}>
              <th scope="row">{formatDateTime(time * 1000)}</th>
              {lookup.map((map, i) => (
                <td key={lines[i]?.name ?? i} className="numeric">
                  {format(map.get(time) ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the alert bands on a chart are: each alert's name and when it fired, in words. */
function AlertPeriodsNote({ periods }: { periods: readonly (AlertPeriod & { ongoing: boolean })[] }) {
  const { t } = useI18n();
  const text = (p: AlertPeriod & { ongoing: boolean }): string =>
    p.ongoing
      ? t('alerts.periodOngoing', { name: p.name, from: formatDateTime(p.from * 1000) })
      : t('alerts.period', { name: p.name, from: formatDateTime(p.from * 1000), to: formatDateTime(p.to * 1000) });
  return <p className="panel-note alert-periods">{periods.map(text).join(' · ')}</p>;
}

/** The body of a time chart in each of its states: loading, error with retry, not measured, no data, the chart. */
export function UsageChartBody({
  state,
  ariaLabel,
  height,
  group,
  unit = 'ratio',
  statusLabels,
  instanceRef,
  legend = true,
  zoomable = true,
  stacked = false,
  alertBands,
}: {
  state: UsageSeriesState;
  ariaLabel: string;
  height: number;
  group?: string;
  unit?: ValueUnit;
  statusLabels?: ReadonlyMap<number, string>;
  instanceRef?: React.RefObject<ECharts | null>;
  legend?: boolean;
  zoomable?: boolean;
  stacked?: boolean;
  alertBands?: readonly AlertBand[];
}) {
  const [{ warn, crit, theme, tz, y }, setParams] = useViewParams();
  const { t, mode, metric } = useI18n();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const tokens = THEME_TOKENS[theme];
  const unitLabels = useMemo(() => chartUnitLabels(t), [t]);
  const option = useMemo(
    () =>
      state.status === 'success' && state.hasData
        ? usageChartOption({
            lines: state.lines,
            start: state.start,
            end: state.end,
            unit,
            thresholds: { warn: warn / 100, crit: crit / 100 },
            tokens,
            hidden,
            unitLabels,
            statusLabels,
            zoomable,
            dark: theme === 'dark',
            stacked,
            noDataLabel: t('panel.noData'),
            alertBands,
            zone: tz,
            zoneLabel: t('panel.timeAxis', { zone: zoneName(tz) }),
            yScale: y,
          })
        : null,
    [state, unit, warn, crit, tokens, hidden, unitLabels, statusLabels, zoomable, theme, stacked, t, alertBands, tz, y],
  );
  if (state.status === 'pending') return <PanelLoading height={height} />;
  if (state.status === 'error') return <PanelError error={state.error} onRetry={state.retry} height={height} />;
  if (state.unsupported) {
    const alt = state.unsupported.alternative;
    return (
      <p className="panel-note panel-unsupported" style={{ minHeight: height / 2 }}>
        {alt
          ? t('panel.unsupportedAlt', { mode: mode(state.unsupported.mode), alt: metric(alt) })
          : t('panel.unsupported', { mode: mode(state.unsupported.mode) })}
      </p>
    );
  }
  if (!option) return <PanelNoData hint={t('panel.noSamples')} height={height} />;
  const format = valueFormatter(unit, unitLabels, statusLabels);
  return (
    <>
      <EChart
        option={option}
        ariaLabel={ariaLabel}
        height={height}
        group={group}
        instanceRef={instanceRef}
        onZoom={zoomable ? (fromMs, toMs) => setParams(zoomWindow(fromMs, toMs)) : undefined}
        hint={zoomable ? t('panel.zoomHint') : undefined}
      />
      {legend && unit !== 'status' ? (
        <LegendTable
          dark={theme === 'dark'}
          title={ariaLabel}
          lines={state.lines}
          hidden={hidden}
          format={format}
          onToggle={(name) =>
            setHidden((current) => {
              const next = new Set(current);
              if (!next.delete(name)) next.add(name);
              return next;
            })
          }
        />
      ) : null}
    </>
  );
}

/** The legend: one row per line with min / max / avg / last; the name toggles the line. */
function LegendTable({
  dark,
  title,
  lines,
  hidden,
  format,
  onToggle,
}: {
  dark: boolean;
  title: string;
  lines: readonly UsageLine[];
  hidden: ReadonlySet<string>;
  format: ValueFormatter;
  onToggle: (name: string) => void;
}) {
  const { t } = useI18n();
  const rows = useMemo(() => lines.map((line, index) => ({ line, color: lineColor(line, index, dark), stats: seriesStats(line.values) })), [lines, dark]);
  return (
    <div className={rows.length > 6 ? 'legend legend-scroll' : 'legend'}>
      <table className="legend-table" aria-label={t('legend.label', { title })}>
        <thead>
          <tr>
            <th scope="col">{t('legend.series')}</th>
            <th scope="col" className="numeric">{t('legend.min')}</th>
            <th scope="col" className="numeric">{t('legend.max')}</th>
            <th scope="col" className="numeric">{t('legend.avg')}</th>
            <th scope="col" className="numeric">{t('legend.last')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ line, color, stats }) => {
            const off = hidden.has(line.name);
            return (
              <tr key={line.name} className={off ? 'legend-off' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="legend-toggle"
                    aria-pressed={!off}
                    title={t('legend.toggle', { name: line.name })}
                    onClick={() => onToggle(line.name)}
                  >
                    <span className="legend-swatch" style={{ background: off ? 'transparent' : color, borderColor: color }} aria-hidden="true" />
                    {line.name}
                  </button>
                </th>
                <td className="numeric">{format(stats.min)}</td>
                <td className="numeric">{format(stats.max)}</td>
                <td className="numeric">{format(stats.avg)}</td>
                <td className="numeric">{format(stats.last)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
