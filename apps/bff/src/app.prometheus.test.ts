// Integration: createApp against a real Prometheus (history backfilled from the simulator with
// promtool, scraping the simulator's /metrics) and the simulated HMC over verified HTTPS.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  partitionUsage,
  sampleCpc,
  slotOf,
  startPrometheus,
  startSimulator,
  writeHistory,
  type RunningPrometheus,
  type RunningSimulator,
} from '@zlens/hmc-sim';
import { InventoryResponseSchema, SeriesResponseSchema, ErrorResponseSchema, ReadyResponseSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger, closedPort, startSilentServer, tempFile, type CapturedLogger } from './test/helpers.js';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-secret`;
const BEARER = `tok-${Math.random().toString(36).slice(2)}-secret`;

let sim: RunningSimulator;
let prom: RunningPrometheus;
let caFile: string;
/** Last sample time of the backfilled history (unix seconds, a multiple of 15). */
let historyEnd: number;
const historyFile = join(tmpdir(), `zlens-bff-history-${process.pid}.om`);
const built: BuiltDeps[] = [];
const logs: CapturedLogger[] = [];
const bodies: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ credentials: { userid: 'monitor', password: PASSWORD } });
  caFile = tempFile('hmc-ca.pem', sim.caPem);
  const nowMs = Date.now();
  const stats = await writeHistory(sim.scenario, { startMs: nowMs - 3 * 3600_000, endMs: nowMs - 60_000 }, historyFile);
  historyEnd = stats.lastMs / 1000;
  prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile });
}, 60_000);

afterAll(async () => {
  await Promise.all(built.map((b) => b.close()));
  await prom?.close();
  await sim?.close();
  rmSync(historyFile, { force: true });
});

function app(env: Env) {
  const captured = captureLogger();
  logs.push(captured);
  // No SPA unless a test asks for one (ZLENS_WEB_DIR), whatever apps/web/dist holds right now.
  const config = loadConfig(env);
  const deps = buildDeps(env.ZLENS_WEB_DIR === undefined ? { ...config, webDir: null } : config, captured.logger, { startPolling: false });
  built.push(deps);
  return request(createApp(deps.deps));
}

const promEnv = (): Env => ({ ZLENS_PROMETHEUS_URL: prom.url, ZLENS_PROMETHEUS_BEARER_TOKEN: BEARER });
const hmcEnv = (): Env => ({
  ZLENS_HMC_URL: sim.hmcUrl,
  ZLENS_HMC_USERID: 'monitor',
  ZLENS_HMC_PASSWORD: PASSWORD,
  ZLENS_HMC_CA_FILE: caFile,
});

async function getJson(agent: ReturnType<typeof app>, url: string, status: number): Promise<unknown> {
  const res = await agent.get(url);
  bodies.push(res.text);
  expect(res.status, res.text).toBe(status);
  return res.body;
}

const cpcSpec = (name: string) => {
  const cpc = sim.scenario.cpcs.find((c) => c.name === name);
  if (!cpc) throw new Error(`no CPC ${name} in the scenario`);
  return cpc;
};

describe('with Prometheus', () => {
  it('lists the inventory from Prometheus label sets, stopped partitions included', async () => {
    const body = InventoryResponseSchema.parse(await getJson(app(promEnv()), '/api/v1/inventory', 200));
    expect(body.stale).toBe(false);
    expect(body.cpcs.map((c) => c.name)).toEqual(sim.scenario.cpcs.map((c) => c.name).sort());
    const zlx1 = body.cpcs.find((c) => c.name === 'ZLX1');
    // Prometheus alone tells the mode by which partition status metric a CPC has.
    expect(zlx1).toMatchObject({ status: 'active', mode: 'dpm', machineType: null, sources: ['prometheus'] });
    expect(body.cpcs.find((c) => c.name === 'ZOS1')?.mode).toBe('classic');
    expect(zlx1?.partitions.map((p) => p.name).sort()).toEqual(
      cpcSpec('ZLX1')
        .partitions.map((p) => p.name)
        .sort(),
    );
    expect(zlx1?.partitions.find((p) => p.name === 'Storage Test')).toEqual({
      name: 'Storage Test',
      status: 'stopped',
      type: null,
      sources: ['prometheus'],
      noSeries: false,
    });
  });

  it('joins Prometheus and HMC inventories by name', async () => {
    const body = InventoryResponseSchema.parse(await getJson(app({ ...promEnv(), ...hmcEnv() }), '/api/v1/inventory', 200));
    const zlx2 = body.cpcs.find((c) => c.name === 'ZLX2');
    expect(zlx2).toMatchObject({ mode: 'dpm', machineType: '3932', machineModel: 'AGZ', sources: ['prometheus', 'hmc'] });
    expect(zlx2?.partitions.find((p) => p.name === 'SSC HSM')).toEqual({
      name: 'SSC HSM',
      status: 'active',
      type: 'ssc',
      sources: ['prometheus', 'hmc'],
      noSeries: false,
    });
  });

  it('serves CPC series equal to what the simulator produced', async () => {
    const from = historyEnd - 1800;
    const url = `/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=${from}&to=${historyEnd}&maxPoints=500`;
    const body = SeriesResponseSchema.parse(await getJson(app(promEnv()), url, 200));
    expect(body).toMatchObject({ source: 'prometheus', step: 15, start: from, end: historyEnd, stale: false });
    expect(body.timestamps).toHaveLength(121);
    expect(body.series).toHaveLength(1);
    expect(body.series[0]?.labels).toEqual({ cpc: 'ZLX1' });
    const expected = body.timestamps.map((t) => sampleCpc(sim.scenario.seed, cpcSpec('ZLX1'), slotOf(t * 1000)).usage.processor / 100);
    expect(body.series[0]?.values).toEqual(expected);
  });

  it('serves one partition by a name with spaces, and all partitions of a CPC without one', async () => {
    const agent = app(promEnv());
    const from = historyEnd - 600;
    const spec = cpcSpec('ZLX1').partitions.find((p) => p.name === 'ZVM PROD 1');
    if (!spec) throw new Error('scenario lacks ZVM PROD 1');
    const one = SeriesResponseSchema.parse(
      await getJson(
        agent,
        `/api/v1/series?metric=zhmc_partition_network_adapter_usage_ratio&cpc=ZLX1&partition=ZVM%20PROD%201&from=${from}&to=${historyEnd}`,
        200,
      ),
    );
    expect(one.series.map((s) => s.labels)).toEqual([{ cpc: 'ZLX1', partition: 'ZVM PROD 1' }]);
    expect(one.series[0]?.values).toEqual(
      one.timestamps.map((t) => partitionUsage(sim.scenario.seed, spec, slotOf(t * 1000)).network / 100),
    );

    const all = SeriesResponseSchema.parse(
      await getJson(agent, `/api/v1/series?metric=zhmc_partition_processor_usage_ratio&cpc=ZLX1&from=${from}&to=${historyEnd}`, 200),
    );
    // Usage exists for running partitions only (the exporter has none for stopped ones).
    const running = cpcSpec('ZLX1').partitions.filter((p) => p.status === 'active' || p.status === 'degraded');
    expect(all.series.map((s) => s.labels.partition).sort()).toEqual(running.map((p) => p.name).sort());
  });

  it('serves status series with the status string', async () => {
    const url = `/api/v1/series?metric=zhmc_partition_status_int&cpc=ZLX1&partition=Storage%20Test&from=${historyEnd - 300}&to=${historyEnd}`;
    const body = SeriesResponseSchema.parse(await getJson(app(promEnv()), url, 200));
    expect(body.series).toEqual([
      { labels: { cpc: 'ZLX1', partition: 'Storage Test', value: 'stopped' }, values: body.timestamps.map(() => 11) },
    ]);
  });

  it('answers bad requests with 400 naming the parameter, unknown names with 404', async () => {
    const agent = app(promEnv());
    const bad = async (url: string, status: number, pattern: RegExp): Promise<void> => {
      const body = ErrorResponseSchema.parse(await getJson(agent, url, status));
      expect(body.error.message).toMatch(pattern);
    };
    await bad('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=yesterday', 400, /^from: must be unix seconds, RFC 3339/);
    await bad('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=now&to=now-1h', 400, /^from: must be before to/);
    await bad('/api/v1/series?metric=up&cpc=ZLX1', 400, /^metric: /);
    await bad('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio', 400, /^cpc: is required/);
    await bad('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&maxPoints=1', 400, /^maxPoints: /);
    await bad('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=1&from=2', 400, /^from: /);
    await bad('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX9', 404, /^cpc: no CPC named "ZLX9"/);
    await bad(
      '/api/v1/series?metric=zhmc_partition_processor_usage_ratio&cpc=ZLX1&partition=NOPE%22}',
      404,
      /^partition: CPC "ZLX1" has no partition named "NOPE"}"/,
    );
    await bad('/api/v1/nothing-here', 404, /no API route GET \/api\/v1\/nothing-here/);
    await bad('/nowhere', 404, /nothing at GET \/nowhere/);
    // A malformed URL is the client's mistake, never a 500.
    await bad('/api/v1/%E0%A4%A', 400, /^bad request: /);
  });

  it('reports readiness and request metrics by route pattern', async () => {
    const agent = app(promEnv());
    const ready = ReadyResponseSchema.parse(await getJson(agent, '/readyz', 200));
    expect(ready).toMatchObject({ ready: true, mode: 'prometheus', checks: { prometheus: { ok: true } } });
    await getJson(agent, `/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX2&from=${historyEnd - 60}&to=${historyEnd}`, 200);
    const metrics = await agent.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/zlens_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/series",status_code="200"\} 1/);
    expect(metrics.text).toMatch(/zlens_upstream_request_duration_seconds_count\{upstream="prometheus",outcome="success"\} [1-9]/);
    expect(metrics.text).not.toContain('ZLX2');
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('answers 502 when Prometheus is down', async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: `http://127.0.0.1:${await closedPort()}` });
    const body = ErrorResponseSchema.parse(await getJson(agent, '/api/v1/inventory', 502));
    expect(body.error.code).toBe('upstream_error');
    expect(body.error.message).toMatch(/Prometheus is unreachable/);
    const ready = ReadyResponseSchema.parse(await getJson(agent, '/readyz', 503));
    expect(ready.checks.prometheus?.ok).toBe(false);
  });

  it('answers 504 when Prometheus does not answer in time', async () => {
    const silent = await startSilentServer();
    try {
      const agent = app({ ZLENS_PROMETHEUS_URL: silent.url, ZLENS_UPSTREAM_TIMEOUT_MS: '300' });
      const body = ErrorResponseSchema.parse(await getJson(agent, '/api/v1/inventory', 504));
      expect(body.error).toEqual({ code: 'upstream_timeout', message: 'Prometheus did not answer within 300 ms' });
    } finally {
      await silent.close();
    }
  });

  it('serves the SPA: hashed assets cached for good, index.html for client-side routes, JSON 404 under /api', async () => {
    const index = tempFile('index.html', '<!doctype html><title>zlens</title>');
    const webDir = dirname(index);
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'index-Dq5fxaHw.js'), 'console.log(1)');
    const agent = app({ ...promEnv(), ZLENS_WEB_DIR: webDir });
    const route = await agent.get('/cpcs/ZLX1/partitions/ZVM%20PROD%201');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>zlens</title>');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.headers['content-security-policy']).toContain("default-src 'self'");
    const asset = await agent.get('/assets/index-Dq5fxaHw.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const api = await agent.get('/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect(ErrorResponseSchema.parse(api.body).error.code).toBe('not_found');
    const metrics = await agent.get('/metrics');
    expect(metrics.text).toMatch(/zlens_http_request_duration_seconds_count\{method="GET",route="\/\{\*path\}",status_code="200"\} 1/);
    expect(metrics.text).toMatch(/zlens_http_request_duration_seconds_count\{method="GET",route="static",status_code="200"\} 1/);
  });

  it('never puts credentials in responses or logs', () => {
    const everything = [...bodies, ...logs.map((l) => l.text())].join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).toContain('logged on to the HMC');
    for (const secret of [PASSWORD, BEARER]) expect(everything).not.toContain(secret);
  });
});
