// The read operations a zhmcclient-based monitoring tool makes beyond the inventory (issue 18), over
// real HTTPS: console "List Permitted ...", Submit Requests, hardware and OS messages, activation
// profiles, capacity groups, historical sustainability data.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentals } from '../workload/io-workload.js';
import type { CpcSpec, LparSpec } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { hmcRequest } from '../test/hmc-client.js';
import { logOn, type TestSession } from '../test/hmc-session.js';
import { arrayField, field, keysOf, stringField } from '../test/json.js';
import { slotOf } from '../workload/workload.js';

const NOW = Date.UTC(2025, 5, 3, 13, 7, 30);
let sim: RunningSimulator;
let hmc: TestSession;
const cpc = (name: string): CpcSpec => {
  const found = sim.scenario.cpcs.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};
const lpar = (name: string): LparSpec => {
  const found = cpc('ZOS1')['logical-partitions'].find((l) => l.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};
const names = (list: readonly unknown[]): unknown[] => list.map((item) => field(item, 'name'));

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW });
  hmc = await logOn(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('sessions', () => {
  it("answers an unknown X-API-Session with 403.5 and the HMC's own message", async () => {
    const response = await hmcRequest(sim.hmcUrl, 'GET', '/api/cpcs', { ca: sim.caPem, session: 'no-such-session' });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ reason: 5, message: 'x-api-session header did not map to a known session' });
  });
});

describe('console List Permitted operations', () => {
  it('lists permitted partitions of every DPM CPC with server-side filters', async () => {
    const base = '/api/console/operations/list-permitted-partitions';
    const all = arrayField(await hmc.ok(base), 'partitions');
    expect(all).toHaveLength(sim.scenario.cpcs.reduce((n, c) => n + c.partitions.length, 0));
    expect(keysOf(all[0]).sort()).toEqual([
      'cpc-name',
      'cpc-object-uri',
      'has-unacceptable-status',
      'name',
      'object-uri',
      'se-version',
      'status',
      'type',
    ]);
    const stopped = arrayField(await hmc.ok(`${base}?status=stopped&cpc-name=ZLX1`), 'partitions');
    expect(names(stopped).sort()).toEqual(
      cpc('ZLX1')
        .partitions.filter((p) => p.status === 'stopped')
        .map((p) => p.name)
        .sort(),
    );
    expect(names(arrayField(await hmc.ok(`${base}?has-unacceptable-status=true`), 'partitions'))).toEqual(['LNXPRD04']);
    expect(arrayField(await hmc.ok(`${base}?type=ssc&name=SSC.*`), 'partitions').every((p) => field(p, 'type') === 'ssc')).toBe(true);
    expect(field(arrayField(await hmc.ok(`${base}?name=LNXPRD01&additional-properties=description`), 'partitions')[0], 'description')).toBe(
      'Linux LNXPRD01',
    );
    expect(await hmc.error(`${base}?colour=red`)).toEqual([400, 1]);
  });

  it('filters permitted LPARs by status, has-unacceptable-status and type (matched to activation-mode)', async () => {
    const base = '/api/console/operations/list-permitted-logical-partitions';
    const operating = arrayField(await hmc.ok(`${base}?status=operating`), 'logical-partitions');
    expect(names(operating).sort()).toEqual(
      cpc('ZOS1')
        ['logical-partitions'].filter((l) => l.status === 'operating')
        .map((l) => l.name)
        .sort(),
    );
    const unacceptable = arrayField(await hmc.ok(`${base}?has-unacceptable-status=true`), 'logical-partitions');
    expect(unacceptable.every((l) => field(l, 'status') !== 'operating')).toBe(true);
    expect(names(arrayField(await hmc.ok(`${base}?type=coupling-facility`), 'logical-partitions')).sort()).toEqual(['CF01', 'CF02']);
  });

  it("lists permitted adapters with their CPC's name, URI, SE version and mode", async () => {
    const base = '/api/console/operations/list-permitted-adapters';
    const all = arrayField(await hmc.ok(base), 'adapters');
    // The classic z17's crypto adapters too (adapter-assignments.test.ts).
    expect(all).toHaveLength(cpc('ZLX1').adapters.length + cpc('ZLX2').adapters.length + cpc('ZOS1')['crypto-adapters'].length);
    expect(all[0]).toMatchObject({ 'cpc-name': 'ZLX1', 'dpm-enabled': true, 'firmware-update-pending': false });
    const hipersockets = arrayField(await hmc.ok(`${base}?type=hipersockets`), 'adapters');
    // Virtual adapters are numbered 7C0-7FF on real machines.
    expect(hipersockets.map((a) => parseInt(stringField(a, 'adapter-id'), 16)).every((id) => id >= 0x7c0 && id <= 0x7ff)).toBe(true);
    expect(hipersockets.length).toBeGreaterThan(0);
  });
});

describe('Submit Requests (aggregation)', () => {
  it('runs each GET as if sent alone, in order, with the ids, failures included', async () => {
    const partitions = cpc('ZLX1')
      .partitions.slice(0, 3)
      .map((p) => `/api/partitions/${p['object-id']}`);
    const requests = [...partitions, '/api/partitions/nope'].map((uri, i) => ({ method: 'GET', uri, id: String(i + 1) }));
    const responses = await hmc.ok('/api/services/aggregation/submit', { requests, threads: 2 });
    if (!Array.isArray(responses)) throw new Error('not a list');
    expect(responses.map((r) => [field(r, 'id'), field(r, 'status')])).toEqual([
      ['1', 200],
      ['2', 200],
      ['3', 200],
      ['4', 404],
    ]);
    for (const [i, uri] of partitions.entries()) expect(field(responses[i], 'body')).toEqual(await hmc.ok(uri));
    expect(field(responses[3], 'body')).toMatchObject({ 'http-status': 404, reason: 1, 'request-uri': '/api/partitions/nope' });
    expect(await hmc.error('/api/services/aggregation/submit', 'POST', { requests: 'all' })).toEqual([400, 5]);
  });
});

describe('hardware messages', () => {
  it("lists a CPC's messages (oldest first, the short set), filters by time, and answers one by URI", async () => {
    const base = `/api/cpcs/${cpc('ZLX1')['object-id']}/hardware-messages`;
    const all = arrayField(await hmc.ok(base), 'hardware-messages');
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(keysOf(all[0]).sort()).toEqual(['element-uri', 'text', 'timestamp']);
    const times = all.map((m) => Number(field(m, 'timestamp')));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t <= NOW && t > NOW - 30 * 86_400_000)).toBe(true);
    const [begin, end] = [times[1] ?? 0, times[times.length - 2] ?? 0];
    expect(arrayField(await hmc.ok(`${base}?begin-time=${begin}&end-time=${end}`), 'hardware-messages')).toHaveLength(
      times.filter((t) => t >= begin && t <= end).length,
    );
    const uri = stringField(all[0], 'element-uri');
    expect(await hmc.ok(uri)).toMatchObject({
      'element-uri': uri,
      class: 'hardware-message',
      parent: `/api/cpcs/${cpc('ZLX1')['object-id']}`,
      text: field(all[0], 'text'),
    });
    expect(await hmc.error(`${base}/nope`)).toEqual([404, 1]);
    expect(await hmc.error(`${base}?begin-time=yesterday`)).toEqual([400, 1]);
    // Deterministic: the same clock gives the same messages.
    expect(arrayField(await hmc.ok(base), 'hardware-messages')).toEqual(all);
  });

  it("lists the console's messages", async () => {
    const all = arrayField(await hmc.ok('/api/console/hardware-messages'), 'hardware-messages');
    expect(all.length).toBeGreaterThan(0);
    expect(stringField(all[0], 'element-uri')).toMatch(/^\/api\/console\/hardware-messages\//);
  });
});

describe('operating-system messages', () => {
  it("lists a running LPAR's messages with sequence numbers, filters and max-messages", async () => {
    const base = `/api/logical-partitions/${lpar('PRD1')['object-id']}/operations/list-os-messages`;
    const all = arrayField(await hmc.ok(base), 'os-messages');
    expect(all).toHaveLength(60);
    const numbers = all.map((m) => Number(field(m, 'sequence-number')));
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));
    const [a = 0, b = 0] = [numbers[10], numbers[20]];
    expect(arrayField(await hmc.ok(`${base}?begin-sequence-number=${a}&end-sequence-number=${b}`), 'os-messages')).toHaveLength(11);
    expect(arrayField(await hmc.ok(`${base}?begin-sequence-number=${a}&max-messages=4`), 'os-messages')).toHaveLength(4);
    const held = arrayField(await hmc.ok(`${base}?is-held=true`), 'os-messages');
    expect(held.every((m) => field(m, 'is-held') === true)).toBe(true);
    expect(all.some((m) => /IEF403I|HASP|IEA|IRA|IEE/.test(stringField(m, 'message-text')))).toBe(true);
    expect(
      arrayField(await hmc.ok(`/api/logical-partitions/${lpar('LNXB')['object-id']}/operations/list-os-messages`), 'os-messages'),
    ).toEqual([]);
  });

  it("lists a DPM partition's messages", async () => {
    const partition = cpc('ZLX1').partitions[0];
    const all = arrayField(await hmc.ok(`/api/partitions/${partition?.['object-id'] ?? ''}/operations/list-os-messages`), 'os-messages');
    expect(all).toHaveLength(60);
    expect(await hmc.error('/api/partitions/nope/operations/list-os-messages')).toEqual([404, 1]);
  });
});

describe('activation profiles and capacity groups', () => {
  it('lists reset, image and load profiles of a classic CPC, and none of a DPM CPC', async () => {
    const base = `/api/cpcs/${cpc('ZOS1')['object-id']}`;
    expect(names(arrayField(await hmc.ok(`${base}/reset-activation-profiles`), 'reset-activation-profiles'))).toEqual(['ZOS1']);
    const images = arrayField(
      await hmc.ok(`${base}/image-activation-profiles?additional-properties=description,ipl-address`),
      'image-activation-profiles',
    );
    expect(names(images)).toEqual(cpc('ZOS1')['logical-partitions'].map((l) => l.name));
    expect(keysOf(images[0]).sort()).toEqual(['description', 'element-uri', 'ipl-address', 'name', 'target-name']);
    expect(names(arrayField(await hmc.ok(`${base}/load-activation-profiles?name=SYS.*`), 'load-activation-profiles'))).toEqual(['SYSRES']);
    const prd1 = await hmc.ok(`${base}/image-activation-profiles/PRD1`);
    expect(prd1).toMatchObject({
      name: 'PRD1',
      class: 'image-activation-profile',
      'operating-mode': 'esa390',
      'central-storage': lpar('PRD1')['initial-memory'],
    });
    expect(await hmc.ok(`${base}/image-activation-profiles/PRD1?properties=operating-mode`)).toEqual({ 'operating-mode': 'esa390' });
    expect(await hmc.error(`${base}/image-activation-profiles/NOPE`)).toEqual([404, 1]);
    expect(
      arrayField(await hmc.ok(`/api/cpcs/${cpc('ZLX1')['object-id']}/image-activation-profiles`), 'image-activation-profiles'),
    ).toEqual([]);
  });

  it("lists a DPM CPC's capacity group with its production partitions", async () => {
    const groups = arrayField(await hmc.ok(`/api/cpcs/${cpc('ZLX1')['object-id']}/capacity-groups`), 'capacity-groups');
    expect(groups.map((g) => keysOf(g).sort())).toEqual([['element-uri', 'name']]);
    const group = await hmc.ok(stringField(groups[0], 'element-uri'));
    const members = cpc('ZLX1')
      .partitions.filter((p) => p.name.includes('PRD'))
      .map((p) => `/api/partitions/${p['object-id']}`);
    expect(group).toMatchObject({ class: 'capacity-group', name: 'PRODUCTION', 'capping-enabled': true, 'partition-uris': members });
    expect(arrayField(await hmc.ok(`/api/cpcs/${cpc('ZOS1')['object-id']}/capacity-groups`), 'capacity-groups')).toEqual([]);
  });
});

describe('historical sustainability data', () => {
  const CPC_METRICS = [
    'ambient-humidity',
    'ambient-temperature',
    'dew-point',
    'exhaust-heat-temperature',
    'heat-load',
    'heat-load-forced-air',
    'infrastructure-wattage',
    'partition-wattage',
    'processor-utilization',
    'total-wattage',
    'unassigned-wattage',
  ];
  const post = (uri: string, body: unknown): Promise<unknown> => hmc.ok(`${uri}/operations/get-historical-sustainability-data`, body);

  it("answers a CPC's last day at fifteen minutes: every metric, one point a step, consistent with the power metrics", async () => {
    const zlx1 = cpc('ZLX1');
    const data = await post(`/api/cpcs/${zlx1['object-id']}`, { range: 'last-day', resolution: 'fifteen-minutes' });
    expect(keysOf(data).sort()).toEqual(CPC_METRICS);
    const total = arrayField(data, 'total-wattage');
    expect(total).toHaveLength(96);
    const stamps = total.map((p) => Number(field(p, 'timestamp')));
    expect(stamps.every((t, i) => i === 0 || t - (stamps[i - 1] ?? 0) === 900_000)).toBe(true);
    expect(stamps.at(-1)).toBe(Math.floor(NOW / 900_000) * 900_000);
    // The last point is the mean of 8 samples of its quarter hour of the same power model /metrics serves.
    const last = stamps.at(-1) ?? 0;
    const samples = Array.from(
      { length: 8 },
      (_, i) => environmentals(sim.scenario.seed, zlx1, slotOf(last) - Math.floor((i * 60) / 8))['power-consumption-watts'] ?? 0,
    );
    expect(field(total.at(-1), 'data')).toBe(Math.round(samples.reduce((a, b) => a + b, 0) / 8));
    const parts = ['partition-wattage', 'infrastructure-wattage', 'unassigned-wattage'].map((m) =>
      Number(field(arrayField(data, m).at(-1), 'data')),
    );
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - Number(field(total.at(-1), 'data')))).toBeLessThanOrEqual(2);
    expect(Number.isInteger(field(arrayField(data, 'processor-utilization')[0], 'data'))).toBe(true);
  });

  it('defaults to the last week at one hour, and answers LPARs and partitions (wattage, processor-utilization)', async () => {
    const week = await post(`/api/cpcs/${cpc('ZOS1')['object-id']}`, {});
    expect(arrayField(week, 'total-wattage')).toHaveLength(168);
    const prd1 = await post(`/api/logical-partitions/${lpar('PRD1')['object-id']}`, { range: 'last-day', resolution: 'one-hour' });
    expect(keysOf(prd1).sort()).toEqual(['processor-utilization', 'wattage']);
    expect(arrayField(prd1, 'wattage').every((p) => Number(field(p, 'data')) > 0)).toBe(true);
    const stopped = await post(`/api/logical-partitions/${lpar('LNXB')['object-id']}`, { range: 'last-day', resolution: 'one-hour' });
    expect(arrayField(stopped, 'wattage').every((p) => field(p, 'data') === 0)).toBe(true);
    const partition = cpc('ZLX1').partitions[0];
    const year = await post(`/api/partitions/${partition?.['object-id'] ?? ''}`, { range: 'last-year', resolution: 'one-week' });
    expect(arrayField(year, 'processor-utilization')).toHaveLength(52);
  });

  it('writes the temperatures as JSON floats (22.0, as the HMC does; zhmcclient checks the type) and the rest as integers', async () => {
    const response = await hmc.call('POST', `/api/cpcs/${cpc('ZLX1')['object-id']}/operations/get-historical-sustainability-data`, {
      range: 'last-day',
      resolution: 'one-hour',
    });
    const literals = (metric: string): string[] => {
      const points = new RegExp(`"${metric}":\\[([^\\]]*)\\]`).exec(response.text)?.[1] ?? '';
      return [...points.matchAll(/"data":([^,}]*)/g)].map((m) => m[1] ?? '');
    };
    for (const metric of ['ambient-temperature', 'exhaust-heat-temperature', 'dew-point']) {
      expect(literals(metric)).toHaveLength(24);
      expect(literals(metric).filter((literal) => !/^-?\d+\.\d+$/.test(literal))).toEqual([]);
    }
    expect(literals('total-wattage')).toHaveLength(24);
    expect(literals('total-wattage').filter((literal) => !/^\d+$/.test(literal))).toEqual([]);
  });

  it('refuses unknown ranges and resolutions (400.5) and unknown objects (404.1)', async () => {
    const uri = `/api/cpcs/${cpc('ZLX1')['object-id']}/operations/get-historical-sustainability-data`;
    expect(await hmc.error(uri, 'POST', { range: 'forever' })).toEqual([400, 5]);
    expect(await hmc.error(uri, 'POST', { resolution: 'one-second' })).toEqual([400, 5]);
    expect(await hmc.error(uri, 'POST', { range: 'custom', 'custom-range-start': NOW })).toEqual([400, 5]);
    expect(await hmc.error('/api/cpcs/nope/operations/get-historical-sustainability-data', 'POST', {})).toEqual([404, 1]);
  });
});
