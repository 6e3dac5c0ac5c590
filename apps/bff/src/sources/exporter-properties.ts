// CPC and partition properties from the exporter's resource metrics (cpc-resource,
// partition-resource, logical-partition-resource), for sites that may not reach the HMC: one
// instant query per object for every resource metric of its class, read into the typed
// properties the detail views have (processors, weights, memory, description, processor mode)
// and listed whole (`exported`), each with the exporter's HELP text.
import type { CpcDetail, ExportedProperty, PartitionDetail } from '@zlens/shared';
import { resourceMetrics } from '../inventory/exporter-families.js';
import { sampleValue, type PrometheusClient } from '../prometheus/client.js';
import { buildPropertiesQuery } from '../prometheus/promql.js';

const CPC_METRICS = resourceMetrics('cpc');
const PARTITION_METRICS = resourceMetrics('partition');
/** Metrics whose information is the `value` label (description, sysplex name, status string, ...). */
const TEXT_LABEL = 'value';

/** The one query of a CPC's (`of: 'cpc'`) or partition's resource metrics; labels are escaped. */
export function exportedPropertiesQuery(of: 'cpc' | 'partition', labels: Readonly<Record<string, string>>): string {
  return selector(of === 'cpc' ? CPC_METRICS : PARTITION_METRICS, labels);
}

function selector(defs: readonly { exposition_name: string }[], labels: Readonly<Record<string, string>>): string {
  return buildPropertiesQuery(
    defs.map((d) => d.exposition_name),
    labels,
    TEXT_LABEL,
  );
}

async function read(
  client: PrometheusClient,
  defs: typeof CPC_METRICS,
  labels: Readonly<Record<string, string>>,
): Promise<ExportedProperty[]> {
  const samples = await client.query(selector(defs, labels));
  const out: ExportedProperty[] = [];
  for (const { metric, value } of samples) {
    const def = defs.find((d) => d.exposition_name === metric.__name__);
    if (def === undefined) continue;
    const text = def.labels.includes(TEXT_LABEL) ? (metric[TEXT_LABEL] ?? null) : null;
    out.push({ metric: def.exposition_name, help: def.help, value: sampleValue(value[1]), text });
  }
  return out.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
}

const valueOf = (props: readonly ExportedProperty[], metric: string): number | null =>
  props.find((p) => p.metric === metric)?.value ?? null;

export type ExportedCpc = Pick<CpcDetail, 'processors' | 'memoryMiB' | 'exported'>;

export async function readExportedCpc(client: PrometheusClient, cpc: string): Promise<ExportedCpc> {
  const exported = await read(client, CPC_METRICS, { cpc });
  const v = (metric: string) => valueOf(exported, metric);
  return {
    processors: {
      cp: v('zhmc_cpc_cp_processor_count'),
      ifl: v('zhmc_cpc_ifl_processor_count'),
      iip: v('zhmc_cpc_iip_processor_count'),
      icf: v('zhmc_cpc_icf_processor_count'),
      sap: v('zhmc_cpc_sap_processor_count'),
    },
    memoryMiB: v('zhmc_cpc_total_memory_mib'),
    exported,
  };
}

export type ExportedPartition = Pick<
  PartitionDetail,
  'description' | 'processorMode' | 'processors' | 'weights' | 'memoryMiB' | 'exported'
>;

/** The exporter's processor mode value map (shared 0, dedicated 1), inverted. */
const PROCESSOR_MODES = new Map([
  [0, 'shared'],
  [1, 'dedicated'],
]);

export async function readExportedPartition(client: PrometheusClient, cpc: string, partition: string): Promise<ExportedPartition> {
  const exported = await read(client, PARTITION_METRICS, { cpc, partition });
  const v = (metric: string) => valueOf(exported, metric);
  const mode = v('zhmc_partition_processor_mode_int');
  return {
    description: exported.find((p) => p.metric === 'zhmc_partition_description')?.text ?? null,
    processorMode: mode === null ? null : (PROCESSOR_MODES.get(mode) ?? null),
    processors: {
      cp: v('zhmc_partition_cp_processor_count'),
      ifl: v('zhmc_partition_ifl_processor_count'),
      iip: v('zhmc_partition_iip_processor_count'),
      icf: v('zhmc_partition_icf_processor_count'),
    },
    weights: {
      cp: v('zhmc_partition_cp_current_processing_weight'),
      ifl: v('zhmc_partition_ifl_current_processing_weight'),
      iip: v('zhmc_partition_iip_current_processing_weight'),
      icf: v('zhmc_partition_icf_current_processing_weight'),
    },
    // DPM partitions export initial/maximum memory; classic LPARs their central storage allocation.
    memoryMiB: {
      initial: v('zhmc_partition_initial_memory_mib') ?? v('zhmc_partition_initial_central_memory_mib'),
      maximum: v('zhmc_partition_maximum_memory_mib') ?? v('zhmc_partition_maximum_central_memory_mib'),
    },
    exported,
  };
}
