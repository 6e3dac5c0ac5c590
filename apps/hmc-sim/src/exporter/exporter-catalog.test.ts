import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBenchmarkSection } from '../benchmarks-doc.js';
import { defaultScenario } from '../scenario/default-scenario.js';
import { EXPORTER_METRICS } from '@zlens/shared';
import { exporterFamilies } from './exposition.js';
import { largeScenario } from '../scenario/presets.js';

describe('the exporter metric table', () => {
  it("gives every exported family the exporter's name, HELP, type and exact label names", () => {
    for (const scenario of [defaultScenario(), largeScenario()]) {
      for (const family of exporterFamilies(scenario)) {
        const defs = EXPORTER_METRICS.filter((d) => d.exposition_name === family.name);
        expect(defs.length).toBeGreaterThan(0);
        expect(family.help).toBe(defs[0]?.help);
        expect(family.type).toBe(defs[0]?.type);
        if (family.type === 'counter') expect(family.name).toBe(`${family.familyName}_total`);
        for (const series of family.series) {
          const names = Object.keys(series.labels).sort();
          expect(defs.some((d) => [...d.labels].sort().join() === names.join())).toBe(true);
        }
      }
    }
  }, 60_000);

  it('covers every metric group and the status and resource metrics zlens uses (demo site)', () => {
    const families = new Map(exporterFamilies(defaultScenario()).map((f) => [f.name, f.series.length]));
    const groups = new Set(EXPORTER_METRICS.filter((d) => (families.get(d.exposition_name) ?? 0) > 0).map((d) => d.group));
    for (const group of [
      'dpm-system-usage-overview',
      'partition-usage',
      'adapter-usage',
      'network-physical-adapter-port',
      'partition-attached-network-interface',
      'cpc-usage-overview',
      'logical-partition-usage',
      'channel-usage',
      'crypto-usage',
      'zcpc-processor-usage',
      'zcpc-environmentals-and-power',
      'cpc-resource',
      'partition-resource',
      'logical-partition-resource',
      'adapter-resource',
      'storagegroup-resource',
    ]) {
      expect({ group, exported: groups.has(group) }).toEqual({ group, exported: true });
    }
    for (const name of [
      'zhmc_cpc_status_int',
      'zhmc_partition_status_int',
      'zhmc_partition_lpar_status_int',
      'zhmc_adapter_status_int',
      'zhmc_cpc_ifl_processor_count',
      'zhmc_partition_ifl_processor_count',
      'zhmc_partition_cp_processor_count',
      'zhmc_partition_ifl_initial_processing_weight',
      'zhmc_partition_cp_current_processing_weight',
      'zhmc_partition_initial_memory_mib',
      'zhmc_partition_current_central_memory_mib',
      'zhmc_cpc_total_memory_mib',
      'zhmc_port_bytes_sent_count_total',
      'zhmc_nic_bytes_received_count_total',
      'zhmc_channel_usage_ratio',
      'zhmc_processor_smt_thread0_usage_ratio',
    ]) {
      expect({ name, series: (families.get(name) ?? 0) > 0 }).toEqual({ name, series: true });
    }
    // The exporter's own typo ('number-ifc-processors') keeps this one out, as it does upstream.
    expect(families.get('zhmc_partition_icf_processor_count') ?? 0).toBe(0);
  });
});

describe('writeBenchmarkSection', () => {
  it('creates docs/benchmarks.md and replaces only its own block', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hmc-sim-bench-'));
    try {
      await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
      const file = await writeBenchmarkSection('a', 'A', 'first', root);
      await writeBenchmarkSection('b', 'B', 'other', root);
      await writeBenchmarkSection('a', 'A', 'second', root);
      const text = await readFile(file, 'utf8');
      expect(file).toBe(join(root, 'docs', 'benchmarks.md'));
      expect(text).toContain('<!-- bench:a -->\n## A\n\nsecond\n<!-- /bench:a -->');
      expect(text).toContain('<!-- bench:b -->\n## B\n\nother\n<!-- /bench:b -->');
      expect(text).not.toContain('first');
      expect(text.indexOf('bench:a')).toBeLessThan(text.indexOf('bench:b'));
      await expect(writeBenchmarkSection('a b', 'x', 'y', root)).rejects.toThrow(/benchmark id/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
