import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CATALOG, type MetricId } from '@zlens/shared';
import { AlertsPanel } from '../../alerts/AlertsPanel';
import { OsMessagesPanel } from '../../hmc-messages/HmcMessagesPanels';
import { inventoryQuery } from '../../api/queries';
import { NotFound } from '../../components/NotFound';
import { CpcNotFound } from '../../components/CpcNotFound';
import { PanelError, StaleBadge } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import { ForecastPanel } from '../../capacity/ForecastPanel';
import { MarkersToggle } from '../../capacity/MarkersToggle';
import { useChartMarkers } from '../../capacity/use-chart-markers';
import type { ChartMarker } from '../../components/usage-chart-option';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';
import { statusLabel } from '../../i18n/translate';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import { PartitionAdapters } from './PartitionAdapters';
import { PartitionChannels } from './PartitionChannels';
import { PartitionPhysical } from './PartitionPhysical';
import { PartitionProcessorTypes } from './PartitionProcessorTypes';
import { PartitionProperties } from './PartitionProperties';

/** Partition usage metric → the same usage of the whole CPC, charted against it. */
const DPM_PAIRS: readonly [MetricId, MetricId][] = [
  ['zhmc_partition_processor_usage_ratio', 'zhmc_cpc_processor_usage_ratio'],
  ['zhmc_partition_network_adapter_usage_ratio', 'zhmc_cpc_network_adapter_usage_ratio'],
  ['zhmc_partition_storage_adapter_usage_ratio', 'zhmc_cpc_storage_adapter_usage_ratio'],
];
const CLASSIC_PAIRS: readonly [MetricId, MetricId][] = [['zhmc_partition_processor_usage_ratio', 'zhmc_cpc_processor_usage_ratio']];

/** `/cpcs/:cpc/partitions/:partition`: the LPAR drill-down. */
export default function PartitionView() {
  const { cpc: cpcName = '', partition: partitionName = '' } = useParams();
  const [{ refresh }] = useViewParams();
  const { t, lang, metric: metricTitle } = useI18n();
  const inventory = useQuery(inventoryQuery(refresh));
  const cpc = inventory.data?.cpcs.find((candidate) => candidate.name === cpcName);
  const partition = cpc?.partitions.find((candidate) => candidate.name === partitionName);
  const known = inventory.data !== undefined || inventory.isError;
  const classic = cpc?.mode === 'classic';
  const group = `partition:${cpcName}/${partitionName}`;
  const markers = useChartMarkers({ cpc: cpcName, partition: partitionName, mode: cpc?.mode ?? null }, partition !== undefined);

  const statusMetric: MetricId = classic ? 'zhmc_partition_lpar_status_int' : 'zhmc_partition_status_int';
  const statusLabels = useMemo(() => {
    const m = CATALOG[statusMetric];
    const codes = m.unit === 'status' ? m.statusCodes : {};
    return new Map(Object.entries(codes).map(([status, code]) => [code, statusLabel(lang, status)]));
  }, [statusMetric, lang]);
  const statusSources = useMemo<UsageSource[]>(
    () => [{ metric: statusMetric, cpc: cpcName, partition: partitionName, name: metricTitle(statusMetric) }],
    [statusMetric, cpcName, partitionName, metricTitle],
  );
  const channelSources = useMemo<UsageSource[]>(
    () => [{ metric: 'zhmc_channel_usage_ratio', cpc: cpcName, partition: partitionName, name: metricTitle('zhmc_channel_usage_ratio') }],
    [cpcName, partitionName, metricTitle],
  );
  const nicSources = useMemo<UsageSource[]>(
    () =>
      (['zhmc_nic_bytes_sent_count_total', 'zhmc_nic_bytes_received_count_total'] as const).map((metric) => ({
        metric,
        cpc: cpcName,
        partition: partitionName,
        name: metricTitle(metric),
      })),
    [cpcName, partitionName, metricTitle],
  );

  if (inventory.data && !cpc) {
    return <CpcNotFound name={cpcName} />;
  }
  if (inventory.data && !partition) {
    return (
      <NotFound
        title={t('partition.notFound')}
        message={t('partition.notFoundMessage', { cpc: cpcName, name: partitionName })}
        backTo={cpcPath(cpcName)}
        backLabel={t('nav.backTo', { name: cpcName })}
      />
    );
  }

  return (
    <div className="view">
      <title>{`${partitionName} · ${cpcName} · zlens`}</title>
      <div className="view-heading">
        <h1>{partitionName}</h1>
        {partition ? <StatusTag status={partition.status} notExported={partition.statusNotExported === true} /> : null}
        {partition?.noRecentData ? <span className="tag tag-neutral">{t('partition.noRecentDataTag')}</span> : null}
        <span className="view-subtitle">
          <AppLink to={cpcPath(cpcName)}>{cpcName}</AppLink>
        </span>
        {inventory.data?.stale ? <StaleBadge /> : null}
        {partition ? <MarkersToggle /> : null}
      </div>
      {inventory.isError ? <PanelError error={inventory.error} onRetry={() => void inventory.refetch()} /> : null}
      {partition?.noSeries ? <p className="panel-note">{t('partition.noSeries')}</p> : null}
      {partition?.noRecentData ? <p className="panel-note">{t('partition.noRecentData')}</p> : null}
      {partition ? <AlertsPanel filter={{ cpc: cpcName, partition: partitionName }} objectName={partitionName} /> : null}
      {partition && cpc ? <PartitionProperties cpc={cpc} partition={partition} /> : null}
      <div className="chart-grid">
        {(classic ? CLASSIC_PAIRS : DPM_PAIRS).map(([own, whole]) => (
          <VsCpcPanel
            key={own}
            metric={own}
            cpcMetric={whole}
            cpc={cpcName}
            partition={partitionName}
            known={known}
            group={group}
            markers={markers}
          />
        ))}
        {classic ? (
          <UsageChartPanel
            title={metricTitle('zhmc_channel_usage_ratio')}
            sources={channelSources}
            enabled={known}
            group={group}
            note={t('cpc.channelNote')}
          />
        ) : null}
        {classic ? <PartitionProcessorTypes cpc={cpcName} partition={partitionName} enabled={known} group={group} /> : null}
      </div>
      <div className="chart-grid chart-grid-2">
        <UsageChartPanel
          title={t('partition.statusOverTime')}
          panelId="status"
          sources={statusSources}
          enabled={known}
          group={group}
          unit="status"
          statusLabels={statusLabels}
          height={160}
          alerts={{ cpc: cpcName, partition: partitionName }}
          note={partition?.statusNotExported ? t('status.notExportedHint') : undefined}
          markers={markers}
        />
        {!classic && cpc ? (
          <UsageChartPanel
            title={t('partition.nicTraffic')}
            panelId="nic-traffic"
            sources={nicSources}
            enabled={known}
            group={group}
            unit="bytes-per-second"
            height={160}
          />
        ) : null}
      </div>
      {partition ? <ForecastPanel cpc={cpcName} partition={partitionName} /> : null}
      {cpc && classic ? <PartitionChannels cpc={cpc.name} partition={partitionName} /> : null}
      {cpc?.mode ? <PartitionPhysical cpc={cpc.name} partition={partitionName} mode={cpc.mode} known={known} group={group} /> : null}
      {cpc && !classic ? <PartitionAdapters cpc={cpc} partition={partitionName} /> : null}
      {partition ? <OsMessagesPanel cpc={cpcName} partition={partitionName} /> : null}
    </div>
  );
}

function VsCpcPanel({
  metric,
  cpcMetric,
  cpc,
  partition,
  known,
  group,
  markers,
}: {
  metric: MetricId;
  cpcMetric: MetricId;
  cpc: string;
  partition: string;
  known: boolean;
  group: string;
  markers: readonly ChartMarker[];
}) {
  const { t, metric: metricTitle } = useI18n();
  const sources = useMemo<UsageSource[]>(
    () => [
      { metric, cpc, partition, name: t('partition.thisPartition'), color: metricColor(metric) },
      { metric: cpcMetric, cpc, name: t('partition.wholeCpc', { cpc }), color: '#8d8d8d' },
    ],
    [metric, cpcMetric, cpc, partition, t],
  );
  return (
    <UsageChartPanel
      title={t('partition.vsCpc', { title: metricTitle(metric) })}
      sources={sources}
      enabled={known}
      group={group}
      alerts={{ cpc, partition }}
      markers={markers}
    />
  );
}
