// Inventory from Prometheus label sets: every CPC and partition that has a series of a catalog
// metric, with the status string from the status metrics' `value` label (zhmc-exporter.md §1b).
// Partitions are taken from the status metric too, not only the usage metrics, because the
// exporter has no usage series for stopped partitions.
import { CATALOG, METRIC_IDS } from '@zlens/shared';
import type { PrometheusClient } from '../prometheus/client.js';
import { buildSeriesQuery } from '../prometheus/promql.js';
import type { SourceCpc } from './types.js';

export async function readPrometheusInventory(client: PrometheusClient): Promise<SourceCpc[]> {
  const results = await Promise.all(
    METRIC_IDS.map(async (id) => ({ id, samples: await client.query(buildSeriesQuery(id, {})) })),
  );
  const cpcs = new Map<string, SourceCpc>();
  const cpcFor = (name: string): SourceCpc => {
    let cpc = cpcs.get(name);
    if (cpc === undefined) {
      cpc = { name, mode: null, status: null, machineType: null, machineModel: null, partitions: [] };
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
      if (entry.scope === 'cpc') {
        if (status !== null) cpc.status = status;
        continue;
      }
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
  return [...cpcs.values()];
}
