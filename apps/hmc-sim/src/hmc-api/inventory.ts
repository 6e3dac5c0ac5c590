// HMC resource properties of the scenario's CPCs and partitions (hmc-api.md §2.2, §2.3), the list
// filters (§2.1: string properties match as an anchored regex, enums exactly, repeats OR) and the
// `properties=` / `additional-properties=` selections.

import { badQueryParm, invalidProperty } from './hmc-errors.js';
import {
  adapterUri,
  cpcUri,
  isLparRunning,
  isRunning,
  nicUri,
  partitionUri,
  storageGroupUri,
  type CpcSpec,
  type PartitionSpec,
} from '../scenario/scenario.js';

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type Properties = Readonly<Record<string, Json>>;

// CPC statuses the HMC counts as fine; anything else sets has-unacceptable-status.
const ACCEPTABLE_CPC_STATUS = ['active', 'operating'];
const ACCEPTABLE_PARTITION_STATUS = ['active', 'stopped'];

export function cpcProperties(cpc: CpcSpec): Properties {
  const installed = cpc['storage-total-installed'];
  const hsa = cpc['storage-hardware-system-area'];
  const customer = installed - hsa;
  const assigned =
    cpc.partitions.filter(isRunning).reduce((sum, p) => sum + p['initial-memory'], 0) +
    cpc['logical-partitions'].filter(isLparRunning).reduce((sum, l) => sum + l['initial-memory'], 0);
  return {
    'object-uri': cpcUri(cpc),
    'object-id': cpc['object-id'],
    class: 'cpc',
    parent: '/api/console',
    name: cpc.name,
    description: cpc.description,
    status: cpc.status,
    'acceptable-status': ACCEPTABLE_CPC_STATUS,
    'has-unacceptable-status': !ACCEPTABLE_CPC_STATUS.includes(cpc.status),
    'additional-status': '',
    'degraded-status': cpc.status === 'degraded' ? ['other'] : ['not-degraded'],
    'dpm-enabled': cpc['dpm-enabled'],
    'iml-mode': cpc['dpm-enabled'] ? 'dpm' : 'lpar',
    'machine-type': cpc['machine-type'],
    'machine-model': cpc['machine-model'],
    'machine-serial-number': cpc['machine-serial-number'],
    'se-version': cpc['se-version'],
    'processor-count-general-purpose': cpc['processor-count-general-purpose'],
    'processor-count-ifl': cpc['processor-count-ifl'],
    'processor-count-iip': cpc['processor-count-iip'],
    'processor-count-icf': cpc['processor-count-icf'],
    'processor-count-aap': 0,
    'processor-count-cbp': 0,
    'processor-count-service-assist': cpc['processor-count-service-assist'],
    'processor-count-spare': cpc['processor-count-spare'],
    'processor-count-defective': 0,
    'storage-total-installed': installed,
    'storage-hardware-system-area': hsa,
    'storage-customer': customer,
    'storage-customer-central': assigned,
    'storage-customer-available': customer - assigned,
    'storage-customer-expanded': 0,
    'storage-vfm-increment-size': 0,
    'storage-vfm-total': 0,
    ...(cpc['dpm-enabled'] ? { 'maximum-partitions': 85 } : {}),
    'available-features-list': firmwareFeatures(cpc),
    'is-locked': false,
    'management-enablement-level': 'manage',
  };
}

/**
 * Firmware features (zhmcclient's firmware_feature_enabled reads them); DPM CPCs only. A DPM
 * partition has its CPC's list (zhmcclient's end-to-end test compares the two).
 */
function firmwareFeatures(cpc: CpcSpec): Json {
  return cpc['dpm-enabled']
    ? [{ name: 'dpm-storage-management', state: cpc['dpm-storage-management'], description: 'DPM Storage Management' }]
    : [];
}

export function cpcListEntry(cpc: CpcSpec): Properties {
  const all = cpcProperties(cpc);
  return pickKnown(all, ['object-uri', 'name', 'status', 'has-unacceptable-status', 'dpm-enabled', 'se-version']);
}

export function partitionProperties(partition: PartitionSpec, cpc: CpcSpec): Properties {
  const index = cpc.partitions.indexOf(partition);
  const groupUris = partition['storage-groups'].flatMap((name) => {
    const group = cpc['storage-groups'].find((g) => g.name === name);
    return group === undefined ? [] : [storageGroupUri(group)];
  });
  const cpWeight = partition['initial-cp-processing-weight'];
  const iflWeight = partition['initial-ifl-processing-weight'];
  const running = isRunning(partition);
  return {
    'object-uri': partitionUri(partition),
    'object-id': partition['object-id'],
    class: 'partition',
    parent: cpcUri(cpc),
    name: partition.name,
    'short-name': partition.name
      .replace(/[^A-Z0-9]/gi, '')
      .slice(0, 8)
      .toUpperCase(),
    description: partition.description,
    type: partition.type,
    status: partition.status,
    'acceptable-status': ACCEPTABLE_PARTITION_STATUS,
    'has-unacceptable-status': !ACCEPTABLE_PARTITION_STATUS.includes(partition.status),
    'processor-mode': partition['processor-mode'],
    'cp-processors': partition['cp-processors'],
    'ifl-processors': partition['ifl-processors'],
    'threads-per-processor': partition.type === 'zvm' ? 2 : 1,
    'initial-cp-processing-weight': cpWeight,
    'initial-ifl-processing-weight': iflWeight,
    'minimum-cp-processing-weight': 1,
    'minimum-ifl-processing-weight': 1,
    'maximum-cp-processing-weight': 999,
    'maximum-ifl-processing-weight': 999,
    'current-cp-processing-weight': running ? cpWeight : 1,
    'current-ifl-processing-weight': running ? iflWeight : 1,
    'cp-absolute-processor-capping': false,
    'ifl-absolute-processor-capping': false,
    'cp-absolute-processor-capping-value': 1.0,
    'ifl-absolute-processor-capping-value': 1.0,
    'cp-processing-weight-capped': false,
    'ifl-processing-weight-capped': false,
    'processor-management-enabled': false,
    'initial-memory': partition['initial-memory'],
    'maximum-memory': partition['maximum-memory'],
    'reserved-memory': partition['maximum-memory'] - partition['initial-memory'],
    'os-name': running ? (partition.type === 'zvm' ? 'z/VM' : partition.type === 'ssc' ? 'SSC' : 'Linux') : '',
    'os-type': running ? (partition.type === 'zvm' ? 'z/VM' : 'Linux') : '',
    'os-version': '',
    'autogenerate-partition-id': true,
    'partition-id': running ? (index + 1).toString(16).toUpperCase().padStart(2, '0') : null,
    'nic-uris': partition.nics.map((nic) => nicUri(partition, nic)),
    'hba-uris': [],
    'virtual-function-uris': [],
    'storage-group-uris': groupUris,
    'partition-link-uris': [],
    'tape-link-uris': [],
    // How the partition boots is not modelled: no boot device (the HMC's value for a partition
    // with none). zhmcclient's full property list has both.
    'boot-device': 'none',
    'boot-network-device': null,
    'crypto-configuration': cryptoConfiguration(partition, cpc),
    'degraded-adapters': [],
    'available-features-list': firmwareFeatures(cpc),
  };
}

/** The partition's crypto adapters as URIs (`crypto-adapter-uris`) and its domains; null when it has none. */
function cryptoConfiguration(partition: PartitionSpec, cpc: CpcSpec): Json {
  const config = partition['crypto-configuration'];
  if (config === null) return null;
  return {
    'crypto-adapter-uris': config['crypto-adapters'].flatMap((name) => {
      const adapter = cpc.adapters.find((a) => a.name === name);
      return adapter === undefined ? [] : [adapterUri(adapter)];
    }),
    'crypto-domain-configurations': config['crypto-domain-configurations'].map((d) => ({ ...d })),
  };
}

export function partitionListEntry(partition: PartitionSpec, cpc: CpcSpec): Properties {
  return pickKnown(partitionProperties(partition, cpc), ['object-uri', 'name', 'status', 'type']);
}

export function pickKnown(all: Properties, names: readonly string[]): Properties {
  const out: Record<string, Json> = {};
  for (const name of names) {
    const value = all[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Splits a comma-separated property list, rejecting names the resource does not have (400.14). */
export function selectProperties(all: Properties, list: string, uri: string, parm: string): Properties {
  const names = list.split(',').filter((name) => name !== '');
  for (const name of names) {
    if (!Object.hasOwn(all, name)) throw invalidProperty(name, uri, parm);
  }
  return pickKnown(all, names);
}

/** Query parameters as name → values (a repeated name ORs its values, hmc-api.md §2.1). */
export function parseQuery(search: URLSearchParams, allowed: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of search) {
    if (!allowed.includes(name)) throw badQueryParm(`${name}=${value}`);
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

/** String property filters are case-sensitive regexes anchored at both ends (Java style on the HMC). */
export function matchesRegex(value: Json | undefined, patterns: readonly string[], parm: string): boolean {
  if (typeof value !== 'string') return false;
  return patterns.some((pattern) => {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      throw badQueryParm(`${parm}=${pattern} is not a valid regular expression`);
    }
    return regex.test(value);
  });
}

/** Enum property filters match exactly. */
export function matchesExact(value: Json | undefined, wanted: readonly string[]): boolean {
  return typeof value === 'string' && wanted.includes(value);
}

/** A list entry plus the properties named in `additional-properties` (API 4.10+). */
export function withAdditional(entry: Properties, all: Properties, additional: readonly string[] | undefined, uri: string): Properties {
  if (additional === undefined) return entry;
  return { ...entry, ...selectProperties(all, additional.join(','), uri, 'additional-properties') };
}
