// Inventory as one source sees it, before the two sources are joined.
// The HMC's side (hmc/inventory.ts) has its own types: inventory/ reads hmc/, never the other way.
import type { AdapterFamily, CpcMode } from '@zlens/shared';

export interface SourcePartition {
  name: string;
  status: string | null;
  type: string | null;
  /** Prometheus: the CPC has no series of the partition status family (the resource group is off). */
  statusNotExported?: boolean;
  /** Prometheus: usage series within the lookback, none now. */
  noRecentData?: boolean;
}

export interface SourceAdapter {
  name: string;
  adapterId: string | null;
  type: string | null;
  family: AdapterFamily | null;
  status: string | null;
  /** Prometheus: no adapter status series for this CPC (adapter-resource off, or a classic crypto adapter). */
  statusNotExported?: boolean;
}

export interface SourceCpc {
  name: string;
  mode: CpcMode | null;
  status: string | null;
  machineType: string | null;
  machineModel: string | null;
  partitions: SourcePartition[];
  adapters: SourceAdapter[];
  /** Prometheus: no zhmc_cpc_status_int series for this CPC (cpc-resource off). */
  statusNotExported?: boolean;
}
