import { describe, expect, it } from 'vitest';
import { breakdownMetrics, planBreakdown } from './CpcView';
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

describe('planBreakdown', () => {
  const classic = breakdownMetrics('classic');
  it('leaves out a mode’s part of a type the LPARs have no processors of in that mode', () => {
    const byMode = { shared: { cp: 38, ifl: 8, iip: 12, icf: 0 }, dedicated: { cp: 0, ifl: 0, iip: 0, icf: 4 } };
    const plan = planBreakdown(classic, byMode);
    expect(plan.noProcessors.sort()).toEqual([
      'zhmc_cpc_cp_dedicated_processor_usage_ratio',
      'zhmc_cpc_icf_shared_processor_usage_ratio',
      'zhmc_cpc_ifl_dedicated_processor_usage_ratio',
      'zhmc_cpc_iip_dedicated_processor_usage_ratio',
    ]);
    expect(plan.drawn).toHaveLength(4);
    // Known counts: drawn even when zero throughout.
    expect(plan.drawn.every((line) => !line.hideWhenZero)).toBe(true);
  });

  it('draws a part with an unknown count unless it is zero throughout', () => {
    const unknown = planBreakdown(classic, undefined);
    expect(unknown.noProcessors).toEqual([]);
    expect(unknown.drawn.every((line) => line.hideWhenZero)).toBe(true);
    const partly = planBreakdown(classic, {
      shared: { cp: 2, ifl: null, iip: 0, icf: 0 },
      dedicated: { cp: null, ifl: 0, iip: 0, icf: 0 },
    });
    expect(partly.drawn).toEqual([
      { metric: 'zhmc_cpc_cp_shared_processor_usage_ratio', hideWhenZero: false },
      { metric: 'zhmc_cpc_cp_dedicated_processor_usage_ratio', hideWhenZero: true },
      { metric: 'zhmc_cpc_ifl_shared_processor_usage_ratio', hideWhenZero: true },
    ]);
  });

  it('keeps a type’s total (DPM) as it is', () => {
    expect(planBreakdown(['zhmc_cpc_cp_processor_usage_ratio'], undefined).drawn).toEqual([
      { metric: 'zhmc_cpc_cp_processor_usage_ratio', hideWhenZero: false },
    ]);
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
