import { useMemo, useState } from 'react';
import type { ECharts } from 'echarts/core';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { zoomWindow } from '../state/view-params';
import { chartUnitLabels } from './chart-unit-labels';
import { EChart } from './EChart';
import { zoneName, type ValueUnit } from './format';
import { LegendTable } from './LegendTable';
import { PanelError, PanelLoading, PanelNoData } from './Panel';
import { THEME_TOKENS } from './theme';
import { usageChartOption, valueFormatter, type AlertBand, type ChartMarker } from './usage-chart-option';
import type { UsageSeriesState } from './use-usage-series';
import './usage-chart.css';

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
  markers,
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
  /** Events on the chart's object (status changes, HMC messages). */
  markers?: readonly ChartMarker[];
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
            ...(markers === undefined ? {} : { markers }),
          })
        : null,
    [state, unit, warn, crit, tokens, hidden, unitLabels, statusLabels, zoomable, theme, stacked, t, alertBands, tz, y, markers],
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
