import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSeriesQuery, escapeLabelValue } from './promql.js';

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
