// Live mode (no Prometheus): the BFF reads the HMC metrics service itself. Every poll interval it
// reads a metrics context holding every group the catalog maps for the modes present, labels each
// row as the exporter would (live-groups.ts), turns HMC percents into ratios and cumulative
// counters into per-second rates (counter-rates.ts), records the CPC and partition status codes
// from the inventory, and keeps a bounded window of samples. When the HMC is unreachable it keeps
// serving what it has, marked stale.
import { CATALOG, CPC_MODES, statusCode, type MetricId, type Series } from '@zlens/shared';
import type { Clock } from '../clock.js';
import { describeError } from '../errors.js';
import type { HmcClient } from '../hmc/client.js';
import type { HmcCpc } from '../hmc/inventory.js';
import type { NicRef, TopologyCache } from '../hmc/topology-cache.js';
import { HmcMetricsContext } from '../hmc/metrics-context.js';
import type { MetricObjectValues } from '../hmc/metrics-text.js';
import type { InventoryService } from '../inventory/service.js';
import type { Logger } from '../logger.js';
import type { AppMetrics } from '../metrics.js';
import { CounterRates } from './counter-rates.js';
import { groupMetrics, liveMetricGroups, rowLabels, type ObjectRef } from './live-groups.js';
import { LiveWindow } from './live-window.js';
import {
  heatmapRows,
  sortSeries,
  topFromSeries,
  type HeatmapRequest,
  type HeatmapResult,
  type SeriesRequest,
  type SeriesResult,
  type TimeSeriesSource,
  type TopRequest,
  type TopResult,
} from './types.js';

/** Every group the catalog maps, both modes: the context asked for before the inventory is known. */
export const LIVE_METRIC_GROUPS: readonly string[] = liveMetricGroups(CPC_MODES);

export interface LiveSourceOptions {
  hmc: HmcClient;
  inventory: InventoryService;
  /** NIC URIs → partition, NIC, backing adapter and port, for the NIC group's labels. */
  topology: TopologyCache;
  clock: Clock;
  logger: Logger;
  /** For the malformed-row counter (absent in tests that do not look at it). */
  metrics?: AppMetrics;
  windowSeconds: number;
  /** Samples held over all series; see LiveWindow. */
  maxSamples?: number;
  pollSeconds: number;
}

export class LiveSource implements TimeSeriesSource {
  readonly kind = 'live';
  readonly window: LiveWindow;
  private readonly context: HmcMetricsContext;
  private readonly rates: CounterRates;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private lastPollOk = false;
  private budgetWarned = false;
  /** CPC URI → its NICs by URI, from the last topology walk. */
  private readonly nics = new Map<string, ReadonlyMap<string, NicRef>>();
  private closed = false;

  constructor(private readonly options: LiveSourceOptions) {
    this.window = new LiveWindow({
      windowSeconds: options.windowSeconds,
      pollSeconds: options.pollSeconds,
      maxSamples: options.maxSamples,
    });
    this.context = new HmcMetricsContext(options.hmc, LIVE_METRIC_GROUPS, options.logger, options.metrics);
    // A rate spans at most a few polls, like Prometheus's rate() over 4 scrapes.
    this.rates = new CounterRates(4 * options.pollSeconds);
  }

  /** First poll at once (data within seconds of start-up), then every poll interval. */
  start(): void {
    if (this.timer !== null || this.closed) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollSeconds * 1000);
  }

  /** One poll; overlapping calls share the poll in progress. Never rejects: failures mark stale. */
  poll(): Promise<void> {
    this.polling ??= this.doPoll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  get stale(): boolean {
    return !this.lastPollOk;
  }

  async series(request: SeriesRequest): Promise<SeriesResult> {
    const match: Record<string, string> = { cpc: request.cpc };
    if (request.partition !== undefined) match.partition = request.partition;
    if (request.adapter !== undefined) match.adapter = request.adapter;
    return { series: sortSeries(this.window.query(request.metric, match, request.range)), stale: this.stale };
  }

  /** Ranks the window's series in memory (the HMC has no query language). */
  async top(request: TopRequest): Promise<TopResult> {
    const series = this.window.query(request.metric, { cpc: request.cpc }, request.range);
    return { ...topFromSeries(series, request.n), stale: this.stale };
  }

  async heatmap(request: HeatmapRequest): Promise<HeatmapResult> {
    const series = this.window.query(request.metric, request.cpc === undefined ? {} : { cpc: request.cpc }, request.range);
    return { rows: heatmapRows(byPartition(request.metric, series)), stale: this.stale };
  }

  /** Stops polling and deletes the metrics context (before the HMC client logs off). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
    await this.context.delete();
  }

  private async doPoll(): Promise<void> {
    const { inventory, logger, clock } = this.options;
    try {
      // The inventory (object URIs, statuses) is re-read at most once per its TTL, not every poll.
      await inventory.get();
      const cpcs = inventory.hmcCpcs();
      if (cpcs === null) throw new Error('the HMC inventory is not available');
      const groups = liveMetricGroups(CPC_MODES.filter((mode) => cpcs.some((c) => c.mode === mode)));
      // No CPC of a known mode: nothing to ask for (an empty list would mean every group).
      let values: MetricObjectValues[] = [];
      if (groups.length > 0) {
        await this.context.useGroups(groups);
        values = await this.context.fetch();
      }
      const nowSeconds = clock.nowMs() / 1000;
      this.recordValues(values, await this.objectRefs(cpcs, values));
      this.recordStatus(cpcs, Math.floor(nowSeconds));
      this.window.prune(nowSeconds);
      this.rates.prune(nowSeconds - this.options.windowSeconds);
      this.warnIfBudgetReached();
      if (!this.lastPollOk) logger.info({ samples: this.window.size }, 'live source: polling the HMC');
      this.lastPollOk = true;
    } catch (err) {
      if (this.lastPollOk || !this.closed) logger.warn({ err: describeError(err) }, 'live source: HMC poll failed, serving stale data');
      this.lastPollOk = false;
    }
  }

  private warnIfBudgetReached(): void {
    const { samplesPerSeries } = this.window;
    if (this.budgetWarned || samplesPerSeries > Math.ceil(this.options.windowSeconds / this.options.pollSeconds)) return;
    this.budgetWarned = true;
    const seconds = samplesPerSeries * this.options.pollSeconds;
    this.options.logger.warn(
      { maxSamples: this.options.maxSamples, samplesPerSeries },
      `live source: too many series for the window within ZLENS_LIVE_MAX_SAMPLES; each keeps about its last ${Math.round(seconds / 60)} min`,
    );
  }

  /**
   * Object URI → what it names. NICs come from the topology walk, which costs many HMC requests per
   * CPC: the NICs known are reused, and a CPC is walked again (at most once per inventory TTL, by
   * the cache) only when a NIC row names a NIC it does not know yet.
   */
  private async objectRefs(cpcs: readonly HmcCpc[], values: readonly MetricObjectValues[]): Promise<Map<string, ObjectRef>> {
    const refs = new Map<string, ObjectRef>();
    const partitionCpc = new Map<string, HmcCpc>();
    for (const cpc of cpcs) {
      refs.set(cpc.uri, { cpc });
      for (const p of cpc.partitions) {
        refs.set(p.uri, { cpc, partition: p.name });
        partitionCpc.set(p.uri, cpc);
      }
      for (const a of cpc.adapters) refs.set(a.uri, { cpc, adapter: a.name });
    }
    const toWalk = new Set<HmcCpc>();
    for (const block of values) {
      if (block.group !== 'partition-attached-network-interface') continue;
      // A NIC's URI is its partition's URI + /nics/{id} (hmc-api.md §2.6).
      const cpc = partitionCpc.get(block.objectUri.replace(/\/nics\/[^/]*$/, ''));
      if (cpc !== undefined && this.nics.get(cpc.uri)?.has(block.objectUri) !== true) toWalk.add(cpc);
    }
    await Promise.all(
      [...toWalk].map(async (cpc) => {
        try {
          this.nics.set(cpc.uri, await this.options.topology.nics(cpc));
        } catch (err) {
          // Those NIC rows stay unlabelled this poll; everything else is recorded.
          this.options.logger.warn({ cpc: cpc.name, err: describeError(err) }, 'live source: NIC topology from the HMC failed');
        }
      }),
    );
    for (const cpc of cpcs) for (const [uri, nic] of this.nics.get(cpc.uri) ?? []) refs.set(uri, { cpc, nic });
    return refs;
  }

  private recordValues(values: readonly MetricObjectValues[], refs: ReadonlyMap<string, ObjectRef>): void {
    for (const block of values) {
      const ref = refs.get(block.objectUri);
      if (ref === undefined || ref.cpc.mode === null) continue;
      const time = block.timestampMs / 1000;
      for (const { id, metric, name } of groupMetrics(block.group, ref.cpc.mode)) {
        for (const row of block.rows) {
          const value = row[name];
          const labels = rowLabels(metric.scope, ref, row, id);
          // -1 means "no such resource" (the exporter skips it too); a gap is not a zero.
          if (typeof value !== 'number' || value < 0 || labels === null) continue;
          if (metric.unit === 'ratio') {
            this.window.record(id, labels, time, value / 100);
            continue;
          }
          // Gauges (watts, degrees, humidity, BTU/h) are recorded as the HMC gives them, never as rates.
          if (metric.unit !== 'bytes-per-second' && metric.unit !== 'packets-per-second') {
            this.window.record(id, labels, time, value);
            continue;
          }
          const rate = this.rates.rate(JSON.stringify([id, labels]), time, value);
          if (rate !== null) this.window.record(id, labels, time, rate);
        }
      }
    }
  }

  private recordStatus(cpcs: readonly HmcCpc[], timeSeconds: number): void {
    const cpcStatus = CATALOG.zhmc_cpc_status_int;
    for (const cpc of cpcs) {
      if (cpc.status !== null && cpcStatus.unit === 'status') {
        this.window.record('zhmc_cpc_status_int', { cpc: cpc.name, value: cpc.status }, timeSeconds, statusCode(cpcStatus, cpc.status));
      }
      // DPM partitions and classic LPARs have different status metrics and codes.
      const id = cpc.mode === 'dpm' ? 'zhmc_partition_status_int' : cpc.mode === 'classic' ? 'zhmc_partition_lpar_status_int' : null;
      const metric = id === null ? null : CATALOG[id];
      if (id === null || metric?.unit !== 'status') continue;
      for (const p of cpc.partitions) {
        if (p.status === null) continue;
        const labels = { cpc: cpc.name, partition: p.name, value: p.status };
        this.window.record(id, labels, timeSeconds, statusCode(metric, p.status));
      }
    }
  }
}

/**
 * Heatmap rows, one per partition, as the Prometheus source's query makes them: NIC rates summed
 * over a partition's NICs, channel usage averaged over its channels, partition metrics as they are.
 */
function byPartition(metric: MetricId, series: readonly Series[]): Series[] {
  const entry = CATALOG[metric];
  const sum = entry.unit === 'bytes-per-second' || entry.unit === 'packets-per-second';
  const rows = new Map<string, { labels: Record<string, string>; members: Series[] }>();
  for (const s of series) {
    const { cpc, partition } = s.labels;
    if (cpc === undefined || partition === undefined) continue;
    const key = JSON.stringify([cpc, partition]);
    const row = rows.get(key) ?? { labels: { cpc, partition }, members: [] };
    row.members.push(s);
    rows.set(key, row);
  }
  return [...rows.values()].map(({ labels, members }) => {
    if (members.length === 1 && members[0] !== undefined && entry.scope === 'partition') return members[0];
    const length = members[0]?.values.length ?? 0;
    const values = Array.from({ length }, (_, i) => {
      const present = members.map((m) => m.values[i]).filter((v): v is number => v !== null && v !== undefined);
      if (present.length === 0) return null;
      const total = present.reduce((a, b) => a + b, 0);
      return sum ? total : total / present.length;
    });
    return { labels, values };
  });
}
