// List Virtual Storage Resources of a Storage Group and Get Virtual Storage Resource Properties
// (zhmcclient `_virtual_storage_resource.py`, its mock's VirtualStorageResourcesHandler); the
// resources themselves are in inventory-io.ts.

import { unknownResource } from './hmc-errors.js';
import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import { getProperties, listed } from './hmc-inventory-routes.js';
import { pickKnown } from './inventory.js';
import { virtualStorageResourceElementId, virtualStorageResourceProperties, virtualStorageResources } from './inventory-io.js';
import type { Router } from './router.js';
import type { CpcSpec, Scenario, StorageGroupSpec } from '../scenario/scenario.js';
import { topology, type Topology } from '../scenario/topology.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

/** The short set every list entry has (zhmcclient's docstring, the mock's handler). */
const LIST_PROPERTIES = ['element-uri', 'name', 'device-number', 'adapter-port-uri', 'partition-uri'];

export function addVirtualStorageResourceRoutes(router: Router<HmcHandler>, current: () => Scenario): void {
  const groupOf = (request: HmcRequest): { cpc: CpcSpec; group: StorageGroupSpec; topo: Topology } => {
    const topo = topology(current());
    const found = topo.storageGroupById.get(request.params.id ?? '');
    if (found === undefined) throw unknownResource(request.path);
    return { ...found, topo };
  };
  router
    .add(
      'GET',
      '/api/storage-groups/:id/virtual-storage-resources',
      authed((request) => {
        const { cpc, group, topo } = groupOf(request);
        const resources = listed(
          request,
          virtualStorageResources(group, cpc, topo),
          virtualStorageResourceProperties,
          (vsr) => pickKnown(virtualStorageResourceProperties(vsr), LIST_PROPERTIES),
          {
            regex: ['name', 'device-number'],
            exact: ['adapter-port-uri', 'partition-uri'],
          },
        );
        return { status: 200, json: { 'virtual-storage-resources': resources } };
      }),
    )
    .add(
      'GET',
      '/api/storage-groups/:id/virtual-storage-resources/:vsr',
      authed((request) => {
        const { cpc, group, topo } = groupOf(request);
        const vsr = virtualStorageResources(group, cpc, topo).find((v) => virtualStorageResourceElementId(v) === request.params.vsr);
        if (vsr === undefined) throw unknownResource(request.path);
        return getProperties(request, virtualStorageResourceProperties(vsr));
      }),
    );
}
