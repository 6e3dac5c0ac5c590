import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/default-scenario.js';
import { loadScenario } from '../scenario/scenario-file.js';
import type { Scenario } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { sampleLines, type SampleLine } from '../test/exposition-parser.js';
import { logOn, type TestSession } from '../test/hmc-session.js';
import { arrayField, stringField } from '../test/json.js';
import { parseMetricsResponse, type ParsedGroup } from '../test/metrics-parser.js';

const NOW = Date.UTC(2025, 5, 3, 10, 20, 7);

/** Get Metrics of a fresh context for these groups, with each group's metric names. */
async function getMetrics(hmc: TestSession, groups: readonly string[]): Promise<{ groups: ParsedGroup[]; names: Map<string, string[]> }> {
  const created = await hmc.ok('/api/services/metrics/context', { 'anticipated-frequency-seconds': 15, 'metric-groups': groups });
  const names = new Map(
    arrayField(created, 'metric-group-infos').map((info) => [
      stringField(info, 'group-name'),
      arrayField(info, 'metric-infos').map((m) => stringField(m, 'metric-name')),
    ]),
  );
  const response = await hmc.call('GET', stringField(created, 'metrics-context-uri'));
  return { groups: parseMetricsResponse(response.text), names };
}

/** Name → value of one object's first row. */
function rowOf(result: Awaited<ReturnType<typeof getMetrics>>, group: string, uri: string): Map<string, string> {
  const row = result.groups.find((g) => g.name === group)?.objects.find((o) => o.uri === uri)?.rows[0] ?? [];
  return new Map((result.names.get(group) ?? []).map((name, i) => [name, row[i] ?? '']));
}

describe('environmental-power-status and the environmental-metrics power', () => {
  let sim: RunningSimulator;
  let hmc: TestSession;
  let result: Awaited<ReturnType<typeof getMetrics>>;
  let exported: SampleLine[];
  beforeAll(async () => {
    sim = await startSimulator({ now: () => NOW });
    hmc = await logOn(sim);
    result = await getMetrics(hmc, ['environmental-power-status', 'zcpc-environmentals-and-power', 'logical-partition-usage']);
    exported = sampleLines(await (await fetch(sim.metricsUrl)).text());
  });
  afterAll(async () => {
    await sim.close();
  });

  it("serves environmental-power-status: 8 cords, their phases adding up to the CPC's power, absent cords 0", () => {
    expect(result.names.get('environmental-power-status')).toHaveLength(32);
    for (const cpc of sim.scenario.cpcs) {
      const uri = `/api/cpcs/${cpc['object-id']}`;
      const cords = rowOf(result, 'environmental-power-status', uri);
      const power = Number(rowOf(result, 'zcpc-environmentals-and-power', uri).get('power-consumption-watts'));
      let sum = 0;
      for (const [name, value] of cords) if (name.includes('-power-phase-')) sum += Number(value);
      expect({ cpc: cpc.name, sum }).toEqual({ cpc: cpc.name, sum: power });
      // String metrics arrive quoted (§3.4).
      expect(cords.get('linecord-one-name')).toBe('"A1"');
      expect(Number(cords.get('linecord-one-power-phase-A'))).toBeGreaterThan(0);
      expect(cords.get('linecord-five-name')).toBe('""');
      expect(cords.get('linecord-five-power-phase-C')).toBe('0');
    }
  });

  it("splits the power into partitions, infrastructure and unassigned, and the partitions' part over the running LPARs", () => {
    for (const cpc of sim.scenario.cpcs) {
      const env = rowOf(result, 'zcpc-environmentals-and-power', `/api/cpcs/${cpc['object-id']}`);
      const parts = [
        'total-partition-power-consumption-watts',
        'total-infrastructure-power-consumption-watts',
        'total-unassigned-power-consumption-watts',
      ].map((n) => Number(env.get(n)));
      expect(parts.every((p) => p > 0)).toBe(true);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(env.get('power-consumption-watts')));
      if (cpc['dpm-enabled']) continue;
      const lparWatts = cpc['logical-partitions'].map((l) =>
        rowOf(result, 'logical-partition-usage', `/api/logical-partitions/${l['object-id']}`).get('power-consumption-watts'),
      );
      const running = lparWatts.filter((w): w is string => w !== undefined);
      expect(running.length).toBeGreaterThan(0);
      expect(running.reduce((a, w) => a + Number(w), 0)).toBe(parts[0]);
    }
  });

  it('exports the line-cord, total and LPAR power families as the exporter defines them', () => {
    const zlx1 = sim.scenario.cpcs.find((c) => c.name === 'ZLX1');
    const cord = exported.find((s) => s.name === 'zhmc_cpc_power_cord1_phase_a_watt' && s.labels.cpc === 'ZLX1');
    expect(cord?.labels).toEqual({ cpc: 'ZLX1', cord: 'A1', cordid: '1', phase: 'A' });
    const cords = rowOf(result, 'environmental-power-status', `/api/cpcs/${zlx1?.['object-id'] ?? ''}`);
    expect(cord?.value).toBe(`${cords.get('linecord-one-power-phase-A') ?? ''}.0`);
    expect(exported.filter((s) => s.name === 'zhmc_cpc_power_cord8_phase_c_watt').map((s) => s.value)).toEqual(['0.0', '0.0', '0.0']);
    expect(exported.filter((s) => s.name === 'zhmc_cpc_total_partition_power_watt')).toHaveLength(3);
    const lpars = exported.filter((s) => s.name === 'zhmc_partition_power_watt');
    const zos = sim.scenario.cpcs.find((c) => c.name === 'ZOS1');
    expect(lpars.map((s) => s.labels.partition).sort()).toEqual(
      (zos?.['logical-partitions'] ?? [])
        .filter((l) => ['operating', 'exceptions', 'acceptable'].includes(l.status))
        .map((l) => l.name)
        .sort(),
    );
  });
});

describe('a CPC without the environmental-metrics feature', () => {
  it("reports -1 for the feature's metrics, which the exporter then leaves out", async () => {
    const base = defaultScenario();
    const scenario: Scenario = { ...base, cpcs: base.cpcs.map((c) => (c.name === 'ZOS1' ? { ...c, 'api-features': [] } : c)) };
    const sim = await startSimulator({ scenario, now: () => NOW });
    try {
      const hmc = await logOn(sim);
      const zos = scenario.cpcs.find((c) => c.name === 'ZOS1');
      expect(await hmc.ok(`/api/cpcs/${zos?.['object-id'] ?? ''}/operations/list-features`)).toEqual([]);
      const result = await getMetrics(hmc, ['zcpc-environmentals-and-power', 'logical-partition-usage']);
      expect(
        rowOf(result, 'zcpc-environmentals-and-power', `/api/cpcs/${zos?.['object-id'] ?? ''}`).get(
          'total-partition-power-consumption-watts',
        ),
      ).toBe('-1');
      const exported = sampleLines(await (await fetch(sim.metricsUrl)).text());
      expect(
        exported
          .filter((s) => s.name === 'zhmc_cpc_total_partition_power_watt')
          .map((s) => s.labels.cpc)
          .sort(),
      ).toEqual(['ZLX1', 'ZLX2']);
      expect(exported.some((s) => s.name === 'zhmc_partition_power_watt')).toBe(false);
    } finally {
      await sim.close();
    }
  });

  it('takes line-cords and api-features from a scenario file, and refuses more than 8 cords', () => {
    const scenario = loadScenario('cpcs: [{ name: C1, line-cords: 2, api-features: [] }]');
    expect(scenario.cpcs[0]).toMatchObject({ 'line-cords': 2, 'api-features': [], 'dpm-storage-management': true });
    expect(() => loadScenario('cpcs: [{ name: C1, line-cords: 9 }]')).toThrow('cpcs[0].line-cords: at most 8');
  });
});
