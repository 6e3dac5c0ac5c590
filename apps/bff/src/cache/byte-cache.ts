// The one cache primitive of the BFF (issue 15): a typed wrapper around lru-cache, bounded by BYTES
// (each entry says how big it is), whose expired entries leave on their own (ttlAutopurge), whose
// loads are shared by every caller asking for the same key while one is in flight (lru-cache's
// fetchMethod), and which serves the last value, marked stale, while its upstream fails.
//
//   const cache = new ByteCache<Inventory>({ name: 'inventory', maxBytes, freshMs: 60_000,
//     keepMs: 3_600_000, sizeOf: (v) => jsonBytes(v), clock });
//   const { value, stale, fetchedAtMs } = await cache.load('all', (signal) => readInventory(signal));
//
// - `freshMs`: a value younger than this is served without asking the upstream.
// - `keepMs`: how long a value is kept at all; between freshMs and keepMs it is served only when a
//   new load fails (`stale: true`). keepMs = freshMs: a plain TTL cache, no stale answers.
// - `sizeOf`: the value's size in bytes of heap (an estimate is fine: `jsonBytes`, or the upstream
//   body's length × a factor); the cache never holds more than `maxBytes` by that measure, and no
//   single value larger than a quarter of it (one huge answer must not flush everything else).
import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';

export interface ByteCacheOptions<V> {
  /** Names the cache in /metrics (zlens_cache_bytes{cache}). */
  name: string;
  maxBytes: number;
  freshMs: number;
  /** At least freshMs (a smaller value is raised to it). */
  keepMs: number;
  sizeOf: (value: V) => number;
  clock: Clock;
}

/** A value as the cache gives it back. */
export interface Cached<V> {
  value: V;
  /** When the value was loaded (ms since epoch, the cache's clock). */
  fetchedAtMs: number;
  /** True when the value is older than freshMs: a newer load failed (or none was tried). */
  stale: boolean;
}

/** Why a load ended in a stale value, beside it. */
export interface StaleCached<V> extends Cached<V> {
  stale: true;
  error: unknown;
}

export type Loader<V> = (signal: AbortSignal) => Promise<V>;

export interface LoadOptions {
  /** false: share the in-flight load, but neither store its value nor serve a kept one (default true). */
  store?: boolean;
  /** This entry's keep time instead of the cache's keepMs. */
  keepMs?: number;
}

interface Entry<V> {
  value: V;
  fetchedAtMs: number;
}

/** UTF-16 strings cost 1-2 bytes a character in V8; JSON text length is a fair estimate of a small value's heap. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

export class ByteCache<V extends NonNullable<unknown>> {
  readonly name: string;
  readonly maxBytes: number;
  private readonly lru: LRUCache<string, Entry<V>, Loader<V>> | null;
  /** Loads that are shared but not stored (LoadOptions.store false). */
  private readonly unstored = new Map<string, Promise<V>>();
  /** Keys whose stored load is in flight. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: ByteCacheOptions<V>) {
    this.name = options.name;
    this.maxBytes = Math.max(0, Math.floor(options.maxBytes));
    const keepMs = Math.max(options.freshMs, options.keepMs);
    // maxBytes 0 turns the cache off; loads are still shared.
    this.lru =
      this.maxBytes === 0 || keepMs <= 0
        ? null
        : new LRUCache<string, Entry<V>, Loader<V>>({
            maxSize: this.maxBytes,
            maxEntrySize: Math.max(1, Math.floor(this.maxBytes / 4)),
            // A small overhead per entry (key, bookkeeping) so that many tiny values count too.
            sizeCalculation: (entry, key) => Math.max(1, Math.ceil(options.sizeOf(entry.value)) + 2 * key.length + 64),
            ttl: keepMs,
            ttlAutopurge: true,
            perf: { now: () => options.clock.nowMs() },
            // Ask the clock every time (lru-cache would reuse one reading for 1 ms of real time).
            ttlResolution: 0,
            fetchMethod: async (_key, _old, { signal, context }) => {
              const value = await context(signal);
              return { value, fetchedAtMs: options.clock.nowMs() };
            },
            // A failed load leaves the kept value in place, for the next caller and for `last()`.
            noDeleteOnFetchRejection: true,
            // An eviction while loading must not abort the upstream request the callers wait for.
            ignoreFetchAbort: true,
          });
  }

  /** The kept value for `key` (fresh or stale), without loading; undefined when none is kept. */
  get(key: string): Cached<V> | undefined {
    // While a refresh is in flight, get() has nothing and peek() has the value it replaces.
    const entry = this.lru?.get(key) ?? this.lru?.peek(key);
    return entry === undefined ? undefined : this.cached(entry);
  }

  set(key: string, value: V, options: { keepMs?: number; fetchedAtMs?: number } = {}): void {
    const keepMs = options.keepMs === undefined ? undefined : Math.max(this.options.freshMs, options.keepMs);
    this.lru?.set(
      key,
      { value, fetchedAtMs: options.fetchedAtMs ?? this.options.clock.nowMs() },
      keepMs === undefined ? {} : { ttl: keepMs },
    );
  }

  delete(key: string): void {
    this.lru?.delete(key);
  }

  /**
   * A fresh kept value; else one load shared by every caller of this key meanwhile. When the load
   * fails and a value is kept, that value comes back marked stale (with the error); else the
   * load's error is thrown.
   */
  async load(key: string, loader: Loader<V>, options: LoadOptions = {}): Promise<Cached<V> | StaleCached<V>> {
    const lru = this.lru;
    if (lru === null || options.store === false)
      return { value: await this.shared(key, loader), fetchedAtMs: this.options.clock.nowMs(), stale: false };
    const kept = lru.get(key);
    if (kept !== undefined && !this.isStale(kept)) return this.cached(kept);
    let entry: Entry<V> | undefined;
    const tracked: Loader<V> = (signal) => {
      this.inFlight.add(key);
      return loader(signal).finally(() => this.inFlight.delete(key));
    };
    try {
      entry = await lru.fetch(key, {
        context: tracked,
        forceRefresh: kept !== undefined,
        ...(options.keepMs === undefined ? {} : { ttl: Math.max(this.options.freshMs, options.keepMs) }),
      });
    } catch (error) {
      const last = lru.peek(key);
      if (last === undefined) throw error;
      return { ...last, stale: true, error };
    }
    // fetchMethod always resolves an entry; undefined only if the key was deleted meanwhile.
    if (entry === undefined) return { value: await this.shared(key, loader), fetchedAtMs: this.options.clock.nowMs(), stale: false };
    return { ...entry, stale: false };
  }

  /** Whether a load of `key` is in flight: a `load` now shares it (coalescing metrics). */
  loading(key: string): boolean {
    return this.inFlight.has(key) || this.unstored.has(key);
  }

  /** Bytes held, by `sizeOf` plus the per-entry overhead. */
  get bytes(): number {
    return this.lru?.calculatedSize ?? 0;
  }

  get size(): number {
    return this.lru?.size ?? 0;
  }

  /** Drops every entry (tests, and a configuration change). */
  clear(): void {
    this.lru?.clear();
  }

  private isStale(entry: Entry<V>): boolean {
    return this.options.clock.nowMs() - entry.fetchedAtMs >= this.options.freshMs;
  }

  private cached(entry: Entry<V>): Cached<V> {
    return { value: entry.value, fetchedAtMs: entry.fetchedAtMs, stale: this.isStale(entry) };
  }

  private shared(key: string, loader: Loader<V>): Promise<V> {
    let pending = this.unstored.get(key);
    if (pending === undefined) {
      // Not stored, so no eviction can cancel it: a signal that never aborts.
      pending = loader(new AbortController().signal);
      this.unstored.set(key, pending);
      const forget = (): void => {
        this.unstored.delete(key);
      };
      pending.then(forget, forget);
    }
    return pending;
  }
}
