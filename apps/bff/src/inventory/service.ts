// The inventory the API serves: Prometheus label sets and the HMC's view, joined by CPC and
// partition name, each entry saying which source knows it. Cached with a TTL; when a source
// fails, its last known inventory is served and the answer is marked stale.
import type { AdapterSummary, CpcSummary, InventoryResponse, PartitionSummary, Source } from '@zlens/shared';
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
/** After a failure, try again sooner than the TTL, but not on every request. */
export const INVENTORY_RETRY_MS = 5_000;

interface SourceState<T> {
  data: T | null;
  fetchedAtMs: number;
  failed: boolean;
  error: unknown;
}

export interface InventoryServiceOptions {
  prometheus: PrometheusClient | null;
  hmc: HmcClient | null;
  clock: Clock;
  logger: Logger;
  ttlMs?: number;
}

export class InventoryService {
  private readonly prometheusState: SourceState<SourceCpc[]> = { data: null, fetchedAtMs: 0, failed: false, error: null };
  private readonly hmcState: SourceState<HmcCpc[]> = { data: null, fetchedAtMs: 0, failed: false, error: null };
  private refreshedAtMs = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly options: InventoryServiceOptions) {}

  async get(): Promise<InventoryResponse> {
    const now = this.options.clock.nowMs();
    const failed = this.prometheusState.failed || this.hmcState.failed;
    const maxAge = failed ? Math.min(INVENTORY_RETRY_MS, this.ttlMs) : this.ttlMs;
    if (now - this.refreshedAtMs >= maxAge) await this.refresh();
    return this.snapshot();
  }

  /** Refreshes now, regardless of the TTL (the live poller keeps statuses current this way). */
  async refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The last HMC inventory (with object URIs), or null when the HMC never answered. */
  hmcCpcs(): readonly HmcCpc[] | null {
    return this.hmcState.data;
  }

  private get ttlMs(): number {
    return this.options.ttlMs ?? INVENTORY_TTL_MS;
  }

  private async doRefresh(): Promise<void> {
    const { prometheus, hmc, logger } = this.options;
    await Promise.all([
      prometheus ? this.update(this.prometheusState, 'prometheus', () => readPrometheusInventory(prometheus)) : null,
      hmc ? this.update(this.hmcState, 'hmc', () => readHmcInventory(hmc)) : null,
    ]);
    this.refreshedAtMs = this.options.clock.nowMs();
    logger.debug('inventory refreshed');
  }

  private async update<T>(state: SourceState<T>, source: Source, read: () => Promise<T>): Promise<void> {
    try {
      state.data = await read();
      state.fetchedAtMs = this.options.clock.nowMs();
      state.failed = false;
      state.error = null;
    } catch (err) {
      if (!state.failed) this.options.logger.warn({ source, err: describeError(err) }, 'inventory source failed');
      state.failed = true;
      state.error = err;
    }
  }

  private snapshot(): InventoryResponse {
    const states = [
      this.options.prometheus ? this.prometheusState : null,
      this.options.hmc ? this.hmcState : null,
    ].filter((s): s is SourceState<SourceCpc[]> | SourceState<HmcCpc[]> => s !== null);
    const known = states.filter((s) => s.data !== null);
    if (known.length === 0) {
      const first = states.find((s) => s.failed);
      if (first?.error instanceof AppError) throw first.error;
      throw new AppError('upstream_error', `no inventory source answered: ${describeError(first?.error)}`);
    }
    return {
      cpcs: joinInventories(this.prometheusState.data, this.hmcState.data),
      stale: states.some((s) => s.failed),
      updatedAt: Math.floor(Math.min(...known.map((s) => s.fetchedAtMs)) / 1000),
    };
  }
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function joinPartitions(prom: SourceCpc | undefined, hmc: SourceCpc | undefined, prometheusKnown: boolean): PartitionSummary[] {
  const out = new Map<string, PartitionSummary>();
  for (const [source, cpc] of [['prometheus', prom], ['hmc', hmc]] as const) {
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
  for (const [source, cpc] of [['prometheus', prom], ['hmc', hmc]] as const) {
    for (const a of cpc?.adapters ?? []) {
      const entry: AdapterSummary = out.get(a.name) ?? { name: a.name, adapterId: null, type: null, family: null, status: null, sources: [] };
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
