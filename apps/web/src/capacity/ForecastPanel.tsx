// "Processor usage trend and forecast" of a CPC or partition: the verdict, the method in words,
// and the chart of daily peaks, trend and band (GET /api/v1/forecast).
import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ECharts } from 'echarts/core';
import { ChartActions } from '../components/ChartActions';
import { ChartTable } from '../components/ChartTable';
import { EChart } from '../components/EChart';
import { formatPercent, zoneName } from '../components/format';
import { Panel, PanelError, PanelLoading } from '../components/Panel';
import { THEME_TOKENS, metricColor, themedColor, SERIES_COLORS } from '../components/theme';
import type { UsageLine } from '../components/usage-chart-option';
import { usePanelShown } from '../embed/panel-context';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { FORECAST_HORIZON_DAYS, forecastHistory, forecastQuery } from './capacity-queries';
import { forecastOption } from './forecast-option';
import { forecastVerdict } from './forecast-words';
import './capacity-panels.css';

const PANEL_ID = 'forecast';

export function ForecastPanel({ cpc, partition }: { cpc: string; partition?: string }) {
  const [{ window, theme, tz }] = useViewParams();
  const { t } = useI18n();
  const shown = usePanelShown(PANEL_ID);
  const query = useQuery({ ...forecastQuery({ cpc, window, ...(partition === undefined ? {} : { partition }) }), enabled: shown });
  const instanceRef = useRef<ECharts | null>(null);
  const [showTable, setShowTable] = useState(false);
  const tokens = THEME_TOKENS[theme];
  const dark = theme === 'dark';
  const title = t('forecast.title');
  const data = query.data;
  const option = useMemo(
    () =>
      data?.forecast
        ? forecastOption(
            data,
            {
              peaks: t('forecast.peaks'),
              trend: t('forecast.trend'),
              low: t('forecast.low'),
              high: t('forecast.high'),
              zoneLabel: t('panel.timeAxis', { zone: zoneName(tz) }),
            },
            tokens,
            { peak: themedColor(metricColor('zhmc_cpc_processor_usage_ratio'), dark), trend: themedColor(SERIES_COLORS[1], dark) },
            tz,
          )
        : null,
    [data, t, tokens, dark, tz],
  );
  // CSV: the peaks, and the trend with its band ahead.
  const lines = useMemo<UsageLine[]>(() => {
    if (!data) return [];
    const out: UsageLine[] = [
      { name: t('forecast.peaks'), timestamps: data.peaks.map((p) => p.time), values: data.peaks.map((p) => p.peak) },
    ];
    const points = data.forecast?.points ?? [];
    if (points.length > 0) {
      const times = points.map((p) => p.time);
      out.push({ name: t('forecast.trend'), timestamps: times, values: points.map((p) => p.trend) });
      out.push({ name: t('forecast.low'), timestamps: times, values: points.map((p) => p.low) });
      out.push({ name: t('forecast.high'), timestamps: times, values: points.map((p) => p.high) });
    }
    return out;
  }, [data, t]);
  const history = forecastHistory(window);
  const verdict = data ? forecastVerdict(data, t) : null;
  let body;
  if (query.isPending) body = <PanelLoading height={200} />;
  else if (query.isError) body = <PanelError error={query.error} onRetry={() => void query.refetch()} height={200} />;
  else if (option && showTable) body = <ChartTable title={title} lines={lines} format={(v) => formatPercent(v)} />;
  else if (option) body = <EChart option={option} ariaLabel={`${title}: ${verdict?.text ?? ''}`} height={220} instanceRef={instanceRef} />;
  return (
    <Panel
      title={title}
      panelId={PANEL_ID}
      className="panel-fit"
      stale={data?.stale ?? false}
      fetchedAt={data?.fetchedAt}
      actions={
        option ? (
          <ChartActions
            title={title}
            lines={lines}
            instanceRef={instanceRef}
            showTable={showTable}
            onToggleTable={() => setShowTable((current) => !current)}
            background={tokens.layer}
          />
        ) : null
      }
    >
      {verdict ? <p className={verdict.alert ? 'forecast-summary forecast-summary-alert' : 'forecast-summary'}>{verdict.text}</p> : null}
      <p className="panel-note">
        {t('forecast.help', {
          history: history.own ? t('forecast.historyOwn') : t('forecast.history30'),
          n: FORECAST_HORIZON_DAYS,
          pct: formatPercent(data?.threshold ?? null, 0),
        })}
      </p>
      {body}
    </Panel>
  );
}

/** The verdict alone (the CPC card on the fleet view). */
export function ForecastVerdictLine({ cpc }: { cpc: string }) {
  const [{ window }] = useViewParams();
  const { t } = useI18n();
  const query = useQuery(forecastQuery({ cpc, window }));
  if (!query.data) return null;
  const verdict = forecastVerdict(query.data, t);
  return <p className={verdict.alert ? 'forecast-summary forecast-summary-alert' : 'forecast-summary'}>{verdict.text}</p>;
}
