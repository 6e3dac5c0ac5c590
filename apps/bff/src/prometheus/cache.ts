// The Prometheus answers the BFF keeps, in one ByteCache (src/cache/byte-cache.ts), under two kinds
// of key:
// - the exact request (query, start, end, step; or query and time): served without asking again
//   for ZLENS_CACHE_TTL_SECONDS, and the in-flight load every identical caller shares;
// - the PANEL: the same request without its position in time (query and step; or the query alone
//   for an instant query, at a time or at "now"). Its last answer, final or not, is kept for
//   ZLENS_STALE_KEEP_SECONDS and served, marked stale, while Prometheus fails. A chart's aligned
//   range moves every step, so "the same request" would rarely have an answer to fall back on; the
//   same panel does. The old answer is drawn on the requested grid (PrometheusSource maps it), so
//   the points after it was fetched are gaps, never values.
// Both keys refer to the same answer object; each counts its full size, so the byte bound holds
// however the two are evicted.
import { SCRAPE_INTERVAL_SECONDS } from '@zlens/shared';
import { ByteCache, type Cached, type Loader } from '../cache/byte-cache.js';
import type { Clock } from '../clock.js';
import type { QueryData } from './schemas.js';

/** An answer as kept: the validated data and what Prometheus said beside it. */
export interface StoredAnswer {
  data: QueryData;
  /** Warnings and infos of the envelope (redacted, bounded). */
  warnings: string[];
  /** True when Prometheus warned: the answer may lack data (a remote store, a limit). */
  partial: boolean;
  /** The body's length: the base of the size estimate. */
  bodyBytes: number;
}

/**
 * Heap bytes per body byte of a parsed matrix (sample pairs as arrays of number and string), its
 * mapping onto the grid and its serialised response: measured ~3.2 + 0.35 + ~0.4 with V8 (Node 20).
 */
export const HEAP_BYTES_PER_BODY_BYTE = 4;

export interface QueryCacheOptions {
  clock: Clock;
  /** Served without asking again (ZLENS_CACHE_TTL_SECONDS). */
  ttlMs: number;
  /** A panel's last answer is kept this long to be served stale (ZLENS_STALE_KEEP_SECONDS). */
  staleKeepMs: number;
  /** ZLENS_CACHE_MAX_BYTES; 0 keeps nothing. */
  maxBytes: number;
}

export class QueryCache {
  readonly store: ByteCache<StoredAnswer>;

  constructor(private readonly options: QueryCacheOptions) {
    this.store = new ByteCache<StoredAnswer>({
      name: 'prometheus',
      maxBytes: options.maxBytes,
      freshMs: options.ttlMs,
      keepMs: options.ttlMs,
      sizeOf: (answer) => answer.bodyBytes * HEAP_BYTES_PER_BODY_BYTE,
      clock: options.clock,
    });
  }

  /** False when ZLENS_CACHE_MAX_BYTES is 0: nothing is kept (loads are still shared). */
  get enabled(): boolean {
    return this.store.maxBytes > 0 && this.options.ttlMs > 0;
  }

  /** True when every point up to `newestSeconds` is at least one scrape interval old. */
  isFinal(newestSeconds: number): boolean {
    return newestSeconds + SCRAPE_INTERVAL_SECONDS <= this.options.clock.nowMs() / 1000;
  }

  /** A fresh answer to exactly this request, if kept. */
  fresh(key: string): Cached<StoredAnswer> | undefined {
    const kept = this.store.get(`req ${key}`);
    return kept === undefined || kept.stale ? undefined : kept;
  }

  /** Whether a load of this request is in flight (a new caller will share it). */
  loading(key: string): boolean {
    return this.store.loading(`req ${key}`);
  }

  /** The answer to this request: kept, shared in flight, or loaded (and kept when `store`). */
  load(key: string, loader: Loader<StoredAnswer>, store: boolean): Promise<Cached<StoredAnswer>> {
    return this.store.load(`req ${key}`, loader, { store });
  }

  /** Keeps `answer` as its panel's last answer. */
  remember(panel: string, answer: Cached<StoredAnswer>): void {
    if (this.options.staleKeepMs <= 0) return;
    this.store.set(`panel ${panel}`, answer.value, { keepMs: this.options.staleKeepMs, fetchedAtMs: answer.fetchedAtMs });
  }

  /** The panel's last answer, however old (within ZLENS_STALE_KEEP_SECONDS). */
  last(panel: string): Cached<StoredAnswer> | undefined {
    return this.store.get(`panel ${panel}`);
  }
}

/**
 * The panel of a request: its parameters without the position in time — for a range query the
 * query and step, not the range's length: an aligned "last hour" at a 60 s step spans 3600 s or
 * 3540 s depending on where in the minute it is asked (its end is the newest final step), and its
 * panel must not change with it. Any earlier answer of the same query and step holds valid points
 * for the requested grid (the rest are gaps). An instant query keeps only its query, whether asked
 * at a time or at "now" (a view's reading at its range's end and at "now" is one panel).
 */
export function panelKey(path: string, params: Readonly<Record<string, string>>): string {
  const timeless = Object.entries(params).filter(([name]) => name !== 'start' && name !== 'end' && name !== 'time');
  return `${path}?${new URLSearchParams(timeless).toString()}`;
}
