import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECORDED_BUCKET_SECONDS,
  RECORDED_METRICS,
  buildHeatmapQuery,
  buildSeriesQuery,
  buildTopQueries,
  escapeLabelValue,
  recordedApplies,
  recordedName,
  recordedOffset,
} from './promql.js';

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
      'max by (cpc, adapter, port) (rate(zhmc_port_bytes_sent_count_total{cpc="A",adapter="OSA 1"}[60s]) and present_over_time(zhmc_port_bytes_sent_count_total{cpc="A",adapter="OSA 1"}[60s]))',
    );
    expect(buildSeriesQuery('zhmc_nic_packets_received_count_total', { cpc: 'A' }, 300)).toBe(
      'max by (cpc, partition, nic, adapter, port) (rate(zhmc_nic_packets_received_count_total{cpc="A"}[300s]) and present_over_time(zhmc_nic_packets_received_count_total{cpc="A"}[300s]))',
    );
  });

  it('matches classic crypto adapters by PCHID, and refuses an adapter where the metric has none', () => {
    expect(buildSeriesQuery('zhmc_crypto_adapter_usage_ratio', { cpc: 'Z', adapter: '01C0' })).toBe(
      'max by (cpc, adapter_pchid) (zhmc_crypto_adapter_usage_ratio{cpc="Z",adapter_pchid="01C0"})',
    );
    expect(() => buildSeriesQuery('zhmc_partition_processor_usage_ratio', { cpc: 'Z', adapter: 'x' })).toThrow(RangeError);
  });

  it("asks every series' average and peak over a left-open window of the range (the BFF ranks them)", () => {
    const q = buildTopQueries('zhmc_partition_processor_usage_ratio', { cpc: 'A' }, 3600, 15);
    expect(q).toEqual({
      average: 'max by (cpc, partition) (avg_over_time(zhmc_partition_processor_usage_ratio{cpc="A"}[3599999ms]))',
      peak: 'max by (cpc, partition) (max_over_time(zhmc_partition_processor_usage_ratio{cpc="A"}[3599999ms]))',
    });
    const rates = buildTopQueries('zhmc_nic_bytes_sent_count_total', { cpc: 'A' }, 600, 30);
    expect(rates.peak).toBe(
      'max by (cpc, partition, nic, adapter, port) (max_over_time((rate(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s]) and present_over_time(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s]))[599999ms:30s]))',
    );
    expect(rates.average).toBe(
      'max by (cpc, partition, nic, adapter, port) (avg_over_time((rate(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s]) and present_over_time(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s]))[599999ms:30s]))',
    );
    expect(() => buildTopQueries('zhmc_partition_processor_usage_ratio', {}, 1.5, 15)).toThrow(RangeError);
  });

  it('reads the recorded 5-minute buckets when asked, at steps of whole buckets only', () => {
    const q = buildTopQueries('zhmc_partition_processor_usage_ratio', { cpc: 'A "1"' }, 7 * 86_400, 900, { phaseMs: 0, later: true });
    expect(q).toEqual({
      average: 'max by (cpc, partition) (avg_over_time(zlens:zhmc_partition_processor_usage_ratio:avg5m{cpc="A \\"1\\""}[604799999ms]))',
      peak: 'max by (cpc, partition) (max_over_time(zlens:zhmc_partition_processor_usage_ratio:max5m{cpc="A \\"1\\""}[604799999ms]))',
    });
    expect(buildHeatmapQuery('zhmc_partition_processor_usage_ratio', undefined, 3600, { phaseMs: 0, later: true })).toBe(
      'max by (cpc, partition) (avg_over_time(zlens:zhmc_partition_processor_usage_ratio:avg5m{}[3599999ms]))',
    );
    // Buckets ending 44.609 s after the 5-minute marks: the window moves 44.609 s later; ending
    // 200 s after (100 s before the next mark): it stays, and the buckets ending inside it are 100 s early.
    expect(buildHeatmapQuery('zhmc_partition_processor_usage_ratio', 'A', 3600, { phaseMs: 44_609, later: true })).toBe(
      'max by (cpc, partition) (avg_over_time(zlens:zhmc_partition_processor_usage_ratio:avg5m{cpc="A"}[3599999ms] offset -44609ms))',
    );
    expect(recordedOffset(200_000)).toBe('');
    expect(recordedOffset(150_000)).toBe(' offset -150000ms');
    expect(recordedOffset(300_000)).toBe('');
    expect(recordedOffset(44_609, false)).toBe('');
    expect(recordedApplies('zhmc_partition_processor_usage_ratio', 600)).toBe(true);
    expect(recordedApplies('zhmc_partition_processor_usage_ratio', 120)).toBe(false);
    expect(recordedApplies('zhmc_cpc_processor_usage_ratio', 600)).toBe(false);
    expect(() => buildHeatmapQuery('zhmc_partition_processor_usage_ratio', undefined, 120, { phaseMs: 0, later: true })).toThrow(
      RangeError,
    );
    expect(() => buildTopQueries('zhmc_channel_usage_ratio', {}, 3600, 300, { phaseMs: 0, later: true })).toThrow(RangeError);
  });

  it('names exactly the recording rules the shipped rule file defines', () => {
    const file = readFileSync(fileURLToPath(new URL('../../../../docker/prometheus/rules/zlens-records.yml', import.meta.url)), 'utf8');
    const defined = [...file.matchAll(/record: (zlens:\w+:(?:avg|max)5m)\n\s+expr: (\w+)_over_time\((\w+)\[4m59s999ms\]\)/g)].map(
      (m) => `${m[1]} = ${m[2]}(${m[3]})`,
    );
    const expected = RECORDED_METRICS.flatMap((metric) => [
      `${recordedName(metric, 'avg')} = avg(${metric})`,
      `${recordedName(metric, 'max')} = max(${metric})`,
    ]);
    expect(defined.sort()).toEqual(expected.sort());
    expect(file).toMatch(
      new RegExp(
        `interval: ${RECORDED_BUCKET_SECONDS / 60}m\\n\\s+rules:\\n\\s+- record: zlens:zhmc_partition_processor_usage_ratio:avg5m`,
      ),
    );
  });

  it('builds one heatmap row per partition', () => {
    expect(buildHeatmapQuery('zhmc_partition_processor_usage_ratio', undefined, 60)).toBe(
      'max by (cpc, partition) (zhmc_partition_processor_usage_ratio{})',
    );
    expect(buildHeatmapQuery('zhmc_nic_bytes_sent_count_total', 'A', 15)).toBe(
      'sum by (cpc, partition) (rate(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s]) and present_over_time(zhmc_nic_bytes_sent_count_total{cpc="A"}[60s]))',
    );
    expect(buildHeatmapQuery('zhmc_channel_usage_ratio', 'Z', 15)).toBe('avg by (cpc, partition) (zhmc_channel_usage_ratio{cpc="Z"})');
    // From a 5-minute step up a cell is its step's average.
    expect(buildHeatmapQuery('zhmc_channel_usage_ratio', 'Z', 1800)).toBe(
      'avg by (cpc, partition) (avg_over_time(zhmc_channel_usage_ratio{cpc="Z"}[1799999ms]))',
    );
    // A CPC metric has no partitions; a status is no heat (the catalog's heatmapApplies).
    expect(() => buildHeatmapQuery('zhmc_cpc_processor_usage_ratio', undefined, 60)).toThrow(RangeError);
    expect(() => buildHeatmapQuery('zhmc_partition_status_int', undefined, 60)).toThrow(RangeError);
  });
});
