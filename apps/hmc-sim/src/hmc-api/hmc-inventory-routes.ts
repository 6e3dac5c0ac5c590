// The inventory operations of the simulated HMC (hmc-api.md §2, §7): CPCs, partitions, LPARs,
// adapters and ports, NICs, virtual switches and storage groups, with the list filters (`name=` an
// anchored regex, enums exact, repeats OR), `additional-properties=` and `properties=`.

import { HmcError, notInDpm, unknownResource } from './hmc-errors.js';
import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import {
  adapterListEntry,
  adapterProperties,
  lparListEntry,
  lparProperties,
  nicProperties,
  portProperties,
  storageGroupListEntry,
  storageGroupProperties,
  virtualSwitchListEntry,
  virtualSwitchProperties,
} from './inventory-io.js';
import {
  cpcListEntry,
  cpcProperties,
  matchesExact,
  matchesRegex,
  parseQuery,
  partitionListEntry,
  partitionProperties,
  selectProperties,
  withAdditional,
  type Properties,
} from './inventory.js';
import type { Router } from './router.js';
import { portKind, type AdapterSpec, type CpcSpec, type Scenario } from '../scenario/scenario.js';
import { topology, type Topology } from '../scenario/topology.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

export interface Filter {
  /** Query parameters matched as anchored regexes against string properties. */
  readonly regex: readonly string[];
  /** Query parameters matched exactly (enums). */
  readonly exact: readonly string[];
}

/** Filters full property objects by the query, then maps them to list entries (+ additional). */
export function listed<T>(
  request: HmcRequest,
  items: readonly T[],
  all: (item: T) => Properties,
  entry: (item: T) => Properties,
  filter: Filter,
): Properties[] {
  const query = parseQuery(request.query, [...filter.regex, ...filter.exact, 'additional-properties']);
  const additional = query.get('additional-properties')?.join(',').split(',');
  return items
    .map((item) => ({ item, props: all(item) }))
    .filter(
      ({ props }) =>
        filter.regex.every((parm) => {
          const wanted = query.get(parm);
          return wanted === undefined || matchesRegex(props[parm], wanted, parm);
        }) &&
        filter.exact.every((parm) => {
          const wanted = query.get(parm);
          return wanted === undefined || matchesExact(props[parm], wanted);
        }),
    )
    .map(({ item, props }) => withAdditional(entry(item), props, additional, request.path));
}

export function getProperties(request: HmcRequest, all: Properties, extraParms: readonly string[] = []): HmcReply {
  const query = parseQuery(request.query, ['properties', ...extraParms]);
  const list = query.get('properties');
  return { status: 200, json: list === undefined ? all : selectProperties(all, list.join(','), request.path, 'properties') };
}

/** The adapter of `:id`; a classic CPC's adapter object (topology.ts) is 409.5, an unknown id 404.1. */
export function findDpmAdapter(topo: Topology, request: HmcRequest): { readonly cpc: CpcSpec; readonly adapter: AdapterSpec } {
  const id = request.params.id ?? '';
  const classic = topo.classicAdapterById.get(id);
  if (classic !== undefined) throw notInDpm(classic.cpc);
  const found = topo.adapterById.get(id);
  if (found === undefined) throw unknownResource(request.path);
  return found;
}

export function addInventoryRoutes(router: Router<HmcHandler>, current: () => Scenario): void {
  const topo = (): ReturnType<typeof topology> => topology(current());
  const findCpc = (request: HmcRequest): CpcSpec => {
    const cpc = topo().cpcById.get(request.params.id ?? '');
    if (cpc === undefined) throw unknownResource(request.path);
    return cpc;
  };

  router
    .add(
      'GET',
      '/api/cpcs',
      authed((request) => {
        const cpcs = listed(request, current().cpcs, cpcProperties, cpcListEntry, { regex: ['name'], exact: [] });
        return { status: 200, json: { cpcs } };
      }),
    )
    .add(
      'GET',
      '/api/cpcs/:id',
      authed((request) => getProperties(request, cpcProperties(findCpc(request)), ['cached-acceptable'])),
    )
    // A classic CPC has no DPM partitions: the list is empty (the mock's behaviour, §2.3).
    .add(
      'GET',
      '/api/cpcs/:id/partitions',
      authed((request) => {
        const cpc = findCpc(request);
        const partitions = listed(
          request,
          cpc.partitions,
          (p) => partitionProperties(p, cpc),
          (p) => partitionListEntry(p, cpc),
          {
            regex: ['name'],
            exact: ['status', 'type'],
          },
        );
        return { status: 200, json: { partitions } };
      }),
    )
    .add(
      'GET',
      '/api/partitions/:id',
      authed((request) => {
        const found = topo().partitionById.get(request.params.id ?? '');
        if (found === undefined) throw unknownResource(request.path);
        return getProperties(request, partitionProperties(found.partition, found.cpc));
      }),
    )
    // A DPM CPC has no LPARs (an empty list); on a real HMC a name filter that matches nothing is 404.1 (§2.4).
    .add(
      'GET',
      '/api/cpcs/:id/logical-partitions',
      authed((request) => {
        const cpc = findCpc(request);
        const lpars = listed(
          request,
          cpc['logical-partitions'],
          (l) => lparProperties(l, cpc),
          (l) => lparListEntry(l, cpc),
          {
            regex: ['name'],
            exact: ['status'],
          },
        );
        if (!cpc['dpm-enabled'] && lpars.length === 0 && request.query.has('name')) throw new HmcError(404, 1, 'ERROR: found no Images');
        return { status: 200, json: { 'logical-partitions': lpars } };
      }),
    )
    .add(
      'GET',
      '/api/logical-partitions/:id',
      authed((request) => {
        const found = topo().lparById.get(request.params.id ?? '');
        if (found === undefined) throw unknownResource(request.path);
        return getProperties(request, lparProperties(found.lpar, found.cpc), ['cached-acceptable']);
      }),
    )
    // Adapters and virtual switches exist in DPM only; a classic CPC lists none (§7: still asked for).
    // Its adapter objects (z16 on, topology.ts) are in List Permitted Adapters only: 409.5 here.
    .add(
      'GET',
      '/api/cpcs/:id/adapters',
      authed((request) => {
        const cpc = findCpc(request);
        const adapters = listed(
          request,
          cpc.adapters,
          (a) => adapterProperties(a, cpc),
          (a) => adapterListEntry(a, cpc),
          {
            regex: ['name', 'adapter-id'],
            exact: ['adapter-family', 'type', 'status'],
          },
        );
        return { status: 200, json: { adapters } };
      }),
    )
    .add(
      'GET',
      '/api/adapters/:id',
      authed((request) => {
        const found = findDpmAdapter(topo(), request);
        return getProperties(request, adapterProperties(found.adapter, found.cpc));
      }),
    )
    .add(
      'GET',
      '/api/adapters/:id/:kind/:port',
      authed((request) => {
        const found = topo().adapterById.get(request.params.id ?? '');
        const index = Number(request.params.port);
        if (
          found === undefined ||
          portKind(found.adapter) !== request.params.kind ||
          !Number.isInteger(index) ||
          index < 0 ||
          index >= found.adapter['port-count'] ||
          String(index) !== request.params.port
        ) {
          throw unknownResource(request.path);
        }
        return getProperties(request, portProperties(found.adapter, index));
      }),
    )
    .add(
      'GET',
      '/api/partitions/:id/nics/:nic',
      authed((request) => {
        const entry = topo().nicByKey.get(`${request.params.id ?? ''}/${request.params.nic ?? ''}`);
        if (entry === undefined) throw unknownResource(request.path);
        return getProperties(request, nicProperties(entry));
      }),
    )
    .add(
      'GET',
      '/api/cpcs/:id/virtual-switches',
      authed((request) => {
        const cpc = findCpc(request);
        const t = topo();
        const switches = listed(
          request,
          cpc['virtual-switches'],
          (v) => virtualSwitchProperties(v, cpc, t),
          (v) => virtualSwitchListEntry(v, cpc, t),
          {
            regex: ['name'],
            exact: ['type'],
          },
        );
        return { status: 200, json: { 'virtual-switches': switches } };
      }),
    )
    .add(
      'GET',
      '/api/virtual-switches/:id',
      authed((request) => {
        const t = topo();
        const found = t.vswitchById.get(request.params.id ?? '');
        if (found === undefined) throw unknownResource(request.path);
        return getProperties(request, virtualSwitchProperties(found.vswitch, found.cpc, t));
      }),
    )
    // Storage groups belong to the console; the CPC is a filter (`cpc-uri`), §2.6.
    .add(
      'GET',
      '/api/storage-groups',
      authed((request) => {
        const t = topo();
        const groups = current().cpcs.flatMap((cpc) => cpc['storage-groups'].map((group) => ({ cpc, group })));
        const list = listed(
          request,
          groups,
          ({ cpc, group }) => storageGroupProperties(group, cpc, t),
          ({ cpc, group }) => storageGroupListEntry(group, cpc, t),
          {
            regex: ['name'],
            exact: ['cpc-uri', 'type', 'fulfillment-state'],
          },
        );
        return { status: 200, json: { 'storage-groups': list } };
      }),
    )
    .add(
      'GET',
      '/api/storage-groups/:id',
      authed((request) => {
        const t = topo();
        const found = t.storageGroupById.get(request.params.id ?? '');
        if (found === undefined) throw unknownResource(request.path);
        return getProperties(request, storageGroupProperties(found.group, found.cpc, t));
      }),
    );
}
