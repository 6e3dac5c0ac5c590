import { describe, expect, it } from 'vitest';
import { breakdownMetrics } from './CpcView';
import { adapterRows } from './AdaptersTable';
import { topRows } from './TopPartitions';
import { sortRows } from './table-sort';

describe('breakdownMetrics', () => {
  it('DPM: CP and IFL with their shared part (DPM reports no dedicated figures)', () => {
    expect(breakdownMetrics('dpm')).toEqual([
      'zhmc_cpc_cp_processor_usage_ratio',
      'zhmc_cpc_cp_shared_processor_usage_ratio',
      'zhmc_cpc_ifl_processor_usage_ratio',
      'zhmc_cpc_ifl_shared_processor_usage_ratio',
    ]);
  });

  it('classic: shared and dedicated for every type, no totals', () => {
    const metrics = breakdownMetrics('classic');
    expect(metrics).toHaveLength(8);
    expect(metrics.every((m) => m.includes('_shared_') || m.includes('_dedicated_'))).toBe(true);
  });

  it('leaves out a type the CPC has none of, keeps one whose count is unknown', () => {
    expect(breakdownMetrics('dpm', { cp: 0, ifl: 68 })).toEqual([
      'zhmc_cpc_ifl_processor_usage_ratio',
      'zhmc_cpc_ifl_shared_processor_usage_ratio',
    ]);
    expect(breakdownMetrics('dpm', { cp: null, ifl: 68 })).toHaveLength(4);
  });
});

describe('top and adapters rows', () => {
  it('names top entries by partition and sorts with gaps last', () => {
    const rows = topRows([
      { labels: { partition: 'B' }, avg: 0.2, peak: null },
      { labels: { partition: 'A' }, avg: 0.5, peak: 0.9 },
    ]);
    const byPeak = { column: 'peak', direction: 'ascending' } as { column: 'name' | 'avg' | 'peak'; direction: 'ascending' };
    expect(sortRows(rows, byPeak, (r, c) => (c === 'name' ? r.name : r[c])).map((r) => r.name)).toEqual(['A', 'B']);
  });

  it('joins adapters with their usage series by name; an adapter without a series has no usage', () => {
    const adapter = (name: string) => ({ name, adapterId: null, type: null, family: null, status: null, sources: [] });
    const rows = adapterRows([adapter('OSA 1'), adapter('FCP 2')], [{ labels: { adapter: 'OSA 1' }, values: [0.1, 0.3, null] }]);
    expect(rows.map((r) => [r.name, r.usage])).toEqual([
      ['OSA 1', 0.3],
      ['FCP 2', null],
    ]);
  });
});
