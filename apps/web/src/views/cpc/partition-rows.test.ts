import { describe, expect, it } from 'vitest';
import type { PartitionSummary, SeriesResponse } from '@zlens/shared';
import {
  DEFAULT_PARTITION_SORT,
  nextPartitionSort,
  partitionRows,
  sortPartitionRows,
  type PartitionRow,
  type PartitionSort,
} from './partition-rows';

const partition = (name: string, status: string | null): PartitionSummary => ({
  name,
  status,
  type: 'linux',
  sources: ['prometheus'],
  noSeries: false,
});

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
  it('joins each partition with its latest usage, in inventory order', () => {
    const rows = partitionRows(
      [partition('C', 'active'), partition('Z', 'active'), partition('B', 'active'), partition('A', 'active'), partition('OFF', 'stopped')],
      usage,
    );
    expect(rows.map((row) => [row.name, row.usage])).toEqual([
      ['C', 0],
      ['Z', null],
      ['B', 0.4],
      ['A', 0.4],
      ['OFF', null],
    ]);
  });

  it('shows no usage for a stopped partition even when old samples exist', () => {
    const rows = partitionRows([partition('OFF', 'stopped')], usage);
    expect(rows[0]).toMatchObject({ name: 'OFF', status: 'stopped', usage: null });
    expect(partitionRows([{ ...partition('P', null), statusNotExported: true }], undefined)[0]).toMatchObject({
      status: null,
      statusNotExported: true,
    });
  });

  it('lists every partition while the usage is not loaded yet, sorted by name by default', () => {
    const rows = partitionRows([partition('B', 'active'), partition('A', null)], undefined);
    expect(sortPartitionRows(rows, DEFAULT_PARTITION_SORT).map((row) => row.name)).toEqual(['A', 'B']);
  });
});

const row = (name: string, status: string | null, type: string | null, usage: number | null): PartitionRow => ({
  name,
  status,
  statusNotExported: false,
  type,
  usage,
});

// Inventory order deliberately scrambled; OFF and ZOS3 have no usage, NEW has neither status nor type.
const ROWS: readonly PartitionRow[] = [
  row('LNX10', 'active', 'linux', 0.3),
  row('OFF', 'stopped', 'linux', null),
  row('ZOS1', 'degraded', 'zos', 0.9),
  row('NEW', null, null, 0.3),
  row('LNX2', 'active', 'linux', 0.05),
  row('ZOS3', 'active', 'zos', null),
  row('ssc1', 'active', 'ssc', 0.3),
];

const names = (sort: PartitionSort) => sortPartitionRows(ROWS, sort).map((r) => r.name);

describe('sortPartitionRows', () => {
  it('sorts by usage, no-value rows last in both directions, equal usage by name', () => {
    expect(names({ column: 'usage', direction: 'descending' })).toEqual(['ZOS1', 'LNX10', 'NEW', 'ssc1', 'LNX2', 'OFF', 'ZOS3']);
    expect(names({ column: 'usage', direction: 'ascending' })).toEqual(['LNX2', 'LNX10', 'NEW', 'ssc1', 'ZOS1', 'OFF', 'ZOS3']);
  });

  it('sorts by name ignoring case, with numbers in names compared as numbers', () => {
    expect(names({ column: 'name', direction: 'ascending' })).toEqual(['LNX2', 'LNX10', 'NEW', 'OFF', 'ssc1', 'ZOS1', 'ZOS3']);
    expect(names({ column: 'name', direction: 'descending' })).toEqual(['ZOS3', 'ZOS1', 'ssc1', 'OFF', 'NEW', 'LNX10', 'LNX2']);
  });

  it('sorts by status label, unknown status last, equal status by name', () => {
    expect(names({ column: 'status', direction: 'ascending' })).toEqual(['LNX2', 'LNX10', 'ssc1', 'ZOS3', 'ZOS1', 'OFF', 'NEW']);
    expect(names({ column: 'status', direction: 'descending' })).toEqual(['OFF', 'ZOS1', 'LNX2', 'LNX10', 'ssc1', 'ZOS3', 'NEW']);
  });

  it('sorts by type, no type last, equal type by name', () => {
    expect(names({ column: 'type', direction: 'ascending' })).toEqual(['LNX2', 'LNX10', 'OFF', 'ssc1', 'ZOS1', 'ZOS3', 'NEW']);
    expect(names({ column: 'type', direction: 'descending' })).toEqual(['ZOS1', 'ZOS3', 'ssc1', 'LNX2', 'LNX10', 'OFF', 'NEW']);
  });

  it('returns a copy and leaves the given rows alone', () => {
    const before = ROWS.map((r) => r.name);
    const sorted = sortPartitionRows(ROWS, { column: 'name', direction: 'ascending' });
    expect(sorted).not.toBe(ROWS);
    expect(ROWS.map((r) => r.name)).toEqual(before);
  });
});

describe('nextPartitionSort', () => {
  it('starts words A to Z and usage busiest first, and flips the sorted column', () => {
    expect(nextPartitionSort(DEFAULT_PARTITION_SORT, 'name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(nextPartitionSort({ column: 'name', direction: 'ascending' }, 'usage')).toEqual({ column: 'usage', direction: 'descending' });
    expect(nextPartitionSort(DEFAULT_PARTITION_SORT, 'usage')).toEqual({ column: 'usage', direction: 'ascending' });
    expect(nextPartitionSort({ column: 'type', direction: 'descending' }, 'type')).toEqual({ column: 'type', direction: 'ascending' });
  });
});
