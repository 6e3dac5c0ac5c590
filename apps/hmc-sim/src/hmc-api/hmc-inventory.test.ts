import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpcSpec } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { hmcRequest, type HmcResponse } from '../test/hmc-client.js';
import { arrayField, field, keysOf, stringField } from '../test/json.js';

let sim: RunningSimulator;
let session: string;
const call = (path: string): Promise<HmcResponse> => hmcRequest(sim.hmcUrl, 'GET', path, { ca: sim.caPem, session });
const ok = async (path: string): Promise<unknown> => {
  const response = await call(path);
  expect({ path, status: response.status }).toEqual({ path, status: 200 });
  return response.json();
};
const error = async (path: string): Promise<[number, unknown]> => {
  const response = await call(path);
  return [response.status, field(response.json(), 'reason')];
};
const cpc = (name: string): CpcSpec => {
  const found = sim.scenario.cpcs.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};

beforeAll(async () => {
  sim = await startSimulator();
  const logon = await hmcRequest(sim.hmcUrl, 'POST', '/api/sessions', { ca: sim.caPem, body: sim.credentials });
  session = stringField(logon.json(), 'api-session');
});
afterAll(async () => {
  await sim.close();
});

describe('DPM adapters and ports', () => {
  it('lists adapters with the list properties and filters them (regex for names, exact for enums)', async () => {
    const uri = `/api/cpcs/${cpc('ZLX1')['object-id']}/adapters`;
    const all = arrayField(await ok(uri), 'adapters');
    expect(all).toHaveLength(cpc('ZLX1').adapters.length);
    expect(keysOf(all[0]).sort()).toEqual(['adapter-family', 'adapter-id', 'name', 'object-uri', 'status', 'type']);
    const osd = arrayField(await ok(`${uri}?type=osd`), 'adapters');
    expect(osd.length).toBe(cpc('ZLX1').adapters.filter((a) => a.type === 'osd').length);
    expect(osd.every((a) => field(a, 'adapter-family') === 'osa')).toBe(true);
    expect(arrayField(await ok(`${uri}?type=os`), 'adapters')).toEqual([]);
    expect(arrayField(await ok(`${uri}?name=FCP.*`), 'adapters').length).toBe(cpc('ZLX1').adapters.filter((a) => a.type === 'fcp').length);
    expect(await error(`${uri}?speed=fast`)).toEqual([400, 1]);
  });

  it('returns adapter properties, and its ports by their URIs', async () => {
    const adapter = cpc('ZLX1').adapters.find((a) => a.type === 'osd');
    if (adapter === undefined) throw new Error('no OSA');
    const props = await ok(`/api/adapters/${adapter['object-id']}`);
    expect(props).toMatchObject({
      'adapter-id': adapter['adapter-id'],
      type: 'osd',
      'adapter-family': 'osa',
      status: 'active',
      'detected-card-type': 'osa-express-7s-1000base-t',
    });
    const ports = arrayField(props, 'network-port-uris');
    expect(ports).toHaveLength(2);
    const port = await ok(String(ports[1]));
    expect(port).toMatchObject({ class: 'network-port', index: 1, 'element-id': '1' });
    expect(await error(`/api/adapters/${adapter['object-id']}/network-ports/2`)).toEqual([404, 1]);
    expect(await error(`/api/adapters/${adapter['object-id']}/storage-ports/0`)).toEqual([404, 1]);
    expect(await ok(`/api/adapters/${adapter['object-id']}?properties=name,status`)).toEqual({ name: adapter.name, status: 'active' });
    expect(await error(`/api/adapters/${adapter['object-id']}?properties=name,speed`)).toEqual([400, 14]);
  });
});

describe('NICs, virtual switches and storage groups', () => {
  it('follows a partition to its NIC, virtual switch and backing adapter port', async () => {
    const partition = cpc('ZLX1').partitions.find((p) => p.name === 'SSC BLOCKCHAIN');
    if (partition === undefined) throw new Error('no SSC BLOCKCHAIN');
    const props = await ok(`/api/partitions/${partition['object-id']}`);
    const nics = arrayField(props, 'nic-uris');
    expect(nics.length).toBe(partition.nics.length);
    const nic = await ok(String(nics[0]));
    expect(nic).toMatchObject({ class: 'nic', name: 'NIC OSA', type: 'osd' });
    const vswitch = await ok(stringField(nic, 'virtual-switch-uri'));
    expect(keysOf(vswitch)).toEqual(expect.arrayContaining(['backing-adapter-uri', 'port']));
    const adapter = await ok(stringField(vswitch, 'backing-adapter-uri'));
    expect(field(adapter, 'type')).toBe('osd');
    const listed = arrayField(await ok(`/api/cpcs/${cpc('ZLX1')['object-id']}/virtual-switches`), 'virtual-switches');
    expect(listed.map((v) => field(v, 'object-uri'))).toContain(stringField(nic, 'virtual-switch-uri'));
  });

  it('uses the adapter port directly for RoCE NICs', async () => {
    const partition = cpc('ZLX1').partitions.find((p) => p.nics.some((n) => n.adapter !== undefined));
    const nic = partition?.nics.find((n) => n.adapter !== undefined);
    if (partition === undefined || nic === undefined) throw new Error('no RoCE NIC');
    const props = await ok(`/api/partitions/${partition['object-id']}/nics/${nic['element-id']}`);
    expect(props).toMatchObject({
      type: 'roce',
      'network-adapter-port-uri': expect.stringMatching(/^\/api\/adapters\/[^/]+\/network-ports\/\d$/),
    });
    expect(keysOf(props)).not.toContain('virtual-switch-uri');
  });

  it('lists storage groups for the console, filterable by CPC, tied to FCP adapters', async () => {
    const all = arrayField(await ok('/api/storage-groups'), 'storage-groups');
    expect(all.length).toBe(sim.scenario.cpcs.reduce((n, c) => n + c['storage-groups'].length, 0));
    const zlx2 = arrayField(await ok(`/api/storage-groups?cpc-uri=/api/cpcs/${cpc('ZLX2')['object-id']}`), 'storage-groups');
    expect(zlx2.length).toBe(cpc('ZLX2')['storage-groups'].length);
    const partition = cpc('ZLX2').partitions[0];
    if (partition === undefined) throw new Error('no partition');
    const groups = arrayField(await ok(`/api/partitions/${partition['object-id']}`), 'storage-group-uris');
    expect(groups.length).toBeGreaterThan(0);
    const group = await ok(String(groups[0]));
    expect(group).toMatchObject({ 'cpc-uri': `/api/cpcs/${cpc('ZLX2')['object-id']}`, type: 'fcp', 'fulfillment-state': 'complete' });
    for (const portUri of arrayField(group, 'candidate-adapter-port-uris')) {
      expect(field(await ok(String(portUri).replace(/\/storage-ports\/\d+$/, '')), 'type')).toBe('fcp');
    }
  });
});

describe('classic CPCs and LPARs', () => {
  it('lists LPARs; a name filter that matches nothing is 404.1; DPM CPCs have none', async () => {
    const zos = cpc('ZOS1');
    const uri = `/api/cpcs/${zos['object-id']}/logical-partitions`;
    const lpars = arrayField(await ok(uri), 'logical-partitions');
    expect(lpars.map((l) => field(l, 'name'))).toEqual(zos['logical-partitions'].map((l) => l.name));
    expect(keysOf(lpars[0]).sort()).toEqual(['name', 'object-uri', 'status']);
    expect(arrayField(await ok(`${uri}?name=PRD.`), 'logical-partitions').map((l) => field(l, 'name'))).toEqual(['PRD1', 'PRD2']);
    expect(await error(`${uri}?name=NOPE`)).toEqual([404, 1]);
    expect(arrayField(await ok(`/api/cpcs/${cpc('ZLX1')['object-id']}/logical-partitions`), 'logical-partitions')).toEqual([]);
    expect(arrayField(await ok(`/api/cpcs/${zos['object-id']}/partitions`), 'partitions')).toEqual([]);
  });

  it('returns LPAR properties with the reference names and a properties= subset', async () => {
    const lpar = cpc('ZOS1')['logical-partitions'].find((l) => l.name === 'PRD1');
    if (lpar === undefined) throw new Error('no PRD1');
    const props = await ok(`/api/logical-partitions/${lpar['object-id']}`);
    expect(props).toMatchObject({
      class: 'logical-partition',
      status: 'operating',
      'activation-mode': 'esa390',
      'number-general-purpose-processors': 12,
      'number-ziip-processors': 4,
      'initial-processing-weight': 400,
      'defined-capacity': 1200,
      'workload-manager-enabled': true,
      'sysplex-name': 'PLEXP1',
      'has-unacceptable-status': false,
    });
    expect(arrayField(props, 'storage-central-allocation')[0]).toMatchObject({ initial: 524288 });
    expect(await ok(`/api/logical-partitions/${lpar['object-id']}?properties=status,processor-usage`)).toEqual({
      status: 'operating',
      'processor-usage': 'shared',
    });
    expect(await error(`/api/logical-partitions/${lpar['object-id']}?properties=colour`)).toEqual([400, 14]);
  });

  it("answers the calls IBM's exporter makes for a classic CPC (hmc-api.md §7)", async () => {
    const zos = cpc('ZOS1');
    // API features are bare arrays, as zhmcclient's list_api_features reads them: an HMC 2.16's and
    // the SE's, with the four zhmcclient's end-to-end tests expect whenever a list is not empty.
    const always = [
      'cpc-install-and-activate',
      'cpc-delete-retrieved-internal-code',
      'dpm-smcd-partition-link-management',
      'report-a-problem',
    ];
    expect(await ok('/api/console/operations/list-features')).toEqual(
      expect.arrayContaining([...always, 'dpm-ctc-partition-link-management']),
    );
    expect(await ok('/api/console/operations/list-features?name=dpm-.*')).toEqual([
      'dpm-ctc-partition-link-management',
      'dpm-hipersockets-partition-link-management',
      'dpm-smcd-partition-link-management',
    ]);
    expect(await ok(`/api/cpcs/${zos['object-id']}/operations/list-features`)).toEqual(
      expect.arrayContaining([...always, 'environmental-metrics']),
    );
    expect(await ok(`/api/cpcs/${zos['object-id']}/operations/list-features?name=env.*`)).toEqual(['environmental-metrics']);
    expect(arrayField(await ok(`/api/cpcs/${zos['object-id']}/adapters`), 'adapters')).toEqual([]);
    expect(arrayField(await ok(`/api/cpcs/${zos['object-id']}/virtual-switches`), 'virtual-switches')).toEqual([]);
    expect(await ok(`/api/cpcs/${zos['object-id']}?properties=name,dpm-enabled,se-version`)).toEqual({
      name: 'ZOS1',
      'dpm-enabled': false,
      'se-version': '2.16.0',
    });
    const permitted = arrayField(
      await ok(
        '/api/console/operations/list-permitted-logical-partitions?cpc-name=ZOS1&additional-properties=number-general-purpose-processors,current-processing-weight',
      ),
      'logical-partitions',
    );
    expect(permitted).toHaveLength(zos['logical-partitions'].length);
    expect(permitted[0]).toMatchObject({
      name: 'PRD1',
      'cpc-name': 'ZOS1',
      'number-general-purpose-processors': 12,
      'current-processing-weight': 400,
    });
    expect(arrayField(await ok('/api/console/operations/list-permitted-logical-partitions?cpc-name=ZLX1'), 'logical-partitions')).toEqual(
      [],
    );
    expect(await ok('/api/console')).toMatchObject({ 'object-uri': '/api/console', name: 'HMC1', version: '2.16.0' });
  });
});
