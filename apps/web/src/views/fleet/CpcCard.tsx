import { useMemo } from 'react';
import { CATALOG, type CpcSummary, type MetricId } from '@zlens/shared';
import { formatMachine, formatMode, formatPercent, lastValue } from '../../components/format';
import { Panel } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { UsageChartBody } from '../../components/UsageChartPanel';
import { useElementWidth } from '../../components/use-element-width';
import { useUsageSeries, type UsageSeriesState, type UsageSource } from '../../components/use-usage-series';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath } from '../../navigation/paths';
import type { RangeKey, RefreshKey } from '../../state/view-params';

const CPC_USAGE_METRICS: readonly { metric: MetricId; short: string }[] = [
  { metric: 'zhmc_cpc_processor_usage_ratio', short: 'Processor' },
  { metric: 'zhmc_cpc_network_adapter_usage_ratio', short: 'Network' },
  { metric: 'zhmc_cpc_storage_adapter_usage_ratio', short: 'Storage' },
];

/** A card is about 440 px wide at 1440 px; until measured, ask for that many points. */
const FALLBACK_WIDTH = 440;

function applies(metric: MetricId, mode: CpcSummary['mode']): boolean {
  // With the mode unknown, ask anyway: the data will say.
  return mode === null || CATALOG[metric].modes.includes(mode);
}

export function CpcCard({ cpc, range, refresh }: { cpc: CpcSummary; range: RangeKey; refresh: RefreshKey }) {
  const sources = useMemo<UsageSource[]>(
    () =>
      CPC_USAGE_METRICS.filter(({ metric }) => applies(metric, cpc.mode)).map(({ metric, short }) => ({
        metric,
        cpc: cpc.name,
        name: short,
        color: metricColor(metric),
      })),
    [cpc.name, cpc.mode],
  );
  const [chartRef, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const state = useUsageSeries(sources, range, refresh, width);

  return (
    <Panel
      className="cpc-card"
      title={<AppLink to={cpcPath(cpc.name)}>{cpc.name}</AppLink>}
      stale={state.status === 'success' && state.stale}
      actions={<StatusTag status={cpc.status} />}
    >
      <p className="cpc-card-meta">
        <span>{formatMode(cpc.mode)}</span>
        <span aria-hidden="true">·</span>
        <span>Machine {formatMachine(cpc.machineType, cpc.machineModel)}</span>
        <span aria-hidden="true">·</span>
        <span>
          {cpc.partitions.length} {cpc.partitions.length === 1 ? 'partition' : 'partitions'}
        </span>
      </p>
      <dl className="usage-figures">
        {CPC_USAGE_METRICS.map(({ metric, short }) => (
          <CurrentUsage
            key={metric}
            label={short}
            title={CATALOG[metric].title.en}
            color={metricColor(metric)}
            state={state}
            applicable={applies(metric, cpc.mode)}
          />
        ))}
      </dl>
      <div ref={chartRef}>
        <UsageChartBody state={state} ariaLabel={`${cpc.name}: processor, network and storage usage`} height={150} />
      </div>
    </Panel>
  );
}

function CurrentUsage({
  label,
  title,
  color,
  state,
  applicable,
}: {
  label: string;
  title: string;
  color: string;
  state: UsageSeriesState;
  applicable: boolean;
}) {
  let value: number | null = null;
  let hint = '';
  if (!applicable) hint = 'not measured in classic mode';
  else if (state.status === 'pending') hint = 'loading';
  else if (state.status === 'error') hint = 'unavailable';
  else {
    const line = state.lines.find((candidate) => candidate.name === label);
    value = line ? lastValue(line.values) : null;
    if (value === null) hint = 'no data';
  }
  return (
    <div className="usage-figure" title={title} style={{ borderLeftColor: color }}>
      <dt>{label}</dt>
      <dd>
        <span className="usage-value">{formatPercent(value)}</span>
        {hint ? <span className="usage-hint">{hint}</span> : null}
      </dd>
    </div>
  );
}
