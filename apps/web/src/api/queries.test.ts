import { describe, expect, it } from 'vitest';
import { HeatmapQuerySchema, SeriesQuerySchema, TopQuerySchema, alignRange, parseTimeExpression } from '@zlens/shared';
import { heatmapUrl, inventoryQuery, queryKeys, sameSubject, seriesKey, seriesQuery, seriesUrl, topUrl } from './queries';

describe('series query keys', () => {
  it('gives panels of slightly different widths one cache entry', () => {
    const a = seriesQuery(
      { metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'P1', window: { kind: 'relative', range: '1h' } as const, maxPoints: 700 },
      '30s',
    );
    const b = seriesQuery(
      { metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'P1', window: { kind: 'relative', range: '1h' } as const, maxPoints: 760 },
      '30s',
    );
    expect(a.queryKey).toEqual(b.queryKey);
  });

  it('separates metric, cpc, partition, range and step', () => {
    const base = {
      metric: 'zhmc_partition_processor_usage_ratio',
      cpc: 'P1',
      window: { kind: 'relative', range: '7d' },
      maxPoints: 1000,
    } as const;
    const keys = [
      seriesQuery(base, 'off').queryKey,
      seriesQuery({ ...base, partition: 'LP1' }, 'off').queryKey,
      seriesQuery({ ...base, cpc: 'P2' }, 'off').queryKey,
      seriesQuery({ ...base, window: { kind: 'relative', range: '24h' } }, 'off').queryKey,
      seriesQuery({ ...base, window: { kind: 'absolute', from: 1_700_000_000, to: 1_700_003_600 } }, 'off').queryKey,
      seriesQuery({ ...base, adapter: 'OSA 1' }, 'off').queryKey,
      seriesQuery({ ...base, maxPoints: 100 }, 'off').queryKey,
      seriesQuery({ ...base, metric: 'zhmc_partition_network_adapter_usage_ratio' }, 'off').queryKey,
    ].map((key) => JSON.stringify(key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('nests under the hierarchical prefix', () => {
    const key = seriesQuery(
      { metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'P1', window: { kind: 'relative', range: '1h' } as const, maxPoints: 500 },
      'off',
    ).queryKey;
    expect(key.slice(0, 2)).toEqual(queryKeys.seriesAll());
    expect(inventoryQuery('off').queryKey.slice(0, 1)).toEqual(queryKeys.all);
  });

  it('uses the step the BFF will use (shared alignRange)', () => {
    const now = 1_700_000_000;
    const key = seriesKey({
      metric: 'zhmc_cpc_processor_usage_ratio',
      cpc: 'P1',
      window: { kind: 'relative', range: '7d' },
      maxPoints: 1200,
    });
    expect(key.step).toBe(alignRange(now - 7 * 86_400, now, 1200).step);
  });
});

describe('seriesUrl', () => {
  it('encodes names and sends a request the shared schema accepts with the same step', () => {
    const request = {
      metric: 'zhmc_partition_processor_usage_ratio',
      cpc: 'CPC "A"/1',
      partition: '分区 1&x=2',
      window: { kind: 'relative', range: '6h' },
      maxPoints: 900,
    } as const;
    const key = seriesKey(request);
    const url = new URL(seriesUrl(request), 'http://localhost');
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

describe('absolute windows', () => {
  const window = { kind: 'absolute', from: 1_700_000_000, to: 1_700_007_200 } as const;

  it('sends unix seconds and an adapter, which the shared schema accepts, and never refetches', () => {
    const request = { metric: 'zhmc_port_bytes_sent_count_total', cpc: 'P1', adapter: 'OSA 1', window, maxPoints: 720 } as const;
    const url = new URL(seriesUrl(request), 'http://localhost');
    const query = SeriesQuerySchema.parse(Object.fromEntries(url.searchParams));
    expect(query.from).toBe('1700000000');
    expect(query.to).toBe('1700007200');
    expect(query.adapter).toBe('OSA 1');
    expect(alignRange(1_700_000_000, 1_700_007_200, query.maxPoints).step).toBe(seriesKey(request).step);
    expect(seriesQuery(request, '15s').refetchInterval).toBe(false);
    expect(seriesQuery({ ...request, window: { kind: 'relative', range: '1h' } }, '15s').refetchInterval).toBe(15_000);
  });

  it('builds top-N and heatmap URLs the shared schemas accept', () => {
    const top = new URL(topUrl('zhmc_partition_processor_usage_ratio', 'P 1', 20, window), 'http://localhost');
    expect(TopQuerySchema.parse(Object.fromEntries(top.searchParams))).toMatchObject({ cpc: 'P 1', n: 20, from: '1700000000' });
    const fleet = new URL(heatmapUrl('zhmc_partition_processor_usage_ratio', null, window, 60), 'http://localhost');
    const parsed = HeatmapQuerySchema.parse(Object.fromEntries(fleet.searchParams));
    expect(parsed.cpc).toBeUndefined();
    expect(parsed.maxPoints).toBe(120);
  });
});

describe('keeping the previous window while the next loads', () => {
  it('keeps data only for the same metric, CPC, partition and adapter', () => {
    const base = {
      metric: 'zhmc_cpc_processor_usage_ratio',
      cpc: 'P1',
      window: { kind: 'relative', range: '1h' },
      maxPoints: 700,
    } as const;
    const key = seriesQuery(base, 'off').queryKey;
    const zoomed = seriesQuery({ ...base, window: { kind: 'absolute', from: 1_700_000_000, to: 1_700_000_600 } }, 'off').queryKey;
    expect(sameSubject(zoomed, key, 6)).toBe(true);
    expect(sameSubject(seriesQuery({ ...base, cpc: 'P2' }, 'off').queryKey, key, 6)).toBe(false);
    expect(sameSubject(seriesQuery({ ...base, partition: 'LP1' }, 'off').queryKey, key, 6)).toBe(false);
    expect(sameSubject(key, undefined, 6)).toBe(false);
  });
});
