// A small interpreter for the Jinja2/Python snippets in the exporter's metric definitions
// (EXPORTER_METRICS in @zlens/shared): conditions, label values and property expressions. Only the forms that occur in the catalog are
// understood; anything else throws, and a test runs every definition through it.

import type { ExporterMetricDef } from '@zlens/shared';
import type { Json, Properties } from '../hmc-api/inventory.js';
import type { MetricValue } from '../metrics-service/metric-groups.js';

export interface ConditionContext {
  readonly hmcVersion: string;
  readonly seVersion: string;
  /** The CPC's API features (List CPC API Features), as the exporter's se_features. */
  readonly seFeatures: readonly string[];
  readonly properties?: Properties;
}

/** Compares dotted versions numerically ('2.16.0' >= '2.13.1'). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Whether every condition of the definition holds ("group: ..." and "metric: ..." alike). */
export function conditionsHold(def: ExporterMetricDef, ctx: ConditionContext): boolean {
  return (def.condition ?? []).every((text) => {
    const expr = text.replace(/^(group|metric): /, '');
    let m = /^hmc_version>='([\d.]+)'$/.exec(expr);
    if (m?.[1] !== undefined) return versionAtLeast(ctx.hmcVersion, m[1]);
    m = /^se_version>='([\d.]+)'$/.exec(expr);
    if (m?.[1] !== undefined) return versionAtLeast(ctx.seVersion, m[1]);
    m = /^'([\w-]+)' in se_features$/.exec(expr);
    if (m?.[1] !== undefined) return ctx.seFeatures.includes(m[1]);
    m = /^'([\w-]+)' in resource_obj\.properties$/.exec(expr);
    if (m?.[1] !== undefined) return ctx.properties !== undefined && Object.hasOwn(ctx.properties, m[1]);
    throw new Error(`unsupported exporter condition: ${text}`);
  });
}

export interface LabelContext {
  /** The resource's own labels: cpc, partition, adapter, nic, port, storagegroup. */
  readonly resource: Readonly<Record<string, string>>;
  /** The row's values by HMC metric name (metric groups). */
  readonly metricValues?: ReadonlyMap<string, MetricValue>;
  readonly properties?: Properties;
  /** Names of storage groups by URI (for `uris2resources`). */
  readonly storageGroupName?: (uri: string) => string | undefined;
}

function pythonString(value: Json | MetricValue | undefined): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The value of one label, or undefined when the exporter could not compute it. */
export function labelValue(name: string, expr: string, ctx: LabelContext): string | undefined {
  if (
    /^(resource_obj(\.manager\.parent)*\.name|uri2resource\(.*\)\.name|adapter_name\(resource_obj\)|adapter_port\(resource_obj\))$/.test(
      expr,
    )
  ) {
    return ctx.resource[name];
  }
  let m = /^metric_values\['([\w-]+)'\](.*)$/.exec(expr);
  if (m?.[1] !== undefined) {
    const value = ctx.metricValues?.get(m[1]);
    if (value === undefined) return undefined;
    if (m[2] === '|trim') return String(value).trim();
    if (m[2] === '|string|lower') return pythonString(value).toLowerCase();
    if (m[2] === '') return String(value);
    throw new Error(`unsupported label filter: ${expr}`);
  }
  m = /^'(.*)'$/.exec(expr);
  if (m?.[1] !== undefined) return m[1];
  m = /^resource_obj\.properties(?:\['([\w-]+)'\]|\.([\w]+))(.*)$/.exec(expr);
  const property = m?.[1] ?? m?.[2];
  if (m !== null && property !== undefined) {
    const value = ctx.properties?.[property];
    if (value === undefined) return undefined;
    const rest = (m[3] ?? '').trim();
    if (rest === '') return pythonString(value);
    if (rest === "or ''") return value === null || value === '' ? '' : pythonString(value);
    if (rest === "| join(',')" && isJsonList(value)) return value.map((v) => pythonString(v)).join(',');
    throw new Error(`unsupported label expression: ${expr}`);
  }
  if (/^uris2resources\(resource_obj\.properties\['storage-group-uris'\]\) \| map\(attribute='name'\) \| join\(','\)$/.test(expr)) {
    const uris = ctx.properties?.['storage-group-uris'];
    if (!Array.isArray(uris)) return undefined;
    return uris.map((uri) => (typeof uri === 'string' ? (ctx.storageGroupName?.(uri) ?? '') : '')).join(',');
  }
  if (/^\d+$/.test(expr)) return expr;
  throw new Error(`unsupported label expression: ${expr}`);
}

function numeric(value: Json | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/** The value of a resource-property metric, or undefined when the exporter would skip it. */
export function resourceValue(def: ExporterMetricDef, props: Properties): number | undefined {
  if (def.hmc_property !== undefined) {
    const value = props[def.hmc_property];
    if (value === undefined || value === null) return undefined;
    if (def.valuemap !== undefined) return typeof value === 'string' ? (def.valuemap[value] ?? 99) : undefined;
    return numeric(value);
  }
  const expr = def.properties_expression;
  if (expr === undefined) throw new Error(`${def.exposition_name}: neither hmc_property nor properties_expression`);
  if (expr === '0') return 0;
  let m = /^\{(.*)\}\.get\(properties(?:\.(\w+)|\['([\w-]+)'\]), 99\)$/.exec(expr);
  if (m?.[1] !== undefined) {
    const map = new Map([...m[1].matchAll(/'([\w-]+)': (\d+)/g)].map((e) => [e[1] ?? '', Number(e[2])]));
    const value = props[m[2] ?? m[3] ?? ''];
    return typeof value === 'string' ? (map.get(value) ?? 99) : 99;
  }
  m = /^properties\['([\w-]+)'\]\.type == 'processors'$/.exec(expr);
  if (m?.[1] !== undefined) return cappingType(props[m[1]]) === 'processors' ? 1 : 0;
  m = /^properties\['([\w-]+)'\]\.value if properties\['([\w-]+)'\]\.type == 'processors' else 0$/.exec(expr);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    const capping = props[m[2]];
    return cappingType(capping) === 'processors' ? (numeric(field(capping, 'value')) ?? 0) : 0;
  }
  m = /^properties\['([\w-]+)'\] if properties\['([\w-]+)'\] else 0$/.exec(expr);
  if (m?.[1] !== undefined && m[2] !== undefined) return props[m[2]] === true ? numeric(props[m[1]]) : 0;
  m = /^properties\['([\w-]+)'\]$/.exec(expr);
  if (m?.[1] !== undefined) return numeric(props[m[1]]);
  m = /^properties\['([\w-]+)'\]\|map\(attribute='(\w+)'\)\|map\('replace',None,0\)\|map\('int'\)\|sum$/.exec(expr);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    const list = props[m[1]];
    if (list === undefined || !isJsonList(list)) return undefined;
    const attribute = m[2];
    return list.reduce<number>((sum, item) => sum + Math.trunc(numeric(field(item, attribute)) ?? 0), 0);
  }
  throw new Error(`unsupported property expression: ${expr}`);
}

function isJsonList(value: Json): value is readonly Json[] {
  return Array.isArray(value);
}

function field(value: Json | undefined, key: string): Json | undefined {
  if (typeof value !== 'object' || value === null || isJsonList(value)) return undefined;
  return value[key];
}

function cappingType(value: Json | undefined): Json | undefined {
  return field(value, 'type');
}
