import { useMemo } from 'react';
import type { MetricId } from '@zlens/shared';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';

const MEMORY: readonly MetricId[] = [
  'zhmc_cpc_total_memory_mib',
  'zhmc_cpc_partition_memory_mib',
  'zhmc_cpc_partition_central_memory_mib',
  'zhmc_cpc_available_memory_mib',
  'zhmc_cpc_hsa_memory_mib',
];

/** A CPC's memory over time: installed, for partitions, allocated to them, available, HSA (MiB). */
export function CpcMemory({ cpc, known }: { cpc: string; known: boolean }) {
  const { t, metric: metricTitle } = useI18n();
  const sources = useMemo<UsageSource[]>(() => MEMORY.map((metric) => ({ metric, cpc, name: metricTitle(metric) })), [cpc, metricTitle]);
  return (
    <UsageChartPanel
      title={t('memory.title')}
      panelId="memory"
      sources={sources}
      enabled={known}
      group={`cpc:${cpc}`}
      unit="mebibytes"
      hideEmptyLines
      note={t('memory.note')}
      height={180}
    />
  );
}
