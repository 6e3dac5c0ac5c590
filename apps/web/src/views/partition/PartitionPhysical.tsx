import { useMemo } from 'react';
import type { CpcMode, MetricId } from '@zlens/shared';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';

const MEMORY: Readonly<Record<CpcMode, readonly MetricId[]>> = {
  classic: [
    'zhmc_partition_initial_central_memory_mib',
    'zhmc_partition_current_central_memory_mib',
    'zhmc_partition_maximum_central_memory_mib',
  ],
  dpm: ['zhmc_partition_initial_memory_mib', 'zhmc_partition_reserved_memory_mib', 'zhmc_partition_maximum_memory_mib'],
};

/** A partition's memory allocation over time and its power: classic LPARs from the exporter, DPM partitions only from the HMC's records. */
export function PartitionPhysical({
  cpc,
  partition,
  mode,
  known,
  group,
}: {
  cpc: string;
  partition: string;
  mode: CpcMode;
  known: boolean;
  group: string;
}) {
  const { t, metric: metricTitle } = useI18n();
  const memory = useMemo<UsageSource[]>(
    () => MEMORY[mode].map((metric) => ({ metric, cpc, partition, name: metricTitle(metric) })),
    [mode, cpc, partition, metricTitle],
  );
  const power = useMemo<UsageSource[]>(
    () => [{ metric: 'zhmc_partition_power_watt', cpc, partition, name: metricTitle('zhmc_partition_power_watt') }],
    [cpc, partition, metricTitle],
  );
  return (
    <div className="chart-grid chart-grid-2">
      <UsageChartPanel
        title={t('memory.partition')}
        panelId="memory"
        sources={memory}
        enabled={known}
        group={group}
        unit="mebibytes"
        hideEmptyLines
        note={t('memory.partitionNote')}
        height={180}
      />
      <UsageChartPanel
        title={t('energy.partitionPower')}
        panelId="power"
        sources={power}
        enabled={known}
        group={group}
        unit="watts"
        note={t(mode === 'classic' ? 'energy.partitionPowerNote' : 'energy.partitionPowerDpm')}
        height={180}
      />
    </div>
  );
}
