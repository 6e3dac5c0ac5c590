import type { CpcSummary } from '@zlens/shared';
import { statusTone } from '../../components/format';

export interface UnhealthyPartition {
  cpc: string;
  partition: string;
  status: string | null;
  tone: 'error' | 'warning' | 'neutral';
}

const TONE_ORDER = { error: 0, warning: 1, neutral: 2 } as const;
const collator = new Intl.Collator('en', { numeric: true });

/**
 * Partitions that are not active/operating, worst first: failed states (status check,
 * terminated, ...), then degraded ones, then stopped or not activated; by CPC and name within.
 */
export function unhealthyPartitions(cpcs: readonly CpcSummary[]): UnhealthyPartition[] {
  const out: UnhealthyPartition[] = [];
  for (const cpc of cpcs) {
    for (const partition of cpc.partitions) {
      const tone = statusTone(partition.status);
      if (tone === 'ok' || partition.status == null) continue;
      out.push({ cpc: cpc.name, partition: partition.name, status: partition.status, tone });
    }
  }
  return out.sort(
    (a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone] || collator.compare(a.cpc, b.cpc) || collator.compare(a.partition, b.partition),
  );
}
