// Metrics contexts and the Get Metrics body (the §3.4 grammar of hmc-api.md). Which groups a
// context gets: the requested ones the simulator serves (all those valid for the site's CPC modes
// when none are named), all 14 the HMC knows; unknown names are dropped, as zhmcclient's mock drops
// groups it has no data for.

import { buildMetricGroups, type MetricGroup, type MetricGroupInfo, type MetricInfo, type MetricValue } from './metric-group-defs.js';
import type { Scenario } from '../scenario/scenario.js';

export {
  DPM_SYSTEM_USAGE_OVERVIEW,
  PARTITION_USAGE,
  type GroupObject,
  type MetricGroup,
  type MetricGroupInfo,
  type MetricInfo,
  type MetricType,
  type MetricValue,
} from './metric-group-defs.js';

/** Every metric group name the HMC knows (hmc-api.md §3.5). */
export const KNOWN_GROUP_NAMES: readonly string[] = [
  'cpc-usage-overview',
  'logical-partition-usage',
  'channel-usage',
  'crypto-usage',
  'flash-memory-usage',
  'roce-usage',
  'dpm-system-usage-overview',
  'partition-usage',
  'adapter-usage',
  'network-physical-adapter-port',
  'partition-attached-network-interface',
  'zcpc-environmentals-and-power',
  'zcpc-processor-usage',
  'environmental-power-status',
];

const CACHE = new WeakMap<Scenario, MetricGroup[]>();

/** The served groups with their objects, built once per scenario. */
export function metricGroupsOf(scenario: Scenario): readonly MetricGroup[] {
  const cached = CACHE.get(scenario);
  if (cached !== undefined) return cached;
  const built = buildMetricGroups(scenario);
  CACHE.set(scenario, built);
  return built;
}

/** Groups valid for the CPC modes present in the site ("all groups" of a context without a list). */
export function groupsForModes(scenario: Scenario): MetricGroupInfo[] {
  const hasDpm = scenario.cpcs.some((c) => c['dpm-enabled']);
  const hasClassic = scenario.cpcs.some((c) => !c['dpm-enabled']);
  return metricGroupsOf(scenario)
    .filter((g) => g.mode === 'both' || (g.mode === 'dpm' ? hasDpm : hasClassic))
    .map((g) => g.info);
}

/** The requested group names the simulator serves, in request order (duplicates once). */
export function selectGroups(scenario: Scenario, names: readonly string[]): MetricGroupInfo[] {
  if (names.length === 0) return groupsForModes(scenario);
  const served = new Map(metricGroupsOf(scenario).map((g) => [g.info['group-name'], g.info]));
  return [...new Set(names)].flatMap((name) => {
    const found = served.get(name);
    return found === undefined ? [] : [found];
  });
}

/** A double the way the HMC writes it: decimal notation with at least one fraction digit (24.0). */
export function formatDouble(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

export function formatValue(info: MetricInfo | undefined, value: MetricValue): string {
  switch (info?.['metric-type']) {
    case 'double-metric':
      return typeof value === 'number' ? formatDouble(value) : String(value);
    case 'string-metric':
      // zhmcclient splits rows on ',' and strips the quotes; the simulator's strings hold neither.
      return `"${String(value)}"`;
    case 'boolean-metric':
      return value === true ? 'true' : 'false';
    default:
      return String(value);
  }
}

/**
 * The Get Metrics body for the given groups at one sample time: per group its quoted name, then
 * per object the quoted URI, the timestamp (ms), its value rows and an empty line; an empty line
 * closes each group and a last empty line closes the response. Objects appear in the groups of
 * their CPC's mode only.
 */
export function renderMetricsResponse(scenario: Scenario, groups: readonly MetricGroupInfo[], slot: number, timestampMs: number): string {
  const byName = new Map(metricGroupsOf(scenario).map((g) => [g.info['group-name'], g]));
  const parts: string[] = [];
  for (const info of groups) {
    parts.push(`"${info['group-name']}"\n`);
    const served = byName.get(info['group-name']);
    const infos = info['metric-infos'];
    for (const object of served?.objects ?? []) {
      parts.push(`"${object.uri}"\n${timestampMs}\n`);
      for (let r = 0; r < object.rowCount; r += 1) {
        const row = object.row(slot, r);
        let line = '';
        for (let i = 0; i < row.length; i += 1) line += `${i === 0 ? '' : ','}${formatValue(infos[i], row[i] ?? '')}`;
        parts.push(`${line}\n`);
      }
      parts.push('\n');
    }
    parts.push('\n');
  }
  parts.push('\n');
  return parts.join('');
}
