// Storage volumes of DPM storage groups (hmc-api.md §2.6; zhmcclient `_storage_volume.py` and its
// mock's StorageVolumesHandler): List Storage Volumes of a Storage Group and Get Storage Volume
// Properties. IBM's exporter lists the volumes of every storage group at start-up when its
// `storagevolume-resource` group is exported (its default), and ends when this answers 404.

import { unknownResource } from './hmc-errors.js';
import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import { badQueryParm } from './hmc-errors.js';
import { matchesExact, matchesRegex, parseQuery, pickKnown, selectProperties, withAdditional, type Properties } from './inventory.js';
import type { Router } from './router.js';
import { storageGroupUri, storageVolumeUri, type Scenario, type StorageGroupSpec, type StorageVolumeSpec } from '../scenario/scenario.js';
import { objectId } from '../scenario/builders.js';
import { topology } from '../scenario/topology.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

/** The short set every list entry has (zhmcclient's docstring, the mock's `returned_props`). */
const LIST_PROPERTIES = ['element-uri', 'name', 'fulfillment-state', 'size', 'usage'];

export function storageVolumeProperties(volume: StorageVolumeSpec, group: StorageGroupSpec): Properties {
  return {
    'element-uri': storageVolumeUri(group, volume),
    'element-id': volume['element-id'],
    parent: storageGroupUri(group),
    class: 'storage-volume',
    name: volume.name,
    description: volume.description,
    'fulfillment-state': volume['fulfillment-state'],
    size: volume.size,
    usage: volume.usage,
    // Only ECKD (FICON) volumes have cylinders; the exporter checks for the property.
    ...(volume.cylinders === undefined ? {} : { cylinders: volume.cylinders }),
    uuid: volumeUuid(volume, group),
  };
}

/**
 * The volume's UUID as the storage reports it (32 hex digits, ours a hash of the names); null for
 * FICON (ECKD) volumes, which have none. When the HMC knows it for other volumes (e.g. before
 * fulfilment) is UNKNOWN: ours always has it.
 */
function volumeUuid(volume: StorageVolumeSpec, group: StorageGroupSpec): string | null {
  if (group.type === 'fc') return null;
  return objectId('storage-volume', `${group.name}/${volume.name}`).replaceAll('-', '').toUpperCase();
}

function sizeBound(values: readonly string[] | undefined, parm: string): number | undefined {
  if (values === undefined) return undefined;
  const value = Number(values[values.length - 1]);
  if (values.length === 0 || !Number.isFinite(value)) throw badQueryParm(`${parm} must be a number (GiB)`);
  return value;
}

export function addStorageVolumeRoutes(router: Router<HmcHandler>, current: () => Scenario): void {
  const findGroup = (request: HmcRequest): StorageGroupSpec => {
    const found = topology(current()).storageGroupById.get(request.params.id ?? '');
    if (found === undefined) throw unknownResource(request.path);
    return found.group;
  };
  router
    .add(
      'GET',
      '/api/storage-groups/:id/storage-volumes',
      authed((request) => {
        const group = findGroup(request);
        const query = parseQuery(request.query, [
          'name',
          'fulfillment-state',
          'maximum-size',
          'minimum-size',
          'usage',
          'additional-properties',
        ]);
        const names = query.get('name');
        const states = query.get('fulfillment-state');
        const usages = query.get('usage');
        const maximum = sizeBound(query.get('maximum-size'), 'maximum-size');
        const minimum = sizeBound(query.get('minimum-size'), 'minimum-size');
        const additional = query.get('additional-properties')?.join(',').split(',');
        const volumes = group.volumes
          .map((volume) => storageVolumeProperties(volume, group))
          .filter(
            (props) =>
              (names === undefined || matchesRegex(props.name, names, 'name')) &&
              (states === undefined || matchesExact(props['fulfillment-state'], states)) &&
              (usages === undefined || matchesExact(props.usage, usages)) &&
              (maximum === undefined || (typeof props.size === 'number' && props.size <= maximum)) &&
              (minimum === undefined || (typeof props.size === 'number' && props.size >= minimum)),
          )
          .map((props) => withAdditional(pickKnown(props, LIST_PROPERTIES), props, additional, request.path));
        return { status: 200, json: { 'storage-volumes': volumes } };
      }),
    )
    .add(
      'GET',
      '/api/storage-groups/:id/storage-volumes/:volume',
      authed((request) => {
        const group = findGroup(request);
        const volume = group.volumes.find((v) => v['element-id'] === request.params.volume);
        if (volume === undefined) throw unknownResource(request.path);
        const query = parseQuery(request.query, ['properties']);
        const all = storageVolumeProperties(volume, group);
        const list = query.get('properties');
        return { status: 200, json: list === undefined ? all : selectProperties(all, list.join(','), request.path, 'properties') };
      }),
    );
}
