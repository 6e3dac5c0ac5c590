import { describe, expect, it } from 'vitest';
import type { PartitionSummary, SeriesResponse } from '@zlens/shared';
import { partitionRows } from './partition-rows';

const partition = (name: string, status: string | null): PartitionSummary => ({ name, status, type: 'linux', sources: ['prometheus'] });

const usage: SeriesResponse = {
  metric: 'zhmc_partition_processor_usage_ratio',
  source: 'prometheus',
  step: 15,
  start: 0,
  end: 30,
  timestamps: [0, 15, 30],
  series: [
    { labels: { cpc: 'P1', partition: 'B' }, values: [0.2, 0.4, null] },
    { labels: { cpc: 'P1', partition: 'A' }, values: [0.4, 0.4, 0.4] },
    { labels: { cpc: 'P1', partition: 'C' }, values: [0.9, null, 0] },
    { labels: { cpc: 'P1', partition: 'OFF' }, values: [0.3, 0.3, 0.3] },
  ],
  stale: false,
};

describe('partitionRows', () => {
  it('sorts by latest usage desc, then name, with no-value rows last', () => {
    const rows = partitionRows(
      [partition('C', 'active'), partition('Z', 'active'), partition('B', 'active'), partition('A', 'active'), partition('OFF', 'stopped')],
      usage,
    );
    expect(rows.map((row) => [row.name, row.usage])).toEqual([
      ['A', 0.4],
      ['B', 0.4],
      ['C', 0],
      ['OFF', null],
      ['Z', null],
    ]);
  });

  it('shows no usage for a stopped partition even when old samples exist', () => {
    const rows = partitionRows([partition('OFF', 'stopped')], usage);
    expect(rows[0]).toMatchObject({ name: 'OFF', status: 'stopped', usage: null });
  });

  it('lists every partition while the usage is not loaded yet', () => {
    expect(partitionRows([partition('B', 'active'), partition('A', null)], undefined).map((row) => row.name)).toEqual(['A', 'B']);
  });
});
