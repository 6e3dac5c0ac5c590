// A classic CPC's processors by type in each processor mode, from its LPARs: an LPAR's
// `processor-usage` (shared or dedicated) applies to all its processors, `number-*-processors`
// counts them. Only activated LPARs hold processors; what one LPAR leaves unknown makes the sums it
// could add to unknown (null), so a zero is always a known zero.
import type { PartitionDetail, ProcessorsByMode } from '@zlens/shared';

export interface LparProcessors {
  /** The LPAR's status (`not-activated` holds no processors). */
  status: string | null;
  /** The LPAR's HMC properties, or null when they were not read. */
  properties: Pick<Partial<PartitionDetail>, 'processorMode' | 'processors'> | null;
}

const TYPES = ['cp', 'ifl', 'iip', 'icf'] as const;
const MODES = ['shared', 'dedicated'] as const;

export function processorsByMode(lpars: readonly LparProcessors[]): ProcessorsByMode {
  const zero = () => ({ cp: 0, ifl: 0, iip: 0, icf: 0 }) as Record<(typeof TYPES)[number], number | null>;
  const out = { shared: zero(), dedicated: zero() };
  for (const lpar of lpars) {
    if (lpar.status === 'not-activated') continue;
    const mode = lpar.properties?.processorMode;
    for (const type of TYPES) {
      const count = lpar.properties?.processors?.[type] ?? null;
      for (const target of MODES) {
        const sum = out[target][type];
        if (sum === null || count === 0) continue;
        const known = mode === 'shared' || mode === 'dedicated';
        if (known && mode !== target) continue;
        out[target][type] = known && count !== null ? sum + count : null;
      }
    }
  }
  return out;
}
