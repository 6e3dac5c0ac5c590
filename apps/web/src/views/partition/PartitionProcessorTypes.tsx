import { useMemo } from 'react';
import type { MetricId } from '@zlens/shared';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';

/** The processor types a classic LPAR reports usage for (the exporter's logical-partition-usage group). */
const TYPES: readonly MetricId[] = [
  'zhmc_partition_cp_processor_usage_ratio',
  'zhmc_partition_iip_processor_usage_ratio',
  'zhmc_partition_ifl_processor_usage_ratio',
  'zhmc_partition_icf_processor_usage_ratio',
];

/** A classic LPAR's usage split by processor type (CP, zIIP, IFL, ICF); types it has none of are left out. */
export function PartitionProcessorTypes({
  cpc,
  partition,
  enabled,
  group,
}: {
  cpc: string;
  partition: string;
  enabled: boolean;
  group: string;
}) {
  const { t, metric: metricTitle } = useI18n();
  const sources = useMemo<UsageSource[]>(
    () => TYPES.map((metric) => ({ metric, cpc, partition, name: metricTitle(metric) })),
    [cpc, partition, metricTitle],
  );
  return (
    <UsageChartPanel
      title={t('partition.processorTypes')}
      panelId="processor-types"
      sources={sources}
      enabled={enabled}
      group={group}
      hideEmptyLines
    />
  );
}
