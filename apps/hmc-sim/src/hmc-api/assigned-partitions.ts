// Get Partitions Assigned to Adapter (zhmcclient `Adapter.list_assigned_partitions`, its mock's
// AdapterGetAssignedPartitionsHandler): the partitions of the adapter's DPM CPC that use it —
// through a NIC (OSA, HiperSockets via a virtual switch; RoCE via a port), a virtual storage
// resource of an attached storage group (FCP, FICON) or their crypto configuration (crypto).

import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import { findDpmAdapter, listed } from './hmc-inventory-routes.js';
import { partitionProperties, pickKnown } from './inventory.js';
import type { Router } from './router.js';
import { portKey, topology, type Topology } from '../scenario/topology.js';
import type { AdapterSpec, CpcSpec, PartitionSpec, Scenario } from '../scenario/scenario.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

/** What each entry has (the mock's `returned_props`). */
const ENTRY_PROPERTIES = ['object-uri', 'name', 'status'];

function usesAdapter(partition: PartitionSpec, adapter: AdapterSpec, cpc: CpcSpec, topo: Topology): boolean {
  switch (adapter.type) {
    case 'osd':
    case 'roce':
    case 'hipersockets':
      return Array.from({ length: adapter['port-count'] }, (_, port) => topo.nicsByPort.get(portKey(adapter, port)) ?? []).some((entries) =>
        entries.some((entry) => entry.partition === partition),
      );
    case 'fcp':
    case 'fc':
      return partition['storage-groups'].some((name) => topo.storageGroupByName(cpc, name)?.adapters.includes(adapter.name) === true);
    case 'crypto':
      return partition['crypto-configuration']?.['crypto-adapters'].includes(adapter.name) === true;
    // OSM adapters cannot be assigned (the HMC does not support the operation for them; its answer
    // is UNKNOWN, ours an empty list); no virtual functions (zEDC) are modelled.
    case 'osm':
    case 'zedc':
    case 'not-configured':
      return false;
  }
}

export function addAssignedPartitionsRoute(router: Router<HmcHandler>, current: () => Scenario): void {
  router.add(
    'GET',
    '/api/adapters/:id/operations/get-partitions-assigned-to-adapter',
    authed((request) => {
      const topo = topology(current());
      const { cpc, adapter } = findDpmAdapter(topo, request);
      const partitions = listed(
        request,
        cpc.partitions.filter((partition) => usesAdapter(partition, adapter, cpc, topo)),
        (partition) => partitionProperties(partition, cpc),
        (partition) => pickKnown(partitionProperties(partition, cpc), ENTRY_PROPERTIES),
        { regex: ['name'], exact: ['status'] },
      );
      return { status: 200, json: { 'partitions-assigned-to-adapter': partitions } };
    }),
  );
}
