import { describe, expect, it } from 'vitest';
import { SeriesQuerySchema } from './api.js';
import { CATALOG, METRIC_IDS, statusCode } from './catalog.js';

describe('SeriesQuerySchema', () => {
  it('fills defaults and coerces maxPoints', () => {
    const q = SeriesQuerySchema.parse({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'CPC A', maxPoints: '500' });
    expect(q).toEqual({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'CPC A', from: 'now-1h', to: 'now', maxPoints: 500 });
  });
  it('accepts names with quotes and Chinese characters', () => {
    const q = SeriesQuerySchema.safeParse({ metric: 'zhmc_partition_processor_usage_ratio', cpc: 'P"1', partition: '生产 LPAR' });
    expect(q.success).toBe(true);
  });
  it.each([
    [{ metric: 'up', cpc: 'A' }, 'metric'],
    [{ metric: 'zhmc_cpc_processor_usage_ratio', cpc: '' }, 'cpc'],
    [{ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'A', from: 'yesterday' }, 'from'],
    [{ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'A', maxPoints: '20000' }, 'maxPoints'],
    [{ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'A\nB' }, 'cpc'],
  ])('rejects %j naming %s', (input, field) => {
    const q = SeriesQuerySchema.safeParse(input);
    expect(q.success).toBe(false);
    expect(q.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('catalog', () => {
  it('uses the exporter name as id and has both languages for every entry', () => {
    for (const id of METRIC_IDS) {
      const m = CATALOG[id];
      expect(m.id).toBe(id);
      expect(m.title.en.length).toBeGreaterThan(0);
      expect(m.title['zh-CN'].length).toBeGreaterThan(0);
      expect(m.labels[0]).toBe('cpc');
      if (m.scope === 'partition') expect(m.labels).toContain('partition');
    }
  });
  it('maps statuses to the exporter codes and unknown ones to 99', () => {
    const m = CATALOG.zhmc_partition_status_int;
    if (m.unit !== 'status') throw new Error('expected a status metric');
    expect(statusCode(m, 'stopped')).toBe(11);
    expect(statusCode(m, 'no-such-status')).toBe(99);
  });
});
