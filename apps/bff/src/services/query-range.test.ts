// The time range of a series/top/heatmap request: Grafana's relative syntax (date math) is read
// as Grafana reads it, so a link from a Grafana dashboard opens the same window. Only the clock
// and the source's kind are used by range(); nothing upstream is asked.
import { describe, expect, it } from 'vitest';
import type { InventoryService } from '../inventory/service.js';
import type { TimeSeriesSource } from '../sources/types.js';
import { QueryService } from './query-service.js';

// 2025-11-24T16:00:00Z, a Monday.
const NOW = 1_764_000_000;
const MIDNIGHT = Date.UTC(2025, 10, 24) / 1000;
const DAY = 86_400;

function service(): QueryService {
  // range() reads neither the inventory nor the source's methods: a live source skips the
  // Prometheus end clamp, so the window is exactly what the expressions say.
  const source = { kind: 'live' } as unknown as TimeSeriesSource;
  const inventory = {} as unknown as InventoryService;
  return new QueryService({ inventory, source, clock: { nowMs: () => NOW * 1000 } });
}

describe('QueryService.range with Grafana date math', () => {
  it('reads "Today" (now/d to now/d) as the whole day, rounding the end up', () => {
    const range = service().range('now/d', 'now/d', 24);
    expect(range.start).toBe(MIDNIGHT);
    expect(range.step).toBe(3600);
    expect(range.end).toBe(MIDNIGHT + DAY - 3600);
  });

  it('reads "Previous week" (now-1w/w to now-1w/w) as Monday to Sunday', () => {
    const range = service().range('now-1w/w', 'now-1w/w', 7);
    expect(range.start).toBe(MIDNIGHT - 7 * DAY);
    expect(range.end).toBe(MIDNIGHT - DAY);
  });

  it('reads now-7d/d to now', () => {
    const range = service().range('now-7d/d', 'now', 1000);
    expect(range.start).toBe(MIDNIGHT - 7 * DAY);
    expect(range.end).toBe(NOW);
  });

  it('still refuses what it cannot read, naming the parameter', () => {
    expect(() => service().range('now-7q', 'now', 100)).toThrow(/from: must be/);
  });
});
