import { describe, expect, it } from 'vitest';
import type { ForecastResponse, StackedResponse } from '@zlens/shared';
import { translate } from '../i18n/translate';
import { MAX_PICKS, parsePicks, togglePick } from '../state/partition-picks';
import { forecastHistory } from './capacity-queries';
import { compareMetrics, matchPartitions } from './PartitionCompare';
import { forecastVerdict } from './forecast-words';
import { stackedLines } from './stacked-lines';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

describe('partition picks in the URL', () => {
  it('keeps the order, each name once, other parameters untouched', () => {
    let search = new URLSearchParams('range=7d');
    search = togglePick(search, 'LNX 1');
    search = togglePick(search, 'B&C');
    search = togglePick(search, 'LNX 1');
    expect(search.toString()).toBe('range=7d&pick=B%26C');
    expect(parsePicks(new URLSearchParams('pick=A&pick=A&pick=&pick=B'))).toEqual(['A', 'B']);
  });

  it('takes no more than MAX_PICKS', () => {
    let search = new URLSearchParams();
    for (let i = 0; i < MAX_PICKS + 3; i += 1) search = togglePick(search, `P${i}`);
    expect(parsePicks(search)).toHaveLength(MAX_PICKS);
  });
});

describe('the history a forecast is fitted to', () => {
  it('is the window when it holds 7 whole days, else the last 30 days (a 7-day window holds 6)', () => {
    expect(forecastHistory({ kind: 'relative', range: '7d' })).toEqual({ from: 'now-30d', to: 'now', own: false });
    expect(forecastHistory({ kind: 'relative', range: '30d' })).toEqual({ from: 'now-30d', to: 'now', own: true });
    const eightDays = { kind: 'absolute' as const, from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 9) };
    expect(forecastHistory(eightDays).own).toBe(true);
  });
});

describe('compare', () => {
  it('compares the partition usage metrics of the mode', () => {
    expect(compareMetrics('classic')).toEqual(['zhmc_partition_processor_usage_ratio']);
    expect(compareMetrics('dpm')).toContain('zhmc_partition_network_adapter_usage_ratio');
    expect(compareMetrics('dpm')).not.toContain('zhmc_partition_cp_processor_usage_ratio');
  });

  it('finds partitions by any part of the name, any case', () => {
    expect(matchPartitions(['LNXPRD01', 'lnxdev02', 'ZVM'], 'LNX')).toEqual(['LNXPRD01', 'lnxdev02']);
    expect(matchPartitions(['A', 'B'], '  ')).toEqual(['A', 'B']);
  });
});

describe('stackedLines', () => {
  const base: StackedResponse = {
    cpc: 'C',
    source: 'prometheus',
    step: 15,
    start: 0,
    end: 15,
    timestamps: [0, 15],
    total: [0.5, 0.6],
    parts: [{ partition: 'A', values: [0.3, 0.4], avg: 0.35 }],
    other: [0.2, 0.2],
    partitions: 3,
    weighting: 'processors',
    stale: false,
  };
  it('names the parts and adds "other" in grey', () => {
    const lines = stackedLines(base, 'Other');
    expect(lines.map((l) => l.name)).toEqual(['A', 'Other']);
    expect(lines[1]?.color).toBeDefined();
  });
  it('has no "other" when every partition is named', () => {
    expect(stackedLines({ ...base, partitions: 1, other: [0, 0] }, 'Other').map((l) => l.name)).toEqual(['A']);
  });
});

describe('forecastVerdict', () => {
  const response = (forecast: ForecastResponse['forecast'], peaks = 10): ForecastResponse => ({
    cpc: 'C',
    threshold: 0.9,
    horizonDays: 28,
    peaks: Array.from({ length: peaks }, (_, i) => ({ time: i * 86_400, peak: 0.5 })),
    forecast,
    stale: false,
  });
  const f = { slopePerDay: 0.01, level: 0.5, days: 10, points: [], reachesInDays: 40, earliestInDays: 30 };
  it('says when the threshold is reached, and the earliest', () => {
    expect(forecastVerdict(response({ ...f, reachesInDays: 12, earliestInDays: 9 }), t)).toEqual({
      text: 'Reaches 90% in about 12 days (at the earliest in about 9 days)',
      alert: true,
    });
  });
  it('says "not within the horizon", and asks for a week of peaks', () => {
    expect(forecastVerdict(response({ ...f, reachesInDays: null, earliestInDays: null }), t)).toEqual({
      text: 'Does not reach 90% within 28 days',
      alert: false,
    });
    expect(forecastVerdict(response(null, 3), t).text).toBe('A forecast needs daily peaks of at least 7 days; there are 3.');
  });
});
