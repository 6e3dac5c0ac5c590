// The site the simulator pretends to be: one HMC, its CPCs and their partitions. The tree and the
// kebab-case property names follow the HMC's own (hmc-api.md §2.2, §2.3, §6), so a scenario file
// can later be produced from a real HMC's inventory.

export const WORKLOAD_PROFILES = ['steady', 'daily', 'batch', 'spiky', 'idle'] as const;
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

export interface HmcInfo {
  readonly 'hmc-name': string;
  readonly 'hmc-version': string;
  readonly 'api-major-version': number;
  readonly 'api-minor-version': number;
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
  /** Not an HMC property: how the simulator makes this partition busy. */
  readonly workload: WorkloadProfile;
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
  /** Only DPM CPCs are simulated so far; a scenario with `false` is rejected by loadScenario. */
  readonly 'dpm-enabled': boolean;
  readonly 'processor-count-general-purpose': number;
  readonly 'processor-count-ifl': number;
  readonly 'processor-count-iip': number;
  readonly 'processor-count-icf': number;
  readonly 'processor-count-service-assist': number;
  readonly 'processor-count-spare': number;
  /** MiB */
  readonly 'storage-total-installed': number;
  /** MiB */
  readonly 'storage-hardware-system-area': number;
  readonly partitions: readonly PartitionSpec[];
}

export interface Scenario {
  /** Seeds every workload: same seed, same numbers. */
  readonly seed: number;
  readonly hmc: HmcInfo;
  readonly cpcs: readonly CpcSpec[];
}

/** Statuses in which a partition runs and so has usage metrics (stopped ones have none). */
export function isRunning(partition: PartitionSpec): boolean {
  return partition.status === 'active' || partition.status === 'degraded';
}

/** The processors a partition's usage is spread over (its weight in the CPC's usage). */
export function processorCount(partition: PartitionSpec): number {
  return partition['cp-processors'] + partition['ifl-processors'];
}

export function cpcUri(cpc: CpcSpec): string {
  return `/api/cpcs/${cpc['object-id']}`;
}

export function partitionUri(partition: PartitionSpec): string {
  return `/api/partitions/${partition['object-id']}`;
}

export const DEFAULT_HMC: HmcInfo = {
  'hmc-name': 'HMC1',
  'hmc-version': '2.16.0',
  'api-major-version': 4,
  'api-minor-version': 10,
};
