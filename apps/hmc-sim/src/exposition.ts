// What IBM's zhmc-prometheus-exporter would export for the scenario: every metric of the shared
// CATALOG, as families of series whose value can be computed for any 15 s slot. The live /metrics
// endpoint renders one slot in the Prometheus text format (zhmc-exporter.md §3); history.ts renders
// many slots in OpenMetrics. Both take the values from here, so they cannot disagree.

import { CATALOG, METRIC_IDS, statusCode, type CatalogMetric } from '@zlens/shared';
import {
  DPM_SYSTEM_USAGE_OVERVIEW,
  PARTITION_USAGE,
  cpcRowValues,
  partitionRowValues,
  type MetricGroupInfo,
} from './metric-groups.js';
import { isRunning, type Scenario } from './scenario.js';
import { partitionUsage, sampleCpc } from './workload.js';

export interface SeriesDef {
  readonly labels: Readonly<Record<string, string>>;
  /** The exported value for a 15 s slot. */
  valueAt(slot: number): number;
}

export interface FamilyDef {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge';
  readonly series: readonly SeriesDef[];
}

function metricIndex(group: MetricGroupInfo, metric: string): number {
  const index = group['metric-infos'].findIndex((info) => info['metric-name'] === metric);
  if (index < 0) throw new Error(`metric ${metric} is not in HMC group ${group['group-name']}`);
  return index;
}

function pick(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new Error(`no value at column ${index}`);
  return value;
}

/** The exporter divides HMC percents by 100 ("value 100 means 100% = 1", hmc-api.md §3.5). */
function ratio(percent: number): number {
  return percent / 100;
}

function familySeries(metric: CatalogMetric, scenario: Scenario): SeriesDef[] {
  const { seed } = scenario;
  if (metric.unit === 'status') {
    if (metric.scope === 'cpc') {
      return scenario.cpcs.map((cpc) => {
        const value = statusCode(metric, cpc.status);
        return { labels: { cpc: cpc.name, value: cpc.status }, valueAt: () => value };
      });
    }
    return scenario.cpcs.flatMap((cpc) =>
      cpc.partitions.map((partition) => {
        const value = statusCode(metric, partition.status);
        return {
          labels: { cpc: cpc.name, partition: partition.name, value: partition.status },
          valueAt: () => value,
        };
      }),
    );
  }
  // Every simulated CPC is in DPM mode, so the DPM source of each usage metric applies.
  const source = metric.hmc.dpm;
  if (source === undefined) return [];
  if (source.group === DPM_SYSTEM_USAGE_OVERVIEW['group-name']) {
    const index = metricIndex(DPM_SYSTEM_USAGE_OVERVIEW, source.metric);
    return scenario.cpcs.map((cpc) => ({
      labels: { cpc: cpc.name },
      valueAt: (slot: number) => ratio(pick(cpcRowValues(sampleCpc(seed, cpc, slot).usage), index)),
    }));
  }
  if (source.group === PARTITION_USAGE['group-name']) {
    const index = metricIndex(PARTITION_USAGE, source.metric);
    // The exporter has usage series only for running partitions (zhmc-exporter.md §1).
    return scenario.cpcs.flatMap((cpc) =>
      cpc.partitions.filter(isRunning).map((partition) => ({
        labels: { cpc: cpc.name, partition: partition.name },
        valueAt: (slot: number) => ratio(pick(partitionRowValues(partitionUsage(seed, partition, slot)), index)),
      })),
    );
  }
  throw new Error(`HMC group ${source.group} of ${metric.id} is not simulated`);
}

/** The families of every CATALOG metric, in catalog order. */
export function exporterFamilies(scenario: Scenario): FamilyDef[] {
  return METRIC_IDS.map((id) => {
    const metric = CATALOG[id];
    return { name: metric.id, help: metric.help.en, type: 'gauge', series: familySeries(metric, scenario) };
  });
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

/** The exporter's /metrics body for one slot: HELP, TYPE, then the samples, no timestamps. */
export function renderExposition(families: readonly FamilyDef[], slot: number): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const series of family.series) {
      lines.push(`${family.name}${formatLabels(series.labels)} ${formatFloat(series.valueAt(slot))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
