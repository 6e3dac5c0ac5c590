// Scenario files: YAML in the shape of Scenario (hmc-api.md §6 tree: cpcs[].partitions[],
// cpcs[].logical-partitions[], cpcs[].adapters[], kebab-case HMC property names), validated field
// by field so a bad file fails with the path of the bad field. Omitted properties get the same
// defaults as the presets (builders.ts); references between objects are by name and are checked.

import { parse, stringify } from 'yaml';
import {
  defaultCryptoConfiguration,
  makeAdapter,
  makeCpc,
  makeLpar,
  makeNic,
  makePartition,
  makeStorageGroup,
  makeStorageVolume,
  makeVirtualSwitch,
} from './builders.js';
import { anyText, count, flag, list, names, objectId, oneOf, record, text } from './scenario-fields.js';
import { assertUnique, checkReferences } from './scenario-checks.js';
import { ScenarioError } from './scenario-error.js';
import { DEFAULT_SEED } from './presets.js';
import {
  ADAPTER_STATUSES,
  ADAPTER_TYPES,
  CPC_STATUSES,
  CRYPTO_ACCESS_MODES,
  DEFAULT_HMC,
  DEFAULT_METRICS_SETTINGS,
  LPAR_STATUSES,
  PARTITION_STATUSES,
  PARTITION_TYPES,
  PROCESSOR_MODES,
  STORAGE_VOLUME_USAGES,
  THREAD_METRIC_SPELLINGS,
  WORKLOAD_PROFILES,
  isLparRunning,
  isRunning,
  type AdapterSpec,
  type ChannelSpec,
  type CpcSpec,
  type CryptoAdapterSpec,
  type CryptoConfigurationSpec,
  type HmcInfo,
  type LparSpec,
  type MetricsSettings,
  type NicSpec,
  type PartitionSpec,
  type Scenario,
  type StorageGroupSpec,
  type StorageVolumeSpec,
  type VirtualSwitchSpec,
} from './scenario.js';

export { ScenarioError };

function nicFrom(value: unknown, path: string, cpc: string, partition: string): NicSpec {
  const f = record(value, path);
  return makeNic(cpc, partition, {
    'element-id': objectId(f, 'element-id', path),
    name: text(f, 'name', path),
    'device-number': anyText(f, 'device-number', path) ?? '0100',
    'virtual-switch': text(f, 'virtual-switch', path, 'optional'),
    adapter: text(f, 'adapter', path, 'optional'),
    port: count(f, 'port', path),
  });
}

/** Absent: the default for the partition's place on the CPC; null: no crypto configuration. */
function cryptoConfigurationFrom(
  f: Record<string, unknown>,
  path: string,
  byDefault: CryptoConfigurationSpec | null,
): CryptoConfigurationSpec | null {
  const value = f['crypto-configuration'];
  if (value === undefined) return byDefault;
  if (value === null) return null;
  const at = `${path}.crypto-configuration`;
  const c = record(value, at);
  return {
    'crypto-adapters': names(c, 'crypto-adapters', at),
    'crypto-domain-configurations': list(c['crypto-domain-configurations'], `${at}.crypto-domain-configurations`).map((d, i) => {
      const where = `${at}.crypto-domain-configurations[${i}]`;
      const domain = record(d, where);
      const index = count(domain, 'domain-index', where);
      if (index === undefined) throw new ScenarioError(`${where}.domain-index: expected an integer >= 0`);
      return { 'domain-index': index, 'access-mode': oneOf(domain, 'access-mode', where, CRYPTO_ACCESS_MODES) ?? 'control-usage' };
    }),
  };
}

function partitionFrom(value: unknown, path: string, cpc: string, cryptoDefault: CryptoConfigurationSpec | null): PartitionSpec {
  const f = record(value, path);
  const name = text(f, 'name', path);
  const memory = count(f, 'initial-memory', path, 1);
  const maximum = count(f, 'maximum-memory', path, memory ?? 1);
  const partition = makePartition(cpc, {
    'object-id': objectId(f, 'object-id', path),
    name,
    description: anyText(f, 'description', path),
    type: oneOf(f, 'type', path, PARTITION_TYPES),
    status: oneOf(f, 'status', path, PARTITION_STATUSES),
    'processor-mode': oneOf(f, 'processor-mode', path, PROCESSOR_MODES),
    'cp-processors': count(f, 'cp-processors', path),
    'ifl-processors': count(f, 'ifl-processors', path),
    'initial-cp-processing-weight': count(f, 'initial-cp-processing-weight', path, 1),
    'initial-ifl-processing-weight': count(f, 'initial-ifl-processing-weight', path, 1),
    'initial-memory': memory,
    'maximum-memory': maximum,
    nics: list(f.nics, `${path}.nics`).map((n, i) => nicFrom(n, `${path}.nics[${i}]`, cpc, name)),
    'storage-groups': names(f, 'storage-groups', path),
    'crypto-configuration': cryptoConfigurationFrom(f, path, cryptoDefault),
    workload: oneOf(f, 'workload', path, WORKLOAD_PROFILES),
  });
  if ((partition.workload === 'stopped') === isRunning(partition)) {
    throw new ScenarioError(`${path}: workload "stopped" goes with a status that does not run, and only with one`);
  }
  return partition;
}

function lparFrom(value: unknown, path: string, cpc: string, index: number): LparSpec {
  const f = record(value, path);
  const memory = count(f, 'initial-memory', path, 1);
  const lpar = makeLpar(cpc, {
    'object-id': objectId(f, 'object-id', path),
    name: text(f, 'name', path),
    description: anyText(f, 'description', path),
    status: oneOf(f, 'status', path, LPAR_STATUSES),
    'activation-mode': text(f, 'activation-mode', path, 'optional'),
    'partition-number': count(f, 'partition-number', path, 1) ?? index + 1,
    'processor-usage': oneOf(f, 'processor-usage', path, PROCESSOR_MODES),
    'number-general-purpose-processors': count(f, 'number-general-purpose-processors', path),
    'number-ifl-processors': count(f, 'number-ifl-processors', path),
    'number-ziip-processors': count(f, 'number-ziip-processors', path),
    'number-icf-processors': count(f, 'number-icf-processors', path),
    'initial-processing-weight': count(f, 'initial-processing-weight', path, 1),
    'initial-ifl-processing-weight': count(f, 'initial-ifl-processing-weight', path, 1),
    'initial-ziip-processing-weight': count(f, 'initial-ziip-processing-weight', path, 1),
    'initial-cf-processing-weight': count(f, 'initial-cf-processing-weight', path, 1),
    'defined-capacity': count(f, 'defined-capacity', path),
    'workload-manager-enabled': flag(f, 'workload-manager-enabled', path),
    'sysplex-name': f['sysplex-name'] === null ? null : text(f, 'sysplex-name', path, 'optional'),
    'initial-memory': memory,
    'maximum-memory': count(f, 'maximum-memory', path, memory ?? 1),
    'os-name': anyText(f, 'os-name', path),
    'os-type': anyText(f, 'os-type', path),
    'last-used-load-address': anyText(f, 'last-used-load-address', path),
    'last-used-load-parameter': anyText(f, 'last-used-load-parameter', path),
    workload: oneOf(f, 'workload', path, WORKLOAD_PROFILES),
  });
  if ((lpar.workload === 'stopped') === isLparRunning(lpar)) {
    throw new ScenarioError(`${path}: workload "stopped" goes with a status that does not run, and only with one`);
  }
  return lpar;
}

function adapterFrom(value: unknown, path: string, cpc: string): AdapterSpec {
  const f = record(value, path);
  const type = oneOf(f, 'type', path, ADAPTER_TYPES);
  if (type === undefined) throw new ScenarioError(`${path}.type: expected one of ${ADAPTER_TYPES.join(', ')}`);
  const adapterId = text(f, 'adapter-id', path);
  if (!/^[0-9A-Fa-f]{1,4}$/.test(adapterId)) throw new ScenarioError(`${path}.adapter-id: expected a hex PCHID`);
  return makeAdapter(cpc, {
    'object-id': objectId(f, 'object-id', path),
    name: text(f, 'name', path, 'optional'),
    description: anyText(f, 'description', path),
    'adapter-id': adapterId,
    type,
    'detected-card-type': text(f, 'detected-card-type', path, 'optional'),
    status: oneOf(f, 'status', path, ADAPTER_STATUSES),
    'physical-channel-status': text(f, 'physical-channel-status', path, 'optional'),
    'card-location': text(f, 'card-location', path, 'optional'),
    'port-count': count(f, 'port-count', path),
    'port-speed-mbps': count(f, 'port-speed-mbps', path),
  });
}

function vswitchFrom(value: unknown, path: string, cpc: string): VirtualSwitchSpec {
  const f = record(value, path);
  return makeVirtualSwitch(cpc, {
    'object-id': objectId(f, 'object-id', path),
    name: text(f, 'name', path),
    'backing-adapter': text(f, 'backing-adapter', path),
    port: count(f, 'port', path) ?? 0,
  });
}

function volumeFrom(value: unknown, path: string, cpc: string, group: string): StorageVolumeSpec {
  const f = record(value, path);
  const size = f.size;
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) throw new ScenarioError(`${path}.size: expected GiB, a number >= 0`);
  const cylinders = count(f, 'cylinders', path);
  return makeStorageVolume(cpc, group, {
    'element-id': objectId(f, 'element-id', path),
    name: text(f, 'name', path),
    description: anyText(f, 'description', path),
    size,
    usage: oneOf(f, 'usage', path, STORAGE_VOLUME_USAGES),
    'fulfillment-state': text(f, 'fulfillment-state', path, 'optional'),
    ...(cylinders === undefined ? {} : { cylinders }),
  });
}

function storageGroupFrom(value: unknown, path: string, cpc: string): StorageGroupSpec {
  const f = record(value, path);
  const name = text(f, 'name', path);
  return makeStorageGroup(cpc, {
    'object-id': objectId(f, 'object-id', path),
    name,
    ...(f.volumes === undefined
      ? {}
      : { volumes: list(f.volumes, `${path}.volumes`).map((v, i) => volumeFrom(v, `${path}.volumes[${i}]`, cpc, name)) }),
    description: anyText(f, 'description', path),
    type: oneOf(f, 'type', path, ['fcp', 'fc', 'nvme'] as const),
    shared: flag(f, 'shared', path),
    'fulfillment-state': text(f, 'fulfillment-state', path, 'optional'),
    adapters: names(f, 'adapters', path),
  });
}

function channelFrom(value: unknown, path: string): ChannelSpec {
  const f = record(value, path);
  const name = text(f, 'channel-name', path);
  if (!/^[0-9A-Fa-f]\.[0-9A-Fa-f]{1,2}$/.test(name) || name.includes(','))
    throw new ScenarioError(`${path}.channel-name: expected CSS.CHPID, for example 0.40`);
  return { 'channel-name': name, shared: flag(f, 'shared', path) ?? false, partition: anyText(f, 'partition', path) ?? '' };
}

function cryptoFrom(value: unknown, path: string): CryptoAdapterSpec {
  const f = record(value, path);
  return { 'channel-id': text(f, 'channel-id', path), 'crypto-id': text(f, 'crypto-id', path) };
}

function lineCords(f: Record<string, unknown>, path: string): number | undefined {
  const cords = count(f, 'line-cords', path);
  if (cords !== undefined && cords > 8) throw new ScenarioError(`${path}.line-cords: at most 8 (environmental-power-status has eight)`);
  return cords;
}

function cpcFrom(value: unknown, path: string): CpcSpec {
  const f = record(value, path);
  const name = text(f, 'name', path);
  const dpm = flag(f, 'dpm-enabled', path) ?? true;
  const dpmOnly = ['partitions', 'adapters', 'virtual-switches', 'storage-groups'];
  const classicOnly = ['logical-partitions', 'channels', 'crypto-adapters'];
  for (const key of dpm ? classicOnly : dpmOnly) {
    const value = f[key];
    if (Array.isArray(value) ? value.length > 0 : value !== undefined)
      throw new ScenarioError(`${path}.${key}: only for ${dpm ? 'classic (dpm-enabled: false)' : 'DPM (dpm-enabled: true)'} CPCs`);
  }
  const adapters = list(f.adapters, `${path}.adapters`).map((a, i) => adapterFrom(a, `${path}.adapters[${i}]`, name));
  const cryptoAdapters = adapters.filter((a) => a.type === 'crypto').map((a) => a.name);
  const cpc = makeCpc({
    'object-id': objectId(f, 'object-id', path),
    name,
    description: anyText(f, 'description', path),
    'machine-type': text(f, 'machine-type', path, 'optional') ?? '3931',
    'machine-model': text(f, 'machine-model', path, 'optional') ?? 'A01',
    'machine-serial-number': text(f, 'machine-serial-number', path, 'optional'),
    'se-version': text(f, 'se-version', path, 'optional'),
    status: oneOf(f, 'status', path, CPC_STATUSES),
    'dpm-enabled': dpm,
    ...(f['api-features'] === undefined ? {} : { 'api-features': names(f, 'api-features', path) }),
    'dpm-storage-management': flag(f, 'dpm-storage-management', path),
    'line-cords': lineCords(f, path),
    'processor-count-general-purpose': count(f, 'processor-count-general-purpose', path),
    'processor-count-ifl': count(f, 'processor-count-ifl', path) ?? (dpm ? 16 : 0),
    'processor-count-iip': count(f, 'processor-count-iip', path),
    'processor-count-icf': count(f, 'processor-count-icf', path),
    'processor-count-service-assist': count(f, 'processor-count-service-assist', path),
    'processor-count-spare': count(f, 'processor-count-spare', path),
    'processor-count-ifp': count(f, 'processor-count-ifp', path),
    'storage-total-installed': count(f, 'storage-total-installed', path, 1) ?? 1048576,
    'storage-hardware-system-area': count(f, 'storage-hardware-system-area', path),
    partitions: list(f.partitions, `${path}.partitions`).map((p, i) =>
      partitionFrom(p, `${path}.partitions[${i}]`, name, defaultCryptoConfiguration(i, cryptoAdapters)),
    ),
    'logical-partitions': list(f['logical-partitions'], `${path}.logical-partitions`).map((l, i) =>
      lparFrom(l, `${path}.logical-partitions[${i}]`, name, i),
    ),
    adapters,
    'virtual-switches': list(f['virtual-switches'], `${path}.virtual-switches`).map((v, i) =>
      vswitchFrom(v, `${path}.virtual-switches[${i}]`, name),
    ),
    'storage-groups': list(f['storage-groups'], `${path}.storage-groups`).map((g, i) =>
      storageGroupFrom(g, `${path}.storage-groups[${i}]`, name),
    ),
    channels: list(f.channels, `${path}.channels`).map((c, i) => channelFrom(c, `${path}.channels[${i}]`)),
    'crypto-adapters': list(f['crypto-adapters'], `${path}.crypto-adapters`).map((c, i) => cryptoFrom(c, `${path}.crypto-adapters[${i}]`)),
  });
  for (const [key, values] of [
    ['partition', cpc.partitions.map((x) => x.name)],
    ['logical partition', cpc['logical-partitions'].map((x) => x.name)],
    ['adapter', cpc.adapters.map((x) => x.name)],
    ['adapter-id', cpc.adapters.map((x) => x['adapter-id'])],
    ['virtual switch', cpc['virtual-switches'].map((x) => x.name)],
    ['storage group', cpc['storage-groups'].map((x) => x.name)],
    ['channel', cpc.channels.map((x) => x['channel-name'])],
  ] as const) {
    assertUnique(values, `${key} name in ${name}`);
  }
  checkReferences(cpc, path);
  return cpc;
}

function hmcFrom(value: unknown): HmcInfo {
  if (value === undefined) return DEFAULT_HMC;
  const f = record(value, 'hmc');
  return {
    'hmc-name': text(f, 'hmc-name', 'hmc', 'optional') ?? DEFAULT_HMC['hmc-name'],
    'hmc-version': text(f, 'hmc-version', 'hmc', 'optional') ?? DEFAULT_HMC['hmc-version'],
    'api-major-version': count(f, 'api-major-version', 'hmc') ?? DEFAULT_HMC['api-major-version'],
    'api-minor-version': count(f, 'api-minor-version', 'hmc') ?? DEFAULT_HMC['api-minor-version'],
  };
}

function metricsFrom(value: unknown): MetricsSettings {
  if (value === undefined) return DEFAULT_METRICS_SETTINGS;
  const f = record(value, 'metrics');
  return {
    'thread-metric-names':
      oneOf(f, 'thread-metric-names', 'metrics', THREAD_METRIC_SPELLINGS) ?? DEFAULT_METRICS_SETTINGS['thread-metric-names'],
    'dpm-all-processor-usage': flag(f, 'dpm-all-processor-usage', 'metrics') ?? DEFAULT_METRICS_SETTINGS['dpm-all-processor-usage'],
  };
}

/** Validates a parsed scenario document (for example from JSON). */
export function scenarioFrom(document: unknown): Scenario {
  const f = record(document, 'scenario');
  if (!Array.isArray(f.cpcs)) throw new ScenarioError('cpcs: expected a list');
  const cpcs = f.cpcs.map((c, i) => cpcFrom(c, `cpcs[${i}]`));
  assertUnique(
    cpcs.map((c) => c.name),
    'CPC name',
  );
  assertUnique(
    cpcs.flatMap((c) => [
      c['object-id'],
      ...c.partitions.map((x) => x['object-id']),
      ...c['logical-partitions'].map((x) => x['object-id']),
      ...c.adapters.map((x) => x['object-id']),
      ...c['virtual-switches'].map((x) => x['object-id']),
      ...c['storage-groups'].map((x) => x['object-id']),
    ]),
    'object-id',
  );
  return { seed: count(f, 'seed', 'scenario') ?? DEFAULT_SEED, hmc: hmcFrom(f.hmc), metrics: metricsFrom(f.metrics), cpcs };
}

/** Parses and validates a YAML scenario file; throws ScenarioError naming the bad field. */
export function loadScenario(yamlText: string): Scenario {
  let document: unknown;
  try {
    document = parse(yamlText);
  } catch (error) {
    throw new ScenarioError(`not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return scenarioFrom(document);
}

/** The scenario as a YAML file that loadScenario reads back to an equal scenario. */
export function scenarioToYaml(scenario: Scenario): string {
  return stringify(scenario);
}
