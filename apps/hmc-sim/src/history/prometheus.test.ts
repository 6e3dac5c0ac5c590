// Integration with a real Prometheus (Debian's package): backfill from writeHistory, live scrape of
// the simulator's /metrics, and the numbers read back through the Prometheus query API.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METRIC_IDS } from '@zlens/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exporterFamilies, formatFloat } from '../exporter/exposition.js';
import { findExecutable, queryPrometheus, scrapeLabels, startPrometheus, waitForSeries, type RunningPrometheus } from './prometheus.js';
import { writeHistory } from './history.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { partitionUsage, sampleCpc, slotOf } from '../workload/workload.js';

const STEP_MS = 15_000;

describe('startPrometheus with history and a live scrape', () => {
  let dir: string;
  let sim: RunningSimulator;
  let prom: RunningPrometheus;
  let endMs: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hmc-sim-prom-'));
    sim = await startSimulator();
    // History ends about a minute before now, so it lies before Prometheus' head block.
    endMs = Math.floor((Date.now() - 60_000) / STEP_MS) * STEP_MS;
    const historyFile = join(dir, 'history.om');
    await writeHistory(sim.scenario, { startMs: endMs - 2 * 3_600_000, endMs }, historyFile);
    // And the two days before, one family at a 5-minute step, from a second file (as the demo's older days).
    const olderFile = join(dir, 'older.om');
    const older = { startMs: endMs - 2 * 86_400_000, endMs: endMs - 2 * 3_600_000 - 300_000, stepSeconds: 300 };
    await writeHistory(sim.scenario, { ...older, families: ['zhmc_partition_processor_usage_ratio'] }, olderFile);
    prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile: [historyFile, olderFile], scrapeIntervalSeconds: 5 });
  }, 120_000);

  afterAll(async () => {
    await prom.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a point of the second history file, a day old, and not the families it left out', async () => {
    const t = Math.floor((endMs - 86_400_000) / 300_000) * 300_000;
    const partition = sim.scenario.cpcs[0]?.partitions.find((p) => p.name === 'ZVM PROD 1');
    if (partition === undefined) throw new Error('scenario lacks ZLX1 / ZVM PROD 1');
    const series = await queryPrometheus(prom.url, `zhmc_partition_processor_usage_ratio{cpc="ZLX1",partition="ZVM PROD 1"}`, t / 1000);
    expect(series[0]?.value[1]).toBe(String(partitionUsage(sim.scenario.seed, partition, slotOf(t)).processor / 100));
    expect(await queryPrometheus(prom.url, `zhmc_cpc_storage_adapter_usage_ratio{cpc="ZLX1"}`, t / 1000)).toEqual([]);
  });

  it('serves a backfilled point from an hour ago with the simulator value for that time', async () => {
    const t = endMs - 3_600_000;
    const cpc = sim.scenario.cpcs[0];
    const partition = cpc?.partitions.find((p) => p.name === 'ZVM PROD 1');
    if (cpc === undefined || partition === undefined) throw new Error('scenario lacks ZLX1 / ZVM PROD 1');

    const partitionSeries = await queryPrometheus(
      prom.url,
      `zhmc_partition_processor_usage_ratio{cpc="ZLX1",partition="ZVM PROD 1"}`,
      t / 1000,
    );
    expect(partitionSeries).toHaveLength(1);
    const expectedPartition = partitionUsage(sim.scenario.seed, partition, slotOf(t)).processor / 100;
    expect(partitionSeries[0]?.value[1]).toBe(String(expectedPartition));

    const cpcSeries = await queryPrometheus(prom.url, `zhmc_cpc_storage_adapter_usage_ratio{cpc="ZLX1"}`, t / 1000);
    expect(cpcSeries[0]?.value[1]).toBe(String(sampleCpc(sim.scenario.seed, cpc, slotOf(t)).usage.storage / 100));

    // Every backfilled usage series has a sample at that time, equal to what /metrics gives for it.
    const all = await queryPrometheus(prom.url, '{__name__=~"zhmc_.*_usage_ratio"}', t / 1000);
    // The history holds the zlens catalog metrics (writeHistory's default).
    const expected = exporterFamilies(sim.scenario)
      .filter((f) => f.name.endsWith('_usage_ratio') && (METRIC_IDS as readonly string[]).includes(f.name))
      .flatMap((f) => f.series.map((s) => ({ name: f.name, labels: s.labels, value: s.valueAt(slotOf(t)) })));
    expect(all).toHaveLength(expected.length);
    for (const e of expected) {
      // Prometheus drops empty labels (a shared channel's partition="").
      const labels = Object.entries(e.labels).filter(([, v]) => v !== '');
      const found = all.find(
        (s) =>
          s.metric.__name__ === e.name && labels.every(([k, v]) => s.metric[k] === v) && Object.keys(s.metric).length === labels.length + 1,
      );
      expect({ series: e, value: found === undefined ? undefined : Number(found.value[1]) }).toEqual({
        series: e,
        value: Number(formatFloat(e.value)),
      });
    }
  });

  it('scrapes the live /metrics of the simulator (job zhmc)', async () => {
    const up = await waitForSeries(prom.url, 'up{job="zhmc"} == 1', 60_000);
    expect(up[0]?.metric.instance).toBe(sim.metricsTarget);
    const samplesScraped = await waitForSeries(prom.url, 'scrape_samples_scraped{job="zhmc"}', 10_000);
    const lines = (await (await fetch(sim.metricsUrl)).text()).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(Number(samplesScraped[0]?.value[1])).toBe(lines.length);
    // A scraped (not backfilled) status sample: its timestamp is newer than the end of the history.
    const fresh = await waitForSeries(prom.url, `timestamp(zhmc_cpc_status_int{cpc="ZLX2"}) > ${endMs / 1000}`, 30_000);
    expect(fresh).toHaveLength(1);
  }, 90_000);
});

describe('history written with the scrape target labels', () => {
  it('is one series with the live scrape, so rates run on across the start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hmc-sim-prom-'));
    const sim = await startSimulator();
    let prom: RunningPrometheus | undefined;
    try {
      const endMs = Math.floor((Date.now() - 15_000) / STEP_MS) * STEP_MS;
      const historyFile = join(dir, 'history.om');
      await writeHistory(sim.scenario, { startMs: endMs - 600_000, endMs, targetLabels: scrapeLabels(sim.metricsTarget) }, historyFile);
      prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile, scrapeIntervalSeconds: 5 });
      const url = prom.url;
      // Wait for a scraped sample (newer than the history), then look back over both.
      await waitForSeries(url, `timestamp(zhmc_cpc_status_int{cpc="ZLX1"}) > ${endMs / 1000}`, 30_000);
      const series = await queryPrometheus(url, 'count_over_time(zhmc_nic_bytes_sent_count_total{cpc="ZLX1"}[15m])', Date.now() / 1000);
      expect(series.length).toBeGreaterThan(10);
      // No backfilled series apart from the scraped one: each holds the history's 41 samples and the scrape's.
      for (const s of series) {
        expect(s.metric).toMatchObject({ job: 'zhmc', instance: sim.metricsTarget });
        expect(Number(s.value[1])).toBeGreaterThan(41);
      }
    } finally {
      await prom?.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('startPrometheus with a catch-up', () => {
  it('loads the samples written after the history, so the scrapes follow it without a gap', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hmc-sim-prom-'));
    const sim = await startSimulator();
    let prom: RunningPrometheus | undefined;
    try {
      // The history ends 10 minutes ago, as if loading it had taken that long.
      const endMs = Math.floor((Date.now() - 600_000) / STEP_MS) * STEP_MS;
      const targetLabels = scrapeLabels(sim.metricsTarget);
      const historyFile = join(dir, 'history.om');
      await writeHistory(sim.scenario, { startMs: endMs - 600_000, endMs, targetLabels }, historyFile);
      const catchUpFile = join(dir, 'catch-up.om');
      let calls = 0;
      const catchUp = async (): Promise<string> => {
        calls += 1;
        await writeHistory(sim.scenario, { startMs: endMs + STEP_MS, endMs: Date.now(), targetLabels }, catchUpFile);
        return catchUpFile;
      };
      prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile, catchUp, scrapeIntervalSeconds: 5 });
      await waitForSeries(prom.url, `timestamp(zhmc_cpc_status_int{cpc="ZLX1"}) > ${Date.now() / 1000 - 5}`, 30_000);
      expect(calls).toBe(1);
      // 8 minutes of the 10 after the history's end hold the catch-up's 32 samples (one per 15 s
      // slot; the window's ends fall between slots).
      const selector = 'zhmc_nic_bytes_sent_count_total{cpc="ZLX1"}';
      const gap = await queryPrometheus(prom.url, `count_over_time(${selector}[8m])`, endMs / 1000 + 547.5);
      expect(gap.length).toBeGreaterThan(10);
      for (const s of gap) expect(Number(s.value[1])).toBe(32);
      // One series across the history, the catch-up and the scrapes: a rate at every 15 s of the
      // last 18 minutes (72 points), none missing at the seams.
      const rates = await queryPrometheus(prom.url, `count_over_time(rate(${selector}[1m])[18m:15s])`, Date.now() / 1000);
      expect(rates.length).toBe(gap.length);
      for (const s of rates) expect(Number(s.value[1])).toBeGreaterThanOrEqual(72);
    } finally {
      await prom?.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('startPrometheus errors', () => {
  it('names a missing prometheus binary', async () => {
    await expect(startPrometheus({ scrapeTargets: [], binary: 'no-such-prometheus-zlens' })).rejects.toThrow(
      /no-such-prometheus-zlens not found on PATH/,
    );
  });

  it('names a missing promtool when history is to be loaded', async () => {
    await expect(
      startPrometheus({ scrapeTargets: [], historyFile: '/nonexistent.om', promtoolBinary: '/nonexistent/promtool' }),
    ).rejects.toThrow(/\/nonexistent\/promtool not found/);
  });

  it('finds executables on a PATH', async () => {
    expect(await findExecutable('prometheus', '/nonexistent:/usr/bin')).toBe('/usr/bin/prometheus');
    expect(await findExecutable('prometheus', '/nonexistent')).toBeUndefined();
  });
});
