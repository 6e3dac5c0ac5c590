// Small constructors for scenario objects, shared by the presets and the scenario-file reader so
// both give an omitted property the same default.

import { fnv1a, mix } from '../workload/hash.js';
import {
  ADAPTER_FAMILIES,
  type AdapterSpec,
  type AdapterType,
  type CpcSpec,
  type CryptoConfigurationSpec,
  type LparSpec,
  type NicSpec,
  type PartitionSpec,
  type StorageGroupSpec,
  type StorageVolumeSpec,
  type VirtualSwitchSpec,
} from './scenario.js';

/** A stable UUID-shaped id (DPM object ids are UUIDs), derived from what the object is. */
export function objectId(kind: string, name: string): string {
  const hex = [0, 1, 2, 3]
    .map((i) =>
      mix(fnv1a(`${kind}/${name}`), i)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type CpcInput = Optional<
  CpcSpec,
  | 'object-id'
  | 'description'
  | 'machine-serial-number'
  | 'se-version'
  | 'status'
  | 'api-features'
  | 'dpm-storage-management'
  | 'line-cords'
  | 'processor-count-general-purpose'
  | 'processor-count-ifl'
  | 'processor-count-iip'
  | 'processor-count-icf'
  | 'processor-count-service-assist'
  | 'processor-count-spare'
  | 'processor-count-ifp'
  | 'storage-hardware-system-area'
  | 'partitions'
  | 'logical-partitions'
  | 'adapters'
  | 'virtual-switches'
  | 'storage-groups'
  | 'channels'
  | 'crypto-adapters'
>;

/**
 * What an SE 2.16 at API 4.10 reports: the API features zhmcclient's docs (concepts.rst, "API
 * features") give an SE version for. zhmcclient's end-to-end tests expect `cpc-install-and-activate`,
 * `cpc-delete-retrieved-internal-code`, `dpm-smcd-partition-link-management` and `report-a-problem`
 * whenever the list is not empty; `environmental-metrics` is the one that changes metrics.
 */
export const DEFAULT_API_FEATURES: readonly string[] = [
  'adapter-network-information',
  'bcpii-notifications',
  'cpc-delete-retrieved-internal-code',
  'cpc-install-and-activate',
  'create-delete-activation-profiles',
  'dpm-ctc-partition-link-management',
  'dpm-hipersockets-partition-link-management',
  'dpm-smcd-partition-link-management',
  'environmental-metrics',
  'mobile-enhanced-push',
  'rc-409-15',
  'rcl-history',
  'rcl-progress',
  'report-a-problem',
  'secure-boot-with-certificates',
  'secure-execution-key-management',
  'switch-support-elements',
];
/**
 * What an HMC 2.16 at API 4.10 reports (List Console API Features): the API features zhmcclient's
 * docs give an HMC version for. zhmcclient asks for `dpm-*-partition-link-management` before it
 * sends `additional-properties` to List Permitted Partitions.
 */
export const HMC_API_FEATURES: readonly string[] = [
  'adapter-network-information',
  'cpc-delete-retrieved-internal-code',
  'cpc-install-and-activate',
  'create-delete-activation-profiles',
  'dpm-ctc-partition-link-management',
  'dpm-hipersockets-partition-link-management',
  'dpm-smcd-partition-link-management',
  'environmental-metrics',
  'hmc-delete-retrieved-internal-code',
  'ldap-direct-authentication',
  'mobile-enhanced-push',
  'oem-hmc-ids',
  'pmg-child-management-permission',
  'rc-409-15',
  'rcl-history',
  'rcl-progress',
  'report-a-problem',
  'secure-boot-with-certificates',
  'secure-execution-key-management',
  'switch-support-elements',
];
/** A single-frame machine with two redundant pairs of line cords. */
export const DEFAULT_LINE_CORDS = 4;

export function makeCpc(input: CpcInput): CpcSpec {
  return {
    'object-id': input['object-id'] ?? objectId('cpc', input.name),
    name: input.name,
    description: input.description ?? '',
    'machine-type': input['machine-type'],
    'machine-model': input['machine-model'],
    'machine-serial-number':
      input['machine-serial-number'] ?? `0000${(fnv1a(input.name) % 0xffffff).toString(16).toUpperCase().padStart(8, '0')}`,
    'se-version': input['se-version'] ?? '2.16.0',
    status: input.status ?? 'active',
    'dpm-enabled': input['dpm-enabled'],
    'api-features': input['api-features'] ?? DEFAULT_API_FEATURES,
    'dpm-storage-management': input['dpm-enabled'] && (input['dpm-storage-management'] ?? true),
    'line-cords': input['line-cords'] ?? DEFAULT_LINE_CORDS,
    'processor-count-general-purpose': input['processor-count-general-purpose'] ?? 0,
    'processor-count-ifl': input['processor-count-ifl'] ?? 0,
    'processor-count-iip': input['processor-count-iip'] ?? 0,
    'processor-count-icf': input['processor-count-icf'] ?? 0,
    'processor-count-service-assist': input['processor-count-service-assist'] ?? 4,
    'processor-count-spare': input['processor-count-spare'] ?? 2,
    'processor-count-ifp': input['processor-count-ifp'] ?? 2,
    'storage-total-installed': input['storage-total-installed'],
    'storage-hardware-system-area': input['storage-hardware-system-area'] ?? 262144,
    partitions: input.partitions ?? [],
    'logical-partitions': input['logical-partitions'] ?? [],
    adapters: input.adapters ?? [],
    'virtual-switches': input['virtual-switches'] ?? [],
    'storage-groups': input['storage-groups'] ?? [],
    channels: input.channels ?? [],
    'crypto-adapters': input['crypto-adapters'] ?? [],
  };
}

export type PartitionInput = Optional<
  PartitionSpec,
  | 'object-id'
  | 'description'
  | 'type'
  | 'status'
  | 'processor-mode'
  | 'cp-processors'
  | 'ifl-processors'
  | 'initial-cp-processing-weight'
  | 'initial-ifl-processing-weight'
  | 'initial-memory'
  | 'maximum-memory'
  | 'nics'
  | 'storage-groups'
  | 'crypto-configuration'
  | 'workload'
>;

/** Domains per crypto adapter: 0..84 on a Crypto Express 5S and later (zhmcclient's docs). */
export const CRYPTO_DOMAIN_COUNT = 85;

/**
 * The crypto configuration a partition gets when its scenario does not give one: a usage domain
 * of its own (its index on the CPC, so no two partitions share a usage domain of an adapter) on a
 * pair of the CPC's crypto adapters (all of them when there are two or fewer), pairs taken in
 * turn. None when the CPC has no crypto adapters or its domains are used up.
 */
export function defaultCryptoConfiguration(index: number, cryptoAdapters: readonly string[]): CryptoConfigurationSpec | null {
  if (cryptoAdapters.length === 0 || index >= CRYPTO_DOMAIN_COUNT) return null;
  const pairs = Math.max(1, Math.floor(cryptoAdapters.length / 2));
  const first = (index % pairs) * 2;
  return {
    'crypto-adapters': cryptoAdapters.slice(first, first + 2),
    'crypto-domain-configurations': [{ 'domain-index': index, 'access-mode': 'control-usage' }],
  };
}

function describePartition(type: string, name: string): string {
  const kind = type === 'ssc' ? 'Secure Service Container' : type === 'zvm' ? 'z/VM host' : 'Linux';
  return `${kind} ${name}`;
}

export function makePartition(cpcName: string, input: PartitionInput): PartitionSpec {
  const type = input.type ?? 'linux';
  const workload = input.workload ?? 'steady';
  const memory = input['initial-memory'] ?? 16384;
  return {
    'object-id': input['object-id'] ?? objectId('partition', `${cpcName}/${input.name}`),
    name: input.name,
    description: input.description ?? describePartition(type, input.name),
    type,
    status: input.status ?? (workload === 'stopped' ? 'stopped' : 'active'),
    'processor-mode': input['processor-mode'] ?? 'shared',
    'cp-processors': input['cp-processors'] ?? 0,
    'ifl-processors': input['ifl-processors'] ?? 2,
    'initial-cp-processing-weight': input['initial-cp-processing-weight'] ?? 100,
    'initial-ifl-processing-weight': input['initial-ifl-processing-weight'] ?? 100,
    'initial-memory': memory,
    'maximum-memory': input['maximum-memory'] ?? memory,
    nics: input.nics ?? [],
    'storage-groups': input['storage-groups'] ?? [],
    'crypto-configuration': input['crypto-configuration'] ?? null,
    workload,
  };
}

export type NicInput = Optional<NicSpec, 'element-id'>;

export function makeNic(cpcName: string, partitionName: string, input: NicInput): NicSpec {
  return { ...input, 'element-id': input['element-id'] ?? objectId('nic', `${cpcName}/${partitionName}/${input.name}`) };
}

export type LparInput = Optional<
  LparSpec,
  | 'object-id'
  | 'description'
  | 'status'
  | 'activation-mode'
  | 'processor-usage'
  | 'number-general-purpose-processors'
  | 'number-ifl-processors'
  | 'number-ziip-processors'
  | 'number-icf-processors'
  | 'initial-processing-weight'
  | 'initial-ifl-processing-weight'
  | 'initial-ziip-processing-weight'
  | 'initial-cf-processing-weight'
  | 'defined-capacity'
  | 'workload-manager-enabled'
  | 'sysplex-name'
  | 'initial-memory'
  | 'maximum-memory'
  | 'os-name'
  | 'os-type'
  | 'last-used-load-address'
  | 'last-used-load-parameter'
  | 'workload'
>;

export function makeLpar(cpcName: string, input: LparInput): LparSpec {
  const workload = input.workload ?? 'steady';
  const memory = input['initial-memory'] ?? 65536;
  return {
    'object-id': input['object-id'] ?? objectId('logical-partition', `${cpcName}/${input.name}`),
    name: input.name,
    description: input.description ?? '',
    status: input.status ?? (workload === 'stopped' ? 'not-activated' : 'operating'),
    'activation-mode': input['activation-mode'] ?? 'linux',
    'partition-number': input['partition-number'],
    'processor-usage': input['processor-usage'] ?? 'shared',
    'number-general-purpose-processors': input['number-general-purpose-processors'] ?? 0,
    'number-ifl-processors': input['number-ifl-processors'] ?? 0,
    'number-ziip-processors': input['number-ziip-processors'] ?? 0,
    'number-icf-processors': input['number-icf-processors'] ?? 0,
    'initial-processing-weight': input['initial-processing-weight'] ?? 100,
    'initial-ifl-processing-weight': input['initial-ifl-processing-weight'] ?? 100,
    'initial-ziip-processing-weight': input['initial-ziip-processing-weight'] ?? 100,
    'initial-cf-processing-weight': input['initial-cf-processing-weight'] ?? 100,
    'defined-capacity': input['defined-capacity'] ?? 0,
    'workload-manager-enabled': input['workload-manager-enabled'] ?? false,
    'sysplex-name': input['sysplex-name'] ?? null,
    'initial-memory': memory,
    'maximum-memory': input['maximum-memory'] ?? memory,
    'os-name': input['os-name'] ?? '',
    'os-type': input['os-type'] ?? '',
    'last-used-load-address': input['last-used-load-address'] ?? '',
    'last-used-load-parameter': input['last-used-load-parameter'] ?? '',
    workload,
  };
}

const CARD_TYPES: Readonly<Record<AdapterType, string>> = {
  osd: 'osa-express-7s-1000base-t',
  osm: 'osa-express-7s-1000base-t',
  roce: 'roce-express',
  hipersockets: 'hipersockets',
  fcp: 'ficon-express-16s-plus',
  fc: 'ficon-express-16s-plus',
  crypto: 'crypto-express-5s',
  zedc: 'zedc-express',
  'not-configured': 'ficon-express-16s-plus',
};

const PORT_SPEEDS: Readonly<Record<AdapterType, number>> = {
  osd: 1000,
  osm: 1000,
  roce: 25000,
  hipersockets: 0,
  fcp: 0,
  fc: 0,
  crypto: 0,
  zedc: 0,
  'not-configured': 0,
};

const NAME_PREFIX: Readonly<Record<AdapterType, string>> = {
  osd: 'OSD',
  osm: 'OSM',
  roce: 'ROCE',
  hipersockets: 'HIPERS',
  fcp: 'FCP',
  fc: 'FICON',
  crypto: 'CRYPTO',
  zedc: 'ZEDC',
  'not-configured': 'FICON',
};

export type AdapterInput = Optional<
  AdapterSpec,
  | 'object-id'
  | 'name'
  | 'description'
  | 'detected-card-type'
  | 'status'
  | 'physical-channel-status'
  | 'card-location'
  | 'port-count'
  | 'port-speed-mbps'
>;

export function makeAdapter(cpcName: string, input: AdapterInput): AdapterSpec {
  const type = input.type;
  const slot = (fnv1a(input['adapter-id']) % 38) + 1;
  const location =
    input['card-location'] ?? `Z${String(1 + (parseInt(input['adapter-id'], 16) % 3)).padStart(2, '0')}B-${String(slot).padStart(2, '0')}`;
  const name = input.name ?? `${NAME_PREFIX[type]} ${input['adapter-id'].padStart(4, '0')} ${location}`;
  const status = input.status ?? 'active';
  return {
    'object-id': input['object-id'] ?? objectId('adapter', `${cpcName}/${name}`),
    name,
    description: input.description ?? `${ADAPTER_FAMILIES[type]} adapter ${name}`,
    'adapter-id': input['adapter-id'],
    type,
    'detected-card-type': input['detected-card-type'] ?? CARD_TYPES[type],
    status,
    'physical-channel-status': input['physical-channel-status'] ?? (status === 'active' ? 'operating' : 'not-defined'),
    'card-location': location,
    'port-count': input['port-count'] ?? (type === 'crypto' || type === 'zedc' ? 0 : type === 'hipersockets' ? 1 : 2),
    'port-speed-mbps': input['port-speed-mbps'] ?? PORT_SPEEDS[type],
  };
}

export function makeVirtualSwitch(cpcName: string, input: Optional<VirtualSwitchSpec, 'object-id'>): VirtualSwitchSpec {
  return { ...input, 'object-id': input['object-id'] ?? objectId('virtual-switch', `${cpcName}/${input.name}`) };
}

export type StorageGroupInput = Optional<
  StorageGroupSpec,
  'object-id' | 'description' | 'type' | 'shared' | 'fulfillment-state' | 'volumes'
>;
export type StorageVolumeInput = Optional<StorageVolumeSpec, 'element-id' | 'description' | 'usage' | 'fulfillment-state'>;

// A 3390 model 9 volume: 10017 cylinders of 849,960 bytes.
const ECKD_MOD9_CYLINDERS = 10017;
const ECKD_MOD9_GIB = Math.round((ECKD_MOD9_CYLINDERS * 849_960 * 100) / 2 ** 30) / 100;

export function makeStorageVolume(cpcName: string, groupName: string, input: StorageVolumeInput): StorageVolumeSpec {
  return {
    ...input,
    'element-id': input['element-id'] ?? objectId('storage-volume', `${cpcName}/${groupName}/${input.name}`),
    description: input.description ?? '',
    usage: input.usage ?? 'data',
    'fulfillment-state': input['fulfillment-state'] ?? 'complete',
  };
}

/** A boot volume and two data volumes (FCP, NVMe), or two 3390-9 volumes (FICON). */
function defaultVolumes(cpcName: string, groupName: string, type: StorageGroupSpec['type']): StorageVolumeSpec[] {
  const make = (input: StorageVolumeInput): StorageVolumeSpec => makeStorageVolume(cpcName, groupName, input);
  if (type === 'fc') {
    return [1, 2].map((n) => make({ name: `${groupName} vol${n}`, size: ECKD_MOD9_GIB, cylinders: ECKD_MOD9_CYLINDERS }));
  }
  const seed = fnv1a(`${cpcName}/${groupName}`);
  return [
    make({ name: `${groupName} boot`, size: 32, usage: 'boot' }),
    make({ name: `${groupName} data1`, size: 128 * (1 + (seed % 4)) }),
    make({ name: `${groupName} data2`, size: 256 * (1 + ((seed >>> 4) % 3)) }),
  ];
}

export function makeStorageGroup(cpcName: string, input: StorageGroupInput): StorageGroupSpec {
  const type = input.type ?? 'fcp';
  return {
    'object-id': input['object-id'] ?? objectId('storage-group', `${cpcName}/${input.name}`),
    name: input.name,
    description: input.description ?? '',
    type,
    shared: input.shared ?? false,
    'fulfillment-state': input['fulfillment-state'] ?? 'complete',
    adapters: input.adapters,
    volumes: input.volumes ?? defaultVolumes(cpcName, input.name, type),
  };
}
