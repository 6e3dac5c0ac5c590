// HMC resource properties of classic LPARs (hmc-api.md §2.4) and of the DPM I/O objects: adapters
// and their ports (§2.5), NICs, virtual switches, storage groups and their virtual storage resources
// (§2.6).

import type { Json, Properties } from './inventory.js';
import { pickKnown } from './inventory.js';
import {
  ADAPTER_FAMILIES,
  adapterUri,
  cpcUri,
  isLparRunning,
  lparUri,
  nicUri,
  partitionUri,
  portKind,
  portUri,
  storageGroupUri,
  storageVolumeUri,
  virtualSwitchUri,
  type AdapterSpec,
  type CpcSpec,
  type LparSpec,
  type PartitionSpec,
  type StorageGroupSpec,
  type VirtualSwitchSpec,
} from '../scenario/scenario.js';
import type { NicEntry, Topology } from '../scenario/topology.js';
import { objectId } from '../scenario/builders.js';

const ACCEPTABLE_LPAR_STATUS = ['operating'];

export function lparProperties(lpar: LparSpec, cpc: CpcSpec): Properties {
  const running = isLparRunning(lpar);
  const memory = (value: number): Json => ({
    'storage-element-type': 'central',
    initial: lpar['initial-memory'],
    current: running ? value : 0,
    maximum: lpar['maximum-memory'],
    'storage-origin': 0,
    'initial-storage-origin': 0,
  });
  const weights = {
    '': lpar['initial-processing-weight'],
    'ifl-': lpar['initial-ifl-processing-weight'],
    'ziip-': lpar['initial-ziip-processing-weight'],
    'cf-': lpar['initial-cf-processing-weight'],
    'aap-': 100,
  };
  const weightProps: Record<string, Json> = {};
  for (const [prefix, weight] of Object.entries(weights)) {
    weightProps[`initial-${prefix}processing-weight`] = weight;
    weightProps[`current-${prefix}processing-weight`] = running ? weight : 0;
    weightProps[`minimum-${prefix}processing-weight`] = 0;
    weightProps[`maximum-${prefix}processing-weight`] = 0;
    weightProps[`initial-${prefix}processing-weight-capped`] = false;
    weightProps[`current-${prefix}processing-weight-capped`] = false;
  }
  const capping = (): Json => ({ type: 'none', value: 0.0 });
  return {
    'object-uri': lparUri(lpar),
    'object-id': lpar['object-id'],
    class: 'logical-partition',
    parent: cpcUri(cpc),
    name: lpar.name,
    description: lpar.description,
    status: lpar.status,
    'acceptable-status': ACCEPTABLE_LPAR_STATUS,
    'has-unacceptable-status': !ACCEPTABLE_LPAR_STATUS.includes(lpar.status),
    'has-operating-system-messages': false,
    'activation-mode': lpar['activation-mode'],
    'partition-number': lpar['partition-number'].toString(16).toUpperCase(),
    'partition-identifier': lpar['partition-number'].toString(16).toUpperCase().padStart(2, '0'),
    'next-activation-profile-name': lpar.name,
    'last-used-activation-profile': lpar.name,
    'processor-usage': lpar['processor-usage'],
    'number-general-purpose-processors': lpar['number-general-purpose-processors'],
    'number-reserved-general-purpose-processors': 0,
    'number-ifl-processors': lpar['number-ifl-processors'],
    'number-reserved-ifl-processors': 0,
    'number-ziip-processors': lpar['number-ziip-processors'],
    'number-reserved-ziip-processors': 0,
    'number-icf-processors': lpar['number-icf-processors'],
    'number-reserved-icf-processors': 0,
    ...weightProps,
    'absolute-processing-capping': capping(),
    'absolute-ifl-capping': capping(),
    'absolute-ziip-capping': capping(),
    'absolute-cf-capping': capping(),
    'absolute-aap-capping': capping(),
    'defined-capacity': lpar['defined-capacity'],
    'workload-manager-enabled': lpar['workload-manager-enabled'],
    'sysplex-name': lpar['sysplex-name'],
    'storage-central-allocation': [memory(lpar['initial-memory'])],
    'storage-expanded-allocation': [],
    'initial-vfm-storage': 0,
    'maximum-vfm-storage': 0,
    'current-vfm-storage': 0,
    'os-name': running ? lpar['os-name'] : '',
    'os-type': running ? lpar['os-type'] : '',
    'os-level': '',
    'last-used-load-address': lpar['last-used-load-address'],
    'last-used-load-parameter': lpar['last-used-load-parameter'],
  };
}

export function lparListEntry(lpar: LparSpec, cpc: CpcSpec): Properties {
  return pickKnown(lparProperties(lpar, cpc), ['object-uri', 'name', 'status']);
}

export function adapterProperties(adapter: AdapterSpec, cpc: CpcSpec): Properties {
  const kind = portKind(adapter);
  const ports = Array.from({ length: adapter['port-count'] }, (_, i) => portUri(adapter, i));
  const extra: Record<string, Json> = {};
  if (adapter.type === 'crypto') {
    extra['crypto-number'] = parseInt(adapter['adapter-id'], 16) % 16;
    extra['crypto-type'] = 'ep11-coprocessor';
    extra['udx-loaded'] = false;
    extra['tke-commands-enabled'] = false;
  }
  if (adapter.type === 'hipersockets') extra['maximum-transmission-unit-size'] = 8;
  return {
    'object-uri': adapterUri(adapter),
    'object-id': adapter['object-id'],
    class: 'adapter',
    parent: cpcUri(cpc),
    name: adapter.name,
    description: adapter.description,
    'adapter-id': adapter['adapter-id'],
    'channel-path-id': adapter.type === 'hipersockets' ? 'F0' : null,
    'port-count': adapter['port-count'],
    status: adapter.status,
    state: adapter.status === 'active' ? 'online' : 'standby',
    'physical-channel-status': adapter['physical-channel-status'],
    type: adapter.type,
    'adapter-family': ADAPTER_FAMILIES[adapter.type],
    'detected-card-type': adapter['detected-card-type'],
    'card-location': adapter['card-location'],
    'configured-capacity': 64,
    'used-capacity': 0,
    'allowed-capacity': 64,
    'maximum-total-capacity': 1920,
    ...(kind === 'network-ports' ? { 'network-port-uris': ports } : {}),
    ...(kind === 'storage-ports' ? { 'storage-port-uris': ports } : {}),
    ...extra,
  };
}

export function adapterListEntry(adapter: AdapterSpec, cpc: CpcSpec): Properties {
  return pickKnown(adapterProperties(adapter, cpc), ['object-uri', 'name', 'adapter-id', 'adapter-family', 'type', 'status']);
}

export function portProperties(adapter: AdapterSpec, index: number): Properties {
  const kind = portKind(adapter);
  return {
    'element-uri': portUri(adapter, index),
    'element-id': String(index),
    parent: adapterUri(adapter),
    class: kind === 'storage-ports' ? 'storage-port' : 'network-port',
    index,
    name: `Port ${index}`,
    description: `Port ${index} of ${adapter.name}`,
  };
}

export function nicProperties(entry: NicEntry): Properties {
  const { partition, nic, adapter, port, vswitch } = entry;
  return {
    'element-uri': nicUri(partition, nic),
    'element-id': nic['element-id'],
    parent: partitionUri(partition),
    class: 'nic',
    name: nic.name,
    description: '',
    'device-number': nic['device-number'],
    type: adapter?.type === 'roce' ? 'roce' : adapter?.type === 'hipersockets' ? 'iqd' : 'osd',
    ...(vswitch === undefined
      ? { 'network-adapter-port-uri': adapter === undefined ? null : portUri(adapter, port) }
      : { 'virtual-switch-uri': virtualSwitchUri(vswitch) }),
  };
}

export function virtualSwitchProperties(vswitch: VirtualSwitchSpec, cpc: CpcSpec, topo: Topology): Properties {
  const adapter = topo.adapterByName(cpc, vswitch['backing-adapter']);
  return {
    'object-uri': virtualSwitchUri(vswitch),
    'object-id': vswitch['object-id'],
    class: 'virtual-switch',
    parent: cpcUri(cpc),
    name: vswitch.name,
    description: '',
    type: adapter?.type === 'hipersockets' ? 'hipersockets' : 'osd',
    'backing-adapter-uri': adapter === undefined ? null : adapterUri(adapter),
    port: vswitch.port,
    'connected-vnic-uris': cpc.partitions.flatMap((p) =>
      p.nics.filter((n) => n['virtual-switch'] === vswitch.name).map((n) => nicUri(p, n)),
    ),
  };
}

export function virtualSwitchListEntry(vswitch: VirtualSwitchSpec, cpc: CpcSpec, topo: Topology): Properties {
  return pickKnown(virtualSwitchProperties(vswitch, cpc, topo), ['object-uri', 'name', 'type']);
}

export function storageGroupProperties(group: StorageGroupSpec, cpc: CpcSpec, topo: Topology): Properties {
  const adapters = group.adapters.flatMap((name) => {
    const adapter = topo.adapterByName(cpc, name);
    return adapter === undefined ? [] : [portUri(adapter, 0)];
  });
  return {
    'object-uri': storageGroupUri(group),
    'object-id': group['object-id'],
    class: 'storage-group',
    parent: '/api/console',
    name: group.name,
    description: group.description,
    type: group.type,
    shared: group.shared,
    'fulfillment-state': group['fulfillment-state'],
    'cpc-uri': cpcUri(cpc),
    'max-partitions': group.shared ? 16 : 1,
    'candidate-adapter-port-uris': adapters,
    'storage-volume-uris': group.volumes.map((volume) => storageVolumeUri(group, volume)),
    'virtual-storage-resource-uris': virtualStorageResources(group, cpc, topo).map(virtualStorageResourceUri),
  };
}

export function storageGroupListEntry(group: StorageGroupSpec, cpc: CpcSpec, topo: Topology): Properties {
  return pickKnown(storageGroupProperties(group, cpc, topo), ['object-uri', 'cpc-uri', 'name', 'fulfillment-state', 'type']);
}

/**
 * A virtual storage resource: the path of one partition the storage group is attached to through
 * one of the adapters the group's volumes are reached through (what the partition's HBA uses).
 */
export interface VirtualStorageResource {
  readonly group: StorageGroupSpec;
  readonly partition: PartitionSpec;
  readonly adapter: AdapterSpec;
  /** In the partition: 1B00 + 16 × the group's place on the CPC + the path's (the HMC's choice is UNKNOWN). */
  readonly deviceNumber: string;
}

/** The group's resources: for each attached partition, a path through each of the group's adapters. */
export function virtualStorageResources(group: StorageGroupSpec, cpc: CpcSpec, topo: Topology): VirtualStorageResource[] {
  const adapters = group.adapters.flatMap((name) => {
    const adapter = topo.adapterByName(cpc, name);
    return adapter === undefined ? [] : [adapter];
  });
  const block = 0x1b00 + 16 * cpc['storage-groups'].indexOf(group);
  return cpc.partitions
    .filter((partition) => partition['storage-groups'].includes(group.name))
    .flatMap((partition) =>
      adapters.map((adapter, path) => ({ group, partition, adapter, deviceNumber: (block + path).toString(16).toUpperCase() })),
    );
}

export function virtualStorageResourceUri(vsr: VirtualStorageResource): string {
  return `${storageGroupUri(vsr.group)}/virtual-storage-resources/${virtualStorageResourceElementId(vsr)}`;
}

export function virtualStorageResourceElementId(vsr: VirtualStorageResource): string {
  return objectId('virtual-storage-resource', `${vsr.group['object-id']}/${vsr.partition['object-id']}/${vsr.adapter['object-id']}`);
}

/**
 * Properties as far as zhmcclient names them, and `wwpn` (FCP groups only; 16 hex digits as an
 * HBA's, ours from a hash): the rest of the HMC's data model is UNKNOWN. The adapter port is known
 * once the group is fulfilled (null before).
 */
export function virtualStorageResourceProperties(vsr: VirtualStorageResource): Properties {
  return {
    'element-uri': virtualStorageResourceUri(vsr),
    'element-id': virtualStorageResourceElementId(vsr),
    parent: storageGroupUri(vsr.group),
    class: 'virtual-storage-resource',
    name: `${vsr.partition.name} ${vsr.adapter['adapter-id']}`,
    description: `Path of ${vsr.partition.name} to ${vsr.group.name} through ${vsr.adapter.name}`,
    'device-number': vsr.deviceNumber,
    'partition-uri': partitionUri(vsr.partition),
    'adapter-port-uri': vsr.group['fulfillment-state'] === 'complete' ? portUri(vsr.adapter, 0) : null,
    ...(vsr.group.type === 'fcp' ? { wwpn: wwpn(vsr) } : {}),
  };
}

function wwpn(vsr: VirtualStorageResource): string {
  const id = virtualStorageResourceElementId(vsr).replaceAll('-', '');
  return `C05076${id.slice(0, 10)}`.toUpperCase();
}
