import { describe, expect, it, vi } from 'vitest';
import { systemClock } from '../clock.js';
import { ByteCache, jsonBytes } from './byte-cache.js';

function fakeClock(start = 1_000_000): { nowMs: () => number; advance: (ms: number) => void } {
  let now = start;
  return { nowMs: () => now, advance: (ms) => (now += ms) };
}

const text = (n: number): string => 'x'.repeat(n);

describe('ByteCache', () => {
  it('is bounded by bytes: the least recently used values go first, and one value larger than a quarter is not kept', () => {
    const clock = fakeClock();
    const cache = new ByteCache<string>({ name: 't', maxBytes: 40_000, freshMs: 60_000, keepMs: 60_000, sizeOf: (v) => v.length, clock });
    for (let i = 0; i < 10; i += 1) cache.set(`k${i}`, text(9_000));
    expect(cache.bytes).toBeLessThanOrEqual(40_000);
    expect(cache.size).toBe(4);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k9')?.value).toHaveLength(9_000);
    cache.set('huge', text(11_000));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('k9')).toBeDefined();
  });

  it('shares one load among concurrent callers of a key, and serves it fresh until freshMs', async () => {
    const clock = fakeClock();
    const cache = new ByteCache<string>({ name: 't', maxBytes: 1_000_000, freshMs: 1_000, keepMs: 1_000, sizeOf: jsonBytes, clock });
    let release: (v: string) => void = () => undefined;
    const loader = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const waiting = Array.from({ length: 50 }, () => cache.load('q', loader));
    release('answer');
    const answers = await Promise.all(waiting);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(answers.every((a) => a.value === 'answer' && !a.stale)).toBe(true);
    await cache.load('q', loader);
    expect(loader).toHaveBeenCalledTimes(1);
    clock.advance(1_000);
    // Past keepMs (= freshMs here) nothing is kept: the next caller loads again.
    const again = vi.fn(() => Promise.resolve('newer'));
    expect((await cache.load('q', again)).value).toBe('newer');
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('serves the kept value marked stale, with its age and the error, while loads fail; throws when none is kept', async () => {
    const clock = fakeClock();
    const cache = new ByteCache<string>({ name: 't', maxBytes: 1_000_000, freshMs: 1_000, keepMs: 3_600_000, sizeOf: jsonBytes, clock });
    const first = await cache.load('q', () => Promise.resolve('v1'));
    clock.advance(5_000);
    const down = new Error('upstream down');
    const failing = (): Promise<string> => Promise.reject(down);
    const stale = await cache.load('q', failing);
    expect(stale).toMatchObject({ value: 'v1', stale: true, fetchedAtMs: first.fetchedAtMs, error: down });
    // Still kept after the failure, for the next caller; and a success replaces it.
    expect(cache.get('q')).toMatchObject({ value: 'v1', stale: true });
    expect(await cache.load('q', () => Promise.resolve('v2'))).toMatchObject({ value: 'v2', stale: false, fetchedAtMs: clock.nowMs() });
    await expect(cache.load('other', failing)).rejects.toBe(down);
  });

  it('lets expired entries leave without being looked up (ttlAutopurge)', async () => {
    const cache = new ByteCache<string>({ name: 't', maxBytes: 1_000_000, freshMs: 20, keepMs: 20, sizeOf: jsonBytes, clock: systemClock });
    cache.set('a', 'value');
    expect(cache.size).toBe(1);
    await vi.waitFor(() => expect(cache.size).toBe(0), { timeout: 5_000, interval: 10 });
    expect(cache.bytes).toBe(0);
  });

  it('shares but neither stores nor serves stale a load with store: false; maxBytes 0 stores nothing', async () => {
    const clock = fakeClock();
    const cache = new ByteCache<string>({ name: 't', maxBytes: 1_000_000, freshMs: 1_000, keepMs: 1_000, sizeOf: jsonBytes, clock });
    const loader = vi.fn(() => Promise.resolve('now'));
    await Promise.all([cache.load('p', loader, { store: false }), cache.load('p', loader, { store: false })]);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(0);
    const off = new ByteCache<string>({ name: 'off', maxBytes: 0, freshMs: 1_000, keepMs: 1_000, sizeOf: jsonBytes, clock });
    await off.load('p', loader);
    off.set('x', 'y');
    expect(off.get('x')).toBeUndefined();
  });
});
