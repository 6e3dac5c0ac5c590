import { CATALOG, METRIC_IDS } from '@zlens/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/default-scenario.js';
import { escapeLabelValue, formatFloat, formatLabels } from './exposition.js';
import { EXPORTER_METRICS } from '@zlens/shared';
import { isLparRunning, isRunning, type Scenario } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { sampleLines } from '../test/exposition-parser.js';
import { promtool } from '../test/promtool.js';

const NOW = Date.UTC(2025, 2, 10, 2, 30, 5);
const USAGE_IDS = [
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
  'zhmc_partition_processor_usage_ratio',
  'zhmc_partition_network_adapter_usage_ratio',
  'zhmc_partition_storage_adapter_usage_ratio',
] as const;

/**
 * promtool's findings other than its naming lints on the exporter's own names: `*_count` gauges
 * (zhmc_cpc_ifl_processor_count) and "abbreviated units" (it reads the `_b_` of
 * zhmc_cpc_power_cord1_phase_b_watt as bytes); the simulator must export those names as they are.
 * Parse errors would stay.
 */
function promtoolProblems(output: string): string[] {
  const exporterNames = new Set(EXPORTER_METRICS.map((d) => d.exposition_name));
  return output
    .split('\n')
    .filter((line) => line !== '')
    .filter((line) => {
      const match =
        /^(\S+) (?:non-histogram and non-summary metrics should not have "_count" suffix|metric names should not contain abbreviated units)$/.exec(
          line,
        );
      return match?.[1] === undefined || !exporterNames.has(match[1]);
    });
}

async function scrape(sim: RunningSimulator): Promise<{ text: string; contentType: string | null }> {
  const response = await fetch(sim.metricsUrl);
  expect(response.status).toBe(200);
  return { text: await response.text(), contentType: response.headers.get('content-type') };
}

describe('number and label formatting (prometheus_client style)', () => {
  it('prints floats the way Python does', () => {
    expect(formatFloat(0.42)).toBe('0.42');
    expect(formatFloat(0.07)).toBe('0.07');
    expect(formatFloat(0)).toBe('0.0');
    expect(formatFloat(11)).toBe('11.0');
    expect(formatFloat(1)).toBe('1.0');
    expect(formatFloat(123456)).toBe('123456.0');
    expect(formatFloat(3145728)).toBe('3.145728e+06');
    expect(formatFloat(1058386)).toBe('1.058386e+06');
    expect(formatFloat(0.00001)).toBe('1e-05');
    expect(formatFloat(-2.5)).toBe('-2.5');
    expect(formatFloat(Number.NaN)).toBe('NaN');
    expect(formatFloat(Infinity)).toBe('+Inf');
  });

  it('prints every HMC percent as its two-decimal ratio', () => {
    for (let percent = 0; percent <= 100; percent += 1) {
      const text = formatFloat(percent / 100);
      expect(Number(text)).toBe(percent / 100);
      expect(text).toMatch(/^(0\.\d{1,2}|0\.0|1\.0)$/);
    }
  });

  it('escapes label values and sorts label names', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(formatLabels({ value: 'stopped', partition: 'ZVM TEST 1', cpc: 'ZLX1' })).toBe(
      '{cpc="ZLX1",partition="ZVM TEST 1",value="stopped"}',
    );
  });
});

describe('/metrics', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: () => NOW });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('has HELP and TYPE gauge for every catalog metric, with the catalog help text', async () => {
    const { text, contentType } = await scrape(sim);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const id of METRIC_IDS) {
      // The exporter's HELP text (the reference catalog), which zlens' catalog repeats.
      const help = EXPORTER_METRICS.find((d) => d.exposition_name === id)?.help;
      expect(help).toBe(CATALOG[id].help.en);
      const type = EXPORTER_METRICS.find((d) => d.exposition_name === id)?.type;
      expect(text).toContain(`# HELP ${id} ${help ?? ''}\n# TYPE ${id} ${type ?? ''}\n`);
    }
  });

  it('has one sample per CPC and per running partition for each usage metric, no timestamps', async () => {
    const samples = sampleLines((await scrape(sim)).text);
    for (const sample of samples) expect(sample.timestamp).toBeUndefined();
    // The overall usage ratios exist for every CPC and every running partition of their modes.
    for (const id of USAGE_IDS) {
      const metric = CATALOG[id];
      const mine = samples.filter((s) => s.name === id);
      const cpcs = sim.scenario.cpcs.filter((c) => metric.modes.includes(c['dpm-enabled'] ? 'dpm' : 'classic'));
      if (metric.scope === 'cpc') {
        expect(mine.map((s) => s.labels.cpc).sort()).toEqual(cpcs.map((c) => c.name).sort());
      } else {
        const running = cpcs.flatMap((c) => [
          ...c.partitions.filter(isRunning).map((p) => `${c.name}/${p.name}`),
          ...c['logical-partitions'].filter(isLparRunning).map((l) => `${c.name}/${l.name}`),
        ]);
        expect(mine.map((s) => `${s.labels.cpc ?? ''}/${s.labels.partition ?? ''}`).sort()).toEqual(running.sort());
      }
      for (const sample of mine) {
        const value = Number(sample.value);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(Math.round(value * 100)).toBeCloseTo(value * 100, 9);
      }
    }
  });

  it('has status series for every CPC and partition, stopped ones included, with the catalog codes', async () => {
    const samples = sampleLines((await scrape(sim)).text);
    const cpcStatus = samples.filter((s) => s.name === 'zhmc_cpc_status_int');
    expect(cpcStatus.map((s) => [s.labels, s.value])).toEqual([
      [{ cpc: 'ZLX1', value: 'active' }, '0.0'],
      [{ cpc: 'ZLX2', value: 'active' }, '0.0'],
      [{ cpc: 'ZOS1', value: 'active' }, '0.0'],
    ]);
    const lparStatus = new Map(samples.filter((s) => s.name === 'zhmc_partition_lpar_status_int').map((s) => [s.labels.partition, s]));
    expect(lparStatus.size).toBe(sim.scenario.cpcs.reduce((n, c) => n + c['logical-partitions'].length, 0));
    expect(lparStatus.get('PRD1')).toMatchObject({ labels: { cpc: 'ZOS1', value: 'operating' }, value: '0.0' });
    expect(lparStatus.get('TST1')).toMatchObject({ labels: { value: 'not-operating' }, value: '1.0' });
    expect(lparStatus.get('LNXB')).toMatchObject({ labels: { value: 'not-activated' }, value: '2.0' });
    const partitionStatus = samples.filter((s) => s.name === 'zhmc_partition_status_int');
    expect(partitionStatus).toHaveLength(sim.scenario.cpcs.reduce((n, c) => n + c.partitions.length, 0));
    const byName = new Map(partitionStatus.map((s) => [s.labels.partition, s]));
    expect(byName.get('LNXDEV03')).toMatchObject({ labels: { cpc: 'ZLX1', partition: 'LNXDEV03', value: 'stopped' }, value: '11.0' });
    expect(byName.get('LNXPRD04')).toMatchObject({ labels: { value: 'degraded' }, value: '1.0' });
    expect(byName.get('ZVM TEST 1')).toMatchObject({ labels: { value: 'active' }, value: '0.0' });
    const usage = samples.filter((s) => s.name === 'zhmc_partition_processor_usage_ratio').map((s) => s.labels.partition);
    expect(usage).not.toContain('LNXDEV03');
    expect(usage).toContain('LNXPRD04');
  });

  it("passes promtool check metrics, except its lint of the exporter's own `_count` names", async () => {
    const { text } = await scrape(sim);
    expect(promtoolProblems((await promtool(['check', 'metrics'], text)).output)).toEqual([]);
  });

  it('answers 404 for other paths', async () => {
    const response = await fetch(sim.metricsUrl.replace('/metrics', '/other'));
    expect(response.status).toBe(404);
  });
});

describe('/metrics with awkward names', () => {
  const base = defaultScenario();
  const [first, ...rest] = base.cpcs;
  if (first === undefined) throw new Error('no CPC');
  const odd = 'Test "quoted" \\ back';
  const scenario: Scenario = {
    ...base,
    cpcs: [{ ...first, partitions: first.partitions.map((p, i) => (i === 0 ? { ...p, name: odd } : p)) }, ...rest],
  };
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario, now: () => NOW });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('escapes quotes and backslashes in label values, and promtool accepts it', async () => {
    const { text } = await scrape(sim);
    expect(text).toContain('partition="Test \\"quoted\\" \\\\ back"');
    expect(sampleLines(text).some((s) => s.labels.partition === odd)).toBe(true);
    expect(promtoolProblems((await promtool(['check', 'metrics'], text)).output)).toEqual([]);
  });
});
