import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, scenarioToYaml } from '../scenario/scenario-file.js';
import type { CpcSpec, StorageGroupSpec } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { sampleLines } from '../test/exposition-parser.js';
import { logOn, type TestSession } from '../test/hmc-session.js';
import { arrayField, field, keysOf, stringField } from '../test/json.js';
import { storageVolumeProperties } from './storage-volumes.js';

let sim: RunningSimulator;
let hmc: TestSession;
const cpc = (name: string): CpcSpec => {
  const found = sim.scenario.cpcs.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};
const firstGroup = (): StorageGroupSpec => {
  const group = cpc('ZLX1')['storage-groups'][0];
  if (group === undefined) throw new Error('no storage group');
  return group;
};

beforeAll(async () => {
  sim = await startSimulator();
  hmc = await logOn(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('storage volumes (List Storage Volumes of a Storage Group, Get Storage Volume Properties)', () => {
  it("lists every storage group's volumes with the short set, as IBM's exporter walks them at start-up", async () => {
    const groups = arrayField(await hmc.ok('/api/storage-groups'), 'storage-groups');
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const uri = stringField(group, 'object-uri');
      const volumes = arrayField(await hmc.ok(`${uri}/storage-volumes`), 'storage-volumes');
      expect(volumes.length).toBeGreaterThan(0);
      for (const volume of volumes) {
        expect(keysOf(volume).sort()).toEqual(['element-uri', 'fulfillment-state', 'name', 'size', 'usage']);
        expect(stringField(volume, 'element-uri').startsWith(`${uri}/storage-volumes/`)).toBe(true);
      }
      // The group's storage-volume-uris name the same volumes.
      const props = await hmc.ok(uri);
      expect(arrayField(props, 'storage-volume-uris')).toEqual(volumes.map((v) => field(v, 'element-uri')));
    }
  });

  it('filters by name (regex), usage and fulfillment-state (exact), size bounds, and adds additional-properties', async () => {
    const group = firstGroup();
    const base = `/api/storage-groups/${group['object-id']}/storage-volumes`;
    const boot = arrayField(await hmc.ok(`${base}?usage=boot`), 'storage-volumes');
    expect(boot.map((v) => field(v, 'name'))).toEqual(group.volumes.filter((v) => v.usage === 'boot').map((v) => v.name));
    expect(arrayField(await hmc.ok(`${base}?name=${encodeURIComponent('.*data1')}`), 'storage-volumes')).toHaveLength(1);
    expect(arrayField(await hmc.ok(`${base}?fulfillment-state=incomplete`), 'storage-volumes')).toEqual([]);
    const small = arrayField(await hmc.ok(`${base}?maximum-size=64`), 'storage-volumes');
    expect(small.every((v) => Number(field(v, 'size')) <= 64)).toBe(true);
    expect(arrayField(await hmc.ok(`${base}?minimum-size=64`), 'storage-volumes').length + small.length).toBe(group.volumes.length);
    const withDescription = arrayField(await hmc.ok(`${base}?additional-properties=description,class`), 'storage-volumes');
    expect(field(withDescription[0], 'class')).toBe('storage-volume');
    expect(await hmc.error(`${base}?colour=blue`)).toEqual([400, 1]);
    expect(await hmc.error(`${base}?maximum-size=big`)).toEqual([400, 1]);
    expect(await hmc.error(`${base}?additional-properties=colour`)).toEqual([400, 14]);
  });

  it("answers a volume's properties, properties= selections, and 404.1 for unknown groups and volumes", async () => {
    const group = firstGroup();
    const volume = group.volumes[0];
    if (volume === undefined) throw new Error('no volume');
    const uri = `/api/storage-groups/${group['object-id']}/storage-volumes/${volume['element-id']}`;
    expect(await hmc.ok(uri)).toEqual({
      'element-uri': uri,
      'element-id': volume['element-id'],
      parent: `/api/storage-groups/${group['object-id']}`,
      class: 'storage-volume',
      name: volume.name,
      description: volume.description,
      'fulfillment-state': 'complete',
      size: volume.size,
      usage: volume.usage,
      uuid: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
    expect(await hmc.ok(`${uri}?properties=name`)).toEqual({ name: volume.name });
    expect(await hmc.error(`${uri}?properties=colour`)).toEqual([400, 14]);
    expect(await hmc.error(`/api/storage-groups/${group['object-id']}/storage-volumes/nope`)).toEqual([404, 1]);
    expect(await hmc.error('/api/storage-groups/nope/storage-volumes')).toEqual([404, 1]);
  });

  it('gives FCP volumes a UUID, as zhmcclient lists them (additional-properties=uuid), distinct per volume', async () => {
    const group = firstGroup();
    const listed = arrayField(
      await hmc.ok(`/api/storage-groups/${group['object-id']}/storage-volumes?additional-properties=uuid`),
      'storage-volumes',
    );
    const uuids = listed.map((v) => stringField(v, 'uuid'));
    expect(uuids).toHaveLength(group.volumes.length);
    expect(uuids.every((u) => /^[0-9A-F]{32}$/.test(u))).toBe(true);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('gives FICON (ECKD) volumes no UUID', () => {
    const scenario = loadScenario(`cpcs:
  - name: C1
    adapters: [{ type: fcp, adapter-id: "104", name: FCP1 }]
    storage-groups: [{ name: SG1, type: fc, adapters: [FCP1], volumes: [{ name: V1, size: 8.5, usage: data, cylinders: 10017 }] }]
`);
    const group = scenario.cpcs[0]?.['storage-groups'][0];
    const volume = group?.volumes[0];
    if (group === undefined || volume === undefined) throw new Error('no volume');
    expect(storageVolumeProperties(volume, group)).toMatchObject({ cylinders: 10017, uuid: null });
  });

  it('enables the dpm-storage-management firmware feature on DPM CPCs only', async () => {
    const features = (name: string): Promise<unknown> => hmc.ok(`/api/cpcs/${cpc(name)['object-id']}?properties=available-features-list`);
    expect(arrayField(await features('ZLX1'), 'available-features-list')).toEqual([
      { name: 'dpm-storage-management', state: true, description: 'DPM Storage Management' },
    ]);
    expect(arrayField(await features('ZOS1'), 'available-features-list')).toEqual([]);
  });

  it("gives a DPM partition its CPC's firmware features and the rest of zhmcclient's full property list", async () => {
    const zlx1 = cpc('ZLX1');
    const partition = zlx1.partitions[0];
    if (partition === undefined) throw new Error('no partition');
    const props = await hmc.ok(`/api/partitions/${partition['object-id']}`);
    const cpcFeatures = await hmc.ok(`/api/cpcs/${zlx1['object-id']}?properties=available-features-list`);
    expect(field(props, 'available-features-list')).toEqual(field(cpcFeatures, 'available-features-list'));
    expect(props).toMatchObject({ 'boot-device': 'none', 'boot-network-device': null, 'partition-link-uris': [], 'tape-link-uris': [] });
  });

  it('exports the storagevolume-resource metrics for every volume, values from its properties', async () => {
    const samples = sampleLines(await (await fetch(sim.metricsUrl)).text());
    const sizes = samples.filter((s) => s.name === 'zhmc_storagevolume_size_gib');
    const volumes = sim.scenario.cpcs.flatMap((c) => c['storage-groups'].flatMap((g) => g.volumes.map((v) => ({ c, g, v }))));
    expect(sizes).toHaveLength(volumes.length);
    const group = firstGroup();
    const volume = group.volumes[0];
    expect(sizes).toContainEqual({
      name: 'zhmc_storagevolume_size_gib',
      labels: { cpc: 'ZLX1', storagegroup: group.name, storagevolume: volume?.name ?? '' },
      value: `${String(volume?.size)}.0`,
      timestamp: undefined,
    });
    const usage = samples.find((s) => s.name === 'zhmc_storagevolume_usage_int' && s.labels.storagevolume === volume?.name);
    expect(usage?.labels.value).toBe('boot');
    expect(usage?.value).toBe('0.0');
  });
});

describe('storage volumes in scenario files', () => {
  it('reads volumes (cylinders for FICON), defaults them when omitted, and names a bad field', () => {
    const scenario = loadScenario(`cpcs:
  - name: C1
    adapters: [{ type: fcp, adapter-id: "104", name: FCP1 }]
    storage-groups:
      - { name: SG1, adapters: [FCP1], volumes: [{ name: V1, size: 8.5, usage: data, cylinders: 10017 }] }
      - { name: SG2, adapters: [FCP1] }
`);
    const [sg1, sg2] = scenario.cpcs[0]?.['storage-groups'] ?? [];
    expect(sg1?.volumes).toMatchObject([{ name: 'V1', size: 8.5, usage: 'data', cylinders: 10017, 'fulfillment-state': 'complete' }]);
    expect(sg2?.volumes.map((v) => v.usage)).toEqual(['boot', 'data', 'data']);
    expect(loadScenario(scenarioToYaml(scenario))).toEqual(scenario);
    expect(() =>
      loadScenario('cpcs: [{ name: C1, storage-groups: [{ name: S, adapters: [], volumes: [{ name: V, size: -1 }] }] }]'),
    ).toThrow('cpcs[0].storage-groups[0].volumes[0].size: expected GiB, a number >= 0');
  });
});
