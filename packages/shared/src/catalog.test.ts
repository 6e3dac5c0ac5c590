// The catalog against the exporter's own metric definitions (EXPORTER_METRICS, generated from the
// exporter's metrics.yaml): zlens must use the exporter's names, labels, HELP texts, modes and HMC
// sources exactly, or its queries find nothing at a real site.
import { describe, expect, it } from 'vitest';
import { CATALOG, METRIC_IDS, alternativeInMode, metricAppliesTo } from './catalog.js';
import { EXPORTER_METRICS } from './exporter-metrics.js';

describe('catalog vs the exporter definitions', () => {
  const reference = EXPORTER_METRICS;

  it.each(METRIC_IDS.map((id) => [id]))('%s matches the exporter', (id) => {
    const entry = CATALOG[id];
    const defs = reference.filter((r) => r.exposition_name === id);
    expect(defs.length, `${id} is exported by zhmc-prometheus-exporter`).toBeGreaterThan(0);
    for (const def of defs) {
      // The status metrics come with the `value` label; the exporter lists it too.
      expect(entry.labels).toEqual(def.labels);
      expect(entry.help.en).toBe(def.help);
    }
    const modes = new Set(defs.flatMap((d) => (d.mode === 'classic+dpm' ? ['classic', 'dpm'] : [d.mode])));
    expect(new Set(entry.modes)).toEqual(modes);
    if (entry.unit !== 'status') {
      // Memory metrics are resource properties of the CPC or partition object, not metrics-service values.
      const property = 'property' in entry ? entry.property : undefined;
      for (const mode of property === undefined ? [] : entry.modes) {
        const def = defs.find((d) => d.mode === mode || d.mode === 'classic+dpm');
        const name = property?.[mode];
        expect(def?.group_type, `${id} is a resource metric`).toBe('resource');
        expect(name, `${id} names its HMC property in ${mode} mode`).toBeDefined();
        // The exporter names the property, or sums its segments in an expression naming it.
        expect(def?.hmc_property ?? def?.properties_expression ?? '').toContain(name ?? '\u0000');
      }
      for (const mode of property === undefined ? entry.modes : []) {
        const source = entry.hmc[mode];
        const def = defs.find((d) => d.mode === mode || d.mode === 'classic+dpm');
        expect(source, `${id} has an HMC source in ${mode} mode`).toBeDefined();
        expect(source?.group).toBe(def?.group);
        expect(source?.metric).toBe(def?.hmc_metric);
      }
    }
  });

  it('has the power, environment, line-cord and memory metrics the exporter defines', () => {
    const physical = EXPORTER_METRICS.filter(
      (d) =>
        ['zcpc-environmentals-and-power', 'environmental-power-status'].includes(d.group) ||
        /^zhmc_cpc_.*memory_mib$/.test(d.exposition_name) ||
        /_power_watt$|_temperature_celsius$/.test(d.exposition_name),
    ).map((d) => d.exposition_name);
    // Expanded storage is gone since z14; zlens leaves out the CPC's expanded-memory metric.
    const missing = physical.filter(
      (name) => name !== 'zhmc_cpc_partition_expanded_memory_mib' && !(METRIC_IDS as readonly string[]).includes(name),
    );
    expect(missing).toEqual([]);
  });

  it('queries counters through rate() only', () => {
    for (const id of METRIC_IDS) {
      const entry = CATALOG[id];
      expect(id.endsWith('_total')).toBe(entry.unit === 'bytes-per-second' || entry.unit === 'packets-per-second');
    }
  });
});

describe('modes', () => {
  it('offers channel usage on classic CPCs where DPM has adapter usage', () => {
    expect(metricAppliesTo(CATALOG.zhmc_cpc_network_adapter_usage_ratio, 'classic')).toBe(false);
    expect(alternativeInMode(CATALOG.zhmc_cpc_network_adapter_usage_ratio, 'classic')).toBe('zhmc_cpc_channel_usage_ratio');
    expect(alternativeInMode(CATALOG.zhmc_partition_storage_adapter_usage_ratio, 'classic')).toBe('zhmc_channel_usage_ratio');
    expect(alternativeInMode(CATALOG.zhmc_cpc_processor_usage_ratio, 'classic')).toBeNull();
    expect(metricAppliesTo(CATALOG.zhmc_cpc_network_adapter_usage_ratio, null)).toBe(true);
  });
});
