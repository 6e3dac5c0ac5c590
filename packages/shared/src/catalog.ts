// The metric catalog: the exporter's metrics that zlens charts, as data. One source of truth:
// the BFF builds PromQL from it, the live source maps HMC metric groups through it, the web
// takes titles, units and grouping from it. Names, labels, modes and HMC sources are the
// exporter's exactly (the exporter metric table in exporter-metrics-data.ts). Power, environment,
// line cords and memory are in catalog-physical.ts.
import { PHYSICAL_ENTRIES, type GaugeMetric, type GaugeUnit } from './catalog-physical.js';

export { GAUGE_UNITS, lineCordOf, type GaugeMetric, type GaugeUnit, type LineCordMetricId } from './catalog-physical.js';

export const CPC_MODES = ['dpm', 'classic'] as const;
export type CpcMode = (typeof CPC_MODES)[number];

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized = Readonly<Record<Language, string>>;

/** What one series of the metric describes (its identifying labels follow from it). */
export type MetricScope = 'cpc' | 'partition' | 'processor' | 'adapter' | 'port' | 'nic' | 'channel' | 'crypto-adapter' | 'line-cord';

export type MetricKind =
  | 'processor'
  | 'network-adapter'
  | 'storage-adapter'
  | 'accelerator-adapter'
  | 'crypto-adapter'
  | 'adapter'
  | 'port'
  | 'nic'
  | 'channel'
  | 'status'
  | 'power'
  | 'environment'
  | 'memory';

/**
 * `ratio`: 0..1 (the exporter divides the HMC's integer percent by 100).
 * `bytes-per-second` / `packets-per-second`: a counter the BFF turns into a rate with `rate()`.
 * `status`: an enum code, the HMC status string in the `value` label.
 * The gauge units (watts, celsius, ...): charted as they are (catalog-physical.ts).
 */
export type MetricUnit = 'ratio' | 'bytes-per-second' | 'packets-per-second' | 'status' | GaugeUnit;

/** Processor-type breakdown: which processors a CPC/partition usage metric covers. */
export type ProcessorType = 'cp' | 'ifl' | 'icf' | 'iip';
export type ProcessorSharing = 'shared' | 'dedicated';

/** Where the HMC metrics service delivers a value (group and metric name, per mode). */
export interface HmcMetricSource {
  readonly group: string;
  readonly metric: string;
}

export interface CatalogMetricBase {
  /** The exporter's exact series name (counters with `_total`); also the id the API and URL use. */
  readonly id: string;
  readonly kind: MetricKind;
  readonly scope: MetricScope;
  /** The exporter's labels for this metric, in definition order. */
  readonly labels: readonly string[];
  readonly modes: readonly CpcMode[];
  readonly title: Localized;
  /** The exporter's HELP text (en) and its translation. */
  readonly help: Localized;
}

export interface UsageMetric extends CatalogMetricBase {
  readonly unit: 'ratio';
  /** Per mode, the HMC metrics-service source of the value (HMC percent = 100 × ratio). */
  readonly hmc: Readonly<Partial<Record<CpcMode, HmcMetricSource>>>;
  /** Set on the processor-type breakdown metrics. */
  readonly processorType?: ProcessorType;
  readonly sharing?: ProcessorSharing;
}

export interface RateMetric extends CatalogMetricBase {
  readonly unit: 'bytes-per-second' | 'packets-per-second';
  /** The exported series is a counter: always query it through `rate()`. */
  readonly counter: true;
  /** Transmit or receive side, so charts can pair them. */
  readonly direction: 'sent' | 'received';
  readonly hmc: Readonly<Partial<Record<CpcMode, HmcMetricSource>>>;
}

export interface StatusMetric extends CatalogMetricBase {
  readonly unit: 'status';
  /** HMC status string → the exporter's integer code; anything else is 99 (unsupported value). */
  readonly statusCodes: Readonly<Record<string, number>>;
}

export type CatalogMetric = UsageMetric | RateMetric | StatusMetric | GaugeMetric;

export const UNSUPPORTED_STATUS_CODE = 99;

const BOTH: readonly CpcMode[] = CPC_MODES;
const DPM: readonly CpcMode[] = ['dpm'];
const CLASSIC: readonly CpcMode[] = ['classic'];

const LABELS: Readonly<Record<MetricScope, readonly string[]>> = {
  cpc: ['cpc'],
  partition: ['cpc', 'partition'],
  processor: ['cpc', 'processor', 'type'],
  adapter: ['cpc', 'adapter'],
  port: ['cpc', 'adapter', 'port'],
  nic: ['cpc', 'partition', 'nic', 'adapter', 'port'],
  channel: ['cpc', 'channel_css_chpid', 'partition', 'shared'],
  'crypto-adapter': ['cpc', 'adapter_pchid'],
  'line-cord': ['cpc', 'cord', 'cordid', 'phase'],
};

interface UsageSpec {
  kind: MetricKind;
  scope: MetricScope;
  modes: readonly CpcMode[];
  title: Localized;
  help: Localized;
  dpm?: HmcMetricSource;
  classic?: HmcMetricSource;
  processorType?: ProcessorType;
  sharing?: ProcessorSharing;
}

function usage<Id extends string>(id: Id, spec: UsageSpec): UsageMetric & { id: Id } {
  const hmc: Partial<Record<CpcMode, HmcMetricSource>> = {};
  if (spec.dpm) hmc.dpm = spec.dpm;
  if (spec.classic) hmc.classic = spec.classic;
  return {
    id,
    kind: spec.kind,
    scope: spec.scope,
    labels: LABELS[spec.scope],
    unit: 'ratio',
    modes: spec.modes,
    title: spec.title,
    help: spec.help,
    hmc,
    ...(spec.processorType ? { processorType: spec.processorType } : {}),
    ...(spec.sharing ? { sharing: spec.sharing } : {}),
  };
}

const PROCESSOR_TYPE_NAMES: Readonly<Record<ProcessorType, string>> = { cp: 'CP', ifl: 'IFL', icf: 'ICF', iip: 'zIIP' };
const SHARING_NAMES: Readonly<Record<ProcessorSharing, Localized>> = {
  shared: { en: 'shared', 'zh-CN': '共享' },
  dedicated: { en: 'dedicated', 'zh-CN': '专用' },
};

/** A CPC processor-type breakdown metric, e.g. zhmc_cpc_ifl_shared_processor_usage_ratio. */
function cpcBreakdown<Id extends string>(
  id: Id,
  processorType: ProcessorType | undefined,
  sharing: ProcessorSharing | undefined,
  modes: readonly CpcMode[],
): UsageMetric & { id: Id } {
  const typeName = processorType ? PROCESSOR_TYPE_NAMES[processorType] : undefined;
  // HMC names: cp-all-processor-usage, cp-shared-processor-usage, all-shared-processor-usage.
  const metric = `${processorType ?? 'all'}-${sharing ?? 'all'}-processor-usage`;
  const enWhat = [sharing, typeName].filter(Boolean).join(' ');
  const zhWhat = [sharing ? SHARING_NAMES[sharing]['zh-CN'] : '', typeName ?? ''].join(' ').trim();
  return usage(id, {
    kind: 'processor',
    scope: 'cpc',
    modes,
    title: {
      en: `${typeName ?? (sharing === 'shared' ? 'Shared' : 'Dedicated')}${typeName && sharing ? ` ${sharing}` : ''} processor usage`,
      'zh-CN': `${zhWhat} 处理器使用率`,
    },
    help: {
      en: `Usage ratio across all ${enWhat} processors of the CPC`,
      'zh-CN': `CPC 所有${zhWhat}处理器的平均使用率`,
    },
    ...(modes.includes('dpm') ? { dpm: { group: 'dpm-system-usage-overview', metric } } : {}),
    ...(modes.includes('classic') ? { classic: { group: 'cpc-usage-overview', metric } } : {}),
    ...(processorType ? { processorType } : {}),
    ...(sharing ? { sharing } : {}),
  });
}

/** A classic LPAR's usage of one processor type, e.g. zhmc_partition_iip_processor_usage_ratio. */
function partitionBreakdown<Id extends string>(id: Id, processorType: ProcessorType): UsageMetric & { id: Id } {
  const typeName = PROCESSOR_TYPE_NAMES[processorType];
  return usage(id, {
    kind: 'processor',
    scope: 'partition',
    modes: CLASSIC,
    title: { en: `${typeName} processor usage`, 'zh-CN': `${typeName} 处理器使用率` },
    help: {
      en: `Usage ratio across all ${processorType === 'iip' ? 'IIP' : typeName} processors of the partition`,
      'zh-CN': `分区所有 ${typeName} 处理器的平均使用率`,
    },
    classic: { group: 'logical-partition-usage', metric: `${processorType}-processor-usage` },
    processorType,
  });
}

interface RateSpec {
  scope: 'port' | 'nic';
  unit: RateMetric['unit'];
  direction: RateMetric['direction'];
  hmcMetric: string;
  title: Localized;
  help: Localized;
}

function rate<Id extends string>(id: Id, spec: RateSpec): RateMetric & { id: Id } {
  const group = spec.scope === 'port' ? 'network-physical-adapter-port' : 'partition-attached-network-interface';
  return {
    id,
    kind: spec.scope,
    scope: spec.scope,
    labels: LABELS[spec.scope],
    unit: spec.unit,
    counter: true,
    direction: spec.direction,
    modes: DPM,
    title: spec.title,
    help: spec.help,
    hmc: { dpm: { group, metric: spec.hmcMetric } },
  };
}

/** The port and NIC counters zlens charts (as rates): bytes, packets and dropped packets. */
function trafficRates<P extends 'port' | 'nic'>(scope: P) {
  const where = scope === 'port' ? { en: 'port', zh: '端口' } : { en: 'NIC', zh: '网卡' };
  const m = <Id extends string>(
    id: Id,
    unit: RateMetric['unit'],
    direction: RateMetric['direction'],
    hmcMetric: string,
    en: string,
    zh: string,
    help: string,
    zhHelp: string,
  ) =>
    rate(id, {
      scope,
      unit,
      direction,
      hmcMetric,
      title: { en: `${where.en} ${en}`, 'zh-CN': `${where.zh}${zh}` },
      help: { en: help, 'zh-CN': zhHelp },
    });
  return [
    m(
      `zhmc_${scope}_bytes_sent_count_total`,
      'bytes-per-second',
      'sent',
      'bytes-sent',
      'bytes sent',
      '发送字节',
      'Number of Bytes in unicast packets that were sent',
      '单播发送的字节数',
    ),
    m(
      `zhmc_${scope}_bytes_received_count_total`,
      'bytes-per-second',
      'received',
      'bytes-received',
      'bytes received',
      '接收字节',
      'Number of Bytes in unicast packets that were received',
      '单播接收的字节数',
    ),
    m(
      `zhmc_${scope}_packets_sent_count_total`,
      'packets-per-second',
      'sent',
      'packets-sent',
      'packets sent',
      '发送数据包',
      'Number of unicast packets that were sent',
      '发送的单播数据包数',
    ),
    m(
      `zhmc_${scope}_packets_received_count_total`,
      'packets-per-second',
      'received',
      'packets-received',
      'packets received',
      '接收数据包',
      'Number of unicast packets that were received',
      '接收的单播数据包数',
    ),
    m(
      `zhmc_${scope}_packets_sent_dropped_count_total`,
      'packets-per-second',
      'sent',
      'packets-sent-dropped',
      'sent packets dropped',
      '发送丢包',
      'Number of sent packets that were dropped (resource shortage)',
      '因资源不足而丢弃的发送数据包数',
    ),
    m(
      `zhmc_${scope}_packets_received_dropped_count_total`,
      'packets-per-second',
      'received',
      'packets-received-dropped',
      'received packets dropped',
      '接收丢包',
      'Number of received packets that were dropped (resource shortage)',
      '因资源不足而丢弃的接收数据包数',
    ),
  ] as const;
}

function status<Id extends string>(
  id: Id,
  scope: MetricScope,
  modes: readonly CpcMode[],
  title: Localized,
  help: Localized,
  statusCodes: Readonly<Record<string, number>>,
): StatusMetric & { id: Id } {
  return { id, kind: 'status', scope, labels: [...LABELS[scope], 'value'], unit: 'status', modes, title, help, statusCodes };
}

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

const LPAR_STATUS_CODES = { operating: 0, 'not-operating': 1, 'not-activated': 2, exceptions: 10 } as const;

const ADAPTER_STATUS_CODES = { active: 0, 'not-active': 1, 'not-detected': 2, exceptions: 3, service: 4 } as const;

const DPM_CPC_GROUP = 'dpm-system-usage-overview';
const DPM_PARTITION_GROUP = 'partition-usage';

const ENTRIES = [
  // ---- CPC usage ----
  usage('zhmc_cpc_processor_usage_ratio', {
    kind: 'processor',
    scope: 'cpc',
    modes: BOTH,
    title: { en: 'Processor usage', 'zh-CN': '处理器使用率' },
    help: { en: 'Usage ratio across all processors of the CPC', 'zh-CN': 'CPC 所有处理器的平均使用率' },
    dpm: { group: DPM_CPC_GROUP, metric: 'processor-usage' },
    classic: { group: 'cpc-usage-overview', metric: 'cpc-processor-usage' },
  }),
  usage('zhmc_cpc_network_adapter_usage_ratio', {
    kind: 'network-adapter',
    scope: 'cpc',
    modes: DPM,
    title: { en: 'Network adapter usage', 'zh-CN': '网络适配器使用率' },
    help: {
      en: 'Average fraction of time the network adapters of the CPC were processing I/O',
      'zh-CN': 'CPC 的网络适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_CPC_GROUP, metric: 'network-usage' },
  }),
  usage('zhmc_cpc_storage_adapter_usage_ratio', {
    kind: 'storage-adapter',
    scope: 'cpc',
    modes: DPM,
    title: { en: 'Storage adapter usage', 'zh-CN': '存储适配器使用率' },
    help: {
      en: 'Average fraction of time the storage adapters of the CPC were processing I/O',
      'zh-CN': 'CPC 的存储适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_CPC_GROUP, metric: 'storage-usage' },
  }),
  usage('zhmc_cpc_accelerator_adapter_usage_ratio', {
    kind: 'accelerator-adapter',
    scope: 'cpc',
    modes: DPM,
    title: { en: 'Accelerator adapter usage', 'zh-CN': '加速器适配器使用率' },
    help: {
      en: 'Average fraction of time the accelerator adapters of the CPC were processing I/O',
      'zh-CN': 'CPC 的加速器适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_CPC_GROUP, metric: 'accelerator-usage' },
  }),
  usage('zhmc_cpc_crypto_adapter_usage_ratio', {
    kind: 'crypto-adapter',
    scope: 'cpc',
    modes: DPM,
    title: { en: 'Crypto adapter usage', 'zh-CN': '加密适配器使用率' },
    help: {
      en: 'Average fraction of time the crypto adapters of the CPC were processing I/O',
      'zh-CN': 'CPC 的加密适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_CPC_GROUP, metric: 'crypto-usage' },
  }),
  usage('zhmc_cpc_channel_usage_ratio', {
    kind: 'channel',
    scope: 'cpc',
    modes: CLASSIC,
    title: { en: 'Channel usage', 'zh-CN': '通道使用率' },
    help: {
      en: 'Average fraction of time the channels of the CPC were processing I/O',
      'zh-CN': 'CPC 的通道处理 I/O 的平均时间占比',
    },
    classic: { group: 'cpc-usage-overview', metric: 'channel-usage' },
  }),

  // ---- CPC processor-type breakdown ----
  cpcBreakdown('zhmc_cpc_shared_processor_usage_ratio', undefined, 'shared', BOTH),
  cpcBreakdown('zhmc_cpc_dedicated_processor_usage_ratio', undefined, 'dedicated', CLASSIC),
  cpcBreakdown('zhmc_cpc_cp_processor_usage_ratio', 'cp', undefined, BOTH),
  cpcBreakdown('zhmc_cpc_cp_shared_processor_usage_ratio', 'cp', 'shared', BOTH),
  cpcBreakdown('zhmc_cpc_cp_dedicated_processor_usage_ratio', 'cp', 'dedicated', CLASSIC),
  cpcBreakdown('zhmc_cpc_ifl_processor_usage_ratio', 'ifl', undefined, BOTH),
  cpcBreakdown('zhmc_cpc_ifl_shared_processor_usage_ratio', 'ifl', 'shared', BOTH),
  cpcBreakdown('zhmc_cpc_ifl_dedicated_processor_usage_ratio', 'ifl', 'dedicated', CLASSIC),
  cpcBreakdown('zhmc_cpc_icf_processor_usage_ratio', 'icf', undefined, CLASSIC),
  cpcBreakdown('zhmc_cpc_icf_shared_processor_usage_ratio', 'icf', 'shared', CLASSIC),
  cpcBreakdown('zhmc_cpc_icf_dedicated_processor_usage_ratio', 'icf', 'dedicated', CLASSIC),
  cpcBreakdown('zhmc_cpc_iip_processor_usage_ratio', 'iip', undefined, CLASSIC),
  cpcBreakdown('zhmc_cpc_iip_shared_processor_usage_ratio', 'iip', 'shared', CLASSIC),
  cpcBreakdown('zhmc_cpc_iip_dedicated_processor_usage_ratio', 'iip', 'dedicated', CLASSIC),
  usage('zhmc_processor_usage_ratio', {
    kind: 'processor',
    scope: 'processor',
    modes: BOTH,
    title: { en: 'Usage per processor', 'zh-CN': '各处理器使用率' },
    help: { en: 'Usage ratio of the processor', 'zh-CN': '单个处理器的使用率' },
    dpm: { group: 'zcpc-processor-usage', metric: 'processor-usage' },
    classic: { group: 'zcpc-processor-usage', metric: 'processor-usage' },
  }),

  // ---- Partition usage ----
  usage('zhmc_partition_processor_usage_ratio', {
    kind: 'processor',
    scope: 'partition',
    modes: BOTH,
    title: { en: 'Processor usage', 'zh-CN': '处理器使用率' },
    help: { en: 'Usage ratio across all processors of the partition', 'zh-CN': '分区所有处理器的平均使用率' },
    dpm: { group: DPM_PARTITION_GROUP, metric: 'processor-usage' },
    classic: { group: 'logical-partition-usage', metric: 'processor-usage' },
  }),
  usage('zhmc_partition_network_adapter_usage_ratio', {
    kind: 'network-adapter',
    scope: 'partition',
    modes: DPM,
    title: { en: 'Network adapter usage', 'zh-CN': '网络适配器使用率' },
    help: {
      en: 'Average fraction of time the network adapters attached to the partition were processing I/O',
      'zh-CN': '分区所连接的网络适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_PARTITION_GROUP, metric: 'network-usage' },
  }),
  usage('zhmc_partition_storage_adapter_usage_ratio', {
    kind: 'storage-adapter',
    scope: 'partition',
    modes: DPM,
    title: { en: 'Storage adapter usage', 'zh-CN': '存储适配器使用率' },
    help: {
      en: 'Average fraction of time the storage adapters attached to the partition were processing I/O',
      'zh-CN': '分区所连接的存储适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_PARTITION_GROUP, metric: 'storage-usage' },
  }),
  usage('zhmc_partition_accelerator_adapter_usage_ratio', {
    kind: 'accelerator-adapter',
    scope: 'partition',
    modes: DPM,
    title: { en: 'Accelerator adapter usage', 'zh-CN': '加速器适配器使用率' },
    help: {
      en: 'Average fraction of time the accelerator adapters attached to the partition were processing I/O',
      'zh-CN': '分区所连接的加速器适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_PARTITION_GROUP, metric: 'accelerator-usage' },
  }),
  usage('zhmc_partition_crypto_adapter_usage_ratio', {
    kind: 'crypto-adapter',
    scope: 'partition',
    modes: DPM,
    title: { en: 'Crypto adapter usage', 'zh-CN': '加密适配器使用率' },
    help: {
      en: 'Average fraction of time the crypto adapters attached to the partition were processing I/O',
      'zh-CN': '分区所连接的加密适配器处理 I/O 的平均时间占比',
    },
    dpm: { group: DPM_PARTITION_GROUP, metric: 'crypto-usage' },
  }),
  partitionBreakdown('zhmc_partition_cp_processor_usage_ratio', 'cp'),
  partitionBreakdown('zhmc_partition_ifl_processor_usage_ratio', 'ifl'),
  partitionBreakdown('zhmc_partition_icf_processor_usage_ratio', 'icf'),
  partitionBreakdown('zhmc_partition_iip_processor_usage_ratio', 'iip'),

  // ---- Adapters, ports, NICs (DPM); channels and crypto adapters (classic) ----
  usage('zhmc_adapter_usage_ratio', {
    kind: 'adapter',
    scope: 'adapter',
    modes: DPM,
    title: { en: 'Adapter usage', 'zh-CN': '适配器使用率' },
    help: { en: 'Fraction of time the adapter was processing I/O', 'zh-CN': '适配器处理 I/O 的时间占比' },
    dpm: { group: 'adapter-usage', metric: 'adapter-usage' },
  }),
  usage('zhmc_port_bandwidth_usage_ratio', {
    kind: 'port',
    scope: 'port',
    modes: DPM,
    title: { en: 'Port bandwidth usage', 'zh-CN': '端口带宽使用率' },
    help: { en: 'Bandwidth usage ratio of the port', 'zh-CN': '端口的带宽使用率' },
    dpm: { group: 'network-physical-adapter-port', metric: 'utilization' },
  }),
  ...trafficRates('port'),
  ...trafficRates('nic'),
  usage('zhmc_channel_usage_ratio', {
    kind: 'channel',
    scope: 'channel',
    modes: CLASSIC,
    title: { en: 'Channel usage', 'zh-CN': '通道使用率' },
    help: { en: 'Fraction of time the channel was processing I/O', 'zh-CN': '通道处理 I/O 的时间占比' },
    classic: { group: 'channel-usage', metric: 'channel-usage' },
  }),
  usage('zhmc_crypto_adapter_usage_ratio', {
    kind: 'crypto-adapter',
    scope: 'crypto-adapter',
    modes: CLASSIC,
    title: { en: 'Crypto adapter usage', 'zh-CN': '加密适配器使用率' },
    help: { en: 'Fraction of time the crypto adapter was processing I/O', 'zh-CN': '加密适配器处理 I/O 的时间占比' },
    classic: { group: 'crypto-usage', metric: 'adapter-usage' },
  }),

  // ---- Status ----
  status(
    'zhmc_cpc_status_int',
    'cpc',
    BOTH,
    { en: 'CPC status', 'zh-CN': 'CPC 状态' },
    {
      en: 'Status as integer (0=active/=operating, 1=degraded, 2=service-required, 10=service, 11=exceptions, 12=not-communicating, 13=status-check, 14=not-operating, 15=no-power, 99=unsupported value)',
      'zh-CN':
        'CPC 状态代码（0=活动/运行中，1=降级，2=需要维修，10=维修，11=异常，12=无法通信，13=状态检查，14=未运行，15=断电，99=不支持的值）',
    },
    CPC_STATUS_CODES,
  ),
  status(
    'zhmc_partition_status_int',
    'partition',
    DPM,
    { en: 'Partition status', 'zh-CN': '分区状态' },
    {
      en: 'Partition status as integer (0=active, 1=degraded, 10=paused, 11=stopped, 12=starting, 13=stopping, 20=reservation-error, 21=terminated, 22=communications-not-active, 23=status-check, 99=unsupported value)',
      'zh-CN':
        '分区状态代码（0=活动，1=降级，10=已暂停，11=已停止，12=启动中，13=停止中，20=预留错误，21=已终止，22=通信未激活，23=状态检查，99=不支持的值）',
    },
    PARTITION_STATUS_CODES,
  ),
  status(
    'zhmc_partition_lpar_status_int',
    'partition',
    CLASSIC,
    { en: 'LPAR status', 'zh-CN': 'LPAR 状态' },
    {
      en: 'LPAR status as integer (0=operating, 1=not-operating, 2=not-activated, 10=exceptions, 99=unsupported value)',
      'zh-CN': 'LPAR 状态代码（0=运行中，1=未运行，2=未激活，10=异常，99=不支持的值）',
    },
    LPAR_STATUS_CODES,
  ),
  status(
    'zhmc_adapter_status_int',
    'adapter',
    DPM,
    { en: 'Adapter status', 'zh-CN': '适配器状态' },
    {
      en: 'Adapter status as integer (0=active, 1=not-active, 2=not-detected, 3=exceptions, 4=service, 99=unsupported value)',
      'zh-CN': '适配器状态代码（0=活动，1=未激活，2=未检测到，3=异常，4=维修，99=不支持的值）',
    },
    ADAPTER_STATUS_CODES,
  ),
  ...PHYSICAL_ENTRIES,
] as const;

export type MetricId = (typeof ENTRIES)[number]['id'];

export const METRIC_IDS: readonly MetricId[] = ENTRIES.map((e) => e.id);

// Object.fromEntries loses the key type; the keys are exactly the ids of ENTRIES.
export const CATALOG = Object.fromEntries(ENTRIES.map((e) => [e.id, e])) as Readonly<Record<MetricId, CatalogMetric>>;

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}

/** The exporter's integer code for an HMC status string (99 when the exporter has no code for it). */
export function statusCode(metric: StatusMetric, status: string): number {
  return metric.statusCodes[status] ?? UNSUPPORTED_STATUS_CODE;
}

/** Whether the metric exists for a CPC in this mode (classic CPCs have no adapter metrics, ...). */
export function metricAppliesTo(metric: CatalogMetric, mode: CpcMode | null): boolean {
  return mode === null || metric.modes.includes(mode);
}

/**
 * What to chart instead on a CPC whose mode lacks the metric: classic CPCs have channel usage
 * where DPM CPCs have network/storage adapter usage (zhmc-exporter.md §1).
 */
export function alternativeInMode(metric: CatalogMetric, mode: CpcMode): MetricId | null {
  if (metric.modes.includes(mode) || mode !== 'classic') return null;
  if (metric.kind === 'network-adapter' || metric.kind === 'storage-adapter') {
    return metric.scope === 'cpc' ? 'zhmc_cpc_channel_usage_ratio' : metric.scope === 'partition' ? 'zhmc_channel_usage_ratio' : null;
  }
  if (metric.id === 'zhmc_adapter_usage_ratio') return 'zhmc_channel_usage_ratio';
  return null;
}

/** The label an `adapter` selector matches: crypto adapters are named by PCHID in the exporter; null: the metric has none. */
export function adapterLabel(metric: CatalogMetric): 'adapter' | 'adapter_pchid' | null {
  if (metric.labels.includes('adapter')) return 'adapter';
  if (metric.labels.includes('adapter_pchid')) return 'adapter_pchid';
  return null;
}

/** Whether a metric can be shown as partitions × time (it has a partition label and is not a status). */
export function heatmapApplies(metric: MetricId): boolean {
  return CATALOG[metric].labels.includes('partition') && CATALOG[metric].unit !== 'status';
}
