import { describe, expect, it } from 'vitest';
import type { CpcSummary } from '@zlens/shared';
import { unhealthyPartitions } from './unhealthy';

const cpc = (name: string, statuses: [string, string | null][]): CpcSummary => ({
  name,
  mode: 'dpm',
  status: 'active',
  machineType: null,
  machineModel: null,
  sources: ['hmc'],
  adapters: [],
  partitions: statuses.map(([partition, status]) => ({ name: partition, status, type: null, sources: ['hmc'], noSeries: false })),
});

describe('unhealthyPartitions', () => {
  it('lists failed states first, then degraded, then stopped; healthy and unknown ones not at all', () => {
    const rows = unhealthyPartitions([
      cpc('B', [
        ['P10', 'stopped'],
        ['P2', 'degraded'],
        ['OK', 'active'],
        ['N', null],
      ]),
      cpc('A', [
        ['X', 'status-check'],
        ['Y', 'operating'],
        ['Z', 'not-activated'],
        ['T', 'terminated'],
      ]),
    ]);
    expect(rows.map((r) => `${r.cpc}/${r.partition}`)).toEqual(['A/T', 'A/X', 'B/P2', 'A/Z', 'B/P10']);
  });
});
