import { describe, expect, it } from 'vitest';
import { SeriesQuerySchema, alignRange, parseTimeExpression } from '@zlens/shared';
import { inventoryQuery, queryKeys, seriesKey, seriesQuery, seriesUrl } from './queries';

describe('series query keys', () => {
  it('gives panels of slightly different widths one cache entry', () => {
    const a = seriesQuery({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'P1', range: '1h', maxPoints: 700 }, '30s');
    const b = seriesQuery({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'P1', range: '1h', maxPoints: 760 }, '30s');
    expect(a.queryKey).toEqual(b.queryKey);
  });

  it('separates metric, cpc, partition, range and step', () => {
    const base = { metric: 'zhmc_partition_processor_usage_ratio', cpc: 'P1', range: '7d', maxPoints: 1000 } as const;
    const keys = [
      seriesQuery(base, 'off').queryKey,
      seriesQuery({ ...base, partition: 'LP1' }, 'off').queryKey,
      seriesQuery({ ...base, cpc: 'P2' }, 'off').queryKey,
      seriesQuery({ ...base, range: '24h' }, 'off').queryKey,
      seriesQuery({ ...base, maxPoints: 100 }, 'off').queryKey,
      seriesQuery({ ...base, metric: 'zhmc_partition_network_adapter_usage_ratio' }, 'off').queryKey,
    ].map((key) => JSON.stringify(key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('nests under the hierarchical prefix', () => {
    const key = seriesQuery({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'P1', range: '1h', maxPoints: 500 }, 'off').queryKey;
    expect(key.slice(0, 2)).toEqual(queryKeys.seriesAll());
    expect(inventoryQuery('off').queryKey.slice(0, 1)).toEqual(queryKeys.all);
  });

  it('uses the step the BFF will use (shared alignRange)', () => {
    const now = 1_700_000_000;
    const key = seriesKey({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'P1', range: '7d', maxPoints: 1200 });
    expect(key.step).toBe(alignRange(now - 7 * 86_400, now, 1200).step);
  });
});

describe('seriesUrl', () => {
  it('encodes names and sends a request the shared schema accepts with the same step', () => {
    const key = seriesKey({ metric: 'zhmc_partition_processor_usage_ratio', cpc: 'CPC "A"/1', partition: '分区 1&x=2', range: '6h', maxPoints: 900 });
    const url = new URL(seriesUrl(key), 'http://localhost');
    expect(url.pathname).toBe('/api/v1/series');
    const query = SeriesQuerySchema.parse(Object.fromEntries(url.searchParams));
    expect(query.cpc).toBe('CPC "A"/1');
    expect(query.partition).toBe('分区 1&x=2');
    const now = 1_700_000_000;
    const from = parseTimeExpression(query.from, now) ?? Number.NaN;
    expect(alignRange(from, now, query.maxPoints).step).toBe(key.step);
  });

  it('sets the refetch interval from the refresh choice', () => {
    expect(inventoryQuery('15s').refetchInterval).toBe(15_000);
    expect(inventoryQuery('off').refetchInterval).toBe(false);
  });
});
