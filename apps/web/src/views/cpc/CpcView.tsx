import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  CATALOG,
  METRIC_IDS,
  metricAppliesTo,
  type CpcSummary,
  type MetricId,
  type ProcessorType,
  type ProcessorsByMode,
} from '@zlens/shared';
import { AlertsPanel } from '../../alerts/AlertsPanel';
import { ForecastPanel } from '../../capacity/ForecastPanel';
import { MarkersToggle } from '../../capacity/MarkersToggle';
import { PartitionCompare } from '../../capacity/PartitionCompare';
import { StackedPartitionsPanel } from '../../capacity/StackedPartitionsPanel';
import { useChartMarkers } from '../../capacity/use-chart-markers';
import { HardwareMessagesPanel } from '../../hmc-messages/HmcMessagesPanels';
import { cpcDetailQuery, inventoryQuery } from '../../api/queries';
import { NO_VALUE, formatMachine, formatMiB } from '../../components/format';
import { sizeUnits } from '../../components/chart-unit-labels';
import { ExportedProperties, PropertiesSource } from '../../components/ExportedProperties';
import { HeatmapPanel } from '../../components/HeatmapPanel';
import { TopAdaptersPanel } from '../../components/TopAdaptersPanel';
import { CpcNotFound } from '../../components/CpcNotFound';
import { PanelError, StaleBadge } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { ChartMarker } from '../../components/usage-chart-option';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { energyPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import { AdaptersTable } from './AdaptersTable';
import { ChannelsTable } from './ChannelsTable';
import { PartitionTable } from './PartitionTable';
import { TopPartitions } from './TopPartitions';

const DPM_USAGE: readonly MetricId[] = [
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
];
const CLASSIC_USAGE: readonly MetricId[] = ['zhmc_cpc_processor_usage_ratio', 'zhmc_cpc_channel_usage_ratio'];

/**
 * The processor-type breakdown for a mode: shared and dedicated per type where the mode reports
 * them; a type's total only where it has no dedicated figure (DPM reports CP/IFL and their shared part).
 */
export function breakdownMetrics(mode: CpcSummary['mode'], processors?: Partial<Record<ProcessorType, number | null>>): MetricId[] {
  const applicable = METRIC_IDS.filter((id) => {
    const m = CATALOG[id];
    if (m.scope !== 'cpc' || m.unit !== 'ratio' || m.processorType === undefined || !metricAppliesTo(m, mode)) return false;
    // A type the CPC has none of (IFL only on a LinuxONE) has nothing to show.
    return processors?.[m.processorType] !== 0;
  });
  return applicable.filter((id) => {
    const m = CATALOG[id];
    if (m.unit !== 'ratio' || m.sharing !== undefined) return true;
    return !applicable.some((other) => {
      const o = CATALOG[other];
      return o.unit === 'ratio' && o.processorType === m.processorType && o.sharing === 'dedicated';
    });
  });
}

/** What the breakdown draws: each metric, and whether a line that is zero throughout is left out. */
export interface BreakdownPlan {
  drawn: { metric: MetricId; hideWhenZero: boolean }[];
  /** Shared or dedicated parts of a type with no processors in that mode: not drawn. */
  noProcessors: MetricId[];
}

/**
 * Splits the breakdown by the processors each mode has (a classic CPC's LPARs): a shared or
 * dedicated part with none is not drawn; one whose count is unknown is drawn unless it is zero
 * over the whole range.
 */
export function planBreakdown(metrics: readonly MetricId[], byMode: ProcessorsByMode | undefined): BreakdownPlan {
  const plan: BreakdownPlan = { drawn: [], noProcessors: [] };
  for (const metric of metrics) {
    const m = CATALOG[metric];
    const sharing = m.unit === 'ratio' ? m.sharing : undefined;
    const type = m.unit === 'ratio' ? m.processorType : undefined;
    const count = sharing === undefined || type === undefined ? undefined : (byMode?.[sharing][type] ?? null);
    if (count === 0) plan.noProcessors.push(metric);
    else plan.drawn.push({ metric, hideWhenZero: count === null });
  }
  return plan;
}

/** `/cpcs/:cpc`: usage over time, processor types, top partitions, heatmap, partitions and adapters. */
export default function CpcView() {
  const { cpc: cpcName = '' } = useParams();
  const [{ refresh }] = useViewParams();
  const { t, mode } = useI18n();
  const inventory = useQuery(inventoryQuery(refresh));
  const cpc = inventory.data?.cpcs.find((candidate) => candidate.name === cpcName);
  const known = inventory.data !== undefined || inventory.isError;
  const cpcMode = cpc?.mode ?? null;
  const group = `cpc:${cpcName}`;

  const usageMetrics = cpcMode === 'classic' ? CLASSIC_USAGE : DPM_USAGE;
  const markers = useChartMarkers({ cpc: cpcName, mode: cpcMode }, cpc !== undefined);

  if (inventory.data && !cpc) {
    return <CpcNotFound name={cpcName} />;
  }

  return (
    <div className="view">
      <title>{`${cpcName} · ${t('cpc.kind')} · zlens`}</title>
      <div className="view-heading">
        <h1>{cpcName}</h1>
        {cpc ? <StatusTag status={cpc.status} notExported={cpc.statusNotExported === true} /> : null}
        {cpc ? (
          <span className="view-subtitle">
            {mode(cpc.mode)} · {t('fleet.machine', { machine: formatMachine(cpc.machineType, cpc.machineModel) })}
          </span>
        ) : null}
        {inventory.data?.stale ? <StaleBadge /> : null}
        {cpc ? <AppLink to={energyPath(cpc.name)}>{t('energy.link')}</AppLink> : null}
        {cpc ? <MarkersToggle /> : null}
      </div>
      {inventory.isError ? <PanelError error={inventory.error} onRetry={() => void inventory.refetch()} /> : null}
      {cpc ? <AlertsPanel filter={{ cpc: cpcName }} objectName={cpcName} /> : null}
      {cpc ? <CpcProperties cpc={cpcName} /> : null}
      <div className="chart-grid">
        {usageMetrics.map((metric) => (
          <CpcUsagePanel
            key={metric}
            metric={metric}
            cpc={cpcName}
            known={known}
            group={group}
            classic={cpcMode === 'classic'}
            markers={markers}
          />
        ))}
      </div>
      {cpc ? (
        <div className="chart-grid chart-grid-2">
          <BreakdownPanel cpc={cpc.name} mode={cpc.mode} group={group} markers={markers} />
          <TopPartitions cpc={cpc.name} partitions={cpc.partitions} />
        </div>
      ) : null}
      {cpc ? (
        <div className="chart-grid chart-grid-2">
          <StackedPartitionsPanel cpc={cpc.name} group={group} markers={markers} />
          <ForecastPanel cpc={cpc.name} />
        </div>
      ) : null}
      {cpc ? <HeatmapPanel title={t('cpc.heatmap')} metric="zhmc_partition_processor_usage_ratio" cpc={cpc.name} /> : null}
      {cpc ? <PartitionCompare cpc={cpc} group={group} /> : null}
      {cpc ? <HardwareMessagesPanel cpc={cpc.name} /> : null}
      {cpc?.mode === 'classic' ? <ChannelsTable cpc={cpc.name} /> : null}
      {cpc ? <TopAdaptersPanel cpc={cpc.name} /> : null}
      {cpc ? <AdaptersTable cpc={cpc} /> : null}
      {cpc ? <PartitionTable cpc={cpc.name} partitions={cpc.partitions} refresh={refresh} /> : null}
    </div>
  );
}

function BreakdownPanel({
  cpc,
  mode,
  group,
  markers,
}: {
  cpc: string;
  mode: CpcSummary['mode'];
  group: string;
  markers: readonly ChartMarker[];
}) {
  const { t, list, metric: metricTitle } = useI18n();
  const [{ refresh }] = useViewParams();
  const detail = useQuery(cpcDetailQuery(cpc, refresh));
  const processors = detail.data?.processors;
  const counts = useMemo(
    () =>
      processors
        ? { cp: processors.cp ?? null, ifl: processors.ifl ?? null, iip: processors.iip ?? null, icf: processors.icf ?? null }
        : undefined,
    [processors],
  );
  const plan = useMemo(() => planBreakdown(breakdownMetrics(mode, counts), detail.data?.processorsByMode), [mode, counts, detail.data]);
  const sources = useMemo<UsageSource[]>(
    () => plan.drawn.map(({ metric, hideWhenZero }) => ({ metric, cpc, name: metricTitle(metric), hideWhenZero })),
    [plan, cpc, metricTitle],
  );
  const note =
    plan.noProcessors.length > 0 ? t('cpc.breakdownNoProcessors', { names: list(plan.noProcessors.map(metricTitle)) }) : undefined;
  // Waits for the detail (or its failure), so the chart does not first query types the CPC lacks.
  return (
    <UsageChartPanel
      title={t('cpc.breakdown')}
      sources={sources}
      group={group}
      enabled={!detail.isPending}
      hideEmptyLines
      note={note}
      panelId="processor-types"
      markers={markers}
    />
  );
}

function CpcUsagePanel({
  metric,
  cpc,
  known,
  group,
  classic,
  markers,
}: {
  metric: MetricId;
  cpc: string;
  known: boolean;
  group: string;
  classic: boolean;
  markers: readonly ChartMarker[];
}) {
  const { t, metric: metricTitle } = useI18n();
  const title = metricTitle(metric);
  const sources = useMemo<UsageSource[]>(() => [{ metric, cpc, name: title, color: metricColor(metric) }], [metric, cpc, title]);
  const note = classic && metric === 'zhmc_cpc_channel_usage_ratio' ? t('cpc.channelNote') : undefined;
  return <UsageChartPanel title={title} sources={sources} enabled={known} group={group} note={note} alerts={{ cpc }} markers={markers} />;
}

/** Processors by type, memory and SE version from the CPC detail endpoint, their source, and every resource metric the exporter exports. */
function CpcProperties({ cpc }: { cpc: string }) {
  const [{ refresh }] = useViewParams();
  const { t } = useI18n();
  const detail = useQuery(cpcDetailQuery(cpc, refresh));
  if (detail.isPending) return null;
  if (detail.isError) return <PanelError error={detail.error} onRetry={() => void detail.refetch()} />;
  const p = detail.data.processors;
  const processors = (
    [
      ['CP', p.cp],
      ['IFL', p.ifl],
      ['zIIP', p.iip],
      ['ICF', p.icf],
      ['SAP', p.sap],
    ] as const
  )
    .filter(([, count]) => count != null && count > 0)
    .map(([name, count]) => `${count} ${name}`)
    .join(' · ');
  return (
    <>
      <dl className="properties" aria-label={t('cpc.kind')}>
        <div>
          <dt>{t('cpc.processors')}</dt>
          <dd>{processors || NO_VALUE}</dd>
        </div>
        <div>
          <dt>{t('cpc.memory')}</dt>
          <dd>{formatMiB(detail.data.memoryMiB, sizeUnits(t))}</dd>
        </div>
        <div>
          <dt>{t('cpc.seVersion')}</dt>
          <dd>{detail.data.seVersion ?? NO_VALUE}</dd>
        </div>
        <PropertiesSource source={detail.data.propertiesSource} />
      </dl>
      <ExportedProperties exported={detail.data.exported} />
    </>
  );
}
