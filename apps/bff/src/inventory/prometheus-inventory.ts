// Inventory from Prometheus label sets: every CPC, partition and adapter that has a series of the
// status or usage metrics, with the status string from the status metrics' `value` label
// (zhmc-exporter.md §1b). Partitions are taken from the status metrics too, not only the usage
// metrics, because the exporter has no usage series for stopped partitions. The mode follows from
// which partition status metric a CPC has (zhmc_partition_status_int is DPM, the LPAR one classic).
import { CATALOG, type MetricId } from '@zlens/shared';
import type { PrometheusClient } from '../prometheus/client.js';
import { buildSeriesQuery } from '../prometheus/promql.js';
import type { SourceCpc } from './types.js';

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

export async function readPrometheusInventory(client: PrometheusClient): Promise<SourceCpc[]> {
  const results = await Promise.all(
    INVENTORY_METRICS.map(async (id) => ({ id, samples: await client.query(buildSeriesQuery(id, {})) })),
  );
  const cpcs = new Map<string, SourceCpc>();
  const cpcFor = (name: string): SourceCpc => {
    let cpc = cpcs.get(name);
    if (cpc === undefined) {
      cpc = { name, mode: null, status: null, machineType: null, machineModel: null, partitions: [], adapters: [] };
      cpcs.set(name, cpc);
    }
    return cpc;
  };
  for (const { id, samples } of results) {
    const entry = CATALOG[id];
    for (const { metric: labels } of samples) {
      const cpcName = labels.cpc;
      if (cpcName === undefined) continue;
      const cpc = cpcFor(cpcName);
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
  return [...cpcs.values()];
}
