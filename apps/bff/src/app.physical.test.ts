// Integration: the physical-layer endpoints (fleet power and energy, top-N adapters, line cords) against a real
// Prometheus holding the simulator's history (promtool backfill) and the simulated HMC over
// verified HTTPS, as app.prometheus.test.ts does.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  queryPrometheus,
  startPrometheus,
  startSimulator,
  writeHistory,
  type RunningPrometheus,
  type RunningSimulator,
} from '@zlens/hmc-sim';
import {
  AdapterTopResponseSchema,
  ErrorResponseSchema,
  FleetPowerResponseSchema,
  LineCordsResponseSchema,
  SeriesResponseSchema,
  TopResponseSchema,
} from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger, tempFile } from './test/helpers.js';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}`;
let sim: RunningSimulator;
let prom: RunningPrometheus;
let historyEnd: number;
const historyFile = join(tmpdir(), `zlens-bff-physical-${process.pid}.om`);
const built: BuiltDeps[] = [];
let agent: ReturnType<typeof request>;

beforeAll(async () => {
  sim = await startSimulator({ credentials: { userid: 'monitor', password: PASSWORD } });
  const nowMs = Date.now();
  const stats = await writeHistory(sim.scenario, { startMs: nowMs - 2 * 3600_000, endMs: nowMs - 60_000 }, historyFile);
  historyEnd = stats.lastMs / 1000;
  prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile });
  const env: Env = {
    ZLENS_PROMETHEUS_URL: prom.url,
    ZLENS_HMC_URL: sim.hmcUrl,
    ZLENS_HMC_USERID: 'monitor',
    ZLENS_HMC_PASSWORD: PASSWORD,
    ZLENS_HMC_CA_FILE: tempFile('hmc-ca.pem', sim.caPem),
  };
  const deps = buildDeps({ ...loadConfig(env), webDir: null }, captureLogger().logger, { startPolling: false });
  built.push(deps);
  agent = request(createApp(deps.deps));
}, 60_000);

afterAll(async () => {
  await Promise.all(built.map((b) => b.close()));
  await prom?.close();
  await sim?.close();
  rmSync(historyFile, { force: true });
});

async function getJson(url: string, status: number): Promise<unknown> {
  const res = await agent.get(url);
  expect(res.status, res.text).toBe(status);
  return res.body;
}

describe('GET /api/v1/fleet/power', () => {
  it('ranks every CPC by average power, with now / peak / energy and a site total that is the sum', async () => {
    const from = historyEnd - 3600;
    const body = FleetPowerResponseSchema.parse(await getJson(`/api/v1/fleet/power?from=${from}&to=${historyEnd}&maxPoints=500`, 200));
    expect(body).toMatchObject({ source: 'prometheus', step: 15, start: from, end: historyEnd, stale: false, missing: [] });
    expect(body.cpcs.map((c) => c.cpc).sort()).toEqual(sim.scenario.cpcs.map((c) => c.name).sort());
    const avgs = body.cpcs.map((c) => c.avg ?? -1);
    expect(avgs).toEqual([...avgs].sort((a, b) => b - a));
    for (const cpc of body.cpcs) {
      // Each CPC's line is exactly its power series (same range and grid).
      const series = SeriesResponseSchema.parse(
        await getJson(`/api/v1/series?metric=zhmc_cpc_power_watt&cpc=${cpc.cpc}&from=${from}&to=${historyEnd}&maxPoints=500`, 200),
      );
      expect(cpc.values).toEqual(series.series[0]?.values);
      // Prometheus's own average over the raw samples of the same 241 slots (a window 1 s short of 3615 s, so
      // that Prometheus 2 (range closed on the left) and 3 (open) take the same samples).
      const [promAvg] = await queryPrometheus(prom.url, `avg_over_time(zhmc_cpc_power_watt{cpc="${cpc.cpc}"}[3614s])`, historyEnd);
      expect(cpc.avg).toBeCloseTo(Number(promAvg?.value[1]), 6);
      expect(cpc.peak).toBe(Math.max(...cpc.values.filter((v): v is number => v !== null)));
      expect(cpc.now).toBe(cpc.values.at(-1));
      // Energy: average watts × 3615 s (241 samples of 15 s) in kWh; a CPC of ~10 kW uses ~10 kWh an hour.
      expect(cpc.energyKWh).toBeCloseTo(((cpc.avg ?? 0) * 3615) / 3_600_000, 9);
      expect(cpc.avg).toBeGreaterThan(1000);
    }
    body.timestamps.forEach((_, i) =>
      expect(body.total[i]).toBeCloseTo(
        body.cpcs.reduce((sum, c) => sum + (c.values[i] ?? Number.NaN), 0),
        6,
      ),
    );
    expect(body.energyKWh).toBeCloseTo(
      body.cpcs.reduce((sum, c) => sum + (c.energyKWh ?? 0), 0),
      9,
    );
    expect(body.now).toBe(body.total.at(-1));
  });

  it('refuses a bad range with a message naming the parameter', async () => {
    const body = ErrorResponseSchema.parse(await getJson('/api/v1/fleet/power?from=yesterday', 400));
    expect(body.error.message).toMatch(/^from: /);
  });
});

describe('GET /api/v1/adapters/top', () => {
  const range = () => `from=${historyEnd - 3600}&to=${historyEnd}`;

  it('ranks the adapters of the whole fleet: DPM adapters by name and classic crypto adapters by PCHID', async () => {
    const body = AdapterTopResponseSchema.parse(await getJson(`/api/v1/adapters/top?n=100&${range()}`, 200));
    expect(body).toMatchObject({ source: 'prometheus', n: 100, family: null, stale: false });
    const avgs = body.byAverage.map((e) => e.avg ?? -1);
    expect(avgs).toEqual([...avgs].sort((a, b) => b - a));
    const crypto = body.byAverage.filter((e) => e.metric === 'zhmc_crypto_adapter_usage_ratio');
    expect(crypto.map((e) => [e.cpc, e.adapter, e.family, e.hasView])).toEqual(
      expect.arrayContaining([
        ['ZOS1', '1C0', 'crypto', false],
        ['ZOS1', '1C4', 'crypto', false],
      ]),
    );
    // The fleet's top 3 are the 3 highest of the per-CPC rankings, merged.
    const perCpc = await Promise.all(
      ['ZLX1', 'ZLX2'].map(async (cpc) =>
        TopResponseSchema.parse(await getJson(`/api/v1/top?metric=zhmc_adapter_usage_ratio&cpc=${cpc}&n=3&${range()}`, 200)),
      ),
    );
    const merged = perCpc.flatMap((t) => t.byAverage.map((e) => e.avg ?? -1)).concat(crypto.map((e) => e.avg ?? -1));
    const top3 = AdapterTopResponseSchema.parse(await getJson(`/api/v1/adapters/top?n=3&${range()}`, 200));
    expect(top3.byAverage.map((e) => e.avg)).toEqual(merged.sort((a, b) => b - a).slice(0, 3));
    expect(top3.byPeak).toHaveLength(3);
  });

  it('keeps one family (the HMC names it) and one CPC', async () => {
    const network = AdapterTopResponseSchema.parse(await getJson(`/api/v1/adapters/top?family=network&n=5&cpc=ZLX1&${range()}`, 200));
    expect(network.byAverage.length).toBeGreaterThan(0);
    expect(network.byAverage.length).toBeLessThanOrEqual(5);
    for (const e of [...network.byAverage, ...network.byPeak]) expect(e).toMatchObject({ cpc: 'ZLX1', family: 'network', hasView: true });
    // The simulator's network adapter types (OSA, RoCE, HiperSockets): the family the HMC's type implies.
    const zlx1 = sim.scenario.cpcs.find((c) => c.name === 'ZLX1');
    const networkNames = new Set(zlx1?.adapters.filter((a) => ['osd', 'roce', 'hipersockets'].includes(a.type)).map((a) => a.name));
    for (const e of network.byAverage) expect(networkNames.has(e.adapter), e.adapter).toBe(true);
    const crypto = AdapterTopResponseSchema.parse(await getJson(`/api/v1/adapters/top?family=crypto&n=10&cpc=ZOS1&${range()}`, 200));
    expect(crypto.byAverage.map((e) => e.adapter).sort()).toEqual(['1C0', '1C4']);
  });

  it('answers 404 for an unknown CPC and 400 for a bad family or n', async () => {
    expect(ErrorResponseSchema.parse(await getJson(`/api/v1/adapters/top?cpc=NOPE&${range()}`, 404)).error.message).toMatch(/^cpc: /);
    expect(ErrorResponseSchema.parse(await getJson(`/api/v1/adapters/top?family=quantum&${range()}`, 400)).error.message).toMatch(
      /^family: /,
    );
    expect(ErrorResponseSchema.parse(await getJson(`/api/v1/adapters/top?n=0&${range()}`, 400)).error.message).toMatch(/^n: /);
  });
});

describe('GET /api/v1/line-cords', () => {
  const range = () => `from=${historyEnd - 3600}&to=${historyEnd}&maxPoints=300`;

  it("answers a CPC's line-cord phases together, each exactly its series endpoint's answer", async () => {
    const cpc = sim.scenario.cpcs[0]?.name ?? '';
    const body = LineCordsResponseSchema.parse(await getJson(`/api/v1/line-cords?cpc=${cpc}&${range()}`, 200));
    expect(body).toMatchObject({ source: 'prometheus', stale: false });
    expect(body.phases.length).toBeGreaterThan(0);
    expect(body.phases.some((p) => p.values.some((v) => v !== null && v > 0))).toBe(true);
    const metrics = body.phases.map((p) => p.metric);
    expect(metrics.every((m) => /^zhmc_cpc_power_cord[1-8]_phase_[abc]_watt$/.test(m))).toBe(true);
    for (const metric of ['zhmc_cpc_power_cord1_phase_a_watt', 'zhmc_cpc_power_cord8_phase_c_watt']) {
      const series = SeriesResponseSchema.parse(await getJson(`/api/v1/series?metric=${metric}&cpc=${cpc}&${range()}`, 200));
      expect(series.timestamps).toEqual(body.timestamps);
      expect(body.phases.filter((p) => p.metric === metric).map((p) => p.values)).toEqual(series.series.map((s) => s.values));
    }
  });

  it('answers 404 for an unknown CPC and 400 without one', async () => {
    expect(ErrorResponseSchema.parse(await getJson(`/api/v1/line-cords?cpc=NOPE&${range()}`, 404)).error.message).toMatch(/^cpc: /);
    expect(ErrorResponseSchema.parse(await getJson(`/api/v1/line-cords?${range()}`, 400)).error.message).toMatch(/^cpc: /);
  });
});
