import { describe, expect, it } from 'vitest';
import { HEAP_BYTES_PER_BODY_BYTE, QueryCache, panelKey, type StoredAnswer } from './cache.js';

const answer = (bodyBytes: number): StoredAnswer => ({
  data: { resultType: 'vector', result: [] },
  warnings: [],
  partial: false,
  bodyBytes,
});

describe('QueryCache', () => {
  let nowMs = 1_000_000_000;
  const clock = { nowMs: () => nowMs };

  it('takes only answers whose newest point is at least one scrape interval (15 s) old', () => {
    const cache = new QueryCache({ clock, ttlMs: 60_000, staleKeepMs: 0, maxBytes: 1_000_000 });
    const now = nowMs / 1000;
    expect(cache.isFinal(now - 15)).toBe(true);
    expect(cache.isFinal(now - 14)).toBe(false);
    expect(cache.isFinal(now)).toBe(false);
  });

  it('is bounded by the answers’ bytes (4 × the body), not by their number', async () => {
    const cache = new QueryCache({ clock, ttlMs: 60_000, staleKeepMs: 0, maxBytes: 10_000_000 });
    // 100 answers of 100 kB bodies would be 40 MB of heap: the cache holds what fits in 10 MB.
    for (let i = 0; i < 100; i += 1) await cache.load(`q${i}`, () => Promise.resolve(answer(100_000)), true);
    expect(cache.store.bytes).toBeLessThanOrEqual(10_000_000);
    expect(cache.store.size).toBe(Math.floor(10_000_000 / (100_000 * HEAP_BYTES_PER_BODY_BYTE + 100)));
    expect(cache.fresh('q99')).toBeDefined();
    expect(cache.fresh('q0')).toBeUndefined();
  });

  it('keeps the last answer of a panel after the request’s own entry has expired', async () => {
    const cache = new QueryCache({ clock, ttlMs: 60_000, staleKeepMs: 3_600_000, maxBytes: 1_000_000 });
    const loaded = await cache.load('req', () => Promise.resolve(answer(10)), true);
    cache.remember('panel', loaded);
    nowMs += 600_000;
    expect(cache.fresh('req')).toBeUndefined();
    expect(cache.last('panel')).toMatchObject({ fetchedAtMs: loaded.fetchedAtMs, stale: true });
    nowMs += 3_600_000;
    expect(cache.last('panel')).toBeUndefined();
  });
});

describe('panelKey', () => {
  it('drops the position in time and the range’s length, keeps the query and step', () => {
    const a = panelKey('api/v1/query_range', { query: 'up', start: '1020', end: '4620', step: '60' });
    const moved = panelKey('api/v1/query_range', { query: 'up', start: '1080', end: '4680', step: '60' });
    // "The last hour" asked in the first 15 s of a minute: its end (the newest final step) is one step earlier.
    const shorter = panelKey('api/v1/query_range', { query: 'up', start: '1080', end: '4620', step: '60' });
    const finer = panelKey('api/v1/query_range', { query: 'up', start: '1020', end: '4620', step: '15' });
    expect(a).toBe(moved);
    expect(a).toBe(shorter);
    expect(a).not.toBe(finer);
    expect(panelKey('api/v1/query', { query: 'topk(5, x)', time: '100' })).toBe(
      panelKey('api/v1/query', { query: 'topk(5, x)', time: '200' }),
    );
    // At "now" too: a view reads processor counts at its range's end, and at "now" where none were.
    expect(panelKey('api/v1/query', { query: 'topk(5, x)' })).toBe(panelKey('api/v1/query', { query: 'topk(5, x)', time: '100' }));
  });
});
