// Which metric groups and CPCs the simulated exporter exports, as IBM's zhmc-prometheus-exporter
// 2.x decides it from its config file (zhmc_prometheus_exporter.py, 2.3.3):
// - `metric_groups:` maps a group name to `{export: true|false}`; a group the file does not name
//   is NOT exported (`config_mg_dict.get(group, {}).get("export", False)`). A version 1 file
//   (`metrics:` section) without `metric_groups:` is upgraded in memory to "all groups".
// - `cpcs:` lists CPC names; absent or null means every managed CPC, an empty list makes the
//   exporter exit ("specified to export no CPCs"), and a name the HMC does not manage too
//   ("specified non-existing CPCs"). Metric-group rows and resources of other CPCs are skipped.
// The simulator filters its /metrics (and history) the same way; the default is all groups.

import { EXPORTER_METRICS } from '@zlens/shared';
import { parse } from 'yaml';
import { exporterFamilies, type FamilyDef } from './exposition.js';
import { isRecord } from '../narrow.js';
import type { Scenario } from '../scenario/scenario.js';

export interface ExporterConfig {
  /** The exported metric groups (metric- and resource-based), or `'all'` (the default). */
  readonly metricGroups?: readonly string[] | 'all';
  /** The CPCs whose metrics are exported; absent = every CPC of the site. */
  readonly cpcs?: readonly string[];
}

/** Every metric group the exporter defines, in the order of its metrics.yaml. */
export const EXPORTER_METRIC_GROUPS: readonly string[] = [...new Set(EXPORTER_METRICS.map((def) => def.group))];

export class ExporterConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExporterConfigError';
  }
}

/** A validated config: undefined sets mean "no restriction". */
export interface ResolvedExporterConfig {
  readonly groups: ReadonlySet<string> | undefined;
  readonly cpcs: ReadonlySet<string> | undefined;
  /** A stable key for caches. */
  readonly key: string;
}

export const ALL_EXPORTED: ResolvedExporterConfig = { groups: undefined, cpcs: undefined, key: 'all' };

/** Checks the config against the exporter's groups and the site's CPCs (the exporter's start-up errors). */
export function resolveExporterConfig(config: ExporterConfig | undefined, scenario: Scenario): ResolvedExporterConfig {
  if (config === undefined) return ALL_EXPORTED;
  const wanted = config.metricGroups ?? 'all';
  let groups: ReadonlySet<string> | undefined;
  if (wanted !== 'all') {
    const unknown = wanted.filter((name) => !EXPORTER_METRIC_GROUPS.includes(name));
    if (unknown.length > 0) {
      throw new ExporterConfigError(`unknown exporter metric group(s): ${unknown.join(', ')}; known: ${EXPORTER_METRIC_GROUPS.join(', ')}`);
    }
    groups = new Set(wanted);
  }
  let cpcs: ReadonlySet<string> | undefined;
  if (config.cpcs !== undefined) {
    if (config.cpcs.length === 0) throw new ExporterConfigError('The config file specified to export no CPCs.');
    const existing = scenario.cpcs.map((cpc) => cpc.name);
    const missing = config.cpcs.filter((name) => !existing.includes(name));
    if (missing.length > 0) {
      throw new ExporterConfigError(
        `The config file specified non-existing CPCs: ${missing.join(', ')} - existing CPCs are: ${existing.join(', ')}`,
      );
    }
    cpcs = new Set(config.cpcs);
  }
  const key = `${groups === undefined ? '*' : [...groups].sort().join(',')}|${cpcs === undefined ? '*' : [...cpcs].sort().join(',')}`;
  return { groups, cpcs, key };
}

/** The families as an exporter with this config exports them (families left empty stay, with no series). */
export function filterFamilies(families: readonly FamilyDef[], config: ResolvedExporterConfig): FamilyDef[] {
  if (config.groups === undefined && config.cpcs === undefined) return [...families];
  const { groups, cpcs } = config;
  return families.map((family) => {
    const series = family.series.filter(
      (s) => (groups === undefined || groups.has(s.group)) && (cpcs === undefined || cpcs.has(s.labels.cpc ?? '')),
    );
    // The HELP of the first remaining group's definition.
    const firstGroup = series[0]?.group;
    const help = firstGroup === undefined ? family.help : (family.helpByGroup.get(firstGroup) ?? family.help);
    return { ...family, help, series };
  });
}

/**
 * The `metric_groups:` and `cpcs:` of an exporter config file (version 1 or 2; the other sections
 * are the exporter's business). Throws ExporterConfigError naming what is wrong.
 */
export function exporterConfigFromFile(text: string): ExporterConfig {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ExporterConfigError(`exporter config: not YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(document)) throw new ExporterConfigError('exporter config: expected a YAML mapping');
  const version = document.version;
  if (version !== undefined && version !== 2)
    throw new ExporterConfigError(`exporter config: version must be 2, got ${JSON.stringify(version)}`);
  const groupsItem = document.metric_groups;
  let metricGroups: readonly string[] | 'all';
  if (groupsItem === undefined || groupsItem === null) {
    // Version 1 files are upgraded to "all groups"; a version 2 file without the item exports none.
    metricGroups = 'metrics' in document && !('hmcs' in document) ? 'all' : [];
  } else {
    if (!isRecord(groupsItem))
      throw new ExporterConfigError('exporter config: metric_groups must be a mapping of group name to {export: true|false}');
    const exported: string[] = [];
    for (const [name, item] of Object.entries(groupsItem)) {
      if (!isRecord(item) || typeof item.export !== 'boolean') {
        throw new ExporterConfigError(`exporter config: metric_groups.${name} must be {export: true|false}`);
      }
      if (item.export) exported.push(name);
    }
    metricGroups = exported;
  }
  const cpcsItem = document.cpcs;
  if (cpcsItem === undefined || cpcsItem === null) return { metricGroups };
  if (!Array.isArray(cpcsItem) || !cpcsItem.every((name): name is string => typeof name === 'string')) {
    throw new ExporterConfigError('exporter config: cpcs must be a list of CPC names');
  }
  return { metricGroups, cpcs: cpcsItem };
}

const FILTERED = new WeakMap<Scenario, Map<string, FamilyDef[]>>();

/** The families of the scenario as the exporter with this config exports them (cached). */
export function exportedFamilies(scenario: Scenario, config: ResolvedExporterConfig): FamilyDef[] {
  let byKey = FILTERED.get(scenario);
  if (byKey === undefined) {
    byKey = new Map();
    FILTERED.set(scenario, byKey);
  }
  let families = byKey.get(config.key);
  if (families === undefined) {
    families = filterFamilies(exporterFamilies(scenario), config);
    byKey.set(config.key, families);
  }
  return families;
}
