import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_GROUP_NAMES } from './metric-groups.js';
import { defaultScenario } from '../scenario/default-scenario.js';
import { isLparRunning, isRunning, type Scenario } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { hmcRequest } from '../test/hmc-client.js';
import { arrayField, stringField } from '../test/json.js';
import { checkRows, parseMetricsResponse, type MetricInfoLike, type ParsedGroup } from '../test/metrics-parser.js';

const NOW = Date.UTC(2025, 5, 3, 13, 0, 7);

interface Context {
  readonly infos: Map<string, MetricInfoLike[]>;
  get(): Promise<{ text: string; groups: ParsedGroup[] }>;
}

async function context(sim: RunningSimulator, groups?: readonly string[]): Promise<Context> {
  const logon = await hmcRequest(sim.hmcUrl, 'POST', '/api/sessions', { ca: sim.caPem, body: sim.credentials });
  const session = stringField(logon.json(), 'api-session');
  const created = (
    await hmcRequest(sim.hmcUrl, 'POST', '/api/services/metrics/context', {
      ca: sim.caPem,
      session,
      body: { 'anticipated-frequency-seconds': 15, ...(groups === undefined ? {} : { 'metric-groups': groups }) },
    })
  ).json();
  const infos = new Map(
    arrayField(created, 'metric-group-infos').map((g) => [
      stringField(g, 'group-name'),
      arrayField(g, 'metric-infos').map((m) => ({
        'metric-name': stringField(m, 'metric-name'),
        'metric-type': stringField(m, 'metric-type'),
      })),
    ]),
  );
  const uri = stringField(created, 'metrics-context-uri');
  return {
    infos,
    get: async () => {
      const response = await hmcRequest(sim.hmcUrl, 'GET', uri, { ca: sim.caPem, session });
      expect(response.status).toBe(200);
      return { text: response.text, groups: parseMetricsResponse(response.text) };
    },
  };
}

describe('Get Metrics for every group (demo site, both modes)', () => {
  let clock = NOW;
  let sim: RunningSimulator;
  let scenario: Scenario;
  beforeAll(async () => {
    sim = await startSimulator({ now: () => clock });
    scenario = sim.scenario;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('parses by the §3.4 grammar, every row has one value per metric-info of the right type', async () => {
    const ctx = await context(sim, KNOWN_GROUP_NAMES);
    const { groups } = await ctx.get();
    // All 14 names asked for (as IBM's exporter does), all 14 served.
    expect(groups.map((g) => g.name)).toEqual(KNOWN_GROUP_NAMES);
    for (const group of groups) {
      checkRows(group, ctx.infos.get(group.name) ?? []);
      for (const object of group.objects) expect(object.timestamp).toBe(Date.UTC(2025, 5, 3, 13, 0, 0));
    }
  });

  it('reports DPM groups for DPM CPCs only and classic groups for classic CPCs only', async () => {
    const { groups } = await context(sim).then((c) => c.get());
    const uris = (name: string): string[] => groups.find((g) => g.name === name)?.objects.map((o) => o.uri) ?? [];
    const cpcUris = (dpm: boolean): string[] =>
      scenario.cpcs.filter((c) => c['dpm-enabled'] === dpm).map((c) => `/api/cpcs/${c['object-id']}`);
    expect(uris('dpm-system-usage-overview')).toEqual(cpcUris(true));
    expect(uris('cpc-usage-overview')).toEqual(cpcUris(false));
    expect(uris('zcpc-processor-usage')).toEqual(scenario.cpcs.map((c) => `/api/cpcs/${c['object-id']}`));
    expect(uris('channel-usage')).toEqual(cpcUris(false));
  });

  it('has one row per processor, channel, crypto adapter and port in the multi-row groups', async () => {
    const { groups } = await context(sim).then((c) => c.get());
    const group = (name: string): ParsedGroup => {
      const found = groups.find((g) => g.name === name);
      if (found === undefined) throw new Error(`no ${name}`);
      return found;
    };
    for (const cpc of scenario.cpcs) {
      const rows = group('zcpc-processor-usage').objects.find((o) => o.uri === `/api/cpcs/${cpc['object-id']}`)?.rows ?? [];
      const count =
        cpc['processor-count-general-purpose'] +
        cpc['processor-count-ifl'] +
        cpc['processor-count-icf'] +
        cpc['processor-count-iip'] +
        cpc['processor-count-ifp'] +
        cpc['processor-count-service-assist'];
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((r) => r[0])).size).toBe(count);
    }
    const zos1 = scenario.cpcs.find((c) => !c['dpm-enabled']);
    const channelRows = group('channel-usage').objects[0]?.rows ?? [];
    expect(channelRows).toHaveLength(zos1?.channels.length ?? -1);
    // Unshared channels name their LPAR, padded with blanks to 8 characters (clients trim).
    expect(channelRows.find((r) => r[0] === '"0.42"')).toEqual(['"0.42"', 'false', '"BAT1    "', expect.stringMatching(/^\d+$/)]);
    expect(group('crypto-usage').objects[0]?.rows).toHaveLength(zos1?.['crypto-adapters'].length ?? -1);
    for (const object of group('network-physical-adapter-port').objects) {
      expect(object.rows.map((r) => r[0])).toEqual(object.rows.map((_, i) => String(i)));
    }
  });

  it('writes empty groups as their name and an empty line', async () => {
    const { text, groups } = await context(sim, ['flash-memory-usage', 'roce-usage']).then((c) => c.get());
    expect(text).toBe('"flash-memory-usage"\n\n"roce-usage"\n\n\n');
    expect(groups.map((g) => [g.name, g.objects.length])).toEqual([
      ['flash-memory-usage', 0],
      ['roce-usage', 0],
    ]);
  });

  it('leaves out stopped partitions, not-operating LPARs and their NICs', async () => {
    const { groups } = await context(sim).then((c) => c.get());
    const uris = (name: string): string[] => groups.find((g) => g.name === name)?.objects.map((o) => o.uri) ?? [];
    const partitions = scenario.cpcs.flatMap((c) => c.partitions);
    const lpars = scenario.cpcs.flatMap((c) => c['logical-partitions']);
    expect(uris('partition-usage')).toEqual(partitions.filter(isRunning).map((p) => `/api/partitions/${p['object-id']}`));
    expect(uris('logical-partition-usage')).toEqual(lpars.filter(isLparRunning).map((l) => `/api/logical-partitions/${l['object-id']}`));
    const nicUris = uris('partition-attached-network-interface');
    for (const p of partitions.filter((x) => !isRunning(x)))
      expect(nicUris.some((u) => u.startsWith(`/api/partitions/${p['object-id']}/`))).toBe(false);
    expect(nicUris.length).toBe(partitions.filter(isRunning).reduce((n, p) => n + p.nics.length, 0));
  });

  it('has counters that only grow, with interval-bytes the growth of the last slot', async () => {
    const ctx = await context(sim, ['network-physical-adapter-port', 'partition-attached-network-interface']);
    const column = (group: string, metric: string): number => ctx.infos.get(group)?.findIndex((m) => m['metric-name'] === metric) ?? -1;
    const snapshot = async (): Promise<Map<string, string[]>> => {
      const { groups } = await ctx.get();
      return new Map(groups.flatMap((g) => g.objects.flatMap((o) => o.rows.map((r, i) => [`${g.name} ${o.uri} ${i}`, [...r]] as const))));
    };
    const before = await snapshot();
    clock += 15_000;
    const after = await snapshot();
    clock -= 15_000;
    expect(after.size).toBe(before.size);
    for (const [key, row] of after) {
      const group = key.split(' ')[0] ?? '';
      const old = before.get(key) ?? [];
      for (const metric of [
        'bytes-sent',
        'bytes-received',
        'packets-sent',
        'packets-received',
        'multicast-packets-sent',
        'broadcast-packets-received',
      ]) {
        const i = column(group, metric);
        expect(Number(row[i])).toBeGreaterThanOrEqual(Number(old[i]));
      }
      const sent = column(group, 'bytes-sent');
      expect(Number(row[column(group, 'interval-bytes-sent')])).toBe(Number(row[sent]) - Number(old[sent]));
    }
  });
});

describe('determinism', () => {
  it('gives the same Get Metrics body for the same seed and time, another for another seed', async () => {
    const other: Scenario = { ...defaultScenario(), seed: 7 };
    const sims = await Promise.all([
      startSimulator({ now: () => NOW }),
      startSimulator({ now: () => NOW }),
      startSimulator({ scenario: other, now: () => NOW }),
    ]);
    try {
      const bodies = await Promise.all(sims.map(async (sim) => (await (await context(sim, KNOWN_GROUP_NAMES)).get()).text));
      expect(bodies[1]).toBe(bodies[0]);
      expect(bodies[2]).not.toBe(bodies[0]);
      const metrics = await Promise.all(sims.map(async (sim) => (await fetch(sim.metricsUrl)).text()));
      expect(metrics[1]).toBe(metrics[0]);
      expect(metrics[2]).not.toBe(metrics[0]);
    } finally {
      await Promise.all(sims.map((sim) => sim.close()));
    }
  });

  it('serves only the DPM and both-mode groups for a DPM-only site when no groups are named', async () => {
    const base = defaultScenario();
    const sim = await startSimulator({ scenario: { ...base, cpcs: base.cpcs.filter((c) => c['dpm-enabled']) }, now: () => NOW });
    try {
      const ctx = await context(sim);
      expect([...ctx.infos.keys()]).toEqual([
        'dpm-system-usage-overview',
        'partition-usage',
        'adapter-usage',
        'network-physical-adapter-port',
        'partition-attached-network-interface',
        'zcpc-environmentals-and-power',
        'zcpc-processor-usage',
        'environmental-power-status',
      ]);
    } finally {
      await sim.close();
    }
  });
});
