// The inventory the API serves: Prometheus label sets and the HMC's view, joined by CPC and
// partition name, each entry saying which source knows it. Each source is re-read in the
// background once per TTL (sooner after a failure); requests never wait for a re-read, they get
// what is known, marked stale when a source failed or is overdue. Only the very first load is
// waited for, and that wait is bounded too: a hung HMC must not hold up Prometheus-only answers.
import type { AdapterSummary, CpcSummary, InventoryResponse, PartitionSummary, Source } from '@zlens/shared';
import { ByteCache, jsonBytes } from '../cache/byte-cache.js';
import type { Clock } from '../clock.js';
import { AppError, describeError } from '../errors.js';
import type { HmcClient } from '../hmc/client.js';
import { readHmcInventory, type HmcCpc } from '../hmc/inventory.js';
import type { Logger } from '../logger.js';
import type { PrometheusClient } from '../prometheus/client.js';
import { readPrometheusInventory } from './prometheus-inventory.js';
import { markExporterGaps } from './exporter-gaps.js';
import type { SourceCpc } from './types.js';

export const INVENTORY_TTL_MS = 60_000;
/**
 * After a failure, try again sooner than the TTL. A try while the HMC client backs off costs
 * nothing (it answers at once), so this can be short: the inventory is whole again seconds after
 * the source returns.
 */
export const INVENTORY_RETRY_MS = 2_000;
/** How long a request waits for the first inventory, when none is known yet. */
export const INVENTORY_FIRST_LOAD_WAIT_MS = 5_000;
/** A source's last inventory is served (stale) this long while the source fails; then it is unknown. */
export const INVENTORY_KEEP_MS = 24 * 3600_000;
/** Per source: a large site's inventory is a few MiB of JSON. */
const INVENTORY_MAX_BYTES = 32 * 1024 * 1024;
const KEY = 'inventory';

interface SourceState<T extends NonNullable<unknown>> {
  /** The last inventory read: the one cache primitive (bounded by bytes, dropped after INVENTORY_KEEP_MS). */
  cache: ByteCache<T>;
  /** When the last read started; the next is due a TTL (or a retry interval) later. */
  attemptedAtMs: number;
  failed: boolean;
  error: unknown;
  reading: Promise<void> | null;
}

/** A configured source as the service walks them, whatever the type of its inventory. */
interface SourceHandle {
  state: Pick<SourceState<NonNullable<unknown>>, 'attemptedAtMs' | 'failed' | 'error' | 'reading'>;
  kept: () => { fetchedAtMs: number } | undefined;
  read: () => Promise<void>;
}

export interface InventoryServiceOptions {
  prometheus: PrometheusClient | null;
  hmc: HmcClient | null;
  clock: Clock;
  logger: Logger;
  ttlMs?: number;
  /** INVENTORY_FIRST_LOAD_WAIT_MS unless set (tests). */
  firstLoadWaitMs?: number;
}

const initialState = <T extends NonNullable<unknown>>(name: string, clock: Clock, ttlMs: number): SourceState<T> => ({
  cache: new ByteCache<T>({ name, maxBytes: INVENTORY_MAX_BYTES, freshMs: ttlMs, keepMs: INVENTORY_KEEP_MS, sizeOf: jsonBytes, clock }),
  attemptedAtMs: Number.NEGATIVE_INFINITY,
  failed: false,
  error: null,
  reading: null,
});

export class InventoryService {
  private readonly prometheusState: SourceState<SourceCpc[]>;
  private readonly hmcState: SourceState<HmcCpc[]>;

  constructor(private readonly options: InventoryServiceOptions) {
    const ttlMs = options.ttlMs ?? INVENTORY_TTL_MS;
    this.prometheusState = initialState('inventory-prometheus', options.clock, ttlMs);
    this.hmcState = initialState('inventory-hmc', options.clock, ttlMs);
  }

  /** The inventory as known now; starts due re-reads without waiting for them (but for a first load). */
  async get(): Promise<InventoryResponse> {
    const reads = this.startDueReads();
    if (!this.known) await this.waitBounded(reads);
    return this.snapshot();
  }

  /** Re-reads every source now, regardless of the TTL, and waits for it (the live poller, tests). */
  async refresh(): Promise<void> {
    await Promise.all(this.sources().map((source) => source.read()));
  }

  /** The last HMC inventory (with object URIs), or null when the HMC never answered. */
  hmcCpcs(): readonly HmcCpc[] | null {
    return this.hmcState.cache.get(KEY)?.value ?? null;
  }

  /** Whether any inventory is known: a replica that has one can serve (/readyz). */
  get known(): boolean {
    return this.sources().some((s) => s.kept() !== undefined);
  }

  private get ttlMs(): number {
    return this.options.ttlMs ?? INVENTORY_TTL_MS;
  }

  /** The configured sources: each one's state, its kept inventory, and a read of it. */
  private sources(): SourceHandle[] {
    const { prometheus, hmc } = this.options;
    const out: SourceHandle[] = [];
    if (prometheus) {
      const state = this.prometheusState;
      out.push({
        state,
        kept: () => state.cache.get(KEY),
        read: () => this.read('prometheus', state, () => readPrometheusInventory(prometheus)),
      });
    }
    if (hmc) {
      const state = this.hmcState;
      out.push({ state, kept: () => state.cache.get(KEY), read: () => this.read('hmc', state, () => readHmcInventory(hmc)) });
    }
    return out;
  }

  private startDueReads(): Promise<void>[] {
    const now = this.options.clock.nowMs();
    const reads: Promise<void>[] = [];
    for (const { state, read } of this.sources()) {
      const maxAge = state.failed ? Math.min(INVENTORY_RETRY_MS, this.ttlMs) : this.ttlMs;
      if (state.reading !== null) reads.push(state.reading);
      else if (now - state.attemptedAtMs >= maxAge) reads.push(read());
    }
    return reads;
  }

  /** Waits for the reads, at most the first-load bound; a read that is still going carries on. */
  private async waitBounded(reads: Promise<void>[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.firstLoadWaitMs ?? INVENTORY_FIRST_LOAD_WAIT_MS);
    });
    try {
      await Promise.race([Promise.all(reads), bound]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One read of one source; concurrent callers share it. Never rejects: failures are kept in the state. */
  private read<T extends NonNullable<unknown>>(source: Source, state: SourceState<T>, read: () => Promise<T>): Promise<void> {
    state.reading ??= (async () => {
      state.attemptedAtMs = this.options.clock.nowMs();
      try {
        state.cache.set(KEY, await read());
        state.failed = false;
        state.error = null;
      } catch (err) {
        if (!state.failed) this.options.logger.warn({ source, err: describeError(err) }, 'inventory source failed');
        state.failed = true;
        state.error = err;
      } finally {
        state.reading = null;
      }
    })();
    return state.reading;
  }

  private snapshot(): InventoryResponse {
    const states = this.sources().map((s) => ({ ...s.state, kept: s.kept() }));
    const known = states.filter((s) => s.kept !== undefined);
    if (known.length === 0) {
      const first = states.find((s) => s.failed);
      if (first?.error instanceof AppError) throw first.error;
      if (first === undefined) throw new AppError('unavailable', 'the inventory is still loading: no source has answered yet');
      throw new AppError('upstream_error', `no inventory source answered: ${describeError(first.error)}`);
    }
    const now = this.options.clock.nowMs();
    // Stale: a source failed, never answered, or is overdue (its re-read hangs).
    const stale = states.some((s) => s.failed || s.kept === undefined || now - s.kept.fetchedAtMs > 2 * this.ttlMs);
    return {
      cpcs: joinInventories(this.prometheusState.cache.get(KEY)?.value ?? null, this.hmcCpcs()),
      stale,
      updatedAt: Math.floor(Math.min(...known.map((s) => s.kept?.fetchedAtMs ?? 0)) / 1000),
    };
  }
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function joinPartitions(prom: SourceCpc | undefined, hmc: SourceCpc | undefined, prometheusKnown: boolean): PartitionSummary[] {
  const out = new Map<string, PartitionSummary>();
  for (const [source, cpc] of [
    ['prometheus', prom],
    ['hmc', hmc],
  ] as const) {
    for (const p of cpc?.partitions ?? []) {
      const entry: PartitionSummary = out.get(p.name) ?? { name: p.name, status: null, type: null, sources: [], noSeries: false };
      // The HMC's status is current; Prometheus's is as old as the last scrape.
      entry.status = source === 'hmc' ? (p.status ?? entry.status) : (entry.status ?? p.status);
      entry.type = entry.type ?? p.type;
      entry.sources.push(source);
      out.set(p.name, entry);
    }
  }
  // Known to the HMC, absent from Prometheus: the exporter does not (yet) export it.
  if (prometheusKnown) for (const entry of out.values()) entry.noSeries = !entry.sources.includes('prometheus');
  return [...out.values()].sort(byName);
}

function joinAdapters(prom: SourceCpc | undefined, hmc: SourceCpc | undefined): AdapterSummary[] {
  const out = new Map<string, AdapterSummary>();
  for (const [source, cpc] of [
    ['prometheus', prom],
    ['hmc', hmc],
  ] as const) {
    for (const a of cpc?.adapters ?? []) {
      const entry: AdapterSummary = out.get(a.name) ?? {
        name: a.name,
        adapterId: null,
        type: null,
        family: null,
        status: null,
        sources: [],
      };
      entry.status = source === 'hmc' ? (a.status ?? entry.status) : (entry.status ?? a.status);
      entry.adapterId ??= a.adapterId;
      entry.type ??= a.type;
      entry.family ??= a.family;
      entry.sources.push(source);
      out.set(a.name, entry);
    }
  }
  return [...out.values()].sort(byName);
}

export function joinInventories(prometheus: readonly SourceCpc[] | null, hmc: readonly SourceCpc[] | null): CpcSummary[] {
  const names = new Set([...(prometheus ?? []), ...(hmc ?? [])].map((c) => c.name));
  const cpcs: CpcSummary[] = [];
  for (const name of names) {
    const p = prometheus?.find((c) => c.name === name);
    const h = hmc?.find((c) => c.name === name);
    const sources: Source[] = [];
    if (p) sources.push('prometheus');
    if (h) sources.push('hmc');
    cpcs.push({
      name,
      mode: h?.mode ?? p?.mode ?? null,
      status: h?.status ?? p?.status ?? null,
      machineType: h?.machineType ?? null,
      machineModel: h?.machineModel ?? null,
      sources,
      partitions: joinPartitions(p, h, prometheus !== null),
      adapters: joinAdapters(p, h),
    });
  }
  return markExporterGaps(cpcs.sort(byName), prometheus);
}
