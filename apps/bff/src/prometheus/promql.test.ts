import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHeatmapQuery, buildSeriesQuery, buildTopQueries, escapeLabelValue } from './promql.js';

/** Reads one PromQL double-quoted string starting at `start` (the opening quote); returns its value and end. */
function readStringLiteral(text: string, start: number): { value: string; end: number } {
  expect(text[start]).toBe('"');
  let value = '';
  let i = start + 1;
  const escapes: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') return { value, end: i + 1 };
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      const decoded = escapes[next];
      if (decoded === undefined) throw new Error(`unknown escape \\${next}`);
      value += decoded;
      i += 2;
    } else {
      value += ch;
      i += 1;
    }
  }
  throw new Error('unterminated string');
}

describe('buildSeriesQuery', () => {
  it('aggregates by the catalog labels, so extra labels do not split series', () => {
    expect(buildSeriesQuery('zhmc_partition_processor_usage_ratio', { cpc: 'CPC1', partition: 'LINUX 01' })).toBe(
      'max by (cpc, partition) (zhmc_partition_processor_usage_ratio{cpc="CPC1",partition="LINUX 01"})',
    );
    expect(buildSeriesQuery('zhmc_cpc_processor_usage_ratio', { cpc: 'CPC1' })).toBe(
      'max by (cpc) (zhmc_cpc_processor_usage_ratio{cpc="CPC1"})',
    );
    // Status metrics keep `value`, the status string.
    expect(buildSeriesQuery('zhmc_cpc_status_int', {})).toBe('max by (cpc, value) (zhmc_cpc_status_int{})');
  });

  it('refuses a partition for a CPC metric', () => {
    expect(() => buildSeriesQuery('zhmc_cpc_processor_usage_ratio', { cpc: 'A', partition: 'B' })).toThrow(RangeError);
  });

  it('escapes backslash, quote and newline', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('never lets a label value break out of its matcher', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (cpc, partition) => {
        const query = buildSeriesQuery('zhmc_partition_network_adapter_usage_ratio', { cpc, partition });
        const prefix = 'max by (cpc, partition) (zhmc_partition_network_adapter_usage_ratio{cpc=';
        expect(query.startsWith(prefix)).toBe(true);
        const first = readStringLiteral(query, prefix.length);
        expect(first.value).toBe(cpc);
        expect(query.slice(first.end, first.end + ',partition='.length)).toBe(',partition=');
        const second = readStringLiteral(query, first.end + ',partition='.length);
        expect(second.value).toBe(partition);
        expect(query.slice(second.end)).toBe('})');
      }),
      { numRuns: 500 },
    );
  });
});

describe('counters, top-N and heatmap queries', () => {
  it('turns counters into rates over at least 4 scrapes and at least the step', () => {
    expect(buildSeriesQuery('zhmc_port_bytes_sent_count_total', { cpc: 'A', adapter: 'OSA 1' }, 15)).toBe(
      'max by (cpc, adapter, port) (rate(zhmc_port_bytes_sent_count_total{cpc="A",adapter="OSA 1"}[60s]))',
    );
    expect(buildSeriesQuery('zhmc_nic_packets_received_count_total', { cpc: 'A' }, 300)).toBe(
      'max by (cpc, partition, nic, adapter, port) (rate(zhmc_nic_packets_received_count_total{cpc="A"}[300s]))',
    );
  });

  it('matches classic crypto adapters by PCHID, and refuses an adapter where the metric has none', () => {
    expect(buildSeriesQuery('zhmc_crypto_adapter_usage_ratio', { cpc: 'Z', adapter: '01C0' })).toBe(
      'max by (cpc, adapter_pchid) (zhmc_crypto_adapter_usage_ratio{cpc="Z",adapter_pchid="01C0"})',
    );
    expect(() => buildSeriesQuery('zhmc_partition_processor_usage_ratio', { cpc: 'Z', adapter: 'x' })).toThrow(RangeError);
  });

  it('ranks with topk over the range, and pairs each top list with the other measure', () => {
    const q = buildTopQueries('zhmc_partition_processor_usage_ratio', { cpc: 'A' }, 5, 3600, 15);
    const avg = 'max by (cpc, partition) (avg_over_time(zhmc_partition_processor_usage_ratio{cpc="A"}[3600s]))';
    const peak = 'max by (cpc, partition) (max_over_time(zhmc_partition_processor_usage_ratio{cpc="A"}[3600s]))';
    expect(q).toEqual({
      byAverage: `topk(5, ${avg})`,
      peakOfByAverage: `${peak} and on (cpc, partition) topk(5, ${avg})`,
      byPeak: `topk(5, ${peak})`,
      averageOfByPeak: `${avg} and on (cpc, partition) topk(5, ${peak})`,
    });
    const rates = buildTopQueries('zhmc_nic_bytes_sent_count_total', { cpc: 'A' }, 2, 600, 30);
    expect(rates.byPeak).toBe(
      'topk(2, max by (cpc, partition, nic, adapter, port) (max_over_time(rate(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s])[600s:30s])))',
    );
    expect(rates.byAverage).toBe(
      'topk(2, max by (cpc, partition, nic, adapter, port) (avg_over_time(rate(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s])[600s:30s])))',
    );
    expect(() => buildTopQueries('zhmc_partition_processor_usage_ratio', {}, 0, 600, 15)).toThrow(RangeError);
    expect(() => buildTopQueries('zhmc_partition_processor_usage_ratio', {}, 3, 1.5, 15)).toThrow(RangeError);
  });

  it('builds one heatmap row per partition', () => {
    expect(buildHeatmapQuery('zhmc_partition_processor_usage_ratio', undefined, 60)).toBe(
      'max by (cpc, partition) (zhmc_partition_processor_usage_ratio{})',
    );
    expect(buildHeatmapQuery('zhmc_nic_bytes_sent_count_total', 'A', 15)).toBe(
      'sum by (cpc, partition) (rate(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s]))',
    );
    expect(buildHeatmapQuery('zhmc_channel_usage_ratio', 'Z', 15)).toBe('avg by (cpc, partition) (zhmc_channel_usage_ratio{cpc="Z"})');
    // A CPC metric has no partitions; a status is no heat (the catalog's heatmapApplies).
    expect(() => buildHeatmapQuery('zhmc_cpc_processor_usage_ratio', undefined, 60)).toThrow(RangeError);
    expect(() => buildHeatmapQuery('zhmc_partition_status_int', undefined, 60)).toThrow(RangeError);
  });
});
