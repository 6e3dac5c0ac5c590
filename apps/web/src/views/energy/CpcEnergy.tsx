import { useCallback, useMemo } from 'react';
import type { CpcMode, MetricId } from '@zlens/shared';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageLine } from '../../components/usage-chart-option';
import type { UsageSource } from '../../components/use-usage-series';
import type { ValueUnit } from '../../components/format';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';
import { cordLines, lineCordSources, useLineCordSeries } from './line-cords';

/** The CPC's energy and environment charts: each lists what the CPC reports, the rest left out. */
const PANELS: readonly { id: string; title: MessageKey; unit: ValueUnit; metrics: readonly MetricId[] }[] = [
  {
    id: 'power',
    title: 'energy.power',
    unit: 'watts',
    metrics: [
      'zhmc_cpc_power_watt',
      'zhmc_cpc_total_partition_power_watt',
      'zhmc_cpc_total_infrastructure_power_watt',
      'zhmc_cpc_total_unassigned_power_watt',
    ],
  },
  {
    id: 'temperature',
    title: 'energy.temperature',
    unit: 'celsius',
    metrics: ['zhmc_cpc_ambient_temperature_celsius', 'zhmc_cpc_exhaust_temperature_celsius', 'zhmc_cpc_dew_point_celsius'],
  },
  { id: 'humidity', title: 'energy.humidity', unit: 'percent', metrics: ['zhmc_cpc_humidity_percent'] },
  {
    id: 'heat-load',
    title: 'energy.heatLoad',
    unit: 'btu-per-hour',
    metrics: [
      'zhmc_cpc_heat_load_total_btu_per_hour',
      'zhmc_cpc_heat_load_forced_air_btu_per_hour',
      'zhmc_cpc_heat_load_water_btu_per_hour',
    ],
  },
];

/** Power (W), temperatures (°C), humidity (%), heat load (BTU/h) and line-cord power (W) of a CPC over the view's range. */
export function CpcEnergy({ cpc, known }: { cpc: string; mode: CpcMode | null; known: boolean }) {
  const { t, metric: metricTitle } = useI18n();
  const sources = useMemo(
    () => PANELS.map((panel): UsageSource[] => panel.metrics.map((metric) => ({ metric, cpc, name: metricTitle(metric) }))),
    [cpc, metricTitle],
  );
  const cords = useMemo(() => lineCordSources(cpc), [cpc]);
  const perCord = useCallback((lines: UsageLine[]) => cordLines(lines, (n) => t('energy.lineCord', { n })), [t]);
  return (
    <div className="chart-grid chart-grid-2">
      {PANELS.map((panel, i) => (
        <UsageChartPanel
          key={panel.id}
          title={t(panel.title)}
          panelId={panel.id}
          sources={sources[i] ?? []}
          enabled={known}
          group={`cpc:${cpc}`}
          unit={panel.unit}
          hideEmptyLines
          height={180}
        />
      ))}
      <UsageChartPanel
        title={t('energy.lineCords')}
        panelId="line-cords"
        sources={cords}
        combine={perCord}
        useSeries={useLineCordSeries}
        enabled={known}
        group={`cpc:${cpc}`}
        unit="watts"
        note={t('energy.lineCordsNote')}
        height={180}
      />
    </div>
  );
}
