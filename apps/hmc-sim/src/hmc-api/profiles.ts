// Read-only configuration objects a monitoring tool may list: the activation profiles of classic
// CPCs (reset, image, load; zhmcclient `_activation_profile.py`, its mock's *ActProfilesHandler)
// and the capacity groups of DPM CPCs (`_capacity_group.py`). Derived from the scenario: a reset
// profile named after the CPC, an image profile per LPAR, two load profiles; one capacity group per
// DPM CPC holding its production partitions. DPM CPCs list no activation profiles (as the mock),
// classic CPCs no capacity groups.

import { objectId } from '../scenario/builders.js';
import { unknownResource } from './hmc-errors.js';
import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import { matchesRegex, parseQuery, pickKnown, selectProperties, withAdditional, type Properties } from './inventory.js';
import type { Router } from './router.js';
import { cpcUri, partitionUri, type CpcSpec, type LparSpec, type Scenario } from '../scenario/scenario.js';
import { topology } from '../scenario/topology.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

export const PROFILE_TYPES = ['reset', 'image', 'load'] as const;
type ProfileType = (typeof PROFILE_TYPES)[number];

/** The HMC's operating modes by LPAR activation mode (what is not listed keeps its own name). */
const OPERATING_MODE: Readonly<Record<string, string>> = {
  linux: 'linux-only',
  zvm: 'z-vm',
  'coupling-facility': 'coupling-facility',
  ssc: 'ssc',
  esa390: 'esa390',
};

function profile(cpc: CpcSpec, type: ProfileType, name: string, props: Properties): Properties {
  return {
    'element-uri': `${cpcUri(cpc)}/${type}-activation-profiles/${encodeURIComponent(name)}`,
    name,
    parent: cpcUri(cpc),
    class: `${type}-activation-profile`,
    ...props,
  };
}

function imageProfile(cpc: CpcSpec, lpar: LparSpec): Properties {
  const dedicated = lpar['processor-usage'] === 'dedicated';
  const count = (n: number, kind: string): Properties => ({
    [`number-shared-${kind}-processors`]: dedicated ? 0 : n,
    [`number-dedicated-${kind}-processors`]: dedicated ? n : 0,
  });
  return profile(cpc, 'image', lpar.name, {
    'target-name': lpar.name,
    description: lpar.description === '' ? `Image profile ${lpar.name}` : lpar.description,
    'operating-mode': OPERATING_MODE[lpar['activation-mode']] ?? lpar['activation-mode'],
    'partition-identifier': lpar['partition-number'].toString(16).toUpperCase().padStart(2, '0'),
    ...count(lpar['number-general-purpose-processors'], 'general-purpose'),
    ...count(lpar['number-ifl-processors'], 'ifl'),
    ...count(lpar['number-ziip-processors'], 'ziip'),
    ...count(lpar['number-icf-processors'], 'icf'),
    'central-storage': lpar['initial-memory'],
    'maximum-central-storage': lpar['maximum-memory'],
    'initial-processing-weight': lpar['initial-processing-weight'],
    'defined-capacity': lpar['defined-capacity'],
    'workload-manager-enabled': lpar['workload-manager-enabled'],
    'ipl-address': lpar['last-used-load-address'],
    'ipl-parameter': lpar['last-used-load-parameter'],
    'load-at-activation': false,
  });
}

export function activationProfiles(cpc: CpcSpec, type: ProfileType): Properties[] {
  if (cpc['dpm-enabled']) return [];
  switch (type) {
    case 'reset':
      return [
        profile(cpc, 'reset', cpc.name, {
          'target-name': cpc.name,
          description: `Reset profile of ${cpc.name}`,
          'iocds-name': 'A0',
          'iocds-ordinal': 0,
        }),
      ];
    case 'image':
      return cpc['logical-partitions'].map((lpar) => imageProfile(cpc, lpar));
    case 'load':
      return [
        profile(cpc, 'load', 'DEFAULTLOAD', {
          'target-name': '',
          description: 'Default load profile',
          'ipl-type': 'ipltype-standard',
          'ipl-address': '00000',
          'ipl-parameter': '',
        }),
        profile(cpc, 'load', 'SYSRES', {
          'target-name': '',
          description: 'IPL from the system residence volume',
          'ipl-type': 'ipltype-standard',
          'ipl-address': '0A80',
          'ipl-parameter': '0A82M1',
        }),
      ];
  }
}

export function capacityGroups(cpc: CpcSpec): Properties[] {
  if (!cpc['dpm-enabled'] || cpc.partitions.length === 0) return [];
  const production = cpc.partitions.filter((p) => /PRD/.test(p.name));
  const members = production.length > 0 ? production : cpc.partitions.slice(0, 2);
  const id = objectId('capacity-group', `${cpc.name}/PRODUCTION`);
  return [
    {
      'element-uri': `${cpcUri(cpc)}/capacity-groups/${id}`,
      'element-id': id,
      parent: cpcUri(cpc),
      class: 'capacity-group',
      name: 'PRODUCTION',
      'short-name': 'PRODCAP',
      description: 'Production partitions share an absolute processor cap',
      'capping-enabled': true,
      'absolute-general-purpose-proc-cap': 0.0,
      'absolute-ifl-proc-cap': Math.max(1, Math.round(cpc['processor-count-ifl'] * 0.5)),
      'absolute-ziip-proc-cap': 0.0,
      'absolute-icf-proc-cap': 0.0,
      'absolute-aap-proc-cap': 0.0,
      'partition-uris': members.map(partitionUri),
    },
  ];
}

function list(request: HmcRequest, all: readonly Properties[], field: string, listed: readonly string[], additional: boolean): HmcReply {
  const query = parseQuery(request.query, ['name', ...(additional ? ['additional-properties'] : [])]);
  const names = query.get('name');
  const extra = query.get('additional-properties')?.join(',').split(',');
  const entries = all
    .filter((p) => names === undefined || matchesRegex(p.name, names, 'name'))
    .map((p) => withAdditional(pickKnown(p, listed), p, extra, request.path));
  return { status: 200, json: { [field]: entries } };
}

function one(request: HmcRequest, all: readonly Properties[], key: string, value: string): HmcReply {
  const found = all.find((p) => p[key] === value);
  if (found === undefined) throw unknownResource(request.path);
  const wanted = parseQuery(request.query, ['properties', 'cached-acceptable']).get('properties');
  return { status: 200, json: wanted === undefined ? found : selectProperties(found, wanted.join(','), request.path, 'properties') };
}

export function addProfileRoutes(router: Router<HmcHandler>, current: () => Scenario): void {
  const cpcOf = (request: HmcRequest): CpcSpec => {
    const cpc = topology(current()).cpcById.get(request.params.id ?? '');
    if (cpc === undefined) throw unknownResource(request.path);
    return cpc;
  };
  for (const type of PROFILE_TYPES) {
    const field = `${type}-activation-profiles`;
    router
      .add(
        'GET',
        `/api/cpcs/:id/${field}`,
        authed((request) =>
          list(request, activationProfiles(cpcOf(request), type), field, ['element-uri', 'name', 'target-name'], type === 'image'),
        ),
      )
      .add(
        'GET',
        `/api/cpcs/:id/${field}/:name`,
        authed((request) => one(request, activationProfiles(cpcOf(request), type), 'name', request.params.name ?? '')),
      );
  }
  router
    .add(
      'GET',
      '/api/cpcs/:id/capacity-groups',
      authed((request) => list(request, capacityGroups(cpcOf(request)), 'capacity-groups', ['element-uri', 'name'], false)),
    )
    .add(
      'GET',
      '/api/cpcs/:id/capacity-groups/:group',
      authed((request) => one(request, capacityGroups(cpcOf(request)), 'element-id', request.params.group ?? '')),
    );
}
