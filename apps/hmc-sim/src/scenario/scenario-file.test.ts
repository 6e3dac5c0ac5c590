import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultScenario } from './default-scenario.js';
import { largeScenario } from './presets.js';
import { ScenarioError, loadScenario, scenarioToYaml } from './scenario-file.js';

describe('loadScenario', () => {
  it('reads back both presets written as YAML', () => {
    const demo = defaultScenario();
    expect(loadScenario(stringify(demo))).toEqual(demo);
    const large = largeScenario();
    expect(loadScenario(scenarioToYaml(large))).toEqual(large);
  }, 60_000);

  it('reads a classic CPC with LPARs, channels and crypto adapters', () => {
    const scenario = loadScenario(`
hmc: { hmc-version: 2.17.0, api-major-version: 4, api-minor-version: 40 }
cpcs:
  - name: ZOS9
    dpm-enabled: false
    machine-type: "9175"
    logical-partitions:
      - { name: PRD1, activation-mode: esa390, number-general-purpose-processors: 4, workload: daily }
      - { name: TST1, workload: stopped }
    channels:
      - { channel-name: "0.40", shared: false, partition: PRD1 }
    crypto-adapters:
      - { channel-id: "1C0", crypto-id: "00" }
`);
    expect(scenario.hmc).toMatchObject({ 'hmc-version': '2.17.0', 'api-minor-version': 40 });
    const cpc = scenario.cpcs[0];
    expect(cpc?.['dpm-enabled']).toBe(false);
    expect(cpc?.['logical-partitions'].map((l) => [l.name, l.status, l['partition-number']])).toEqual([
      ['PRD1', 'operating', 1],
      ['TST1', 'not-activated', 2],
    ]);
  });

  it('checks the references between DPM objects', () => {
    const base = `
cpcs:
  - name: X
    adapters: [{ type: osd, adapter-id: "100", name: OSA1 }, { type: fcp, adapter-id: "104", name: FCP1 }]
    virtual-switches: [{ name: VSW1, backing-adapter: OSA1 }]
    storage-groups: [{ name: SG1, adapters: [FCP1] }]
    partitions:
      - name: P1
        nics: [{ name: N1, virtual-switch: VSW1 }]
        storage-groups: [SG1]
`;
    const ok = loadScenario(base);
    expect(ok.cpcs[0]?.partitions[0]?.nics[0]?.['virtual-switch']).toBe('VSW1');
    expect(() => loadScenario(base.replace('virtual-switch: VSW1', 'virtual-switch: NOPE'))).toThrow(
      /nics\[0\]\.virtual-switch: no virtual switch named "NOPE"/,
    );
    expect(() => loadScenario(base.replace('storage-groups: [SG1]', 'storage-groups: [SG9]'))).toThrow(/no storage group named "SG9"/);
    expect(() => loadScenario(base.replace('adapters: [FCP1]', 'adapters: [OSA1]'))).toThrow(/"OSA1" is not an FCP adapter/);
    expect(() => loadScenario(base.replace('backing-adapter: OSA1', 'backing-adapter: OSA1, port: 5'))).toThrow(/has 2 ports/);
  });

  it("reads a partition's crypto configuration, gives one by default and checks its adapters and usage domains", () => {
    const base = `
cpcs:
  - name: X
    adapters: [{ type: crypto, adapter-id: "1C0", name: C1 }, { type: crypto, adapter-id: "1C4", name: C2 }, { type: osd, adapter-id: "100", name: OSA1 }]
    partitions:
      - { name: P1 }
      - { name: P2, crypto-configuration: null }
      - name: P3
        crypto-configuration: { crypto-adapters: [C2], crypto-domain-configurations: [{ domain-index: 7, access-mode: control }] }
`;
    const partitions = loadScenario(base).cpcs[0]?.partitions;
    // By default: a usage domain of its own (its place on the CPC) on the CPC's crypto adapters.
    expect(partitions?.[0]?.['crypto-configuration']).toEqual({
      'crypto-adapters': ['C1', 'C2'],
      'crypto-domain-configurations': [{ 'domain-index': 0, 'access-mode': 'control-usage' }],
    });
    expect(partitions?.[1]?.['crypto-configuration']).toBeNull();
    expect(partitions?.[2]?.['crypto-configuration']).toEqual({
      'crypto-adapters': ['C2'],
      'crypto-domain-configurations': [{ 'domain-index': 7, 'access-mode': 'control' }],
    });
    expect(() => loadScenario(base.replace('crypto-adapters: [C2]', 'crypto-adapters: [OSA1]'))).toThrow(
      /partitions\[2\]\.crypto-configuration\.crypto-adapters: "OSA1" is not a crypto adapter of X/,
    );
    expect(() => loadScenario(base.replace('domain-index: 7', 'domain-index: 85'))).toThrow(/domain-index: at most 84/);
    expect(() => loadScenario(base.replace('domain-index: 7, access-mode: control', 'domain-index: 0'))).toThrow(
      /usage domain 0 is already used by "P1" on the same adapter/,
    );
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
    expect(() => loadScenario('cpcs: [{ name: X, dpm-enabled: false, partitions: [{ name: P }] }]')).toThrow(
      /cpcs\[0\]\.partitions: only for DPM/,
    );
    expect(() => loadScenario('cpcs: [{ name: X, logical-partitions: [{ name: L }] }]')).toThrow(/only for classic/);
    expect(() => loadScenario('cpcs: [{ name: X, partitions: [{ name: P, status: stopped, workload: daily }] }]')).toThrow(
      /workload "stopped"/,
    );
    expect(() => loadScenario('metrics: { thread-metric-names: thread_0 }\ncpcs: []')).toThrow(/metrics\.thread-metric-names/);
    expect(() => loadScenario('cpcs: [')).toThrow(ScenarioError);
    expect(() => loadScenario('seed: 1')).toThrow(/cpcs: expected a list/);
  });
});
