// Who uses an adapter, over real HTTPS (issue 18): Get Partitions Assigned to Adapter, the storage
// groups' virtual storage resources behind it for FCP, partitions' crypto configurations for crypto
// adapters, and the classic CPC's adapter objects that List Permitted Adapters shows from z16 on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterSpec, CpcSpec, PartitionSpec } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { logOn, type TestSession } from '../test/hmc-session.js';
import { arrayField, field, keysOf, stringField } from '../test/json.js';

let sim: RunningSimulator;
let hmc: TestSession;
const cpc = (name: string): CpcSpec => {
  const found = sim.scenario.cpcs.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};
const adaptersOf = (c: CpcSpec, type: string): AdapterSpec[] => c.adapters.filter((a) => a.type === type);
const assignedUri = (adapter: AdapterSpec): string => `/api/adapters/${adapter['object-id']}/operations/get-partitions-assigned-to-adapter`;
const assigned = async (adapter: AdapterSpec, query = ''): Promise<unknown[]> =>
  arrayField(await hmc.ok(`${assignedUri(adapter)}${query}`), 'partitions-assigned-to-adapter');
const names = (list: readonly unknown[]): string[] => list.map((item) => stringField(item, 'name')).sort();
const sortedNames = (partitions: readonly PartitionSpec[]): string[] => partitions.map((p) => p.name).sort();

beforeAll(async () => {
  sim = await startSimulator();
  hmc = await logOn(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('Get Partitions Assigned to Adapter', () => {
  it('lists the partitions with a NIC on an OSA adapter (through its virtual switch) or a RoCE port', async () => {
    const zlx1 = cpc('ZLX1');
    for (const adapter of [...adaptersOf(zlx1, 'osd'), ...adaptersOf(zlx1, 'roce'), ...adaptersOf(zlx1, 'hipersockets')]) {
      const switches = zlx1['virtual-switches'].filter((v) => v['backing-adapter'] === adapter.name).map((v) => v.name);
      const expected = zlx1.partitions.filter((p) =>
        p.nics.some((n) => n.adapter === adapter.name || (n['virtual-switch'] !== undefined && switches.includes(n['virtual-switch']))),
      );
      expect({ adapter: adapter.name, partitions: names(await assigned(adapter)) }).toEqual({
        adapter: adapter.name,
        partitions: sortedNames(expected),
      });
    }
  });

  it('lists the partitions attached to a storage group reached through an FCP adapter, with object-uri, name and status', async () => {
    const zlx1 = cpc('ZLX1');
    for (const adapter of adaptersOf(zlx1, 'fcp')) {
      const groups = zlx1['storage-groups'].filter((g) => g.adapters.includes(adapter.name)).map((g) => g.name);
      const expected = zlx1.partitions.filter((p) => p['storage-groups'].some((g) => groups.includes(g)));
      const list = await assigned(adapter);
      expect(names(list)).toEqual(sortedNames(expected));
      for (const entry of list) expect(keysOf(entry).sort()).toEqual(['name', 'object-uri', 'status']);
    }
  });

  it('lists the partitions whose crypto configuration has a crypto adapter; filters name (regex) and status (exact)', async () => {
    const zlx1 = cpc('ZLX1');
    const crypto = adaptersOf(zlx1, 'crypto')[0];
    if (crypto === undefined) throw new Error('no crypto adapter');
    const users = zlx1.partitions.filter((p) => p['crypto-configuration']?.['crypto-adapters'].includes(crypto.name) === true);
    expect(users.map((p) => p.name)).toContain('SSC BLOCKCHAIN');
    expect(names(await assigned(crypto))).toEqual(sortedNames(users));
    expect(names(await assigned(crypto, '?status=stopped'))).toEqual(sortedNames(users.filter((p) => p.status === 'stopped')));
    expect(names(await assigned(crypto, `?name=${encodeURIComponent('SSC.*')}`))).toEqual(['SSC BLOCKCHAIN']);
    expect(await hmc.error(`${assignedUri(crypto)}?type=ssc`)).toEqual([400, 1]);
  });

  it('answers 404.1 for an unknown adapter', async () => {
    expect(await hmc.error('/api/adapters/no-such-adapter/operations/get-partitions-assigned-to-adapter')).toEqual([404, 1]);
  });
});

describe("partitions' crypto configuration", () => {
  it("names the CPC's crypto adapters by URI and gives each partition a usage domain no other partition uses on them", async () => {
    for (const c of [cpc('ZLX1'), cpc('ZLX2')]) {
      const cryptoUris = adaptersOf(c, 'crypto').map((a) => `/api/adapters/${a['object-id']}`);
      const seen = new Set<string>();
      for (const partition of c.partitions) {
        const config = field(await hmc.ok(`/api/partitions/${partition['object-id']}`), 'crypto-configuration');
        expect(keysOf(config).sort()).toEqual(['crypto-adapter-uris', 'crypto-domain-configurations']);
        const adapters = arrayField(config, 'crypto-adapter-uris');
        expect(adapters.length).toBeGreaterThan(0);
        expect(adapters.every((uri) => cryptoUris.includes(String(uri)))).toBe(true);
        for (const domain of arrayField(config, 'crypto-domain-configurations')) {
          expect(field(domain, 'access-mode')).toBe('control-usage');
          const index = Number(field(domain, 'domain-index'));
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThanOrEqual(84);
          for (const uri of adapters) {
            const key = `${String(uri)}#${index}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
        }
      }
    }
  });
});

describe('virtual storage resources (List Virtual Storage Resources of a Storage Group)', () => {
  it("has one per attached partition and group adapter, each on a port of one of the group's adapters", async () => {
    const zlx1 = cpc('ZLX1');
    for (const group of zlx1['storage-groups']) {
      const uri = `/api/storage-groups/${group['object-id']}`;
      const list = arrayField(await hmc.ok(`${uri}/virtual-storage-resources`), 'virtual-storage-resources');
      const attached = zlx1.partitions.filter((p) => p['storage-groups'].includes(group.name));
      expect(list).toHaveLength(attached.length * group.adapters.length);
      expect(arrayField(await hmc.ok(uri), 'virtual-storage-resource-uris')).toEqual(list.map((v) => field(v, 'element-uri')));
      const groupAdapters = group.adapters.map((name) => zlx1.adapters.find((a) => a.name === name)?.['object-id']);
      for (const vsr of list) {
        expect(keysOf(vsr).sort()).toEqual(['adapter-port-uri', 'device-number', 'element-uri', 'name', 'partition-uri']);
        const port = stringField(vsr, 'adapter-port-uri');
        expect(port).toMatch(/^\/api\/adapters\/[^/]+\/storage-ports\/0$/);
        expect(groupAdapters).toContain(port.split('/')[3]);
        expect(attached.map((p) => `/api/partitions/${p['object-id']}`)).toContain(field(vsr, 'partition-uri'));
      }
      // A partition's paths to the group have device numbers of their own.
      for (const partition of attached) {
        const mine = arrayField(
          await hmc.ok(`${uri}/virtual-storage-resources?partition-uri=${encodeURIComponent(`/api/partitions/${partition['object-id']}`)}`),
          'virtual-storage-resources',
        );
        expect(new Set(mine.map((v) => field(v, 'device-number'))).size).toBe(group.adapters.length);
      }
    }
  });

  it('gets one with its parent, class and WWPN; unknown ones and groups are 404.1', async () => {
    const group = cpc('ZLX1')['storage-groups'][0];
    if (group === undefined) throw new Error('no storage group');
    const base = `/api/storage-groups/${group['object-id']}/virtual-storage-resources`;
    const first = arrayField(await hmc.ok(base), 'virtual-storage-resources')[0];
    const vsr = await hmc.ok(stringField(first, 'element-uri'));
    expect(vsr).toMatchObject({ parent: `/api/storage-groups/${group['object-id']}`, class: 'virtual-storage-resource' });
    expect(stringField(vsr, 'wwpn')).toMatch(/^[0-9A-F]{16}$/);
    expect(await hmc.ok(`${stringField(first, 'element-uri')}?properties=device-number`)).toEqual({
      'device-number': field(first, 'device-number'),
    });
    expect(await hmc.error(`${base}/nope`)).toEqual([404, 1]);
    expect(await hmc.error('/api/storage-groups/nope/virtual-storage-resources')).toEqual([404, 1]);
  });
});

describe("a classic z16-or-later CPC's adapter objects", () => {
  it('are in List Permitted Adapters (its crypto adapters by PCHID), not in its List Adapters; reading one is 409.5', async () => {
    const zos1 = cpc('ZOS1');
    const permitted = arrayField(await hmc.ok('/api/console/operations/list-permitted-adapters?cpc-name=ZOS1'), 'adapters');
    expect(permitted.map((a) => stringField(a, 'adapter-id')).sort()).toEqual(zos1['crypto-adapters'].map((c) => c['channel-id']).sort());
    for (const adapter of permitted) {
      expect(adapter).toMatchObject({
        'adapter-family': 'crypto',
        type: 'crypto',
        'dpm-enabled': false,
        'cpc-name': 'ZOS1',
        'se-version': '2.16.0',
      });
    }
    expect(arrayField(await hmc.ok(`/api/cpcs/${zos1['object-id']}/adapters`), 'adapters')).toEqual([]);
    const uri = stringField(permitted[0], 'object-uri');
    expect(await hmc.error(uri)).toEqual([409, 5]);
    expect(await hmc.error(`${uri}/operations/get-partitions-assigned-to-adapter`)).toEqual([409, 5]);
    const detected = arrayField(
      await hmc.ok('/api/console/operations/list-permitted-adapters?cpc-name=ZOS1&additional-properties=detected-card-type'),
      'adapters',
    );
    expect(detected.every((a) => typeof field(a, 'detected-card-type') === 'string')).toBe(true);
  });
});
