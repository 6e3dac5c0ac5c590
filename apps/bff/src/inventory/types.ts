// Inventory as one source sees it, before the two sources are joined.
import type { CpcMode } from '@zlens/shared';

export interface SourcePartition {
  name: string;
  status: string | null;
  type: string | null;
}

export interface SourceCpc {
  name: string;
  mode: CpcMode | null;
  status: string | null;
  machineType: string | null;
  machineModel: string | null;
  partitions: SourcePartition[];
}
