import { EXPORTER_METRICS } from '@zlens/shared';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExporterConfigError, exporterConfigFromFile, resolveExporterConfig } from './exporter-config.js';
import { writeHistory } from '../history/history.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { sampleLines, seriesKey, type SampleLine } from '../test/exposition-parser.js';

const NOW = Date.UTC(2025, 2, 10, 10, 30, 5);
const GROUP_OF = new Map(EXPORTER_METRICS.map((def) => [def.exposition_name, def.group]));
const RESOURCE_GROUPS = [
  'cpc-resource',
  'partition-resource',
  'logical-partition-resource',
  'adapter-resource',
  'storagegroup-resource',
  'storagevolume-resource',
];
const METRIC_GROUPS_ONLY = [...new Set(EXPORTER_METRICS.map((d) => d.group))].filter((g) => !RESOURCE_GROUPS.includes(g));

async function scrape(sim: RunningSimulator): Promise<SampleLine[]> {
  const response = await fetch(sim.metricsUrl);
  expect(response.status).toBe(200);
  return sampleLines(await response.text());
}

function groupsIn(samples: readonly SampleLine[]): Set<string> {
  return new Set(samples.map((s) => GROUP_OF.get(s.name) ?? `unknown:${s.name}`));
}

describe('exporter config of /metrics (metric_groups, cpcs)', () => {
  let sim: RunningSimulator;
  let all: SampleLine[];
  beforeAll(async () => {
    sim = await startSimulator({ now: () => NOW, adminPort: 0 });
    all = await scrape(sim);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('exports every group by default, resource groups included', () => {
    const groups = groupsIn(all);
    for (const group of ['cpc-resource', 'partition-resource', 'logical-partition-resource', 'partition-usage', 'channel-usage']) {
      expect(groups, group).toContain(group);
    }
  });

  it('exports only the metric-based groups when the resource groups are off, values unchanged', async () => {
    sim.setExporterConfig({ metricGroups: METRIC_GROUPS_ONLY });
    const samples = await scrape(sim);
    const groups = groupsIn(samples);
    for (const group of RESOURCE_GROUPS) expect(groups).not.toContain(group);
    expect(samples.some((s) => s.name === 'zhmc_partition_status_int')).toBe(false);
    const expected = all.filter((s) => METRIC_GROUPS_ONLY.includes(GROUP_OF.get(s.name) ?? ''));
    expect(samples.map((s) => `${seriesKey(s.name, s.labels)} ${s.value}`).sort()).toEqual(
      expected.map((s) => `${seriesKey(s.name, s.labels)} ${s.value}`).sort(),
    );
  });

  it('exports only the named CPCs, every group of them', async () => {
    sim.setExporterConfig({ metricGroups: 'all', cpcs: ['ZLX1'] });
    const samples = await scrape(sim);
    expect(new Set(samples.map((s) => s.labels.cpc))).toEqual(new Set(['ZLX1']));
    const expected = all.filter((s) => s.labels.cpc === 'ZLX1');
    expect(samples.length).toBe(expected.length);
    expect(groupsIn(samples)).toContain('partition-resource');
  });

  it('changes at runtime through the admin endpoint, and refuses what the exporter would refuse', async () => {
    const put = async (body: unknown): Promise<Response> =>
      fetch(`${sim.adminUrl ?? ''}/admin/exporter`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    let response = await put({ metricGroups: ['cpc-resource'], cpcs: ['ZOS1'] });
    expect(response.status).toBe(200);
    const samples = await scrape(sim);
    expect(groupsIn(samples)).toEqual(new Set(['cpc-resource']));
    expect(new Set(samples.map((s) => s.labels.cpc))).toEqual(new Set(['ZOS1']));

    response = await put({ metricGroups: 'all', cpcs: ['NOPE'] });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('non-existing CPCs: NOPE');
    response = await put({ metricGroups: ['no-such-group'] });
    expect(response.status).toBe(400);
    // A refused change leaves the previous config in force.
    expect(await (await fetch(`${sim.adminUrl ?? ''}/admin/exporter`)).json()).toEqual({ metricGroups: ['cpc-resource'], cpcs: ['ZOS1'] });

    response = await put({ metricGroups: 'all' });
    expect(response.status).toBe(200);
    expect((await scrape(sim)).length).toBe(all.length);
  });

  it('writes the history of the same selection', async () => {
    let text = '';
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString('utf8');
        done();
      },
    });
    await writeHistory(
      sim.scenario,
      { startMs: NOW - 60_000, endMs: NOW, families: 'all', exporter: { metricGroups: ['partition-usage'], cpcs: ['ZLX2'] } },
      out,
    );
    const samples = sampleLines(text.replace('# EOF\n', ''));
    expect(samples.length).toBeGreaterThan(0);
    expect(groupsIn(samples)).toEqual(new Set(['partition-usage']));
    expect(new Set(samples.map((s) => s.labels.cpc))).toEqual(new Set(['ZLX2']));
  });
});

describe('the exporter config file', () => {
  it('reads a version 2 file: groups with export true, the others off, and cpcs', () => {
    const config = exporterConfigFromFile(`version: 2
hmcs:
  - { host: hmc, userid: u, password: p, verify_cert: false }
cpcs:
  - ZLX1
metric_groups:
  partition-usage: { export: true }
  cpc-resource: { export: false }
`);
    expect(config).toEqual({ metricGroups: ['partition-usage'], cpcs: ['ZLX1'] });
  });

  it('treats `cpcs:` without items as every CPC, and a version 1 file as all groups', () => {
    expect(exporterConfigFromFile('version: 2\nhmcs: []\ncpcs:\nmetric_groups:\n  roce-usage: {export: true}\n')).toEqual({
      metricGroups: ['roce-usage'],
    });
    expect(exporterConfigFromFile('metrics: { hmc: h, userid: u, password: p }\n')).toEqual({ metricGroups: 'all' });
  });

  it('names what is wrong', () => {
    expect(() => exporterConfigFromFile('version: 1\nmetrics: {}\n')).toThrow(/version must be 2/);
    expect(() => exporterConfigFromFile('version: 2\nmetric_groups:\n  cpc-resource: yes-please\n')).toThrow(
      /metric_groups.cpc-resource must be/,
    );
    expect(() => exporterConfigFromFile('version: 2\ncpcs: ZLX1\n')).toThrow(/cpcs must be a list/);
    expect(() => exporterConfigFromFile(': :\n  - [')).toThrow(ExporterConfigError);
  });

  it('refuses an empty CPC list and unknown CPCs, as the exporter does at start-up', async () => {
    const sim = startSimulator({ exporter: { cpcs: [] } });
    await expect(sim).rejects.toThrow('The config file specified to export no CPCs.');
    const scenario = (await import('../scenario/default-scenario.js')).defaultScenario();
    expect(() => resolveExporterConfig({ cpcs: ['ZLX1', 'ZZZ'] }, scenario)).toThrow(
      /non-existing CPCs: ZZZ - existing CPCs are: ZLX1, ZLX2, ZOS1/,
    );
  });
});
