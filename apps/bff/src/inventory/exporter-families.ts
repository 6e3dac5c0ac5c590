// Facts about the exporter's metric families that the Prometheus-only inventory and detail views
// need, derived from the exporter's own metric definitions (EXPORTER_METRICS of @zlens/shared,
// from its metrics.yaml) rather than written out by hand:
// - which families tell a CPC's mode when the status families are not exported: a family defined
//   only for DPM in partition-usage / dpm-system-usage-overview / partition-resource, or only for
//   classic in logical-partition-usage / channel-usage / cpc-usage-overview /
//   logical-partition-resource (zhmc_partition_processor_usage_ratio is in both, so it tells nothing);
// - every resource metric of a CPC or partition (the `*-resource` groups), and its HELP text.
import { CPC_MODES, EXPORTER_METRICS, type CpcMode, type ExporterMetricDef } from '@zlens/shared';

const MODE_GROUPS: Readonly<Record<CpcMode, readonly string[]>> = {
  dpm: ['partition-usage', 'dpm-system-usage-overview', 'partition-resource'],
  classic: ['logical-partition-usage', 'channel-usage', 'cpc-usage-overview', 'logical-partition-resource'],
};

function modesOf(name: string): Set<string> {
  const modes = new Set<string>();
  for (const def of EXPORTER_METRICS) if (def.exposition_name === name) for (const mode of def.mode.split('+')) modes.add(mode);
  return modes;
}

/** Family name → the mode it proves (it exists for no other mode). */
export const MODE_MARKERS: ReadonlyMap<string, CpcMode> = (() => {
  const markers = new Map<string, CpcMode>();
  for (const mode of CPC_MODES) {
    for (const def of EXPORTER_METRICS) {
      if (!MODE_GROUPS[mode].includes(def.group)) continue;
      const modes = modesOf(def.exposition_name);
      if (modes.size === 1 && modes.has(mode)) markers.set(def.exposition_name, mode);
    }
  }
  return markers;
})();

/** The exporter's resource classes of a CPC and of a partition (DPM partition, classic LPAR). */
const RESOURCE_CLASSES = { cpc: ['cpc'], partition: ['partition', 'logical-partition'] } as const;

/** Every resource metric of a CPC or partition, once per name (both modes' definitions). */
export function resourceMetrics(of: keyof typeof RESOURCE_CLASSES): readonly ExporterMetricDef[] {
  const classes: readonly string[] = RESOURCE_CLASSES[of];
  const seen = new Map<string, ExporterMetricDef>();
  for (const def of EXPORTER_METRICS) {
    if (def.group_type !== 'resource' || def.resource_class === undefined || !classes.includes(def.resource_class)) continue;
    if (!seen.has(def.exposition_name)) seen.set(def.exposition_name, def);
  }
  return [...seen.values()];
}
