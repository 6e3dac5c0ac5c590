// Carries what the Prometheus inventory knows about the exporter's gaps into the joined inventory:
// a status that no source knows because its family is not exported (distinct from unknown), and
// partitions listed only from the lookback (noRecentData). A status from the HMC wins: then the
// status is known and nothing is marked.
import type { CpcSummary } from '@zlens/shared';
import type { SourceCpc } from './types.js';

export function markExporterGaps(cpcs: CpcSummary[], prometheus: readonly SourceCpc[] | null): CpcSummary[] {
  if (prometheus === null) return cpcs;
  for (const cpc of cpcs) {
    const fromPrometheus = prometheus.find((c) => c.name === cpc.name);
    if (fromPrometheus === undefined) continue;
    if (cpc.status === null && fromPrometheus.statusNotExported === true) cpc.statusNotExported = true;
    for (const partition of cpc.partitions) {
      const p = fromPrometheus.partitions.find((candidate) => candidate.name === partition.name);
      if (p === undefined) continue;
      if (partition.status === null && p.statusNotExported === true) partition.statusNotExported = true;
      if (p.noRecentData === true) partition.noRecentData = true;
    }
    for (const adapter of cpc.adapters) {
      const a = fromPrometheus.adapters.find((candidate) => candidate.name === adapter.name);
      if (adapter.status === null && a?.statusNotExported === true) adapter.statusNotExported = true;
    }
  }
  return cpcs;
}
