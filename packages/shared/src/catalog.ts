// The metric catalog: the exporter's metrics that zlens charts, as data. One source of truth:
// the BFF builds PromQL from it, the live source maps HMC metric groups through it, the web
// takes titles and units from it. Facts: ../../../../shared/reference/zhmc-exporter.md §1.

export const CPC_MODES = ['dpm', 'classic'] as const;
export type CpcMode = (typeof CPC_MODES)[number];

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized = Readonly<Record<Language, string>>;

export type MetricScope = 'cpc' | 'partition';
export type MetricKind = 'processor' | 'network-adapter' | 'storage-adapter' | 'status';
/** `ratio`: 0..1 (the exporter divides the HMC's integer percent by 100). `status`: an enum code. */
export type MetricUnit = 'ratio' | 'status';

/** Where the HMC metrics service delivers a usage metric (group and metric name, per mode). */
export interface HmcMetricSource {
  readonly group: string;
  readonly metric: string;
}

interface CatalogMetricBase {
  /** The exporter's exact metric name; also the id the API and the URL use. */
  readonly id: string;
  readonly kind: MetricKind;
  readonly scope: MetricScope;
  /** The exporter's labels for this metric, in definition order. */
  readonly labels: readonly string[];
  readonly modes: readonly CpcMode[];
  readonly title: Localized;
  readonly help: Localized;
}

export interface UsageMetric extends CatalogMetricBase {
  readonly unit: 'ratio';
  /** Per mode, the HMC metrics-service source of the value (HMC percent = 100 × ratio). */
  readonly hmc: Readonly<Partial<Record<CpcMode, HmcMetricSource>>>;
}

export interface StatusMetric extends CatalogMetricBase {
  readonly unit: 'status';
  /** HMC status string → the exporter's integer code; anything else is 99 (unsupported value). */
  readonly statusCodes: Readonly<Record<string, number>>;
}

export type CatalogMetric = UsageMetric | StatusMetric;

export const UNSUPPORTED_STATUS_CODE = 99;

const CPC_STATUS_CODES = {
  active: 0,
  operating: 0,
  degraded: 1,
  'service-required': 2,
  service: 10,
  exceptions: 11,
  'not-communicating': 12,
  'status-check': 13,
  'not-operating': 14,
  'no-power': 15,
} as const;

const PARTITION_STATUS_CODES = {
  active: 0,
  degraded: 1,
  paused: 10,
  stopped: 11,
  starting: 12,
  stopping: 13,
  'reservation-error': 20,
  terminated: 21,
  'communications-not-active': 22,
  'status-check': 23,
} as const;

export const METRIC_IDS = [
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
  'zhmc_partition_processor_usage_ratio',
  'zhmc_partition_network_adapter_usage_ratio',
  'zhmc_partition_storage_adapter_usage_ratio',
  'zhmc_cpc_status_int',
  'zhmc_partition_status_int',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const CATALOG: Readonly<Record<MetricId, CatalogMetric>> = {
  zhmc_cpc_processor_usage_ratio: {
    id: 'zhmc_cpc_processor_usage_ratio',
    kind: 'processor',
    scope: 'cpc',
    labels: ['cpc'],
    unit: 'ratio',
    modes: ['dpm', 'classic'],
    title: { en: 'Processor usage', 'zh-CN': '处理器使用率' },
    help: {
      en: 'Usage ratio across all processors of the CPC',
      'zh-CN': 'CPC 所有处理器的平均使用率',
    },
    hmc: {
      dpm: { group: 'dpm-system-usage-overview', metric: 'processor-usage' },
      classic: { group: 'cpc-usage-overview', metric: 'cpc-processor-usage' },
    },
  },
  zhmc_cpc_network_adapter_usage_ratio: {
    id: 'zhmc_cpc_network_adapter_usage_ratio',
    kind: 'network-adapter',
    scope: 'cpc',
    labels: ['cpc'],
    unit: 'ratio',
    modes: ['dpm'],
    title: { en: 'Network adapter usage', 'zh-CN': '网络适配器使用率' },
    help: {
      en: 'Average fraction of time the network adapters of the CPC were processing I/O',
      'zh-CN': 'CPC 的网络适配器处理 I/O 的平均时间占比',
    },
    hmc: { dpm: { group: 'dpm-system-usage-overview', metric: 'network-usage' } },
  },
  zhmc_cpc_storage_adapter_usage_ratio: {
    id: 'zhmc_cpc_storage_adapter_usage_ratio',
    kind: 'storage-adapter',
    scope: 'cpc',
    labels: ['cpc'],
    unit: 'ratio',
    modes: ['dpm'],
    title: { en: 'Storage adapter usage', 'zh-CN': '存储适配器使用率' },
    help: {
      en: 'Average fraction of time the storage adapters of the CPC were processing I/O',
      'zh-CN': 'CPC 的存储适配器处理 I/O 的平均时间占比',
    },
    hmc: { dpm: { group: 'dpm-system-usage-overview', metric: 'storage-usage' } },
  },
  zhmc_partition_processor_usage_ratio: {
    id: 'zhmc_partition_processor_usage_ratio',
    kind: 'processor',
    scope: 'partition',
    labels: ['cpc', 'partition'],
    unit: 'ratio',
    modes: ['dpm', 'classic'],
    title: { en: 'Processor usage', 'zh-CN': '处理器使用率' },
    help: {
      en: 'Usage ratio across all processors of the partition',
      'zh-CN': '分区所有处理器的平均使用率',
    },
    hmc: {
      dpm: { group: 'partition-usage', metric: 'processor-usage' },
      classic: { group: 'logical-partition-usage', metric: 'processor-usage' },
    },
  },
  zhmc_partition_network_adapter_usage_ratio: {
    id: 'zhmc_partition_network_adapter_usage_ratio',
    kind: 'network-adapter',
    scope: 'partition',
    labels: ['cpc', 'partition'],
    unit: 'ratio',
    modes: ['dpm'],
    title: { en: 'Network adapter usage', 'zh-CN': '网络适配器使用率' },
    help: {
      en: 'Average fraction of time the network adapters attached to the partition were processing I/O',
      'zh-CN': '分区所连接的网络适配器处理 I/O 的平均时间占比',
    },
    hmc: { dpm: { group: 'partition-usage', metric: 'network-usage' } },
  },
  zhmc_partition_storage_adapter_usage_ratio: {
    id: 'zhmc_partition_storage_adapter_usage_ratio',
    kind: 'storage-adapter',
    scope: 'partition',
    labels: ['cpc', 'partition'],
    unit: 'ratio',
    modes: ['dpm'],
    title: { en: 'Storage adapter usage', 'zh-CN': '存储适配器使用率' },
    help: {
      en: 'Average fraction of time the storage adapters attached to the partition were processing I/O',
      'zh-CN': '分区所连接的存储适配器处理 I/O 的平均时间占比',
    },
    hmc: { dpm: { group: 'partition-usage', metric: 'storage-usage' } },
  },
  zhmc_cpc_status_int: {
    id: 'zhmc_cpc_status_int',
    kind: 'status',
    scope: 'cpc',
    labels: ['cpc', 'value'],
    unit: 'status',
    modes: ['dpm', 'classic'],
    title: { en: 'CPC status', 'zh-CN': 'CPC 状态' },
    help: {
      en: 'Status as integer (0=active/=operating, 1=degraded, 2=service-required, 10=service, 11=exceptions, 12=not-communicating, 13=status-check, 14=not-operating, 15=no-power, 99=unsupported value)',
      'zh-CN': 'CPC 状态代码（0=活动/运行中，1=降级，2=需要维修，10=维修，11=异常，12=无法通信，13=状态检查，14=未运行，15=断电，99=不支持的值）',
    },
    statusCodes: CPC_STATUS_CODES,
  },
  zhmc_partition_status_int: {
    id: 'zhmc_partition_status_int',
    kind: 'status',
    scope: 'partition',
    labels: ['cpc', 'partition', 'value'],
    unit: 'status',
    modes: ['dpm'],
    title: { en: 'Partition status', 'zh-CN': '分区状态' },
    help: {
      en: 'Partition status as integer (0=active, 1=degraded, 10=paused, 11=stopped, 12=starting, 13=stopping, 20=reservation-error, 21=terminated, 22=communications-not-active, 23=status-check, 99=unsupported value)',
      'zh-CN': '分区状态代码（0=活动，1=降级，10=已暂停，11=已停止，12=启动中，13=停止中，20=预留错误，21=已终止，22=通信未激活，23=状态检查，99=不支持的值）',
    },
    statusCodes: PARTITION_STATUS_CODES,
  },
};

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}

/** The exporter's integer code for an HMC status string (99 when the exporter has no code for it). */
export function statusCode(metric: StatusMetric, status: string): number {
  return metric.statusCodes[status] ?? UNSUPPORTED_STATUS_CODE;
}
