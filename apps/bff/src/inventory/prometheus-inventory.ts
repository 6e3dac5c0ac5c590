// Inventory from Prometheus label sets: every CPC, partition and adapter that has a series of the
// status or usage metrics, with the status string from the status metrics' `value` label
// (zhmc-exporter.md §1b). Partitions are taken from the status metrics too, not only the usage
// metrics, because the exporter has no usage series for stopped partitions.
//
// A site may export only the metric-based groups (no cpc-resource, partition-resource,
// logical-partition-resource, adapter-resource). Then:
// - the mode follows from which families a CPC has (exporter-families.ts MODE_MARKERS), not only
//   from which partition status family it has;
// - a status no source knows because its family has no series for the CPC is "not exported",
//   which the API says (statusNotExported), distinct from unknown;
// - stopped partitions have neither status nor usage series. Partitions with a processor-usage
//   series within the last RECENT_LOOKBACK_SECONDS but none now are listed, marked noRecentData;
//   one that stopped longer ago is not known to Prometheus at all (docs/deploy.md says so). The
//   lookback query runs only for CPCs without partition statuses.
import { CATALOG, type CpcMode, type MetricId } from '@zlens/shared';
import type { PrometheusClient } from '../prometheus/client.js';
import { buildSeriesQuery, namesMatcher } from '../prometheus/promql.js';
import { MODE_MARKERS } from './exporter-families.js';
import type { SourceCpc, SourcePartition } from './types.js';

/** The metrics whose label sets make up the inventory: one instant query each. */
export const INVENTORY_METRICS: readonly MetricId[] = [
  'zhmc_cpc_status_int',
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_partition_status_int',
  'zhmc_partition_lpar_status_int',
  'zhmc_partition_processor_usage_ratio',
  'zhmc_adapter_status_int',
  'zhmc_adapter_usage_ratio',
  'zhmc_crypto_adapter_usage_ratio',
];

/** How far back a partition without current series is still listed (marked noRecentData). */
export const RECENT_LOOKBACK_SECONDS = 86_400;

/** Which marker families each CPC has: `group by (__name__, cpc)` over the mode markers, one query. */
export const MODE_MARKERS_QUERY = `group by (__name__, cpc) ({${namesMatcher(MODE_MARKERS.keys())}})`;

/** Partitions with a processor-usage series in the lookback (stopped ones included). */
export const RECENT_PARTITIONS_QUERY = `group by (cpc, partition) (last_over_time(zhmc_partition_processor_usage_ratio[${RECENT_LOOKBACK_SECONDS}s]))`;

function inferMode(markers: ReadonlySet<CpcMode>): CpcMode | null {
  if (markers.size !== 1) return null;
  return markers.has('dpm') ? 'dpm' : 'classic';
}

export async function readPrometheusInventory(client: PrometheusClient): Promise<SourceCpc[]> {
  const [results, markerSamples] = await Promise.all([
    Promise.all(INVENTORY_METRICS.map(async (id) => ({ id, samples: await client.query(buildSeriesQuery(id, {})) }))),
    client.query(MODE_MARKERS_QUERY),
  ]);
  const cpcs = new Map<string, SourceCpc>();
  const cpcFor = (name: string): SourceCpc => {
    let cpc = cpcs.get(name);
    if (cpc === undefined) {
      cpc = { name, mode: null, status: null, machineType: null, machineModel: null, partitions: [], adapters: [] };
      cpcs.set(name, cpc);
    }
    return cpc;
  };
  /** Which status families each CPC has series of: what is missing is not exported. */
  const hasFamily = new Map<string, Set<MetricId>>();
  for (const { id, samples } of results) {
    const entry = CATALOG[id];
    for (const { metric: labels } of samples) {
      const cpcName = labels.cpc;
      if (cpcName === undefined) continue;
      const cpc = cpcFor(cpcName);
      const families = hasFamily.get(cpcName) ?? new Set<MetricId>();
      families.add(id);
      hasFamily.set(cpcName, families);
      const status = entry.unit === 'status' ? (labels.value ?? null) : null;
      if (id === 'zhmc_partition_status_int') cpc.mode = 'dpm';
      if (id === 'zhmc_partition_lpar_status_int') cpc.mode = 'classic';
      if (entry.scope === 'cpc') {
        if (status !== null) cpc.status = status;
      } else if (entry.scope === 'adapter' || entry.scope === 'crypto-adapter') {
        // Classic crypto adapters are known to the exporter by PCHID only; that is their name here.
        const pchid = entry.scope === 'crypto-adapter' ? (labels.adapter_pchid ?? null) : null;
        const name = pchid ?? labels.adapter;
        if (name === undefined) continue;
        let adapter = cpc.adapters.find((a) => a.name === name);
        if (adapter === undefined) {
          adapter = { name, adapterId: pchid, type: null, family: pchid === null ? null : 'crypto', status: null };
          cpc.adapters.push(adapter);
        }
        if (status !== null) adapter.status = status;
      } else {
        const partitionName = labels.partition;
        if (partitionName === undefined) continue;
        let partition = cpc.partitions.find((p) => p.name === partitionName);
        if (partition === undefined) {
          partition = { name: partitionName, status: null, type: null };
          cpc.partitions.push(partition);
        }
        if (status !== null) partition.status = status;
      }
    }
  }

  const markers = new Map<string, Set<CpcMode>>();
  for (const { metric } of markerSamples) {
    const mode = MODE_MARKERS.get(metric.__name__ ?? '');
    if (metric.cpc === undefined || mode === undefined) continue;
    cpcFor(metric.cpc);
    const modes = markers.get(metric.cpc) ?? new Set<CpcMode>();
    modes.add(mode);
    markers.set(metric.cpc, modes);
  }

  const withoutPartitionStatus: SourceCpc[] = [];
  for (const cpc of cpcs.values()) {
    cpc.mode ??= inferMode(markers.get(cpc.name) ?? new Set());
    const families = hasFamily.get(cpc.name) ?? new Set<MetricId>();
    cpc.statusNotExported = !families.has('zhmc_cpc_status_int');
    const partitionStatus = families.has('zhmc_partition_status_int') || families.has('zhmc_partition_lpar_status_int');
    if (!partitionStatus) withoutPartitionStatus.push(cpc);
    for (const partition of cpc.partitions) partition.statusNotExported = !partitionStatus;
    // The exporter has no status family for classic crypto adapters at all (adapter-resource is DPM).
    const adapterStatus = families.has('zhmc_adapter_status_int');
    for (const adapter of cpc.adapters)
      adapter.statusNotExported = adapter.family === 'crypto' && adapter.adapterId !== null ? true : !adapterStatus;
  }
  if (withoutPartitionStatus.length > 0) await addRecentPartitions(client, withoutPartitionStatus);
  return [...cpcs.values()];
}

/** Lists the partitions that had usage within the lookback but have none now, marked noRecentData. */
async function addRecentPartitions(client: PrometheusClient, cpcs: readonly SourceCpc[]): Promise<void> {
  const recent = await client.query(RECENT_PARTITIONS_QUERY);
  for (const { metric } of recent) {
    const cpc = cpcs.find((c) => c.name === metric.cpc);
    const name = metric.partition;
    if (cpc === undefined || name === undefined || cpc.partitions.some((p) => p.name === name)) continue;
    const partition: SourcePartition = { name, status: null, type: null, statusNotExported: true, noRecentData: true };
    cpc.partitions.push(partition);
  }
}
