// A hung HMC (the simulator's latency fault: every request held for a minute) next to a healthy
// Prometheus. Answers must not wait for it: Prometheus-only series keep coming, the inventory is
// served from what is known, a partition's HMC read is waited for only briefly, /readyz stays 200
// and names the HMC as degraded. When the HMC answers again the inventory is whole within seconds.
// And /readyz is 503 only when the replica truly cannot serve: no inventory and no upstream (an
// HMC that answers /api/version with `null` is no upstream; test/lying-hmc.ts plays that one).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheus, startSimulator, writeHistory, type RunningPrometheus, type RunningSimulator } from '@zlens/hmc-sim';
import {
  InventoryResponseSchema,
  PartitionDetailSchema,
  ReadyResponseSchema,
  SeriesResponseSchema,
  StatusResponseSchema,
} from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { INVENTORY_RETRY_MS } from './inventory/service.js';
import { captureLogger, tempFile } from './test/helpers.js';
import { startLyingHmc, type LyingHmc } from './test/lying-hmc.js';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}`;
const historyFile = join(tmpdir(), `zlens-bff-hmc-hung-${process.pid}.om`);
let sim: RunningSimulator;
let prom: RunningPrometheus;
let built: BuiltDeps;
let agent: ReturnType<typeof request>;
let historyEnd: number;
/** The BFF's clock: TTLs, retry intervals and the probes' reuse pass when the test moves it. */
let nowMs = Date.now();

beforeAll(async () => {
  sim = await startSimulator({ credentials: { userid: 'monitor', password: PASSWORD } });
  const startMs = Date.now();
  historyEnd = (await writeHistory(sim.scenario, { startMs: startMs - 1800_000, endMs: startMs - 30_000 }, historyFile)).lastMs / 1000;
  prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile });
  const config = loadConfig({
    ZLENS_PROMETHEUS_URL: prom.url,
    ZLENS_HMC_URL: sim.hmcUrl,
    ZLENS_HMC_USERID: 'monitor',
    ZLENS_HMC_PASSWORD: PASSWORD,
    ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
    ZLENS_INVENTORY_TTL_SECONDS: '60',
    ZLENS_UPSTREAM_TIMEOUT_MS: '5000',
  });
  built = buildDeps({ ...config, webDir: null }, captureLogger().logger, { clock: { nowMs: () => nowMs } });
  agent = request(createApp(built.deps));
}, 90_000);

afterAll(async () => {
  sim?.faults.clear();
  await built?.close();
  await prom?.close();
  await sim?.close();
  rmSync(historyFile, { force: true });
});

const counter = async (name: 'upstreamRequests' | 'upstreamErrors', match: Record<string, string>): Promise<number> =>
  (await built.deps.metrics[name].get()).values
    .filter((v) => Object.entries(match).every(([k, value]) => v.labels[k as keyof typeof v.labels] === value))
    .reduce((n, v) => n + v.value, 0);

const METRICS = [
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_shared_processor_usage_ratio',
  'zhmc_cpc_ifl_processor_usage_ratio',
  'zhmc_cpc_status_int',
] as const;

describe('while the HMC hangs', () => {
  it('answers Prometheus-only series, the inventory and partition details without waiting for it', async () => {
    const first = InventoryResponseSchema.parse((await agent.get('/api/v1/inventory')).body);
    expect(first.stale).toBe(false);
    sim.faults.set({ latencyMs: 60_000 });
    nowMs += 61_000; // the inventory is due for a re-read, which hangs
    const timeoutsBefore = await counter('upstreamErrors', { upstream: 'hmc', kind: 'timeout' });
    const sentBefore = await counter('upstreamRequests', { upstream: 'hmc' });

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        agent.get(`/api/v1/series?metric=${METRICS[i % METRICS.length] ?? ''}&cpc=ZLX1&from=${historyEnd - 600 - i * 15}&to=${historyEnd}`),
      ),
    );
    for (const res of answers) expect(res.status, res.text).toBe(200);
    expect(answers.filter((res) => SeriesResponseSchema.parse(res.body).series.length > 0)).toHaveLength(40);
    const inventory = InventoryResponseSchema.parse((await agent.get('/api/v1/inventory')).body);
    expect(inventory.cpcs.map((c) => c.name)).toEqual(first.cpcs.map((c) => c.name));
    // All 40 answered while the re-read was still hanging: none waited for the HMC's timeout, and
    // the HMC got one re-read (its first request), not one per API call.
    expect(await counter('upstreamErrors', { upstream: 'hmc', kind: 'timeout' })).toBe(timeoutsBefore);
    expect((await counter('upstreamRequests', { upstream: 'hmc' })) - sentBefore).toBeLessThanOrEqual(1);

    // A partition whose HMC properties are not known yet: waited for briefly, then answered stale.
    const detail = PartitionDetailSchema.parse((await agent.get('/api/v1/cpcs/ZLX1/partitions/LNXPRD02')).body);
    expect(detail).toMatchObject({ name: 'LNXPRD02', stale: true, processorMode: null });
    expect(await counter('upstreamErrors', { upstream: 'hmc', kind: 'timeout' })).toBe(timeoutsBefore);

    // Ready: it serves. The HMC shows as degraded, in the body, the banner status and /metrics.
    nowMs += 1_000;
    const ready = await agent.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ReadyResponseSchema.parse(ready.body)).toMatchObject({
      ready: true,
      degraded: ['hmc'],
      inventory: true,
      checks: { prometheus: { ok: true }, hmc: { ok: false } },
    });
    const status = StatusResponseSchema.parse((await agent.get('/api/v1/status')).body);
    expect(status.upstreams).toEqual([
      { name: 'prometheus', state: 'ok', lastOkAt: expect.any(Number) },
      { name: 'hmc', state: 'slow', lastOkAt: expect.any(Number) },
    ]);
    expect((await agent.get('/metrics')).text).toMatch(/^zlens_upstream_up\{upstream="hmc"\} 0$/m);
  }, 30_000);

  it('serves the inventory whole again within a few retry intervals once the HMC answers', async () => {
    sim.faults.clear();
    // The hung re-read ends with the client's timeout; it failed, and the HMC client backs off.
    await built.deps.inventory.refresh();
    expect(InventoryResponseSchema.parse((await agent.get('/api/v1/inventory')).body).stale).toBe(true);
    let retries = 0;
    for (; retries < 5; retries += 1) {
      nowMs += INVENTORY_RETRY_MS;
      await agent.get('/api/v1/inventory'); // starts the due re-read
      await built.deps.inventory.refresh();
      if (!InventoryResponseSchema.parse((await agent.get('/api/v1/inventory')).body).stale) break;
    }
    // Seconds, not a 32-60 s back-off: at most two retry intervals (the probe ends the back-off).
    expect(retries).toBeLessThanOrEqual(2);
    nowMs += 1_000;
    expect(ReadyResponseSchema.parse((await agent.get('/readyz')).body)).toMatchObject({ ready: true, degraded: [] });
    expect((await agent.get('/metrics')).text).toMatch(/^zlens_upstream_up\{upstream="hmc"\} 1$/m);
  }, 30_000);
});

describe('readiness of a replica that cannot serve', () => {
  let lying: LyingHmc;
  beforeAll(async () => {
    lying = await startLyingHmc();
  });
  afterAll(async () => lying?.close());

  it('is 503 with no inventory and an HMC that answers /api/version with null', async () => {
    const config = loadConfig({
      ZLENS_HMC_URL: lying.url,
      ZLENS_HMC_USERID: 'monitor',
      ZLENS_HMC_PASSWORD: 'secret',
      ZLENS_HMC_CA_FILE: tempFile('ca.pem', lying.caPem),
    });
    const own = buildDeps({ ...config, webDir: null }, captureLogger().logger, { startPolling: false });
    try {
      const ownAgent = request(createApp(own.deps));
      // This HMC lists no CPCs (404): no inventory can be known.
      expect((await ownAgent.get('/api/v1/inventory')).status).toBeGreaterThanOrEqual(500);
      lying.setVersion('null');
      const notReady = await ownAgent.get('/readyz');
      expect(notReady.status).toBe(503);
      expect(ReadyResponseSchema.parse(notReady.body)).toMatchObject({ ready: false, mode: 'live', inventory: false, degraded: ['hmc'] });
      expect(notReady.body.checks.hmc.message).toMatch(/not an HMC version object/);
    } finally {
      lying.setVersion('{"api-major-version":4,"api-minor-version":10}');
      await own.close();
    }
  });
});
