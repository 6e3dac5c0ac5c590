import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AdapterSummary, MetricId } from '@zlens/shared';
import { adapterDetailQuery } from '../../api/queries';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';
import { useViewParams } from '../../state/use-view-params';

const NIC_BYTES: readonly MetricId[] = ['zhmc_nic_bytes_sent_count_total', 'zhmc_nic_bytes_received_count_total'];
const STORAGE = 'zhmc_partition_storage_adapter_usage_ratio';

/**
 * How each partition uses the card over time: a network adapter's NIC traffic stacked by partition
 * (DPM `zhmc_nic_*` of this adapter); an FCP adapter's users through storage groups, each with its
 * storage-adapter usage (the exporter has no per-adapter split of a partition's storage I/O).
 */
export function AdapterPartitionUsage({
  cpc,
  adapter,
  known,
  group,
}: {
  cpc: string;
  adapter: AdapterSummary;
  known: boolean;
  group: string;
}) {
  const { t, metric: metricTitle } = useI18n();
  const [{ refresh }] = useViewParams();
  const network = adapter.family == null || adapter.family === 'network';
  const storage = adapter.family === 'storage';
  const detail = useQuery({ ...adapterDetailQuery(cpc, adapter.name, refresh), enabled: storage });
  const nicSources = useMemo(
    () => NIC_BYTES.map((metric): UsageSource[] => [{ metric, cpc, adapter: adapter.name, name: metricTitle(metric), byPartition: true }]),
    [cpc, adapter.name, metricTitle],
  );
  const users = useMemo(
    () => [...new Set((detail.data?.partitions ?? []).filter((p) => p.via === 'storage-group').map((p) => p.partition))].sort(),
    [detail.data],
  );
  const storageSources = useMemo<UsageSource[]>(
    () => users.map((partition) => ({ metric: STORAGE, cpc, partition, name: partition })),
    [users, cpc],
  );

  if (network) {
    return (
      <div className="chart-grid chart-grid-2">
        {NIC_BYTES.map((metric, i) => (
          <UsageChartPanel
            key={metric}
            title={`${t('adapters.byPartition')}: ${metricTitle(metric)}`}
            panelId={`partition-${metric.includes('sent') ? 'sent' : 'received'}`}
            sources={nicSources[i] ?? []}
            enabled={known}
            group={group}
            unit="bytes-per-second"
            stacked
            note={i === 0 ? t('adapters.byPartitionNote') : undefined}
          />
        ))}
      </div>
    );
  }
  if (storage && users.length > 0) {
    return (
      <UsageChartPanel
        title={t('adapters.storageUsers')}
        panelId="storage-users"
        sources={storageSources}
        enabled={known && detail.isSuccess}
        group={group}
        note={metricTitle(STORAGE)}
      />
    );
  }
  return null;
}
