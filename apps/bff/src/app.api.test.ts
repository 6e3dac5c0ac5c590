// Integration: every /api/v1 endpoint against a real Prometheus holding a small fixture site (one DPM
// and one classic CPC, awkward names), through a proxy that records each upstream query and can
// play down or slow. No HMC here: properties from the HMC are tested with the simulator.
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AdapterDetailSchema,
  CpcDetailSchema,
  ErrorResponseSchema,
  HeatmapResponseSchema,
  InventoryResponseSchema,
  PartitionDetailSchema,
  SeriesResponseSchema,
  TopResponseSchema,
} from '@zlens/shared';
import { createApp } from './app.js';
import { API_ROUTES, openApiPath } from './routes/api-routes.js';
import type { Clock } from './clock.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger, type CapturedLogger } from './test/helpers.js';
import {
  CHANNEL,
  CLASSIC_CPC,
  CRYPTO_PCHID,
  DPM_CPC,
  DPM_PARTITIONS,
  LPARS,
  SPIKE,
  startFixturePrometheus,
  type FixturePrometheus,
} from './test/fixture.js';
import { startPromProxy, type PromProxy } from './test/prom-proxy.js';

const BEARER = `tok-${Math.random().toString(36).slice(2)}-secret`;
let fixture: FixturePrometheus;
let proxy: PromProxy;
let history: { start: number; end: number; spikeAt: number };
const built: BuiltDeps[] = [];
const logs: CapturedLogger[] = [];
const bodies: string[] = [];

beforeAll(async () => {
  fixture = await startFixturePrometheus('fixture');
  history = fixture.history;
  proxy = await startPromProxy(fixture.prom.url);
}, 60_000);

afterAll(async () => {
  await Promise.all(built.map((b) => b.close()));
  await proxy?.close();
  await fixture?.close();
});

beforeEach(() => {
  proxy.mode = 'pass';
});

function app(env: Env = {}, clock?: Clock) {
  const captured = captureLogger();
  logs.push(captured);
  const config = loadConfig({ ZLENS_PROMETHEUS_URL: proxy.url, ZLENS_PROMETHEUS_BEARER_TOKEN: BEARER, ...env });
  const deps = buildDeps({ ...config, webDir: null }, captured.logger, clock === undefined ? {} : { clock });
  built.push(deps);
  return { agent: request(createApp(deps.deps)), deps: deps.deps };
}

async function getJson(agent: ReturnType<typeof request>, url: string, status: number): Promise<unknown> {
  const res = await agent.get(url);
  bodies.push(res.text);
  expect(res.status, res.text).toBe(status);
  return res.body;
}

const q = (params: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

/** Queries the proxy saw since `mark` (an index into proxy.requests). */
const since = (mark: number) => proxy.requests.slice(mark).map((r) => r.params.query ?? '');

describe('inventory and details', () => {
  it('joins label sets into CPCs with mode, partitions (stopped ones too) and adapters (crypto by PCHID)', async () => {
    const { agent } = app();
    const body = InventoryResponseSchema.parse(await getJson(agent, '/api/v1/inventory', 200));
    expect(body.stale).toBe(false);
    expect(body.cpcs.map((c) => [c.name, c.mode, c.status])).toEqual([
      [CLASSIC_CPC, 'classic', 'operating'],
      [DPM_CPC, 'dpm', 'active'],
    ]);
    const dpm = body.cpcs.find((c) => c.name === DPM_CPC);
    expect(dpm?.partitions.map((p) => p.name).sort()).toEqual(DPM_PARTITIONS.map((p) => p.name).sort());
    expect(dpm?.partitions.find((p) => p.name === 'idle \\ back')).toEqual({
      name: 'idle \\ back',
      status: 'stopped',
      type: null,
      sources: ['prometheus'],
      noSeries: false,
    });
    expect(dpm?.adapters.map((a) => [a.name, a.status])).toEqual([
      ['FCP/2', 'active'],
      ['OSA 1', 'active'],
    ]);
    const classic = body.cpcs.find((c) => c.name === CLASSIC_CPC);
    expect(classic?.adapters).toEqual([
      // The exporter has no status family for classic crypto adapters: not exported, not unknown.
      {
        name: CRYPTO_PCHID,
        adapterId: CRYPTO_PCHID,
        type: null,
        family: 'crypto',
        status: null,
        sources: ['prometheus'],
        statusNotExported: true,
      },
    ]);
  });

  it('serves CPC, partition and adapter details with topology from NIC and channel series, by awkward names', async () => {
    const { agent } = app();
    const cpc = CpcDetailSchema.parse(await getJson(agent, `/api/v1/cpcs/${encodeURIComponent(DPM_CPC)}`, 200));
    expect(cpc).toMatchObject({ name: DPM_CPC, mode: 'dpm', seVersion: null, memoryMiB: null, stale: false });

    const part = PartitionDetailSchema.parse(
      await getJson(agent, `/api/v1/cpcs/${encodeURIComponent(DPM_CPC)}/partitions/${encodeURIComponent('LINUX "A"')}`, 200),
    );
    expect(part).toMatchObject({ name: 'LINUX "A"', cpc: DPM_CPC, cpcMode: 'dpm', status: 'active', stale: false });
    expect(part.adapters).toEqual([{ adapter: 'OSA 1', adapterId: null, type: null, family: null, via: 'nic', through: 'eth 0', port: 0 }]);

    const lpar = PartitionDetailSchema.parse(await getJson(agent, `/api/v1/cpcs/${encodeURIComponent(CLASSIC_CPC)}/partitions/LP1`, 200));
    expect(lpar.adapters).toEqual([
      { adapter: CHANNEL.chpid, adapterId: null, type: null, family: null, via: 'channel', through: CHANNEL.chpid, port: null },
    ]);

    const adapter = AdapterDetailSchema.parse(
      await getJson(agent, `/api/v1/cpcs/${encodeURIComponent(DPM_CPC)}/adapters/${encodeURIComponent('OSA 1')}`, 200),
    );
    expect(adapter.ports).toEqual([
      { index: 0, name: null },
      { index: 1, name: null },
    ]);
    expect(adapter.partitions).toEqual([
      { partition: 'LINUX "A"', via: 'nic', through: 'eth 0', port: 0 },
      { partition: 'web/01', via: 'nic', through: 'nic/1', port: 1 },
    ]);
    // A slash in a name travels percent-encoded in one path segment.
    const fcp = AdapterDetailSchema.parse(await getJson(agent, `/api/v1/cpcs/${encodeURIComponent(DPM_CPC)}/adapters/FCP%2F2`, 200));
    expect(fcp.name).toBe('FCP/2');

    const missing = ErrorResponseSchema.parse(await getJson(agent, `/api/v1/cpcs/${encodeURIComponent(DPM_CPC)}/partitions/nope`, 404));
    expect(missing.error.message).toBe(`partition: CPC "${DPM_CPC}" has no partition named "nope"`);
    await getJson(agent, '/api/v1/cpcs/NOPE', 404);
  });
});

describe('series', () => {
  it('serves a partition named in Chinese, and counters as per-second rates', async () => {
    const { agent } = app();
    const from = history.end - 1800;
    const chinese = SeriesResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/series?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc: DPM_CPC, partition: '生产 分区', from, to: history.end })}`,
        200,
      ),
    );
    expect(chinese.series).toEqual([{ labels: { cpc: DPM_CPC, partition: '生产 分区' }, values: chinese.timestamps.map(() => 0.4) }]);

    const nic = SeriesResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/series?${q({ metric: 'zhmc_nic_bytes_sent_count_total', cpc: DPM_CPC, partition: 'LINUX "A"', from, to: history.end })}`,
        200,
      ),
    );
    expect(nic.series).toHaveLength(1);
    expect(nic.series[0]?.labels).toEqual({ cpc: DPM_CPC, partition: 'LINUX "A"', nic: 'eth 0', adapter: 'OSA 1', port: '0' });
    expect(nic.series[0]?.values.every((v) => v !== null && Math.abs(v - 1000) < 1e-6)).toBe(true);

    const port = SeriesResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/series?${q({ metric: 'zhmc_adapter_usage_ratio', cpc: DPM_CPC, adapter: 'FCP/2', from, to: history.end })}`,
        200,
      ),
    );
    expect(port.series.map((s) => [s.labels.adapter, s.values[0]])).toEqual([['FCP/2', 0.7]]);
  });

  it('marks DPM-only metrics on a classic CPC as unsupported, naming the alternative, without querying', async () => {
    const { agent } = app();
    await getJson(agent, '/api/v1/inventory', 200);
    const mark = proxy.requests.length;
    const body = SeriesResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/series?${q({ metric: 'zhmc_cpc_network_adapter_usage_ratio', cpc: CLASSIC_CPC, from: history.end - 600, to: history.end })}`,
        200,
      ),
    );
    expect(body.unsupportedInMode).toEqual({ mode: 'classic', alternative: 'zhmc_cpc_channel_usage_ratio' });
    expect(body.series).toEqual([]);
    expect(since(mark)).toEqual([]);
    const channel = SeriesResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/series?${q({ metric: 'zhmc_channel_usage_ratio', cpc: CLASSIC_CPC, partition: 'LP1', from: history.end - 600, to: history.end })}`,
        200,
      ),
    );
    expect(channel.series[0]?.values[0]).toBe(CHANNEL.usage);
    expect(channel.unsupportedInMode).toBeUndefined();
  });

  it('answers wrong parameters for the metric with 400 and unknown names with 404', async () => {
    const { agent } = app();
    const bad = async (params: Record<string, string>, status: number, pattern: RegExp): Promise<void> => {
      const body = ErrorResponseSchema.parse(await getJson(agent, `/api/v1/series?${q(params)}`, status));
      expect(body.error.message).toMatch(pattern);
    };
    await bad(
      { metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC, partition: 'web/01' },
      400,
      /^partition: zhmc_cpc_processor_usage_ratio is a cpc metric/,
    );
    await bad({ metric: 'zhmc_partition_processor_usage_ratio', cpc: DPM_CPC, adapter: 'OSA 1' }, 400, /^adapter: /);
    await bad(
      { metric: 'zhmc_adapter_usage_ratio', cpc: DPM_CPC, adapter: 'OSA 9' },
      404,
      /^adapter: CPC "DPM 1" has no adapter named "OSA 9"/,
    );
    await bad({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'dpm 1' }, 404, /^cpc: no CPC named "dpm 1"/);
  });
});

describe('top-N and heatmap', () => {
  it('ranks partitions by average and by peak from two instant queries, never fetching the series', async () => {
    const { agent } = app();
    await getJson(agent, '/api/v1/inventory', 200);
    const mark = proxy.requests.length;
    const body = TopResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/top?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc: DPM_CPC, n: 2, from: history.start + 60, to: history.end })}`,
        200,
      ),
    );
    expect(body.byAverage.map((e) => e.labels.partition)).toEqual(['LINUX "A"', '生产 分区']);
    expect(body.byAverage[0]).toMatchObject({ avg: 0.6, peak: 0.6 });
    expect(body.byPeak.map((e) => e.labels.partition)).toEqual(['web/01', 'LINUX "A"']);
    expect(body.byPeak[0]?.peak).toBe(SPIKE);
    expect(body.byPeak[0]?.avg).toBeGreaterThan(0.2);
    expect(body.byPeak[0]?.avg).toBeLessThan(0.21);
    // Each series' average and peak at the range's end (one value each), ranked by the BFF: no
    // topk, whose ties break differently on each engine; no range query.
    const sent = since(mark);
    expect(sent).toHaveLength(2);
    for (const query of sent)
      expect(query).toMatch(
        /^max by \(cpc, partition\) \((avg|max)_over_time\(zhmc_partition_processor_usage_ratio\{cpc="DPM 1"\}\[\d+ms\]\)\)$/,
      );
  });

  it('refuses top-N of a CPC metric with 400', async () => {
    const { agent } = app();
    const body = ErrorResponseSchema.parse(
      await getJson(agent, `/api/v1/top?${q({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC })}`, 400),
    );
    expect(body.error.message).toMatch(/^metric: zhmc_cpc_processor_usage_ratio is a CPC metric/);
  });

  it('serves partitions × time for one CPC and for the whole fleet, highest average first', async () => {
    const { agent } = app();
    const from = history.end - 3600;
    const one = HeatmapResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/heatmap?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc: DPM_CPC, from, to: history.end, maxPoints: 60 })}`,
        200,
      ),
    );
    expect(one.step).toBe(60);
    expect(one.timestamps).toHaveLength(61);
    expect(one.rows.map((r) => r.labels.partition)).toEqual(['LINUX "A"', '生产 分区', 'web/01']);
    for (const row of one.rows) expect(row.values).toHaveLength(61);
    expect(one.rows[0]?.avg).toBeCloseTo(0.6, 9);

    const fleet = HeatmapResponseSchema.parse(
      await getJson(agent, `/api/v1/heatmap?${q({ metric: 'zhmc_partition_processor_usage_ratio', from, to: history.end })}`, 200),
    );
    expect(fleet.rows.map((r) => `${r.labels.cpc}/${r.labels.partition}`)).toEqual([
      `${DPM_CPC}/LINUX "A"`,
      `${CLASSIC_CPC}/LP1`,
      `${DPM_CPC}/生产 分区`,
      `${DPM_CPC}/web/01`,
      `${CLASSIC_CPC}/LP 2`,
    ]);
    expect(LPARS.map((l) => l.usage)).toEqual([0.5, 0.1]);

    const bad = ErrorResponseSchema.parse(await getJson(agent, `/api/v1/heatmap?${q({ metric: 'zhmc_cpc_processor_usage_ratio' })}`, 400));
    expect(bad.error.message).toMatch(/^metric: zhmc_cpc_processor_usage_ratio has no partitions/);
  });
});

describe('query hygiene', () => {
  it('coalesces identical concurrent queries into one upstream request', async () => {
    // Cache off: only coalescing can share the answer.
    const { agent, deps } = app({ ZLENS_CACHE_MAX_ENTRIES: '0' });
    await getJson(agent, '/api/v1/inventory', 200);
    const mark = proxy.requests.length;
    const url = `/api/v1/series?${q({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC, from: 'now-3h', to: 'now' })}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => agent.get(url)));
    for (const res of answers) expect(res.status).toBe(200);
    const sent = since(mark);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThan(20);
    const metrics = await deps.metrics.registry.getSingleMetricAsString('zlens_upstream_coalesced_waiters_total');
    expect(metrics).toMatch(new RegExp(`zlens_upstream_coalesced_waiters_total\\{upstream="prometheus"\\} ${20 - sent.length}\\b`));
  });

  it('caches answers, and ends "now" views at the last step one scrape interval old so they are final too', async () => {
    const { agent } = app();
    await getJson(agent, '/api/v1/inventory', 200);
    const past = `/api/v1/series?${q({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC, from: history.end - 3600, to: history.end })}`;
    const mark = proxy.requests.length;
    const first = await getJson(agent, past, 200);
    const second = await getJson(agent, past, 200);
    expect(second).toEqual(first);
    expect(since(mark)).toHaveLength(1);

    const recent = `/api/v1/series?${q({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC, from: 'now-1h', to: 'now' })}`;
    const mark2 = proxy.requests.length;
    const a = SeriesResponseSchema.parse(await getJson(agent, recent, 200));
    const b = SeriesResponseSchema.parse(await getJson(agent, recent, 200));
    const nowSeconds = Date.now() / 1000;
    for (const body of [a, b]) {
      expect(body.end % body.step).toBe(0);
      expect(body.end).toBeLessThanOrEqual(nowSeconds - 15);
      expect(body.end).toBeGreaterThan(nowSeconds - 15 - 2 * body.step);
      expect(body.timestamps[body.timestamps.length - 1]).toBe(body.end);
    }
    // Within one step both viewers get the same final answer from one upstream query; a step
    // boundary between the two requests makes a second one.
    expect(since(mark2)).toHaveLength(a.end === b.end ? 1 : 2);
    const metrics = await agent.get('/metrics');
    expect(metrics.text).toMatch(/zlens_query_cache_requests_total\{result="hit"\} [12]\b/);
    expect(metrics.text).toMatch(/zlens_query_cache_requests_total\{result="miss"\} [23]\b/);
  });

  it('refuses a range with no point one scrape interval old', async () => {
    // 7 s into a 15 s step: the last 5 s hold no grid point at least 15 s old, whatever the wall clock.
    const slot = Math.floor(Date.now() / 15_000) * 15;
    const { agent } = app({}, { nowMs: () => (slot + 7) * 1000 });
    const body = ErrorResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/series?${q({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC, from: 'now-5s', to: 'now' })}`,
        400,
      ),
    );
    expect(body.error.message).toMatch(/^to: the range holds no point at least one scrape interval \(15 s\) old/);
  });
});

describe('the route list', () => {
  it('is what the OpenAPI document describes, from the shared schemas', async () => {
    const { agent } = app();
    const doc = (await getJson(agent, '/api/v1/openapi.json', 200)) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string; required: boolean; schema: { enum?: string[] } }[] } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      Object.values(API_ROUTES)
        .map((route) => openApiPath(route.path))
        .sort(),
    );
    expect(doc.paths['/cpcs/{cpc}/partitions/{partition}']?.get.parameters.map((p) => p.name)).toEqual(['cpc', 'partition']);
    const series = doc.paths['/series']?.get.parameters ?? [];
    expect(series.map((p) => [p.name, p.required])).toEqual([
      ['metric', true],
      ['cpc', true],
      ['partition', false],
      ['adapter', false],
      ['from', false],
      ['to', false],
      ['maxPoints', false],
    ]);
    expect(series[0]?.schema.enum).toContain('zhmc_nic_bytes_sent_count_total');
  });

  it('is what the BFF routes: every listed path answers GET, none with "no API route"', async () => {
    const { agent } = app();
    for (const route of Object.values(API_ROUTES)) {
      const path = route.path.replace(/:[A-Za-z]+/g, 'x');
      const res = await agent.get(`/api/v1${path}`);
      const message = ErrorResponseSchema.safeParse(res.body).data?.error.message ?? '';
      expect(message, route.path).not.toMatch(/^no API route/);
      expect(res.status, route.path).not.toBe(405);
    }
    // And a path not in the list is no route.
    const unlisted = ErrorResponseSchema.parse((await agent.get('/api/v1/not-a-route')).body);
    expect(unlisted.error.message).toMatch(/^no API route/);
  });
});

describe('failures', () => {
  it('answers 502 while Prometheus is down, and answers again once it is back', async () => {
    const { agent } = app({ ZLENS_UPSTREAM_TIMEOUT_MS: '2000' });
    await getJson(agent, '/api/v1/inventory', 200);
    proxy.mode = 'down';
    const url = `/api/v1/series?${q({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC, from: 'now-1h', to: 'now' })}`;
    const down = ErrorResponseSchema.parse(await getJson(agent, url, 502));
    expect(down.error.code).toBe('upstream_error');
    proxy.mode = 'pass';
    // The circuit opened on the failure; its probe (after a back-off of 0.5 s) finds Prometheus back.
    const back = SeriesResponseSchema.parse(await vi.waitFor(() => getJson(agent, url, 200), { timeout: 10_000, interval: 200 }));
    expect(back.series).toHaveLength(1);
  });

  it('answers 504 when Prometheus is slow, and keeps serving', async () => {
    const { agent } = app({ ZLENS_UPSTREAM_TIMEOUT_MS: '300' });
    await getJson(agent, '/api/v1/inventory', 200);
    proxy.mode = 'slow';
    const url = `/api/v1/top?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc: DPM_CPC, from: 'now-1h', to: 'now' })}`;
    const slow = ErrorResponseSchema.parse(await getJson(agent, url, 504));
    expect(slow.error).toEqual({ code: 'upstream_timeout', message: 'Prometheus did not answer within 300 ms' });
    proxy.mode = 'pass';
    await vi.waitFor(() => getJson(agent, url, 200), { timeout: 10_000, interval: 200 });
  });

  it('never puts the bearer token in responses or logs, and sends it upstream', () => {
    const everything = [...bodies, ...logs.map((l) => l.text())].join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(BEARER);
  });
});
