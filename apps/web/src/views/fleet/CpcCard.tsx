import { useMemo } from 'react';
import { CATALOG, metricAppliesTo, type CpcSummary, type MetricId } from '@zlens/shared';
import { formatMachine, formatPercent, lastValue } from '../../components/format';
import { ForecastVerdictLine } from '../../capacity/ForecastPanel';
import { Panel } from '../../components/Panel';
import { Sparkline } from '../../components/Sparkline';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { UsageChartBody } from '../../components/UsageChartBody';
import { useElementWidth } from '../../components/use-element-width';
import { useUsageSeries, type UsageSeriesState, type UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/translate';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import type { TimeWindow } from '../../state/view-params';
import './fleet.css';

/** DPM CPCs: processor, network and storage adapter usage; classic CPCs: processor and channel usage. */
const CPC_USAGE_METRICS: readonly { metric: MetricId; short: MessageKey }[] = [
  { metric: 'zhmc_cpc_processor_usage_ratio', short: 'fleet.processor' },
  { metric: 'zhmc_cpc_network_adapter_usage_ratio', short: 'fleet.network' },
  { metric: 'zhmc_cpc_storage_adapter_usage_ratio', short: 'fleet.storage' },
  { metric: 'zhmc_cpc_channel_usage_ratio', short: 'fleet.channel' },
];

/** A card is about 440 px wide at 1440 px; until measured, ask for that many points. */
const FALLBACK_WIDTH = 440;
/**
 * The "current" figures are the latest sample, whatever range the view shows: read from the last
 * 15 minutes at the finest step (15 s), not from the range's last point: a long range has a
 * coarse step and ends at the last whole step, up to one step (minutes) ago, so the same moment
 * read 23 % at 1 h and 21 % at 24 h.
 * One query per metric shared by every card's range, so it costs a few small queries per refresh.
 */
export const LATEST_WINDOW: TimeWindow = { kind: 'relative', range: '15m' };
export const LATEST_POINTS = 60;

/** What a card shows: with the mode unknown, the DPM set (the data will say). */
export function cardMetrics(mode: CpcSummary['mode']): typeof CPC_USAGE_METRICS {
  return CPC_USAGE_METRICS.filter(({ metric }) =>
    mode === null ? metric !== 'zhmc_cpc_channel_usage_ratio' : metricAppliesTo(CATALOG[metric], mode),
  );
}

export function CpcCard({ cpc }: { cpc: CpcSummary }) {
  const [{ window, refresh }] = useViewParams();
  const { t, metric: metricTitle, mode } = useI18n();
  const metrics = cardMetrics(cpc.mode);
  const sources = useMemo<UsageSource[]>(
    () => metrics.map(({ metric, short }) => ({ metric, cpc: cpc.name, name: t(short), color: metricColor(metric) })),
    [metrics, cpc.name, t],
  );
  const [chartRef, width, measured] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const state = useUsageSeries(sources, window, refresh, width, measured);
  const latest = useUsageSeries(sources, LATEST_WINDOW, refresh, LATEST_POINTS);

  return (
    <Panel
      className="cpc-card"
      panelId={`cpc-${encodeURIComponent(cpc.name)}`}
      title={<AppLink to={cpcPath(cpc.name)}>{cpc.name}</AppLink>}
      stale={state.status === 'success' && state.stale}
      actions={<StatusTag status={cpc.status} notExported={cpc.statusNotExported === true} />}
    >
      <p className="cpc-card-meta">
        <span>{mode(cpc.mode)}</span>
        <span aria-hidden="true">·</span>
        <span>{t('fleet.machine', { machine: formatMachine(cpc.machineType, cpc.machineModel) })}</span>
        <span aria-hidden="true">·</span>
        <span>{t('fleet.partitionCount', { n: cpc.partitions.length })}</span>
      </p>
      <dl className="usage-figures">
        {metrics.map(({ metric, short }) => (
          <CurrentUsage
            key={metric}
            label={t(short)}
            title={metricTitle(metric)}
            color={metricColor(metric)}
            state={state}
            latest={latest}
          />
        ))}
      </dl>
      <ForecastVerdictLine cpc={cpc.name} />
      {cpc.mode === 'classic' ? <p className="panel-note card-note">{t('fleet.classicNote')}</p> : null}
      <div ref={chartRef}>
        <UsageChartBody
          state={state}
          ariaLabel={t('fleet.cardChart', { cpc: cpc.name })}
          height={130}
          legend={false}
          zoomable={false}
          group="fleet"
        />
      </div>
    </Panel>
  );
}

function CurrentUsage({
  label,
  title,
  color,
  state,
  latest,
}: {
  label: string;
  title: string;
  color: string;
  /** The selected range: the sparkline. */
  state: UsageSeriesState;
  /** The last 15 minutes: the figure, the latest sample. */
  latest: UsageSeriesState;
}) {
  const { t } = useI18n();
  let value: number | null = null;
  let hint = '';
  if (latest.status === 'pending') hint = t('hint.loading');
  else if (latest.status === 'error') hint = t('hint.unavailable');
  else {
    const line = latest.lines.find((candidate) => candidate.name === label);
    value = line ? lastValue(line.values) : null;
    if (value === null) hint = t('hint.noData');
  }
  const values = state.status === 'success' ? (state.lines.find((candidate) => candidate.name === label)?.values ?? []) : [];
  return (
    <div className="usage-figure" title={`${title} (${t('fleet.currentHint')})`} style={{ borderLeftColor: color }}>
      <dt>{label}</dt>
      <dd>
        <span className="usage-value">{formatPercent(value)}</span>
        {hint ? <span className="usage-hint">{hint}</span> : null}
        {values.length > 0 ? <Sparkline values={values} color={color} width={96} height={20} /> : null}
      </dd>
    </div>
  );
}
