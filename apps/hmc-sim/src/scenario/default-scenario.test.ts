import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { largeScenario } from './presets.js';
import { PARTITION_TYPES, isLparRunning, isRunning } from './scenario.js';

describe('the default scenario (the demo preset)', () => {
  const scenario = defaultScenario();
  const partitions = scenario.cpcs.flatMap((c) => c.partitions);
  const lpars = scenario.cpcs.flatMap((c) => c['logical-partitions']);

  it('has two DPM CPCs and one classic CPC, about 40 partitions in all', () => {
    expect(scenario.cpcs.map((c) => [c.name, c['dpm-enabled']])).toEqual([
      ['ZLX1', true],
      ['ZLX2', true],
      ['ZOS1', false],
    ]);
    expect(partitions.length + lpars.length).toBeGreaterThanOrEqual(36);
    expect(partitions.length + lpars.length).toBeLessThanOrEqual(48);
    for (const cpc of scenario.cpcs) {
      if (cpc['dpm-enabled']) {
        expect(cpc['logical-partitions']).toEqual([]);
        expect(cpc.adapters.length).toBeGreaterThan(0);
      } else {
        expect(cpc.partitions).toEqual([]);
        expect(cpc.adapters).toEqual([]);
        expect(cpc.channels.length).toBeGreaterThan(0);
      }
    }
  });

  it('names LPARs like a z/OS + Linux site, with running and stopped ones', () => {
    expect(lpars.map((l) => l.name)).toEqual(expect.arrayContaining(['PRD1', 'PRD2', 'DEV1', 'CF01', 'LNXA']));
    expect(lpars.filter(isLparRunning).length).toBeLessThan(lpars.length);
  });

  it('has stopped partitions, exactly one degraded, names with spaces and every partition type', () => {
    expect(partitions.filter((p) => p.status === 'stopped').length).toBeGreaterThanOrEqual(2);
    expect(partitions.filter((p) => p.status === 'degraded')).toHaveLength(1);
    expect(partitions.filter((p) => p.name.includes(' ')).length).toBeGreaterThanOrEqual(2);
    expect(partitions.map((p) => p.name)).toContain('SSC BLOCKCHAIN');
    expect(new Set(partitions.map((p) => p.type))).toEqual(new Set(PARTITION_TYPES));
    // Stopped partitions have the `stopped` workload and nothing else does.
    for (const p of partitions) expect(p.workload === 'stopped').toBe(!isRunning(p));
  });

  it('wires every running partition to a NIC and a storage group', () => {
    for (const p of partitions) {
      expect(p.nics.length).toBeGreaterThanOrEqual(1);
      expect(p['storage-groups'].length).toBeGreaterThanOrEqual(1);
    }
  });

  it('has unique object ids and unique partition names per CPC', () => {
    const ids = scenario.cpcs.flatMap((c) => [
      c['object-id'],
      ...c.partitions.map((p) => p['object-id']),
      ...c['logical-partitions'].map((l) => l['object-id']),
      ...c.adapters.map((a) => a['object-id']),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cpc of scenario.cpcs) expect(new Set(cpc.partitions.map((p) => p.name)).size).toBe(cpc.partitions.length);
  });

  it('is a fresh, equal value on each call', () => {
    expect(defaultScenario()).toEqual(scenario);
    expect(defaultScenario()).not.toBe(scenario);
  });
});

describe('the large preset', () => {
  const scenario = largeScenario();

  it('has 8 CPCs with 85 partitions each and about 200 adapters per DPM CPC', () => {
    expect(scenario.cpcs).toHaveLength(8);
    for (const cpc of scenario.cpcs) {
      expect(cpc.partitions.length + cpc['logical-partitions'].length).toBe(85);
      if (cpc['dpm-enabled']) {
        expect(cpc.adapters.length).toBeGreaterThanOrEqual(190);
        expect(cpc.adapters.length).toBeLessThanOrEqual(210);
      }
    }
    expect(scenario.cpcs.filter((c) => !c['dpm-enabled']).length).toBeGreaterThanOrEqual(1);
  });
});
