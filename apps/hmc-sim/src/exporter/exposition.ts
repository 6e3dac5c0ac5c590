// What IBM's zhmc-prometheus-exporter would export for the scenario, computed the way the exporter
// does it (zhmc-exporter.md §4): for each of its metric definitions (EXPORTER_METRICS in @zlens/shared),
// metric-group values come from the same value rows as the HMC's Get Metrics (skipping -1, dividing
// percents by 100) and resource values from the same property objects as the HMC's GETs. The live
// /metrics renders one slot in the Prometheus text format; history.ts renders many in OpenMetrics.

import { EXPORTER_METRICS, type ExporterMetricDef } from '@zlens/shared';
import { conditionsHold, labelValue, resourceValue } from './exporter-catalog.js';
import { adapterProperties, lparProperties, storageGroupProperties } from '../hmc-api/inventory-io.js';
import { cpcProperties, partitionProperties, type Properties } from '../hmc-api/inventory.js';
import { metricGroupsOf, type GroupObject, type MetricValue } from '../metrics-service/metric-groups.js';
import { storageGroupUri, type CpcSpec, type Scenario } from '../scenario/scenario.js';
import { storageVolumeProperties } from '../hmc-api/storage-volumes.js';
import { topology } from '../scenario/topology.js';
import { slotOf } from '../workload/workload.js';

export interface SeriesDef {
  /** The exporter metric group the series comes from (an exporter config can switch it off). */
  readonly group: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The exported value for a 15 s slot. */
  valueAt(slot: number): number;
}

export interface FamilyDef {
  /** The name on HELP/TYPE lines and samples of the text format (counters end in `_total`). */
  readonly name: string;
  /** The OpenMetrics family name (counters without `_total`). */
  readonly familyName: string;
  readonly help: string;
  /** HELP by metric group, for a family several groups define (classic and DPM sources). */
  readonly helpByGroup: ReadonlyMap<string, string>;
  readonly type: 'gauge' | 'counter';
  readonly series: readonly SeriesDef[];
}

/** A fixed time (2025-01-01 UTC) at which labels taken from row values are read; they never change. */
const LABEL_SLOT = slotOf(Date.UTC(2025, 0, 1));
const ABSENT = -1;

interface Resource {
  readonly cpc: CpcSpec;
  readonly labels: Readonly<Record<string, string>>;
  readonly properties: Properties;
}

function resourcesOf(scenario: Scenario, resourceClass: string | undefined): Resource[] {
  const topo = topology(scenario);
  const all = scenario.cpcs;
  switch (resourceClass) {
    case 'cpc':
      return all.map((cpc) => ({ cpc, labels: { cpc: cpc.name }, properties: cpcProperties(cpc) }));
    case 'partition':
      return all.flatMap((cpc) =>
        cpc.partitions.map((p) => ({ cpc, labels: { cpc: cpc.name, partition: p.name }, properties: partitionProperties(p, cpc) })),
      );
    case 'logical-partition':
      return all.flatMap((cpc) =>
        cpc['logical-partitions'].map((l) => ({ cpc, labels: { cpc: cpc.name, partition: l.name }, properties: lparProperties(l, cpc) })),
      );
    case 'adapter':
      return all.flatMap((cpc) =>
        cpc.adapters.map((a) => ({ cpc, labels: { cpc: cpc.name, adapter: a.name }, properties: adapterProperties(a, cpc) })),
      );
    case 'storage-group':
      return all.flatMap((cpc) =>
        cpc['storage-groups'].map((g) => ({
          cpc,
          labels: { cpc: cpc.name, storagegroup: g.name },
          properties: storageGroupProperties(g, cpc, topo),
        })),
      );
    case 'storage-volume':
      return all.flatMap((cpc) =>
        cpc['storage-groups'].flatMap((g) =>
          g.volumes.map((v) => ({
            cpc,
            labels: { cpc: cpc.name, storagegroup: g.name, storagevolume: v.name },
            properties: storageVolumeProperties(v, g),
          })),
        ),
      );
    default:
      return [];
  }
}

function storageGroupNames(scenario: Scenario): (uri: string) => string | undefined {
  const names = new Map(scenario.cpcs.flatMap((cpc) => cpc['storage-groups'].map((g) => [storageGroupUri(g), g.name] as const)));
  return (uri) => names.get(uri);
}

function resourceSeries(def: ExporterMetricDef, scenario: Scenario): SeriesDef[] {
  const hmcVersion = scenario.hmc['hmc-version'];
  const groupName = storageGroupNames(scenario);
  return resourcesOf(scenario, def.resource_class).flatMap((resource) => {
    const ctx = {
      hmcVersion,
      seVersion: resource.cpc['se-version'],
      seFeatures: resource.cpc['api-features'],
      properties: resource.properties,
    };
    if (!conditionsHold(def, ctx)) return [];
    const value = resourceValue(def, resource.properties);
    if (value === undefined) return [];
    const labels = labelsFor(def, { resource: resource.labels, properties: resource.properties, storageGroupName: groupName });
    return labels === undefined ? [] : [{ group: def.group, labels, valueAt: () => value }];
  });
}

function labelsFor(def: ExporterMetricDef, ctx: Parameters<typeof labelValue>[2]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const name of def.labels) {
    const value = labelValue(name, def.label_values[name] ?? '', ctx);
    if (value === undefined) return undefined;
    labels[name] = value;
  }
  return labels;
}

/** One (object, row) of a metric group, with a one-slot cache shared by the families reading it. */
function rowSource(object: GroupObject, index: number): (slot: number) => readonly MetricValue[] {
  let cachedSlot = Number.NaN;
  let cached: readonly MetricValue[] = [];
  return (slot) => {
    if (slot !== cachedSlot) {
      cached = object.row(slot, index);
      cachedSlot = slot;
    }
    return cached;
  };
}

function metricSeries(defs: readonly ExporterMetricDef[], scenario: Scenario): Map<ExporterMetricDef, SeriesDef[]> {
  const out = new Map<ExporterMetricDef, SeriesDef[]>(defs.map((d) => [d, []]));
  const hmcVersion = scenario.hmc['hmc-version'];
  for (const group of metricGroupsOf(scenario)) {
    const names = group.info['metric-infos'].map((m) => m['metric-name']);
    const mine = defs.filter((d) => d.group === group.info['group-name'] && d.hmc_metric !== undefined && names.includes(d.hmc_metric));
    if (mine.length === 0) continue;
    for (const object of group.objects) {
      for (let r = 0; r < object.rowCount; r += 1) {
        const source = rowSource(object, r);
        const reference = object.row(LABEL_SLOT, r);
        const metricValues = new Map(names.map((name, i) => [name, reference[i] ?? '']));
        for (const def of mine) {
          const column = names.indexOf(def.hmc_metric ?? '');
          const cpcName = object.resource.labels.cpc ?? '';
          const cpc = scenario.cpcs.find((c) => c.name === cpcName);
          if (!conditionsHold(def, { hmcVersion, seVersion: cpc?.['se-version'] ?? '', seFeatures: cpc?.['api-features'] ?? [] })) continue;
          // -1 means "does not exist" and is never exported; in the simulator it never varies.
          if (reference[column] === ABSENT || typeof reference[column] !== 'number') continue;
          const labels = labelsFor(def, { resource: object.resource.labels, metricValues });
          if (labels === undefined) continue;
          const scale = def.percent_scaled === true ? 100 : 1;
          out.get(def)?.push({
            group: def.group,
            labels,
            valueAt: (slot) => {
              const value = source(slot)[column];
              return typeof value === 'number' ? value / scale : Number.NaN;
            },
          });
        }
      }
    }
  }
  return out;
}

const FAMILY_CACHE = new WeakMap<Scenario, FamilyDef[]>();

/**
 * Every family the exporter would export for the scenario, in the order of its definitions. A name
 * defined by several groups (classic and DPM sources) is one family with the first definition's HELP.
 */
export function exporterFamilies(scenario: Scenario): FamilyDef[] {
  const cached = FAMILY_CACHE.get(scenario);
  if (cached !== undefined) return cached;
  const fromMetrics = metricSeries(
    EXPORTER_METRICS.filter((d) => d.group_type === 'metric'),
    scenario,
  );
  const families = new Map<string, { def: ExporterMetricDef; helpByGroup: Map<string, string>; series: SeriesDef[] }>();
  for (const def of EXPORTER_METRICS) {
    const series = def.group_type === 'metric' ? (fromMetrics.get(def) ?? []) : resourceSeries(def, scenario);
    const family = families.get(def.exposition_name);
    if (family === undefined)
      families.set(def.exposition_name, { def, helpByGroup: new Map([[def.group, def.help]]), series: [...series] });
    else {
      family.series.push(...series);
      if (!family.helpByGroup.has(def.group)) family.helpByGroup.set(def.group, def.help);
    }
  }
  const built = [...families.values()].map(({ def, helpByGroup, series }) => ({
    name: def.exposition_name,
    familyName: def.name,
    help: def.help,
    helpByGroup,
    type: def.type,
    series,
  }));
  FAMILY_CACHE.set(scenario, built);
  return built;
}

/**
 * A float as Python's prometheus_client writes it (floatToGoString): Python repr (`0.42`, `0.0`,
 * `11.0`, `1e-05`), switching to Go-style exponents for values of 10^6 and more (`3.145728e+06`).
 */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const repr = pythonRepr(value);
  const dot = repr.indexOf('.');
  if (value > 0 && dot > 6) {
    const digits = `${repr.slice(0, 1)}.${repr.slice(1, dot)}${repr.slice(dot + 1)}`.replace(/[0.]+$/, '');
    return `${digits}e+0${dot - 1}`;
  }
  return repr;
}

function pythonRepr(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    // Python: shortest round-trip digits, exponent with a sign and at least two digits.
    const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  if (Number.isInteger(value)) return `${Object.is(value, -0) ? '-' : ''}${abs.toFixed(0)}.0`;
  return String(value);
}

/** Escapes a label value for the Prometheus text format and OpenMetrics: `\\`, `\"`, `\n`. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Escapes HELP text for the Prometheus text format: `\\` and `\n`. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** `{a="1",b="2"}` with the label names sorted, as prometheus_client writes them. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return '';
  return `{${names.map((name) => `${name}="${escapeLabelValue(labels[name] ?? '')}"`).join(',')}}`;
}

/**
 * The exporter's /metrics body for one slot: HELP, TYPE, then the samples, no timestamps. Families
 * without samples are left out.
 */
export function renderExposition(families: readonly FamilyDef[], slot: number): string {
  const lines: string[] = [];
  for (const family of families) {
    if (family.series.length === 0) continue;
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const series of family.series) {
      lines.push(`${family.name}${formatLabels(series.labels)} ${formatFloat(series.valueAt(slot))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
