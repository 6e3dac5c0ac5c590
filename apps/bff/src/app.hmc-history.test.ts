// Integration: the HMC's own history (Get Historical Sustainability Data) through the BFF, against
// the simulated HMC over verified HTTPS — in HMC-only mode (the live source has nothing older than
// its polling), with a real Prometheus that has only recent data (its series win; the HMC fills the
// time before its first sample), for a CPC, a DPM partition and a classic LPAR, and what zlens says
// when the HMC user may not read it, when the SE lacks the feature, and without an HMC.
import { request as httpsRequest } from 'node:https';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultScenario,
  startPrometheus,
  startSimulator,
  waitForSeries,
  type RunningPrometheus,
  type RunningSimulator,
  type Scenario,
} from '@zlens/hmc-sim';
import { HmcHistoryResponseSchema, type HmcHistoryResponse } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger, closedPort, tempFile } from './test/helpers.js';

/** One fixed moment for the simulator and the BFF in HMC-only mode. */
const NOW_MS = Date.UTC(2026, 11, 3, 10, 7, 30);
const NOW = NOW_MS / 1000;
const DAY = 86_400;

const built: BuiltDeps[] = [];
const started: { close(): Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(built.map((b) => b.close()));
  for (const s of started.reverse()) await s.close();
});

function hmcEnv(sim: RunningSimulator): Env {
  return {
    ZLENS_HMC_URL: sim.hmcUrl,
    ZLENS_HMC_USERID: sim.credentials.userid,
    ZLENS_HMC_PASSWORD: sim.credentials.password,
    ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
  };
}

function app(env: Env, nowMs?: number) {
  const deps = buildDeps({ ...loadConfig(env), webDir: null }, captureLogger().logger, {
    startPolling: false,
    ...(nowMs === undefined ? {} : { clock: { nowMs: () => nowMs } }),
  });
  built.push(deps);
  return request(createApp(deps.deps));
}

async function history(agent: ReturnType<typeof app>, query: string): Promise<HmcHistoryResponse> {
  const response = await agent.get(`/api/v1/hmc-history?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return HmcHistoryResponseSchema.parse(response.body);
}

type Points = Record<string, { timestamp: number; data: number }[]>;

/** Asks the simulated HMC itself, over its own HTTPS (not through the BFF): what the BFF must show. */
async function hmcPost(sim: RunningSimulator, path: string, body: unknown, session?: string): Promise<{ status: number; json: unknown }> {
  const url = new URL(path, sim.hmcUrl);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: 'POST',
        ca: sim.caPem,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(session === undefined ? {} : { 'x-api-session': session }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function hmcRecords(sim: RunningSimulator, uri: string, range: string, resolution: string): Promise<Points> {
  const logon = await hmcPost(sim, '/api/sessions', sim.credentials);
  const session = (logon.json as { 'api-session': string })['api-session'];
  const answer = await hmcPost(sim, `${uri}/operations/get-historical-sustainability-data`, { range, resolution }, session);
  expect(answer.status).toBe(200);
  return answer.json as Points;
}

/** The HMC's points of one metric as the BFF should give them: seconds, scaled, inside [start, end] and before `until`. */
function expected(points: Points, name: string, scale: number, start: number, end: number, until: number | null) {
  const kept = (points[name] ?? []).filter(
    (p) => p.timestamp / 1000 >= start && p.timestamp / 1000 <= end && (until === null || p.timestamp / 1000 < until),
  );
  return { timestamps: kept.map((p) => p.timestamp / 1000), values: kept.map((p) => p.data * scale) };
}

function cpcSpec(sim: RunningSimulator, name: string) {
  const cpc = sim.scenario.cpcs.find((c) => c.name === name);
  if (cpc === undefined) throw new Error(`no CPC ${name}`);
  return cpc;
}

describe('HMC-only mode', { timeout: 60_000 }, () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: () => NOW_MS });
    started.push(sim);
  });

  it("gives a CPC's power over the last week from the HMC's records, 15-minute resolution, where live polling has nothing yet", async () => {
    const body = await history(app(hmcEnv(sim), NOW_MS), `metric=zhmc_cpc_power_watt&cpc=ZLX1&from=now-7d&to=now&maxPoints=700`);
    expect(body).toMatchObject({ available: true, primaryFrom: null, hmcRange: 'last-week', resolution: 900, stale: false });
    const points = await hmcRecords(sim, `/api/cpcs/${cpcSpec(sim, 'ZLX1')['object-id']}`, 'last-week', 'fifteen-minutes');
    expect({ timestamps: body.timestamps, values: body.values }).toEqual(expected(points, 'total-wattage', 1, body.start, body.end, null));
    // The whole week, every 15 minutes (the window's first and last few minutes aside).
    expect(body.timestamps.length).toBeGreaterThan(7 * 96 - 3);
    expect(body.values.every((v) => v !== null && v > 0)).toBe(true);
  });

  it('maps the temperatures, humidity and heat load, and turns processor utilisation (percent) into the ratio', async () => {
    const agent = app(hmcEnv(sim), NOW_MS);
    const points = await hmcRecords(sim, `/api/cpcs/${cpcSpec(sim, 'ZOS1')['object-id']}`, 'last-day', 'fifteen-minutes');
    const cases = [
      ['zhmc_cpc_ambient_temperature_celsius', 'ambient-temperature', 1],
      ['zhmc_cpc_exhaust_temperature_celsius', 'exhaust-heat-temperature', 1],
      ['zhmc_cpc_humidity_percent', 'ambient-humidity', 1],
      ['zhmc_cpc_heat_load_total_btu_per_hour', 'heat-load', 1],
      ['zhmc_cpc_processor_usage_ratio', 'processor-utilization', 0.01],
    ] as const;
    for (const [metric, name, scale] of cases) {
      const body = await history(agent, `metric=${metric}&cpc=ZOS1&from=now-24h&to=now&maxPoints=500`);
      expect(body.hmcRange, metric).toBe('last-day');
      expect({ timestamps: body.timestamps, values: body.values }, metric).toEqual(
        expected(points, name, scale, body.start, body.end, null),
      );
    }
  });

  it("gives a DPM partition's and a classic LPAR's power and processor usage from their own operations", async () => {
    const agent = app(hmcEnv(sim), NOW_MS);
    const dpm = cpcSpec(sim, 'ZLX1');
    const partition = dpm.partitions.find((p) => p.status === 'active');
    const classic = cpcSpec(sim, 'ZOS1');
    const lpar = classic['logical-partitions'].find((l) => l.status === 'operating');
    if (partition === undefined || lpar === undefined) throw new Error('no running partition');
    const partitionPoints = await hmcRecords(sim, `/api/partitions/${partition['object-id']}`, 'last-day', 'fifteen-minutes');
    const lparPoints = await hmcRecords(sim, `/api/logical-partitions/${lpar['object-id']}`, 'last-day', 'fifteen-minutes');
    const usage = await history(
      agent,
      `metric=zhmc_partition_processor_usage_ratio&cpc=ZLX1&partition=${encodeURIComponent(partition.name)}&from=now-1d&maxPoints=500`,
    );
    expect({ timestamps: usage.timestamps, values: usage.values }).toEqual(
      expected(partitionPoints, 'processor-utilization', 0.01, usage.start, usage.end, null),
    );
    expect(usage.values.some((v) => v !== null && v > 0 && v <= 1)).toBe(true);
    // The exporter has no DPM partition power; the HMC's records do, and fill the whole window.
    const dpmPower = await history(
      agent,
      `metric=zhmc_partition_power_watt&cpc=ZLX1&partition=${encodeURIComponent(partition.name)}&from=now-1d&maxPoints=500`,
    );
    expect({ timestamps: dpmPower.timestamps, values: dpmPower.values }).toEqual(
      expected(partitionPoints, 'wattage', 1, dpmPower.start, dpmPower.end, null),
    );
    const lparPower = await history(
      agent,
      `metric=zhmc_partition_power_watt&cpc=ZOS1&partition=${encodeURIComponent(lpar.name)}&from=now-1d&maxPoints=500`,
    );
    expect({ timestamps: lparPower.timestamps, values: lparPower.values }).toEqual(
      expected(lparPoints, 'wattage', 1, lparPower.start, lparPower.end, null),
    );
  });

  it('asks the range that reaches back to the window: a month at 15 minutes, half a year an hour at a time', async () => {
    const agent = app(hmcEnv(sim), NOW_MS);
    const month = await history(agent, `metric=zhmc_cpc_power_watt&cpc=ZLX1&from=now-30d&maxPoints=1000`);
    expect(month).toMatchObject({ hmcRange: 'last-month', resolution: 900 });
    const half = await history(agent, `metric=zhmc_cpc_power_watt&cpc=ZLX1&from=${NOW - 120 * DAY}&to=${NOW - 100 * DAY}&maxPoints=1000`);
    expect(half).toMatchObject({ hmcRange: 'last-six-months', resolution: 3600 });
    expect(half.timestamps.every((t) => t >= half.start && t <= half.end)).toBe(true);
    expect(half.timestamps.length).toBeGreaterThanOrEqual(20 * 24 - 1);
  });

  it('says what it cannot give: not permitted (403.1), a partition metric without a partition, a metric the HMC does not record, an unknown CPC', async () => {
    const agent = app(hmcEnv(sim), NOW_MS);
    await agent.get('/api/v1/inventory').expect(200);
    sim.faults.set({ forbidden: true, pathPattern: 'sustainability' });
    try {
      const body = await history(agent, 'metric=zhmc_cpc_power_watt&cpc=ZOS1&from=now-2d');
      expect(body).toMatchObject({ available: false, unavailableReason: 'not-permitted', timestamps: [], values: [] });
    } finally {
      sim.faults.clear();
    }
    const noPartition = await agent.get('/api/v1/hmc-history?metric=zhmc_partition_power_watt&cpc=ZOS1');
    expect(noPartition.status).toBe(400);
    expect(noPartition.body.error.message).toMatch(/^partition:/);
    const notRecorded = await agent.get('/api/v1/hmc-history?metric=zhmc_cpc_heat_load_water_btu_per_hour&cpc=ZOS1');
    expect(notRecorded.status).toBe(400);
    expect(notRecorded.body.error.message).toMatch(/^metric:.*no history/);
    expect((await agent.get('/api/v1/hmc-history?metric=zhmc_cpc_power_watt&cpc=NOPE')).status).toBe(404);
  });
});

describe('an SE without the environmental-metrics feature', { timeout: 60_000 }, () => {
  it('is asked again at one-hour resolution, the finest it has', async () => {
    const base = defaultScenario();
    const scenario: Scenario = { ...base, cpcs: base.cpcs.map((c) => (c.name === 'ZOS1' ? { ...c, 'api-features': [] } : c)) };
    const sim = await startSimulator({ scenario, now: () => NOW_MS });
    started.push(sim);
    const body = await history(app(hmcEnv(sim), NOW_MS), 'metric=zhmc_cpc_ambient_temperature_celsius&cpc=ZOS1&from=now-1d&maxPoints=500');
    expect(body).toMatchObject({ available: true, hmcRange: 'last-day', resolution: 3600 });
    const points = await hmcRecords(sim, `/api/cpcs/${cpcSpec(sim, 'ZOS1')['object-id']}`, 'last-day', 'one-hour');
    expect({ timestamps: body.timestamps, values: body.values }).toEqual(
      expected(points, 'ambient-temperature', 1, body.start, body.end, null),
    );
  });
});

describe('with a Prometheus that has only recent data', { timeout: 60_000 }, () => {
  let sim: RunningSimulator;
  let prom: RunningPrometheus;
  beforeAll(async () => {
    sim = await startSimulator({});
    started.push(sim);
    prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget] });
    started.push(prom);
    await waitForSeries(prom.url, 'zhmc_cpc_power_watt', 60_000);
  }, 90_000);

  /** Until Prometheus' first sample is old enough to be in an answer (the BFF ends answers one scrape back). */
  async function whenPrometheusAnswers(agent: ReturnType<typeof app>, query: string): Promise<HmcHistoryResponse> {
    for (;;) {
      const body = await history(agent, query);
      if (body.primaryFrom !== null) return body;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }

  it("keeps Prometheus' series and fills only the time before its first sample from the HMC", async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: prom.url, ...hmcEnv(sim) });
    const body = await whenPrometheusAnswers(agent, 'metric=zhmc_cpc_power_watt&cpc=ZLX1&from=now-6h&to=now&maxPoints=1440');
    const primaryFrom = body.primaryFrom ?? 0;
    // Prometheus started moments ago: its first sample is near the window's end, not its start.
    expect(primaryFrom - body.start).toBeGreaterThan(5 * 3600);
    const series = await agent.get(`/api/v1/series?metric=zhmc_cpc_power_watt&cpc=ZLX1&from=now-6h&to=now&maxPoints=1440`);
    const values: (number | null)[] = series.body.series[0].values;
    const timestamps: number[] = series.body.timestamps;
    expect(timestamps[values.findIndex((v) => v !== null)]).toBe(primaryFrom);
    expect(body).toMatchObject({ available: true, hmcRange: 'last-day', resolution: 900 });
    expect(body.timestamps.length).toBeGreaterThan(20);
    expect(body.timestamps.every((t) => t < primaryFrom && t >= body.start)).toBe(true);
    // The HMC's points reach up to Prometheus' first sample (the last one within 15 minutes of it).
    expect(primaryFrom - (body.timestamps.at(-1) ?? 0)).toBeLessThanOrEqual(900);
    const points = await hmcRecords(sim, `/api/cpcs/${cpcSpec(sim, 'ZLX1')['object-id']}`, 'last-day', 'fifteen-minutes');
    const want = expected(points, 'total-wattage', 1, body.start, body.end, primaryFrom);
    // The BFF's read and this one may straddle a 15-minute boundary: compare the times both have.
    const wanted = new Map(want.timestamps.map((t, i) => [t, want.values[i]]));
    const shared = body.timestamps.filter((t) => wanted.has(t));
    expect(shared.length).toBeGreaterThan(20);
    for (const t of shared) expect(body.values[body.timestamps.indexOf(t)]).toBe(wanted.get(t));
  });

  it("does not ask the HMC when Prometheus reaches back to the window's start", async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: prom.url, ...hmcEnv(sim) });
    const first = await whenPrometheusAnswers(agent, 'metric=zhmc_cpc_power_watt&cpc=ZLX1&from=now-1h&maxPoints=240');
    const covered = await history(agent, `metric=zhmc_cpc_power_watt&cpc=ZLX1&from=${first.primaryFrom ?? 0}&maxPoints=240`);
    expect(covered.primaryFrom).toBe(covered.start);
    expect(covered).toMatchObject({ available: true, timestamps: [], values: [] });
    expect(covered.hmcRange).toBeUndefined();
  });
});

describe('without an HMC', () => {
  it('says the history needs the HMC, and asks no one', async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: `http://127.0.0.1:${await closedPort()}` });
    const body = await history(agent, 'metric=zhmc_cpc_power_watt&cpc=ZLX1&from=now-7d');
    expect(body).toMatchObject({ available: false, unavailableReason: 'needs-hmc', primaryFrom: null, timestamps: [], values: [] });
  });
});
