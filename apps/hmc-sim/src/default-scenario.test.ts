import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { PARTITION_TYPES } from './scenario.js';

describe('the default scenario', () => {
  const scenario = defaultScenario();
  const partitions = scenario.cpcs.flatMap((c) => c.partitions);

  it('has two DPM CPCs with 12 to 24 partitions each', () => {
    expect(scenario.cpcs.map((c) => c.name)).toEqual(['ZLX1', 'ZLX2']);
    for (const cpc of scenario.cpcs) {
      expect(cpc['dpm-enabled']).toBe(true);
      expect(cpc.partitions.length).toBeGreaterThanOrEqual(12);
      expect(cpc.partitions.length).toBeLessThanOrEqual(24);
    }
  });

  it('has stopped partitions, exactly one degraded, names with spaces and every partition type', () => {
    expect(partitions.filter((p) => p.status === 'stopped').length).toBeGreaterThanOrEqual(2);
    expect(partitions.filter((p) => p.status === 'degraded')).toHaveLength(1);
    expect(partitions.filter((p) => p.name.includes(' ')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(partitions.map((p) => p.type))).toEqual(new Set(PARTITION_TYPES));
  });

  it('has unique object ids and unique partition names per CPC', () => {
    const ids = [...scenario.cpcs.map((c) => c['object-id']), ...partitions.map((p) => p['object-id'])];
    expect(new Set(ids).size).toBe(ids.length);
    for (const cpc of scenario.cpcs) expect(new Set(cpc.partitions.map((p) => p.name)).size).toBe(cpc.partitions.length);
  });

  it('is a fresh, equal value on each call', () => {
    expect(defaultScenario()).toEqual(scenario);
    expect(defaultScenario()).not.toBe(scenario);
  });
});
