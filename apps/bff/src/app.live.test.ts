// Integration: live mode (no Prometheus) against the simulated HMC over verified HTTPS. The
// simulator and the BFF share one clock that the test advances slot by slot, so every poll reads a
// known 15 s sample.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lparUsage, partitionUsage, sampleCpc, slotOf, startSimulator, type RunningSimulator } from '@zlens/hmc-sim';
import {
  ErrorResponseSchema,
  HeatmapResponseSchema,
  AdapterDetailSchema,
  InventoryResponseSchema,
  ReadyResponseSchema,
  SeriesResponseSchema,
  TopResponseSchema,
} from '@zlens/shared';
import { createApp } from './app.js';
import type { Clock } from './clock.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger, tempFile, type CapturedLogger } from './test/helpers.js';
import { expectedUsers } from './test/topology.js';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-secret`;
const SLOT_SECONDS = 15;
/** A slot-aligned start time, so sample times are exact multiples of 15 s. */
const T0 = Math.floor(Date.now() / 1000 / SLOT_SECONDS) * SLOT_SECONDS - 3600;
let nowSeconds = T0;
const clock: Clock = { nowMs: () => nowSeconds * 1000 + 500 };

let sim: RunningSimulator;
let built: BuiltDeps;
let captured: CapturedLogger;
let agent: ReturnType<typeof request>;
const bodies: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ credentials: { userid: 'monitor', password: PASSWORD }, now: () => clock.nowMs() });
  captured = captureLogger();
  const config = loadConfig({
    ZLENS_HMC_URL: sim.hmcUrl,
    ZLENS_HMC_USERID: 'monitor',
    ZLENS_HMC_PASSWORD: PASSWORD,
    ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
    ZLENS_LIVE_WINDOW: '10m',
  });
  built = buildDeps({ ...config, webDir: null }, captured.logger, { clock, startPolling: false });
  agent = request(createApp(built.deps));
}, 30_000);

afterAll(async () => {
  await built?.close();
  await sim?.close();
});

async function getJson(url: string, status: number): Promise<unknown> {
  const res = await agent.get(url);
  bodies.push(res.text);
  expect(res.status, res.text).toBe(status);
  return res.body;
}

async function pollAt(seconds: number): Promise<void> {
  nowSeconds = seconds;
  const live = built.live;
  if (live === null) throw new Error('not in live mode');
  await live.poll();
}

const zlx1 = () => {
  const cpc = sim.scenario.cpcs.find((c) => c.name === 'ZLX1');
  if (!cpc) throw new Error('scenario lacks ZLX1');
  return cpc;
};

describe('live mode', () => {
  it('polls the HMC and serves CPC and partition series equal to the simulator', async () => {
    for (let i = 0; i < 4; i += 1) await pollAt(T0 + i * SLOT_SECONDS);
    const range = `from=${T0 - 30}&to=${T0 + 45}`;

    const cpc = SeriesResponseSchema.parse(
      await getJson(`/api/v1/series?metric=zhmc_cpc_storage_adapter_usage_ratio&cpc=ZLX1&${range}`, 200),
    );
    expect(cpc).toMatchObject({ source: 'live', step: 15, start: T0 - 30, end: T0 + 45, stale: false });
    const expectCpc = (t: number): number => sampleCpc(sim.scenario.seed, zlx1(), slotOf(t * 1000)).usage.storage / 100;
    expect(cpc.series).toEqual([{ labels: { cpc: 'ZLX1' }, values: [null, null, ...[0, 1, 2, 3].map((i) => expectCpc(T0 + i * 15))] }]);

    const spec = zlx1().partitions.find((p) => p.name === 'KVM HOST A');
    if (!spec) throw new Error('scenario lacks KVM HOST A');
    const one = SeriesResponseSchema.parse(
      await getJson(`/api/v1/series?metric=zhmc_partition_processor_usage_ratio&cpc=ZLX1&partition=KVM%20HOST%20A&${range}`, 200),
    );
    const expectPartition = (t: number): number => partitionUsage(sim.scenario.seed, spec, slotOf(t * 1000)).processor / 100;
    expect(one.series).toEqual([
      { labels: { cpc: 'ZLX1', partition: 'KVM HOST A' }, values: [null, null, ...[0, 1, 2, 3].map((i) => expectPartition(T0 + i * 15))] },
    ]);

    const all = SeriesResponseSchema.parse(
      await getJson(`/api/v1/series?metric=zhmc_partition_network_adapter_usage_ratio&cpc=ZLX1&${range}`, 200),
    );
    const running = zlx1().partitions.filter((p) => p.status === 'active' || p.status === 'degraded');
    expect(all.series.map((s) => s.labels.partition)).toEqual(running.map((p) => p.name).sort());
  });

  it('ranks partitions and maps them over time from the window it holds (top-N, heatmap)', async () => {
    const range = `from=${T0}&to=${T0 + 45}`;
    const running = zlx1().partitions.filter((p) => p.status === 'active' || p.status === 'degraded');
    const average = (spec: (typeof running)[number]): number =>
      [0, 1, 2, 3]
        .map((i) => partitionUsage(sim.scenario.seed, spec, slotOf((T0 + i * 15) * 1000)).processor / 100)
        .reduce((a, b) => a + b) / 4;
    const expected = running.map((p) => ({ name: p.name, avg: average(p) })).sort((a, b) => b.avg - a.avg || (a.name < b.name ? -1 : 1));

    const top = TopResponseSchema.parse(
      await getJson(`/api/v1/top?metric=zhmc_partition_processor_usage_ratio&cpc=ZLX1&n=3&${range}`, 200),
    );
    expect(top).toMatchObject({ source: 'live', n: 3, stale: false });
    expect(top.byAverage.map((e) => e.labels.partition)).toEqual(expected.slice(0, 3).map((e) => e.name));
    expect(top.byAverage[0]?.avg).toBeCloseTo(expected[0]?.avg ?? Number.NaN, 9);

    const heatmap = HeatmapResponseSchema.parse(
      await getJson(`/api/v1/heatmap?metric=zhmc_partition_processor_usage_ratio&cpc=ZLX1&${range}`, 200),
    );
    expect(heatmap.timestamps).toEqual([T0, T0 + 15, T0 + 30, T0 + 45]);
    expect(heatmap.rows.map((r) => r.labels.partition)).toEqual(expected.map((e) => e.name));
  });

  it('polls classic CPCs too: LPAR usage and LPAR status', async () => {
    const zos1 = sim.scenario.cpcs.find((c) => c.name === 'ZOS1');
    const lpar = zos1?.['logical-partitions'].find((l) => l.status === 'operating');
    if (!lpar) throw new Error('the demo has no operating LPAR on ZOS1');
    const range = `from=${T0}&to=${T0 + 45}`;
    const usage = SeriesResponseSchema.parse(
      await getJson(
        `/api/v1/series?metric=zhmc_partition_processor_usage_ratio&cpc=ZOS1&partition=${encodeURIComponent(lpar.name)}&${range}`,
        200,
      ),
    );
    expect(usage.series).toEqual([
      {
        labels: { cpc: 'ZOS1', partition: lpar.name },
        values: [0, 1, 2, 3].map((i) => lparUsage(sim.scenario.seed, lpar, slotOf((T0 + i * 15) * 1000)).processor / 100),
      },
    ]);
    const status = SeriesResponseSchema.parse(
      await getJson(
        `/api/v1/series?metric=zhmc_partition_lpar_status_int&cpc=ZOS1&partition=${encodeURIComponent(lpar.name)}&${range}`,
        200,
      ),
    );
    expect(status.series).toEqual([{ labels: { cpc: 'ZOS1', partition: lpar.name, value: 'operating' }, values: [0, 0, 0, 0] }]);
  });

  it('records status series from the inventory', async () => {
    const body = SeriesResponseSchema.parse(
      await getJson(`/api/v1/series?metric=zhmc_partition_status_int&cpc=ZLX1&partition=LNXPRD04&from=${T0}&to=${T0 + 45}`, 200),
    );
    expect(body.series).toEqual([{ labels: { cpc: 'ZLX1', partition: 'LNXPRD04', value: 'degraded' }, values: [1, 1, 1, 1] }]);
  });

  it('lists the inventory from the HMC', async () => {
    const body = InventoryResponseSchema.parse(await getJson('/api/v1/inventory', 200));
    expect(body.stale).toBe(false);
    const cpc = body.cpcs.find((c) => c.name === 'ZLX1');
    expect(cpc).toMatchObject({ mode: 'dpm', status: 'active', machineType: '3931', machineModel: 'A01', sources: ['hmc'] });
    expect(cpc?.partitions.find((p) => p.name === 'ZVM PROD 1')).toEqual({
      name: 'ZVM PROD 1',
      status: 'active',
      type: 'zvm',
      sources: ['hmc'],
      noSeries: false,
    });
    const ready = ReadyResponseSchema.parse(await getJson('/readyz', 200));
    expect(ready).toMatchObject({ ready: true, mode: 'live', checks: { hmc: { ok: true } } });
  });

  it('lists the partitions that use an adapter from the HMC topology alone, walking the CPC once per TTL', async () => {
    const cpc = zlx1();
    const used = (type: string) => {
      const adapter = cpc.adapters.find((a) => a.type === type && expectedUsers(cpc, a.name).length > 1);
      if (!adapter) throw new Error(`the demo has no ${type} adapter used by two partitions`);
      return adapter;
    };
    const adapterDetail = async (name: string) =>
      AdapterDetailSchema.parse(await getJson(`/api/v1/cpcs/ZLX1/adapters/${encodeURIComponent(name)}`, 200));
    const hmcGets = async (): Promise<number> =>
      (await built.deps.metrics.upstreamRequests.get()).values.find((v) => v.labels.upstream === 'hmc' && v.labels.endpoint === 'GET')
        ?.value ?? 0;

    const osa = used('osd');
    const first = await adapterDetail(osa.name);
    expect(first).toMatchObject({ partitions: expectedUsers(cpc, osa.name), stale: false });

    const before = await hmcGets();
    const roce = used('roce');
    const fcp = used('fcp');
    expect((await adapterDetail(roce.name)).partitions).toEqual(expectedUsers(cpc, roce.name));
    const storage = await adapterDetail(fcp.name);
    expect(storage.partitions).toEqual(expectedUsers(cpc, fcp.name));
    expect(storage.partitions.every((p) => p.via === 'storage-group')).toBe(true);
    // Within the TTL only the two adapters and their ports are read: the partitions are not walked again.
    expect((await hmcGets()) - before).toBe(2 + roce['port-count'] + fcp['port-count']);
  });

  it('logs on again after the HMC expired the session, and keeps polling', async () => {
    const logons = async (): Promise<number> => {
      const text = (await agent.get('/metrics')).text;
      return Number(/^zlens_hmc_logons_total (\d+)$/m.exec(text)?.[1]);
    };
    expect(await logons()).toBe(1);
    sim.expireAllSessions();
    await pollAt(T0 + 60);
    expect(built.live?.stale).toBe(false);
    expect(await logons()).toBe(2);
    const body = SeriesResponseSchema.parse(
      await getJson(`/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=${T0 + 60}&to=${T0 + 75}`, 200),
    );
    const expected = sampleCpc(sim.scenario.seed, zlx1(), slotOf((T0 + 60) * 1000)).usage.processor / 100;
    expect(body.series[0]?.values[0]).toBe(expected);
  });

  it('keeps only the configured window', async () => {
    // The window is 10 minutes: after a poll 20 minutes later, the first samples are gone.
    await pollAt(T0 + 1200);
    const body = SeriesResponseSchema.parse(
      await getJson(`/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=${T0}&to=${T0 + 1200}&maxPoints=200`, 200),
    );
    const values = body.series[0]?.values ?? [];
    expect(values.filter((v) => v !== null)).toHaveLength(1);
    expect(values[values.length - 1]).not.toBeNull();
  });

  it('serves what it has, marked stale, when the HMC is down', async () => {
    await sim.close();
    await pollAt(T0 + 1215);
    expect(built.live?.stale).toBe(true);
    const series = SeriesResponseSchema.parse(
      await getJson(`/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=${T0 + 1185}&to=${T0 + 1215}`, 200),
    );
    expect(series.stale).toBe(true);
    expect(series.series[0]?.values).toEqual([
      null,
      sampleCpc(sim.scenario.seed, zlx1(), slotOf((T0 + 1200) * 1000)).usage.processor / 100,
      sampleCpc(sim.scenario.seed, zlx1(), slotOf((T0 + 1200) * 1000)).usage.processor / 100,
    ]);
    // Once the cached inventory is older than its TTL, a request starts a re-read in the background
    // (answering at once); the re-read fails, and from then on the inventory shows as stale.
    nowSeconds = T0 + 1300;
    await getJson('/api/v1/inventory', 200);
    await built.deps.inventory.refresh();
    const inventory = InventoryResponseSchema.parse(await getJson('/api/v1/inventory', 200));
    expect(inventory.stale).toBe(true);
    expect(inventory.cpcs.map((c) => c.name)).toEqual(sim.scenario.cpcs.map((c) => c.name).sort());
    // Still ready: this replica serves what it has; the HMC shows as degraded.
    const ready = ReadyResponseSchema.parse(await getJson('/readyz', 200));
    expect(ready).toMatchObject({ ready: true, degraded: ['hmc'] });
    expect(ready.checks.hmc?.ok).toBe(false);
    const unknown = ErrorResponseSchema.parse(await getJson('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=NOPE', 404));
    expect(unknown.error.code).toBe('not_found');
  });

  it('never puts credentials in responses or logs', () => {
    const everything = [...bodies, captured.text()].join('\n');
    expect(everything).toContain('HMC session no longer valid');
    expect(everything).not.toContain(PASSWORD);
  });
});
