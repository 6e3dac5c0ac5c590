// Lookups over a scenario: objects by id and URI, who is attached to what (NIC → adapter port,
// adapter port → NICs). Built once per scenario object and cached, since scenarios are immutable.

import { makeAdapter } from './builders.js';
import { versionAtLeast } from '../exporter/exporter-catalog.js';
import {
  adapterUri,
  type AdapterSpec,
  type CpcSpec,
  type LparSpec,
  type NicSpec,
  type PartitionSpec,
  type Scenario,
  type StorageGroupSpec,
  type VirtualSwitchSpec,
} from './scenario.js';

export interface NicEntry {
  readonly cpc: CpcSpec;
  readonly partition: PartitionSpec;
  readonly nic: NicSpec;
  /** The adapter and port the NIC's traffic goes through (via its virtual switch, or directly). */
  readonly adapter: AdapterSpec | undefined;
  readonly port: number;
  readonly vswitch: VirtualSwitchSpec | undefined;
}

export interface Topology {
  readonly cpcById: ReadonlyMap<string, CpcSpec>;
  readonly partitionById: ReadonlyMap<string, { readonly cpc: CpcSpec; readonly partition: PartitionSpec; readonly index: number }>;
  readonly lparById: ReadonlyMap<string, { readonly cpc: CpcSpec; readonly lpar: LparSpec }>;
  readonly adapterById: ReadonlyMap<string, { readonly cpc: CpcSpec; readonly adapter: AdapterSpec }>;
  /** Adapter objects of classic CPCs (see classicAdapters): listed, not readable one by one. */
  readonly classicAdapterById: ReadonlyMap<string, { readonly cpc: CpcSpec; readonly adapter: AdapterSpec }>;
  readonly vswitchById: ReadonlyMap<string, { readonly cpc: CpcSpec; readonly vswitch: VirtualSwitchSpec }>;
  readonly storageGroupById: ReadonlyMap<string, { readonly cpc: CpcSpec; readonly group: StorageGroupSpec }>;
  /** Key: `${partition object-id}/${element-id}`. */
  readonly nicByKey: ReadonlyMap<string, NicEntry>;
  /** Key: `${adapter uri}#${port index}`. */
  readonly nicsByPort: ReadonlyMap<string, readonly NicEntry[]>;
  adapterByName(cpc: CpcSpec, name: string): AdapterSpec | undefined;
  vswitchByName(cpc: CpcSpec, name: string): VirtualSwitchSpec | undefined;
  storageGroupByName(cpc: CpcSpec, name: string): StorageGroupSpec | undefined;
}

const CACHE = new WeakMap<Scenario, Topology>();

export function portKey(adapter: AdapterSpec, port: number): string {
  return `${adapterUri(adapter)}#${port}`;
}

/**
 * A classic CPC's adapter objects. From z16 (SE 2.16) on the HMC has adapter objects for the
 * adapters of a classic CPC's IOCDS, but only for List Permitted Adapters and Update Adapter
 * Firmware (zhmcclient's `_adapter.py`): List Adapters of the CPC stays empty and, as zhmcclient's
 * docs say full properties are then not available, Get Adapter Properties refuses them. The
 * simulator models a classic CPC's crypto adapters (by PCHID), not the PCHIDs behind its channels,
 * so its adapter objects are the crypto adapters.
 */
export function classicAdapters(cpc: CpcSpec): AdapterSpec[] {
  if (cpc['dpm-enabled'] || !versionAtLeast(cpc['se-version'], '2.16')) return [];
  return cpc['crypto-adapters'].map((crypto) => makeAdapter(cpc.name, { type: 'crypto', 'adapter-id': crypto['channel-id'] }));
}

export function topology(scenario: Scenario): Topology {
  const cached = CACHE.get(scenario);
  if (cached !== undefined) return cached;
  const built = build(scenario);
  CACHE.set(scenario, built);
  return built;
}

function build(scenario: Scenario): Topology {
  const cpcById = new Map<string, CpcSpec>();
  const partitionById = new Map<string, { cpc: CpcSpec; partition: PartitionSpec; index: number }>();
  const lparById = new Map<string, { cpc: CpcSpec; lpar: LparSpec }>();
  const adapterById = new Map<string, { cpc: CpcSpec; adapter: AdapterSpec }>();
  const classicAdapterById = new Map<string, { cpc: CpcSpec; adapter: AdapterSpec }>();
  const vswitchById = new Map<string, { cpc: CpcSpec; vswitch: VirtualSwitchSpec }>();
  const storageGroupById = new Map<string, { cpc: CpcSpec; group: StorageGroupSpec }>();
  const adaptersByName = new Map<CpcSpec, Map<string, AdapterSpec>>();
  const vswitchesByName = new Map<CpcSpec, Map<string, VirtualSwitchSpec>>();
  const groupsByName = new Map<CpcSpec, Map<string, StorageGroupSpec>>();
  const nicByKey = new Map<string, NicEntry>();
  const nicsByPort = new Map<string, NicEntry[]>();

  for (const cpc of scenario.cpcs) {
    cpcById.set(cpc['object-id'], cpc);
    adaptersByName.set(cpc, new Map(cpc.adapters.map((a) => [a.name, a])));
    vswitchesByName.set(cpc, new Map(cpc['virtual-switches'].map((v) => [v.name, v])));
    groupsByName.set(cpc, new Map(cpc['storage-groups'].map((g) => [g.name, g])));
    for (const adapter of cpc.adapters) adapterById.set(adapter['object-id'], { cpc, adapter });
    for (const adapter of classicAdapters(cpc)) classicAdapterById.set(adapter['object-id'], { cpc, adapter });
    for (const vswitch of cpc['virtual-switches']) vswitchById.set(vswitch['object-id'], { cpc, vswitch });
    for (const group of cpc['storage-groups']) storageGroupById.set(group['object-id'], { cpc, group });
    for (const lpar of cpc['logical-partitions']) lparById.set(lpar['object-id'], { cpc, lpar });
    cpc.partitions.forEach((partition, index) => {
      partitionById.set(partition['object-id'], { cpc, partition, index });
      for (const nic of partition.nics) {
        const vswitch = nic['virtual-switch'] === undefined ? undefined : vswitchesByName.get(cpc)?.get(nic['virtual-switch']);
        const adapterName = vswitch?.['backing-adapter'] ?? nic.adapter;
        const adapter = adapterName === undefined ? undefined : adaptersByName.get(cpc)?.get(adapterName);
        const port = vswitch?.port ?? nic.port ?? 0;
        const entry: NicEntry = { cpc, partition, nic, adapter, port, vswitch };
        nicByKey.set(`${partition['object-id']}/${nic['element-id']}`, entry);
        if (adapter !== undefined) {
          const key = portKey(adapter, port);
          nicsByPort.set(key, [...(nicsByPort.get(key) ?? []), entry]);
        }
      }
    });
  }
  return {
    cpcById,
    partitionById,
    lparById,
    adapterById,
    classicAdapterById,
    vswitchById,
    storageGroupById,
    nicByKey,
    nicsByPort,
    adapterByName: (cpc, name) => adaptersByName.get(cpc)?.get(name),
    vswitchByName: (cpc, name) => vswitchesByName.get(cpc)?.get(name),
    storageGroupByName: (cpc, name) => groupsByName.get(cpc)?.get(name),
  };
}
