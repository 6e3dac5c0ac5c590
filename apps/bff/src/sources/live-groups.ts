// How the live source turns Get Metrics rows into series, the way the exporter does
// (zhmc-exporter.md §2, group label table): which groups to ask for, which catalog metrics each
// group feeds, and the labels of each row — one row per object for CPC, partition, adapter and NIC
// groups, several rows per object for ports (`network-port-id`), channels (`channel-name`,
// `logical-partition-name` trimmed, `shared-channel` lower-case), crypto adapters (`channel-id`) and
// processors (`processor-name`, `processor-type`).
import { CATALOG, METRIC_IDS, lineCordOf, type CatalogMetric, type CpcMode, type MetricId, type MetricScope } from '@zlens/shared';
import type { HmcCpc } from '../hmc/inventory.js';
import type { MetricValue } from '../hmc/metrics-text.js';
import type { NicRef } from '../hmc/topology-cache.js';

type SourcedMetric = Exclude<CatalogMetric, { unit: 'status' }>;

/** Every metric group the catalog maps, for the given modes, in catalog order. */
export function liveMetricGroups(modes: readonly CpcMode[]): string[] {
  const groups = new Set<string>();
  for (const id of METRIC_IDS) {
    const metric = CATALOG[id];
    if (metric.unit === 'status') continue;
    for (const mode of modes) {
      const group = metric.hmc[mode]?.group;
      if (group !== undefined) groups.add(group);
    }
  }
  return [...groups];
}

/** What a metrics row's object URI names. */
export interface ObjectRef {
  cpc: HmcCpc;
  partition?: string;
  adapter?: string;
  nic?: NicRef;
}

export interface GroupMetric {
  id: MetricId;
  metric: SourcedMetric;
  /** The row's value name in the group. */
  name: string;
}

const metricsByGroup = new Map<string, GroupMetric[]>();

/** The catalog metrics a group feeds in a mode, for objects of `scope`s the object can have. */
export function groupMetrics(group: string, mode: CpcMode): GroupMetric[] {
  const key = `${mode}\u0000${group}`;
  let found = metricsByGroup.get(key);
  if (found === undefined) {
    found = [];
    for (const id of METRIC_IDS) {
      const metric = CATALOG[id];
      if (metric.unit === 'status') continue;
      const source = metric.hmc[mode];
      if (source?.group === group) found.push({ id, metric, name: source.metric });
    }
    metricsByGroup.set(key, found);
  }
  return found;
}

const text = (value: MetricValue | undefined): string | null =>
  value === undefined ? null : typeof value === 'string' ? value : String(value);

/**
 * The exporter's labels of one row of a group for a metric of `scope`, or null when the object or
 * the row does not fit that scope (a partition row for a CPC metric, a row missing its key).
 */
export function rowLabels(
  scope: MetricScope,
  ref: ObjectRef,
  row: Readonly<Record<string, MetricValue>>,
  /** Needed for line cords only: which cord and phase the metric is. */
  id?: MetricId,
): Record<string, string> | null {
  const cpc = ref.cpc.name;
  const isCpc = ref.partition === undefined && ref.adapter === undefined && ref.nic === undefined;
  switch (scope) {
    case 'cpc':
      return isCpc ? { cpc } : null;
    case 'partition':
      return ref.partition === undefined ? null : { cpc, partition: ref.partition };
    case 'adapter':
      return ref.adapter === undefined ? null : { cpc, adapter: ref.adapter };
    case 'port': {
      const port = text(row['network-port-id']);
      return ref.adapter === undefined || port === null ? null : { cpc, adapter: ref.adapter, port };
    }
    case 'nic': {
      const nic = ref.nic;
      if (nic === undefined) return null;
      return { cpc, partition: nic.partition, nic: nic.nic, adapter: nic.adapter, port: nic.port === null ? '' : String(nic.port) };
    }
    case 'channel': {
      const chpid = text(row['channel-name']);
      const partition = text(row['logical-partition-name']);
      const shared = text(row['shared-channel']);
      if (!isCpc || chpid === null || partition === null || shared === null) return null;
      return { cpc, channel_css_chpid: chpid, partition: partition.trim(), shared: shared.toLowerCase() };
    }
    case 'crypto-adapter': {
      const pchid = text(row['channel-id']);
      return !isCpc || pchid === null ? null : { cpc, adapter_pchid: pchid };
    }
    case 'line-cord': {
      // environmental-power-status: one row per CPC holding every cord; the cord's name is a row value.
      const cord = id === undefined ? null : lineCordOf(id);
      const name = cord === null ? null : text(row[cord.nameMetric]);
      return !isCpc || cord === null || name === null ? null : { cpc, cord: name, cordid: cord.cordid, phase: cord.phase };
    }
    case 'processor': {
      const processor = text(row['processor-name']);
      const type = text(row['processor-type']);
      return !isCpc || processor === null || type === null ? null : { cpc, processor, type };
    }
  }
}
