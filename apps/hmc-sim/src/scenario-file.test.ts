import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultScenario } from './default-scenario.js';
import { ScenarioError, loadScenario } from './scenario-file.js';

describe('loadScenario', () => {
  it('reads back the default scenario written as YAML', () => {
    const scenario = defaultScenario();
    expect(loadScenario(stringify(scenario))).toEqual(scenario);
  });

  it('fills defaults for omitted properties', () => {
    const scenario = loadScenario(`
cpcs:
  - name: CPC9
    partitions:
      - { name: "LNX 1", workload: batch }
`);
    expect(scenario.hmc['hmc-version']).toBe('2.16.0');
    const partition = scenario.cpcs[0]?.partitions[0];
    expect(partition).toMatchObject({ name: 'LNX 1', type: 'linux', status: 'active', workload: 'batch' });
    expect(partition?.['object-id']).toMatch(/^[a-z0-9-]+$/);
  });

  it('names the bad field', () => {
    expect(() => loadScenario('cpcs: [{ name: X, partitions: [{ name: P, workload: busy }] }]')).toThrow(
      /cpcs\[0\]\.partitions\[0\]\.workload: expected one of steady/,
    );
    expect(() => loadScenario('cpcs: [{ name: X, processor-count-ifl: -1 }]')).toThrow(/processor-count-ifl/);
    expect(() => loadScenario('cpcs: [{ name: X }, { name: X }]')).toThrow(/duplicate CPC name: X/);
    expect(() => loadScenario('cpcs: [{ name: X, object-id: "a/b" }]')).toThrow(/object-id/);
    expect(() => loadScenario('cpcs: [{ name: X, dpm-enabled: false }]')).toThrow(/classic-mode/);
    expect(() => loadScenario('cpcs: [')).toThrow(ScenarioError);
    expect(() => loadScenario('seed: 1')).toThrow(/cpcs: expected a list/);
  });
});
