// A short result cache for upstream answers, keyed by the exact request (query, start, end, step;
// or query and time). Bounded by entries and age; least recently used entries go first.
import { SCRAPE_INTERVAL_SECONDS } from '@zlens/shared';
import type { Clock } from '../clock.js';

interface Entry {
  value: unknown;
  expiresAtMs: number;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: Clock,
  ) {}

  /** True when every point up to `newestSeconds` is at least one scrape interval old. */
  isFinal(newestSeconds: number): boolean {
    return newestSeconds + SCRAPE_INTERVAL_SECONDS <= this.clock.nowMs() / 1000;
  }

  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs <= this.clock.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: unknown): void {
    if (this.maxEntries < 1 || this.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: this.clock.nowMs() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
