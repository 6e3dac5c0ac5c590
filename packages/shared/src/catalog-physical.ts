// The physical layer of the catalog: power, temperatures, humidity and heat load (HMC metric
// groups), line-cord power, and memory (HMC resource properties, which the exporter reads from the
// CPC and partition objects, not from the metrics service). Names, labels, HELP texts, modes and
// HMC sources are the exporter's exactly (exporter-metrics-data.ts); catalog.test.ts checks them.
import type { CatalogMetricBase, CpcMode, HmcMetricSource, Localized } from './catalog.js';

/**
 * Plain gauges, charted as they are: watts, degrees Celsius, percent (0..100, not a ratio),
 * BTU per hour, MiB. `zhmc_cpc_power_cord*` report 0 when the cord is not there (their HELP says so).
 */
export type GaugeUnit = 'watts' | 'celsius' | 'percent' | 'btu-per-hour' | 'mebibytes';
export const GAUGE_UNITS: readonly GaugeUnit[] = ['watts', 'celsius', 'percent', 'btu-per-hour', 'mebibytes'];

export interface GaugeMetric extends CatalogMetricBase {
  readonly unit: GaugeUnit;
  /** Per mode, the metrics-service source (metric groups only; live mode polls these). */
  readonly hmc: Readonly<Partial<Record<CpcMode, HmcMetricSource>>>;
  /**
   * Per mode, the HMC property the exporter reads for a resource metric (memory). Live mode does not
   * serve these: they are object properties, not metrics-service values.
   */
  readonly property?: Readonly<Partial<Record<CpcMode, string>>>;
}

const BOTH: readonly CpcMode[] = ['dpm', 'classic'];
const CLASSIC: readonly CpcMode[] = ['classic'];
const DPM: readonly CpcMode[] = ['dpm'];
const CPC_LABELS = ['cpc'] as const;
const PARTITION_LABELS = ['cpc', 'partition'] as const;
const CORD_LABELS = ['cpc', 'cord', 'cordid', 'phase'] as const;

type Kind = 'power' | 'environment' | 'memory';

function gauge<Id extends string>(
  id: Id,
  spec: {
    kind: Kind;
    scope: 'cpc' | 'partition' | 'line-cord';
    unit: GaugeUnit;
    modes: readonly CpcMode[];
    title: Localized;
    help: Localized;
    hmc?: Partial<Record<CpcMode, HmcMetricSource>>;
    property?: Partial<Record<CpcMode, string>>;
  },
): GaugeMetric & { id: Id } {
  const labels = spec.scope === 'cpc' ? CPC_LABELS : spec.scope === 'partition' ? PARTITION_LABELS : CORD_LABELS;
  return {
    id,
    kind: spec.kind,
    scope: spec.scope,
    labels,
    unit: spec.unit,
    modes: spec.modes,
    title: spec.title,
    help: spec.help,
    hmc: spec.hmc ?? {},
    ...(spec.property ? { property: spec.property } : {}),
  };
}

const ENV_GROUP = 'zcpc-environmentals-and-power';
const env = (metric: string): Partial<Record<CpcMode, HmcMetricSource>> => ({
  dpm: { group: ENV_GROUP, metric },
  classic: { group: ENV_GROUP, metric },
});
/** Power and ambient temperature come with the CPC usage overview, another group per mode. */
const overview = (metric: string): Partial<Record<CpcMode, HmcMetricSource>> => ({
  dpm: { group: 'dpm-system-usage-overview', metric },
  classic: { group: 'cpc-usage-overview', metric },
});
const cpcProperty = (property: string): Partial<Record<CpcMode, string>> => ({ dpm: property, classic: property });

const CORDS = [
  [1, 'one'],
  [2, 'two'],
  [3, 'three'],
  [4, 'four'],
  [5, 'five'],
  [6, 'six'],
  [7, 'seven'],
  [8, 'eight'],
] as const;
const PHASES = ['a', 'b', 'c'] as const;
type CordNumber = (typeof CORDS)[number][0];
type Phase = (typeof PHASES)[number];
export type LineCordMetricId = `zhmc_cpc_power_cord${CordNumber}_phase_${Phase}_watt`;

/** The 24 line-cord phase metrics (`environmental-power-status`, HMC 2.15.0+). */
function lineCords(): (GaugeMetric & { id: LineCordMetricId })[] {
  return CORDS.flatMap(([n, word]) =>
    PHASES.map((phase) => {
      const upper = phase.toUpperCase();
      const id: LineCordMetricId = `zhmc_cpc_power_cord${n}_phase_${phase}_watt`;
      return gauge(id, {
        kind: 'power',
        scope: 'line-cord',
        unit: 'watts',
        modes: BOTH,
        title: { en: `Line cord ${n} phase ${upper} power`, 'zh-CN': `电源线 ${n} ${upper} 相功率` },
        help: {
          en: `Power in Phase ${upper} of line cord ${n} - 0 if not available`,
          'zh-CN': `电源线 ${n} 的 ${upper} 相功率（无此数据时为 0）`,
        },
        hmc: {
          dpm: { group: 'environmental-power-status', metric: `linecord-${word}-power-phase-${upper}` },
          classic: { group: 'environmental-power-status', metric: `linecord-${word}-power-phase-${upper}` },
        },
      });
    }),
  );
}

export const PHYSICAL_ENTRIES = [
  // ---- Power and environment ----
  gauge('zhmc_cpc_power_watt', {
    kind: 'power',
    scope: 'cpc',
    unit: 'watts',
    modes: BOTH,
    title: { en: 'Power', 'zh-CN': '功耗' },
    help: { en: 'Power consumption of the CPC', 'zh-CN': 'CPC 的功耗' },
    hmc: overview('power-consumption-watts'),
  }),
  gauge('zhmc_cpc_ambient_temperature_celsius', {
    kind: 'environment',
    scope: 'cpc',
    unit: 'celsius',
    modes: BOTH,
    title: { en: 'Ambient temperature', 'zh-CN': '环境温度' },
    help: { en: 'Ambient temperature of the CPC', 'zh-CN': 'CPC 的环境温度' },
    hmc: overview('temperature-celsius'),
  }),
  gauge('zhmc_cpc_exhaust_temperature_celsius', {
    kind: 'environment',
    scope: 'cpc',
    unit: 'celsius',
    modes: BOTH,
    title: { en: 'Exhaust temperature', 'zh-CN': '排风温度' },
    help: { en: 'Exhaust temperature of the CPC', 'zh-CN': 'CPC 的排风温度' },
    hmc: env('exhaust-temperature-celsius'),
  }),
  gauge('zhmc_cpc_dew_point_celsius', {
    kind: 'environment',
    scope: 'cpc',
    unit: 'celsius',
    modes: BOTH,
    title: { en: 'Dew point', 'zh-CN': '露点' },
    help: { en: 'Dew point', 'zh-CN': '露点温度' },
    hmc: env('dew-point-celsius'),
  }),
  gauge('zhmc_cpc_humidity_percent', {
    kind: 'environment',
    scope: 'cpc',
    unit: 'percent',
    modes: BOTH,
    title: { en: 'Relative humidity', 'zh-CN': '相对湿度' },
    help: { en: 'Relative humidity', 'zh-CN': '相对湿度' },
    hmc: env('humidity'),
  }),
  gauge('zhmc_cpc_heat_load_total_btu_per_hour', {
    kind: 'environment',
    scope: 'cpc',
    unit: 'btu-per-hour',
    modes: BOTH,
    title: { en: 'Heat load, total', 'zh-CN': '总热负荷' },
    help: { en: 'Total heat load of the CPC', 'zh-CN': 'CPC 的总热负荷' },
    hmc: env('heat-load'),
  }),
  gauge('zhmc_cpc_heat_load_forced_air_btu_per_hour', {
    kind: 'environment',
    scope: 'cpc',
    unit: 'btu-per-hour',
    modes: BOTH,
    title: { en: 'Heat load, air', 'zh-CN': '风冷热负荷' },
    help: { en: 'Heat load of the CPC covered by forced-air', 'zh-CN': 'CPC 由强制风冷带走的热负荷' },
    hmc: env('heat-load-forced-air'),
  }),
  gauge('zhmc_cpc_heat_load_water_btu_per_hour', {
    kind: 'environment',
    scope: 'cpc',
    unit: 'btu-per-hour',
    modes: BOTH,
    title: { en: 'Heat load, water', 'zh-CN': '水冷热负荷' },
    help: { en: 'Heat load of the CPC covered by water', 'zh-CN': 'CPC 由水冷带走的热负荷' },
    hmc: env('heat-load-water'),
  }),
  gauge('zhmc_cpc_total_partition_power_watt', {
    kind: 'power',
    scope: 'cpc',
    unit: 'watts',
    modes: BOTH,
    title: { en: 'Power of all partitions', 'zh-CN': '所有分区功耗' },
    help: {
      en: 'Total power consumption of all partitions of the CPC (CPU, memory, I/O adapters)',
      'zh-CN': 'CPC 所有分区的总功耗（处理器、内存、I/O 适配器）',
    },
    hmc: env('total-partition-power-consumption-watts'),
  }),
  gauge('zhmc_cpc_total_infrastructure_power_watt', {
    kind: 'power',
    scope: 'cpc',
    unit: 'watts',
    modes: BOTH,
    title: { en: 'Infrastructure power', 'zh-CN': '基础设施功耗' },
    help: {
      en: 'Total power consumption of all infrastructure components of the CPC (TOR switches, SE/HMAs, PDUs)',
      'zh-CN': 'CPC 所有基础设施组件的总功耗（TOR 交换机、SE/HMA、PDU）',
    },
    hmc: env('total-infrastructure-power-consumption-watts'),
  }),
  gauge('zhmc_cpc_total_unassigned_power_watt', {
    kind: 'power',
    scope: 'cpc',
    unit: 'watts',
    modes: BOTH,
    title: { en: 'Unassigned power', 'zh-CN': '未分配组件功耗' },
    help: {
      en: 'Total power consumption of all unassigned components of the CPC (CPU, memory, I/O adapters)',
      'zh-CN': 'CPC 所有未分配组件的总功耗（处理器、内存、I/O 适配器）',
    },
    hmc: env('total-unassigned-power-consumption-watts'),
  }),
  gauge('zhmc_partition_power_watt', {
    kind: 'power',
    scope: 'partition',
    unit: 'watts',
    modes: CLASSIC,
    title: { en: 'Partition power', 'zh-CN': '分区功耗' },
    help: { en: 'Power consumption of the partition', 'zh-CN': '分区的功耗' },
    hmc: { classic: { group: 'logical-partition-usage', metric: 'power-consumption-watts' } },
  }),
  ...lineCords(),

  // ---- Memory (resource properties) ----
  gauge('zhmc_cpc_total_memory_mib', {
    kind: 'memory',
    scope: 'cpc',
    unit: 'mebibytes',
    modes: BOTH,
    title: { en: 'Installed memory', 'zh-CN': '已安装内存' },
    help: { en: 'Total amount of installed memory, in MiB', 'zh-CN': '已安装内存总量（MiB）' },
    property: cpcProperty('storage-total-installed'),
  }),
  gauge('zhmc_cpc_hsa_memory_mib', {
    kind: 'memory',
    scope: 'cpc',
    unit: 'mebibytes',
    modes: BOTH,
    title: { en: 'HSA memory', 'zh-CN': 'HSA 内存' },
    help: {
      en: 'Amount of memory reserved for the base hardware system area (HSA), in MiB',
      'zh-CN': '为硬件系统区（HSA）保留的内存（MiB）',
    },
    property: cpcProperty('storage-hardware-system-area'),
  }),
  gauge('zhmc_cpc_partition_memory_mib', {
    kind: 'memory',
    scope: 'cpc',
    unit: 'mebibytes',
    modes: BOTH,
    title: { en: 'Memory for partitions', 'zh-CN': '分区可用内存' },
    help: { en: 'Amount of memory for use by partitions, in MiB', 'zh-CN': '供分区使用的内存（MiB）' },
    property: cpcProperty('storage-customer'),
  }),
  gauge('zhmc_cpc_partition_central_memory_mib', {
    kind: 'memory',
    scope: 'cpc',
    unit: 'mebibytes',
    modes: BOTH,
    title: { en: 'Allocated to partitions', 'zh-CN': '已分配给分区' },
    help: {
      en: 'Amount of memory allocated as central storage across the active partitions, in MiB',
      'zh-CN': '活动分区作为中央存储分配的内存（MiB）',
    },
    property: cpcProperty('storage-customer-central'),
  }),
  gauge('zhmc_cpc_available_memory_mib', {
    kind: 'memory',
    scope: 'cpc',
    unit: 'mebibytes',
    modes: BOTH,
    title: { en: 'Available memory', 'zh-CN': '可用内存' },
    help: { en: 'Amount of memory not allocated to active partitions, in MiB', 'zh-CN': '未分配给活动分区的内存（MiB）' },
    property: cpcProperty('storage-customer-available'),
  }),
  gauge('zhmc_partition_initial_central_memory_mib', {
    kind: 'memory',
    scope: 'partition',
    unit: 'mebibytes',
    modes: CLASSIC,
    title: { en: 'Initial memory', 'zh-CN': '初始内存' },
    help: {
      en: 'Amount of central memory initially allocated to the active partition in MiB (segments with unavailable values are counted as 0)',
      'zh-CN': '活动分区初始分配的中央内存（MiB，不可用的段计为 0）',
    },
    property: { classic: 'storage-central-allocation' },
  }),
  gauge('zhmc_partition_current_central_memory_mib', {
    kind: 'memory',
    scope: 'partition',
    unit: 'mebibytes',
    modes: CLASSIC,
    title: { en: 'Current memory', 'zh-CN': '当前内存' },
    help: {
      en: 'Amount of central memory currently allocated to the active partition in MiB (segments with unavailable values are counted as 0)',
      'zh-CN': '活动分区当前分配的中央内存（MiB，不可用的段计为 0）',
    },
    property: { classic: 'storage-central-allocation' },
  }),
  gauge('zhmc_partition_maximum_central_memory_mib', {
    kind: 'memory',
    scope: 'partition',
    unit: 'mebibytes',
    modes: CLASSIC,
    title: { en: 'Maximum memory', 'zh-CN': '最大内存' },
    help: {
      en: 'Maximum amount of central memory to which the operating system running in the active partition can increase in MiB (segments with unavailable values are counted as 0)',
      'zh-CN': '活动分区中的操作系统最多可增加到的中央内存（MiB，不可用的段计为 0）',
    },
    property: { classic: 'storage-central-allocation' },
  }),
  gauge('zhmc_partition_initial_memory_mib', {
    kind: 'memory',
    scope: 'partition',
    unit: 'mebibytes',
    modes: DPM,
    title: { en: 'Initial memory', 'zh-CN': '初始内存' },
    help: {
      en: 'Initial amount of memory allocated to the partition when it becomes active, in MiB',
      'zh-CN': '分区激活时初始分配的内存（MiB）',
    },
    property: { dpm: 'initial-memory' },
  }),
  gauge('zhmc_partition_reserved_memory_mib', {
    kind: 'memory',
    scope: 'partition',
    unit: 'mebibytes',
    modes: DPM,
    title: { en: 'Reserved memory', 'zh-CN': '预留内存' },
    help: {
      en: 'Amount of reserved memory (maximum memory minus initial memory), in MiB',
      'zh-CN': '预留内存（最大内存减初始内存，MiB）',
    },
    property: { dpm: 'reserved-memory' },
  }),
  gauge('zhmc_partition_maximum_memory_mib', {
    kind: 'memory',
    scope: 'partition',
    unit: 'mebibytes',
    modes: DPM,
    title: { en: 'Maximum memory', 'zh-CN': '最大内存' },
    help: {
      en: 'Maximum amount of memory to which the operating system running in the partition can increase the memory allocation, in MiB',
      'zh-CN': '分区中的操作系统最多可增加到的内存（MiB）',
    },
    property: { dpm: 'maximum-memory' },
  }),
] as const;

/**
 * The exporter's labels of a line-cord metric, but for `cord`, which is the HMC's
 * `linecord-<n>-name` value of the row (named by `nameMetric`); null for any other metric.
 */
export function lineCordOf(id: string): { cordid: string; phase: string; nameMetric: string } | null {
  const m = /^zhmc_cpc_power_cord(\d)_phase_([abc])_watt$/.exec(id);
  const word = CORDS.find(([n]) => String(n) === m?.[1])?.[1];
  if (m?.[1] === undefined || m[2] === undefined || word === undefined) return null;
  return { cordid: m[1], phase: m[2].toUpperCase(), nameMetric: `linecord-${word}-name` };
}
