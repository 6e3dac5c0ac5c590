// The capacity panel "Processor usage by partition" (GET /api/v1/stacked) and the alert bands (GET
// /api/v1/alerts/periods) while a real Prometheus is hung (SIGSTOP) or killed: like every other
// panel they answer with their last answer marked stale, not 502/504. The stacked panel reads the
// partitions' processor counts at the range's end and, where the history has none there (they are
// resource metrics, only in the live scrape), again at "now"; the alert periods range ends at "now".
// Neither is a final answer, so each must still be kept as its panel's last one.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startPrometheus,
  startSimulator,
  waitForSeries,
  writeHistory,
  type RunningPrometheus,
  type RunningSimulator,
} from '@zlens/hmc-sim';
import { AlertPeriodsResponseSchema, StackedResponseSchema, type AlertPeriodsResponse } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger, tempFile } from './test/helpers.js';
import { pidOfPrometheus } from './bench/prometheus-process.js';

const STEP = 60;
const CPC = 'ZLX1';
const historyFile = join(tmpdir(), `zlens-bff-faults-capacity-${process.pid}.om`);
// Fires for every CPC the exporter measures, from the first evaluation on.
const RULES = `groups:
  - name: zlens-test
    rules:
      - alert: ZlensTestCpcMeasured
        expr: zhmc_cpc_processor_usage_ratio >= 0
        labels:
          severity: warning
`;
let sim: RunningSimulator;
let prom: RunningPrometheus;
let pid: number;
let built: BuiltDeps;
let agent: ReturnType<typeof request>;
let historyEnd: number;

beforeAll(async () => {
  sim = await startSimulator();
  historyEnd = Math.floor((Date.now() - 120_000) / 1000 / STEP) * STEP;
  const families = ['zhmc_cpc_processor_usage_ratio', 'zhmc_partition_processor_usage_ratio'];
  await writeHistory(
    sim.scenario,
    { startMs: (historyEnd - 3 * 3600) * 1000, endMs: historyEnd * 1000, stepSeconds: STEP, families },
    historyFile,
  );
  prom = await startPrometheus({
    scrapeTargets: [sim.metricsTarget],
    historyFile,
    scrapeIntervalSeconds: 1,
    evaluationIntervalSeconds: 1,
    ruleFiles: [tempFile('zlens-test.yml', RULES)],
    readyTimeoutMs: 120_000,
  });
  pid = pidOfPrometheus(prom.dataDir);
  await waitForSeries(prom.url, 'zhmc_partition_ifl_processor_count', 60_000);
  await waitForSeries(prom.url, `ALERTS{alertstate="firing",cpc="${CPC}"}`, 60_000);
  const config = loadConfig({ ZLENS_PROMETHEUS_URL: prom.url, ZLENS_UPSTREAM_TIMEOUT_MS: '1500' });
  built = buildDeps({ ...config, webDir: null }, captureLogger().logger, { startPolling: false });
  agent = request(createApp(built.deps));
}, 240_000);

afterAll(async () => {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // already killed by the last test
  }
  await built?.close();
  await prom?.close();
  await sim?.close();
  rmSync(historyFile, { force: true });
});

/**
 * An hour of the stacked panel ending `shift` seconds before the history's end: no processor count
 * was scraped by then (the live scrape began after it), so the BFF asks for them at "now" too.
 */
const stackedUrl = (shift: number): string =>
  `/api/v1/stacked?${new URLSearchParams({ cpc: CPC, from: String(historyEnd - shift - 3600), to: String(historyEnd - shift), maxPoints: '60' }).toString()}`;

const PERIODS_URL = `/api/v1/alerts/periods?cpc=${CPC}&from=now-5m&to=now`;

async function periods(): Promise<AlertPeriodsResponse> {
  const res = await agent.get(PERIODS_URL);
  expect(res.status, res.text).toBe(200);
  return AlertPeriodsResponseSchema.parse(res.body);
}

/** Fresh answers of both panels, the ranges then moved on (as a view's do) while Prometheus fails. */
async function answeredThenFailing(fail: () => void, shift: number): Promise<void> {
  const fresh = StackedResponseSchema.parse((await agent.get(stackedUrl(shift + STEP)).expect(200)).body);
  expect(fresh).toMatchObject({ stale: false, weighting: 'processors' });
  const bands = await vi.waitFor(
    async () => {
      const body = await periods();
      expect(body.periods.some((p) => p.name === 'ZlensTestCpcMeasured')).toBe(true);
      return body;
    },
    { timeout: 20_000, interval: 500 },
  );
  expect(bands.stale).toBe(false);

  fail();
  const res = await agent.get(stackedUrl(shift));
  expect(res.status, res.text).toBe(200);
  const stacked = StackedResponseSchema.parse(res.body);
  expect(stacked).toMatchObject({ stale: true, weighting: 'processors', start: fresh.start + STEP, end: fresh.end + STEP });
  expect(stacked.fetchedAt).toBeGreaterThan(historyEnd);
  expect(stacked.parts.map((p) => p.partition)).toEqual(fresh.parts.map((p) => p.partition));
  const staleBands = await periods();
  expect(staleBands.stale).toBe(true);
  expect(staleBands.fetchedAt).toBeGreaterThan(historyEnd);
  expect(staleBands.periods.map((p) => p.name)).toEqual(bands.periods.map((p) => p.name));
}

describe('capacity and alert bands while Prometheus fails', () => {
  it('serve their last answers marked stale while Prometheus is hung (SIGSTOP), fresh ones after SIGCONT', async () => {
    try {
      await answeredThenFailing(() => process.kill(pid, 'SIGSTOP'), 2 * STEP);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await vi.waitFor(
      async () => {
        expect(StackedResponseSchema.parse((await agent.get(stackedUrl(2 * STEP)).expect(200)).body).stale).toBe(false);
        expect((await periods()).stale).toBe(false);
      },
      { timeout: 20_000, interval: 250 },
    );
  }, 90_000);

  it('serve their last answers marked stale when Prometheus is killed', async () => {
    await answeredThenFailing(() => process.kill(pid, 'SIGKILL'), 0);
  }, 60_000);
});
