// Integration with a real VictoriaMetrics (Debian's package): the same OpenMetrics history
// startPrometheus backfills, imported, and the numbers read back through its PromQL API.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPrometheus } from './prometheus.js';
import { writeHistory } from './history.js';
import { startVictoriaMetrics, toExpositionLine, type RunningVictoriaMetrics } from './victoria-metrics.js';
import { defaultScenario } from '../scenario/default-scenario.js';
import { partitionUsage, slotOf } from '../workload/workload.js';

const STEP_MS = 15_000;

describe('toExpositionLine', () => {
  it('turns OpenMetrics seconds into exposition milliseconds and drops comments', () => {
    expect(toExpositionLine('zhmc_x{cpc="A B",partition="p 1"} 0.25 1700000000')).toBe(
      'zhmc_x{cpc="A B",partition="p 1"} 0.25 1700000000000',
    );
    expect(toExpositionLine('# TYPE zhmc_x gauge')).toBeNull();
    expect(toExpositionLine('# EOF')).toBeNull();
    expect(() => toExpositionLine('zhmc_x 0.25 soon')).toThrow(/timestamp/);
  });
});

describe('startVictoriaMetrics with history', () => {
  const scenario = defaultScenario();
  let dir: string;
  let vm: RunningVictoriaMetrics;
  let endMs: number;
  let written: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hmc-sim-vm-'));
    endMs = Math.floor((Date.now() - 300_000) / STEP_MS) * STEP_MS;
    const historyFile = join(dir, 'history.om');
    const stats = await writeHistory(
      scenario,
      { startMs: endMs - 3_600_000, endMs, families: ['zhmc_partition_processor_usage_ratio'] },
      historyFile,
    );
    written = stats.samples;
    vm = await startVictoriaMetrics({ historyFile });
  }, 120_000);

  afterAll(async () => {
    await vm?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every sample and serves a point from half an hour ago with the simulator value', async () => {
    expect(vm.imported).toBe(written);
    const t = endMs - 1_800_000;
    const cpc = scenario.cpcs[0];
    const partition = cpc?.partitions.find((p) => p.name === 'ZVM PROD 1');
    if (cpc === undefined || partition === undefined) throw new Error('scenario lacks ZLX1 / ZVM PROD 1');
    const series = await queryPrometheus(vm.url, `zhmc_partition_processor_usage_ratio{cpc="ZLX1",partition="ZVM PROD 1"}`, t / 1000);
    expect(series).toHaveLength(1);
    expect(Number(series[0]?.value[1])).toBe(partitionUsage(scenario.seed, partition, slotOf(t)).processor / 100);
    const count = await queryPrometheus(
      vm.url,
      'count_over_time(zhmc_partition_processor_usage_ratio{cpc="ZLX1",partition="ZVM PROD 1"}[3600s])',
      endMs / 1000,
    );
    // (end − 1 h, end]: 240 of the 241 samples written (VictoriaMetrics' windows are left-open).
    expect(count[0]?.value[1]).toBe('240');
  });
});
