// Inventory as one source sees it, before the two sources are joined.
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

/** HMC `adapter-family` (or `type` when the family is absent) → the family zlens groups by (hmc-api.md §2.5). */
export function adapterFamily(family: string | null, type: string | null): AdapterFamily | null {
  const key = family ?? type;
  if (key === null) return null;
  if (['osa', 'roce', 'hipersockets', 'cna', 'cloud-network', 'network-express', 'networking', 'osd', 'osm'].includes(key)) return 'network';
  if (['ficon', 'fcp', 'fc'].includes(key)) return 'storage';
  if (key === 'crypto') return 'crypto';
  if (['accelerator', 'zedc'].includes(key)) return 'accelerator';
  return 'other';
}
