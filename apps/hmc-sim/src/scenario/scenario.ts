// The site the simulator pretends to be: one HMC, its CPCs (DPM or classic) and what they hold.
// The tree and the kebab-case property names follow the HMC's own (hmc-api.md §2, §6); objects
// refer to each other by name (a NIC names its virtual switch), and URIs are derived from the
// object ids, so a scenario is plain data that round-trips through YAML.

/** `saturated`: near 100 % all the time — no preset uses it; it is the fault an admin drives a CPC into (setWorkload). */
export const WORKLOAD_PROFILES = ['steady', 'daily', 'batch', 'spiky', 'idle', 'saturated', 'stopped'] as const;
export type WorkloadProfile = (typeof WORKLOAD_PROFILES)[number];

export const PARTITION_TYPES = ['linux', 'ssc', 'zvm'] as const;
export type PartitionType = (typeof PARTITION_TYPES)[number];

export const PROCESSOR_MODES = ['shared', 'dedicated'] as const;
export type ProcessorMode = (typeof PROCESSOR_MODES)[number];

/** DPM partition status values (hmc-api.md §2.3, the exporter's partition status map). */
export const PARTITION_STATUSES = [
  'active',
  'degraded',
  'paused',
  'stopped',
  'starting',
  'stopping',
  'reservation-error',
  'terminated',
  'communications-not-active',
  'status-check',
] as const;
export type PartitionStatus = (typeof PARTITION_STATUSES)[number];

/** Classic LPAR status values (hmc-api.md §2.4). */
export const LPAR_STATUSES = ['operating', 'not-operating', 'not-activated', 'exceptions', 'acceptable'] as const;
export type LparStatus = (typeof LPAR_STATUSES)[number];

/** CPC status values (hmc-api.md §2.2). */
export const CPC_STATUSES = [
  'active',
  'operating',
  'degraded',
  'acceptable',
  'exceptions',
  'service-required',
  'service',
  'not-operating',
  'no-power',
  'not-communicating',
  'status-check',
] as const;
export type CpcStatus = (typeof CPC_STATUSES)[number];

/** Adapter types and their families (hmc-api.md §2.5, the mock's mapping). */
export const ADAPTER_FAMILIES = {
  osd: 'osa',
  osm: 'osa',
  roce: 'roce',
  hipersockets: 'hipersockets',
  fcp: 'ficon',
  fc: 'ficon',
  crypto: 'crypto',
  zedc: 'accelerator',
  'not-configured': 'ficon',
} as const;
export type AdapterType = keyof typeof ADAPTER_FAMILIES;
export const ADAPTER_TYPES = Object.keys(ADAPTER_FAMILIES).filter((t): t is AdapterType => t in ADAPTER_FAMILIES);

/** Adapter status values (the exporter's adapter status map). */
export const ADAPTER_STATUSES = ['active', 'not-active', 'not-detected', 'exceptions', 'service'] as const;
export type AdapterStatus = (typeof ADAPTER_STATUSES)[number];

export const NETWORK_ADAPTER_TYPES: readonly AdapterType[] = ['osd', 'osm', 'roce', 'hipersockets'];
export const STORAGE_ADAPTER_TYPES: readonly AdapterType[] = ['fcp', 'fc', 'not-configured'];

/**
 * The spelling of the per-thread metrics of `zcpc-processor-usage`: the mock writes `thread0-usage`,
 * the exporter reads `thread-0-usage`; the real HMC's is UNKNOWN (hmc-api.md §3.5), so it is a setting.
 */
export const THREAD_METRIC_SPELLINGS = ['thread-0-usage', 'thread0-usage'] as const;
export type ThreadMetricSpelling = (typeof THREAD_METRIC_SPELLINGS)[number];

export interface HmcInfo {
  readonly 'hmc-name': string;
  readonly 'hmc-version': string;
  readonly 'api-major-version': number;
  readonly 'api-minor-version': number;
}

/** Settings for facts the reference leaves UNKNOWN. */
export interface MetricsSettings {
  readonly 'thread-metric-names': ThreadMetricSpelling;
  /**
   * Whether `dpm-system-usage-overview` also has all-shared-processor-usage, cp-all-processor-usage
   * and ifl-all-processor-usage (the exporter defines them for DPM, the mock lacks them; type and
   * position UNKNOWN: simulated as integer-metric after the 11 known metrics). Default true.
   */
  readonly 'dpm-all-processor-usage': boolean;
}

export interface NicSpec {
  readonly 'element-id': string;
  readonly name: string;
  readonly 'device-number': string;
  /** Name of the virtual switch (OSA, HiperSockets) ... */
  readonly 'virtual-switch'?: string;
  /** ... or the adapter and port index it uses directly (RoCE). */
  readonly adapter?: string;
  readonly port?: number;
}

/** How a partition may use a crypto domain (zhmcclient `increase_crypto_config`). */
export const CRYPTO_ACCESS_MODES = ['control', 'control-usage'] as const;
export type CryptoAccessMode = (typeof CRYPTO_ACCESS_MODES)[number];

export interface CryptoDomainSpec {
  readonly 'domain-index': number;
  readonly 'access-mode': CryptoAccessMode;
}

/**
 * A partition's `crypto-configuration` (hmc-api.md §2.3), with the CPC's crypto adapters by name
 * (the HMC gives their URIs in `crypto-adapter-uris`).
 */
export interface CryptoConfigurationSpec {
  readonly 'crypto-adapters': readonly string[];
  readonly 'crypto-domain-configurations': readonly CryptoDomainSpec[];
}

export interface PartitionSpec {
  readonly 'object-id': string;
  readonly name: string;
  readonly description: string;
  readonly type: PartitionType;
  readonly status: PartitionStatus;
  readonly 'processor-mode': ProcessorMode;
  readonly 'cp-processors': number;
  readonly 'ifl-processors': number;
  readonly 'initial-cp-processing-weight': number;
  readonly 'initial-ifl-processing-weight': number;
  /** MiB */
  readonly 'initial-memory': number;
  /** MiB */
  readonly 'maximum-memory': number;
  readonly nics: readonly NicSpec[];
  /** Names of the CPC's storage groups attached to the partition. */
  readonly 'storage-groups': readonly string[];
  /** The crypto adapters and domains the partition may use; null: none (its crypto-usage is 0). */
  readonly 'crypto-configuration': CryptoConfigurationSpec | null;
  /** Not an HMC property: how the simulator makes this partition busy. */
  readonly workload: WorkloadProfile;
}

export interface LparSpec {
  readonly 'object-id': string;
  readonly name: string;
  readonly description: string;
  readonly status: LparStatus;
  /** `linux`, `ssc`, `not-set` in the reference; other values (e.g. esa390) are free text here. */
  readonly 'activation-mode': string;
  readonly 'partition-number': number;
  readonly 'processor-usage': ProcessorMode;
  readonly 'number-general-purpose-processors': number;
  readonly 'number-ifl-processors': number;
  readonly 'number-ziip-processors': number;
  readonly 'number-icf-processors': number;
  readonly 'initial-processing-weight': number;
  readonly 'initial-ifl-processing-weight': number;
  readonly 'initial-ziip-processing-weight': number;
  readonly 'initial-cf-processing-weight': number;
  /** MSU per hour; 0 = none. */
  readonly 'defined-capacity': number;
  readonly 'workload-manager-enabled': boolean;
  readonly 'sysplex-name': string | null;
  /** MiB of central storage at activation and at most. */
  readonly 'initial-memory': number;
  readonly 'maximum-memory': number;
  readonly 'os-name': string;
  readonly 'os-type': string;
  readonly 'last-used-load-address': string;
  readonly 'last-used-load-parameter': string;
  readonly workload: WorkloadProfile;
}

export interface AdapterSpec {
  readonly 'object-id': string;
  readonly name: string;
  readonly description: string;
  /** The PCHID, a hex string such as `108`. */
  readonly 'adapter-id': string;
  readonly type: AdapterType;
  readonly 'detected-card-type': string;
  readonly status: AdapterStatus;
  readonly 'physical-channel-status': string;
  readonly 'card-location': string;
  readonly 'port-count': number;
  /** Port speed in Mbit/s (for utilization), network adapters only. */
  readonly 'port-speed-mbps': number;
}

export interface VirtualSwitchSpec {
  readonly 'object-id': string;
  readonly name: string;
  readonly 'backing-adapter': string;
  readonly port: number;
}

/** Storage volume usages and fulfillment states (hmc-api.md §2.6, the exporter's value maps). */
export const STORAGE_VOLUME_USAGES = ['boot', 'data', 'not-applicable'] as const;
export type StorageVolumeUsage = (typeof STORAGE_VOLUME_USAGES)[number];

export interface StorageVolumeSpec {
  readonly 'element-id': string;
  readonly name: string;
  readonly description: string;
  /** GiB (0 for ECKD alias volumes). */
  readonly size: number;
  readonly usage: StorageVolumeUsage;
  readonly 'fulfillment-state': string;
  /** ECKD (FICON) volumes only. */
  readonly cylinders?: number;
}

export interface StorageGroupSpec {
  readonly 'object-id': string;
  readonly name: string;
  readonly description: string;
  readonly type: 'fcp' | 'fc' | 'nvme';
  readonly shared: boolean;
  readonly 'fulfillment-state': string;
  /** The FCP adapters its volumes are reached through. */
  readonly adapters: readonly string[];
  readonly volumes: readonly StorageVolumeSpec[];
}

export interface ChannelSpec {
  /** `CSS.CHPID`, for example `0.40`. */
  readonly 'channel-name': string;
  readonly shared: boolean;
  /** The owning LPAR (unshared), or what the HMC shows for a shared channel (blank by default). */
  readonly partition: string;
}

export interface CryptoAdapterSpec {
  readonly 'channel-id': string;
  readonly 'crypto-id': string;
}

export interface CpcSpec {
  readonly 'object-id': string;
  readonly name: string;
  readonly description: string;
  readonly 'machine-type': string;
  readonly 'machine-model': string;
  readonly 'machine-serial-number': string;
  readonly 'se-version': string;
  readonly status: CpcStatus;
  readonly 'dpm-enabled': boolean;
  /**
   * API features the CPC's SE reports (List CPC API Features); `environmental-metrics` adds the
   * partition, infrastructure and unassigned power metrics and the historical sustainability data.
   */
  readonly 'api-features': readonly string[];
  /** Firmware feature `dpm-storage-management` in `available-features-list` (DPM only). */
  readonly 'dpm-storage-management': boolean;
  /** Line cords that report power in `environmental-power-status` (0..8; the others report 0). */
  readonly 'line-cords': number;
  readonly 'processor-count-general-purpose': number;
  readonly 'processor-count-ifl': number;
  readonly 'processor-count-iip': number;
  readonly 'processor-count-icf': number;
  readonly 'processor-count-service-assist': number;
  readonly 'processor-count-spare': number;
  /** Integrated firmware processors (IFP), shown in `zcpc-processor-usage`. */
  readonly 'processor-count-ifp': number;
  /** MiB */
  readonly 'storage-total-installed': number;
  /** MiB */
  readonly 'storage-hardware-system-area': number;
  /** DPM partitions (empty on a classic CPC). */
  readonly partitions: readonly PartitionSpec[];
  /** Classic logical partitions (empty on a DPM CPC). */
  readonly 'logical-partitions': readonly LparSpec[];
  /** DPM only. */
  readonly adapters: readonly AdapterSpec[];
  readonly 'virtual-switches': readonly VirtualSwitchSpec[];
  readonly 'storage-groups': readonly StorageGroupSpec[];
  /** Classic only: channels (`channel-usage`) and crypto adapters (`crypto-usage`). */
  readonly channels: readonly ChannelSpec[];
  readonly 'crypto-adapters': readonly CryptoAdapterSpec[];
}

export interface Scenario {
  /** Seeds every workload: same seed, same numbers. */
  readonly seed: number;
  readonly hmc: HmcInfo;
  readonly metrics: MetricsSettings;
  readonly cpcs: readonly CpcSpec[];
}

/** Statuses in which a DPM partition runs and so has usage metrics (stopped ones have none). */
export function isRunning(partition: PartitionSpec): boolean {
  return partition.status === 'active' || partition.status === 'degraded';
}

/** Statuses in which an LPAR runs an operating system and so has usage metrics. */
export function isLparRunning(lpar: LparSpec): boolean {
  return lpar.status === 'operating' || lpar.status === 'exceptions' || lpar.status === 'acceptable';
}

/** The processors a partition's usage is spread over (its weight in the CPC's usage). */
export function processorCount(partition: PartitionSpec): number {
  return partition['cp-processors'] + partition['ifl-processors'];
}

export function lparProcessorCount(lpar: LparSpec): number {
  return (
    lpar['number-general-purpose-processors'] +
    lpar['number-ifl-processors'] +
    lpar['number-ziip-processors'] +
    lpar['number-icf-processors']
  );
}

export function cpcUri(cpc: CpcSpec): string {
  return `/api/cpcs/${cpc['object-id']}`;
}

export function partitionUri(partition: PartitionSpec): string {
  return `/api/partitions/${partition['object-id']}`;
}

export function lparUri(lpar: LparSpec): string {
  return `/api/logical-partitions/${lpar['object-id']}`;
}

export function adapterUri(adapter: AdapterSpec): string {
  return `/api/adapters/${adapter['object-id']}`;
}

export function nicUri(partition: PartitionSpec, nic: NicSpec): string {
  return `${partitionUri(partition)}/nics/${nic['element-id']}`;
}

export function virtualSwitchUri(vswitch: VirtualSwitchSpec): string {
  return `/api/virtual-switches/${vswitch['object-id']}`;
}

export function storageGroupUri(group: StorageGroupSpec): string {
  return `/api/storage-groups/${group['object-id']}`;
}

export function storageVolumeUri(group: StorageGroupSpec, volume: StorageVolumeSpec): string {
  return `${storageGroupUri(group)}/storage-volumes/${volume['element-id']}`;
}

export function portKind(adapter: AdapterSpec): 'network-ports' | 'storage-ports' | undefined {
  if (NETWORK_ADAPTER_TYPES.includes(adapter.type)) return 'network-ports';
  if (STORAGE_ADAPTER_TYPES.includes(adapter.type)) return 'storage-ports';
  return undefined;
}

export function portUri(adapter: AdapterSpec, index: number): string {
  return `${adapterUri(adapter)}/${portKind(adapter) ?? 'ports'}/${index}`;
}

export const DEFAULT_HMC: HmcInfo = {
  'hmc-name': 'HMC1',
  'hmc-version': '2.16.0',
  'api-major-version': 4,
  'api-minor-version': 10,
};

export const DEFAULT_METRICS_SETTINGS: MetricsSettings = {
  'thread-metric-names': 'thread-0-usage',
  'dpm-all-processor-usage': true,
};
