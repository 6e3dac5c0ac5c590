// Integration: the capacity planning endpoints (GET /api/v1/stacked, /api/v1/forecast) against a
// real Prometheus holding 9 days of the simulator's history at 5 minutes and scraping its live
// /metrics (the partitions' processor counts are resource metrics, only in the live scrape).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sampleCpc,
  slotOf,
  startPrometheus,
  startSimulator,
  writeHistory,
  type RunningPrometheus,
  type RunningSimulator,
} from '@zlens/hmc-sim';
import { ErrorResponseSchema, ForecastResponseSchema, StackedResponseSchema, USAGE_THRESHOLDS, forecastDailyPeaks } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';

const DAY = 86_400;
const STEP = 300;
let sim: RunningSimulator;
let prom: RunningPrometheus;
let deps: BuiltDeps;
let agent: ReturnType<typeof request>;
let historyEnd: number;
const historyFile = join(tmpdir(), `zlens-bff-capacity-${process.pid}.om`);

async function scraped(metric: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    const res = await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent(metric)}`);
    const body = (await res.json()) as { data: { result: unknown[] } };
    if (body.data.result.length > 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Prometheus never scraped ${metric}`);
}

beforeAll(async () => {
  sim = await startSimulator();
  const nowMs = Date.now();
  const families = ['zhmc_cpc_processor_usage_ratio', 'zhmc_partition_processor_usage_ratio'];
  const stats = await writeHistory(
    sim.scenario,
    { startMs: nowMs - 9 * DAY * 1000, endMs: nowMs - 120_000, stepSeconds: STEP, families },
    historyFile,
  );
  historyEnd = stats.lastMs / 1000;
  prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile, readyTimeoutMs: 120_000 });
  await scraped('zhmc_partition_ifl_processor_count');
  const captured = captureLogger();
  deps = buildDeps({ ...loadConfig({ ZLENS_PROMETHEUS_URL: prom.url }), webDir: null }, captured.logger, { startPolling: false });
  agent = request(createApp(deps.deps));
}, 240_000);

afterAll(async () => {
  await deps?.close();
  await prom?.close();
  await sim?.close();
  rmSync(historyFile, { force: true });
});

const cpcSpec = (name: string) => {
  const cpc = sim.scenario.cpcs.find((c) => c.name === name);
  if (!cpc) throw new Error(`no CPC ${name} in the scenario`);
  return cpc;
};

describe('GET /api/v1/stacked', () => {
  it("splits the CPC's usage by partition: the parts and other add up to the CPC, each part is usage × processors", async () => {
    const from = historyEnd - 6 * 3600;
    const res = await agent.get(`/api/v1/stacked?cpc=ZLX1&from=${from}&to=${historyEnd}&maxPoints=73&n=3`);
    expect(res.status, res.text).toBe(200);
    const body = StackedResponseSchema.parse(res.body);
    expect(body).toMatchObject({ cpc: 'ZLX1', source: 'prometheus', step: STEP, weighting: 'processors', stale: false });
    expect(body.parts).toHaveLength(3);
    expect(body.partitions).toBe(sampleCpc(sim.scenario.seed, cpcSpec('ZLX1'), slotOf(historyEnd * 1000)).partitions.length);
    const avgs = body.parts.map((p) => p.avg ?? -1);
    expect(avgs).toEqual([...avgs].sort((a, b) => b - a));
    body.timestamps.forEach((t, i) => {
      const sample = sampleCpc(sim.scenario.seed, cpcSpec('ZLX1'), slotOf(t * 1000));
      expect(body.total[i]).toBeCloseTo(sample.usage.processor / 100, 10);
      const shown = body.parts.reduce((sum, p) => sum + (p.values[i] ?? 0), 0);
      expect(shown + (body.other[i] ?? NaN)).toBeCloseTo(body.total[i] ?? NaN, 10);
      expect(body.other[i]).toBeGreaterThanOrEqual(0);
      // The simulator's CPC figure is the processor-weighted mean of its partitions (rounded to a
      // percent), so each part is the partition's usage × processors / all processors, within that rounding.
      const all = sample.partitions.reduce((sum, p) => sum + p.partition['cp-processors'] + p.partition['ifl-processors'], 0);
      for (const part of body.parts) {
        const p = sample.partitions.find((x) => x.partition.name === part.partition);
        if (p === undefined) throw new Error(`no running partition ${part.partition}`);
        const expected = ((p.usage.processor / 100) * (p.partition['cp-processors'] + p.partition['ifl-processors'])) / all;
        expect(Math.abs((part.values[i] ?? NaN) - expected)).toBeLessThan(0.006);
      }
    });
  });

  it('says what is wrong with a request, in the API error shape', async () => {
    const unknown = await agent.get('/api/v1/stacked?cpc=NOPE');
    expect(unknown.status).toBe(404);
    expect(ErrorResponseSchema.parse(unknown.body).error.message).toMatch(/^cpc: no CPC named "NOPE"/);
    const tooMany = await agent.get('/api/v1/stacked?cpc=ZLX1&n=21');
    expect(tooMany.status).toBe(400);
    expect(ErrorResponseSchema.parse(tooMany.body).error.message).toMatch(/^n: /);
  });
});

describe('GET /api/v1/forecast', () => {
  /** The simulator's peak of each UTC day (the history's 5-minute samples), independently of Prometheus. */
  function expectedPeaks(name: string, dayEnds: readonly number[]): number[] {
    return dayEnds.map((end) => {
      let peak = -1;
      for (let t = end - DAY + STEP; t <= end; t += STEP) {
        if (t > historyEnd) continue;
        peak = Math.max(peak, sampleCpc(sim.scenario.seed, cpcSpec(name), slotOf(t * 1000)).usage.processor / 100);
      }
      return peak;
    });
  }

  it("fits the trend to the CPC's daily peaks and says when it reaches the critical threshold", async () => {
    const res = await agent.get('/api/v1/forecast?cpc=ZLX1&from=now-9d&to=now&horizonDays=30');
    expect(res.status, res.text).toBe(200);
    const body = ForecastResponseSchema.parse(res.body);
    expect(body.threshold).toBe(USAGE_THRESHOLDS.critical / 100);
    // Whole days only: 9 days back starts mid-day, today is not over.
    expect(body.peaks.length).toBeGreaterThanOrEqual(7);
    expect(body.peaks.length).toBeLessThanOrEqual(8);
    expect(body.peaks.every((p) => p.time % DAY === 0)).toBe(true);
    expect(body.peaks.map((p) => p.peak)).toEqual(
      expectedPeaks(
        'ZLX1',
        body.peaks.map((p) => p.time),
      ),
    );
    expect(body.forecast).toEqual(forecastDailyPeaks(body.peaks, 30, USAGE_THRESHOLDS.critical / 100));
    expect(body.forecast?.points).toHaveLength(31);
  });

  it("forecasts a partition's processor usage on its own", async () => {
    const partition = sampleCpc(sim.scenario.seed, cpcSpec('ZLX1'), slotOf(historyEnd * 1000)).partitions[0]?.partition.name ?? '';
    const res = await agent.get(`/api/v1/forecast?cpc=ZLX1&partition=${encodeURIComponent(partition)}&from=now-9d`);
    expect(res.status, res.text).toBe(200);
    const body = ForecastResponseSchema.parse(res.body);
    expect(body.partition).toBe(partition);
    expect(body.forecast?.days).toBe(body.peaks.length);
  });

  it('has no forecast from less than a week of days, and names a bad parameter', async () => {
    const short = ForecastResponseSchema.parse((await agent.get('/api/v1/forecast?cpc=ZLX1&from=now-3d')).body);
    expect(short.forecast).toBeNull();
    const bad = await agent.get('/api/v1/forecast?cpc=ZLX1&from=yesterday');
    expect(bad.status).toBe(400);
    expect(ErrorResponseSchema.parse(bad.body).error.message).toMatch(/^from: /);
    const missing = await agent.get('/api/v1/forecast?cpc=ZLX1&partition=nobody');
    expect(missing.status).toBe(404);
  });
});
