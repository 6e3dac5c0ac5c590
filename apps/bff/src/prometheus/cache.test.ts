import { describe, expect, it } from 'vitest';
import { ResultCache } from './cache.js';

describe('ResultCache', () => {
  let nowMs = 1_000_000_000;
  const clock = { nowMs: () => nowMs };

  it('takes only answers whose newest point is at least one scrape interval (15 s) old', () => {
    const cache = new ResultCache(60_000, 10, clock);
    const now = nowMs / 1000;
    expect(cache.isFinal(now - 15)).toBe(true);
    expect(cache.isFinal(now - 14)).toBe(false);
    expect(cache.isFinal(now)).toBe(false);
  });

  it('forgets entries after the TTL, and the least recently used one beyond its size', () => {
    const cache = new ResultCache(60_000, 2, clock);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    nowMs += 60_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('stores nothing when its size is 0', () => {
    const cache = new ResultCache(60_000, 0, clock);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});
