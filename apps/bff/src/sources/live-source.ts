// Live mode (no Prometheus): the BFF reads the HMC metrics service itself. Every poll interval it
// reads the metrics context, maps each group's values through the catalog's `hmc` field (HMC
// percent / 100 = the exporter's ratio), records the CPC and partition status codes from the
// inventory, and keeps a bounded window of samples. When the HMC is unreachable it keeps serving
// what it has, marked stale.
import { CATALOG, METRIC_IDS, statusCode, type CpcMode, type MetricId, type UsageMetric } from '@zlens/shared';
import type { Clock } from '../clock.js';
import { describeError } from '../errors.js';
import type { HmcClient } from '../hmc/client.js';
import type { HmcCpc } from '../hmc/inventory.js';
import { HmcMetricsContext } from '../hmc/metrics-context.js';
import type { MetricObjectValues } from '../hmc/metrics-text.js';
import type { InventoryService } from '../inventory/service.js';
import type { Logger } from '../logger.js';
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

/**
 * Metric groups the context asks for: the HMC sources of the catalog's CPC and partition usage
 * metrics, both modes (DPM: dpm-system-usage-overview, partition-usage; classic: cpc-usage-overview,
 * logical-partition-usage). Per-adapter, per-channel and per-processor groups are Prometheus-only.
 */
export const LIVE_METRIC_GROUPS: readonly string[] = [
  ...new Set(
    METRIC_IDS.flatMap((id) => {
      const entry = CATALOG[id];
      if (entry.unit !== 'ratio' || (entry.scope !== 'cpc' && entry.scope !== 'partition')) return [];
      return [entry.hmc.dpm?.group, entry.hmc.classic?.group].filter((g): g is string => g !== undefined);
    }),
  ),
];

export interface LiveSourceOptions {
  hmc: HmcClient;
  inventory: InventoryService;
  clock: Clock;
  logger: Logger;
  windowSeconds: number;
  pollSeconds: number;
}

interface ObjectRef {
  cpc: HmcCpc;
  partition?: string;
}

export class LiveSource implements TimeSeriesSource {
  readonly kind = 'live';
  readonly window: LiveWindow;
  private readonly context: HmcMetricsContext;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private lastPollOk = false;
  private closed = false;

  constructor(private readonly options: LiveSourceOptions) {
    this.window = new LiveWindow({ windowSeconds: options.windowSeconds, pollSeconds: options.pollSeconds });
    this.context = new HmcMetricsContext(options.hmc, LIVE_METRIC_GROUPS, options.logger);
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
    return { rows: heatmapRows(series.filter((s) => s.labels.partition !== undefined)), stale: this.stale };
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
      const values = await this.context.fetch();
      const nowSeconds = clock.nowMs() / 1000;
      this.recordUsage(values, cpcs);
      this.recordStatus(cpcs, Math.floor(nowSeconds));
      this.window.prune(nowSeconds);
      if (!this.lastPollOk) logger.info({ samples: this.window.size }, 'live source: polling the HMC');
      this.lastPollOk = true;
    } catch (err) {
      if (this.lastPollOk || !this.closed) logger.warn({ err: describeError(err) }, 'live source: HMC poll failed, serving stale data');
      this.lastPollOk = false;
    }
  }

  private recordUsage(values: readonly MetricObjectValues[], cpcs: readonly HmcCpc[]): void {
    const refs = new Map<string, ObjectRef>();
    for (const cpc of cpcs) {
      refs.set(cpc.uri, { cpc });
      for (const p of cpc.partitions) refs.set(p.uri, { cpc, partition: p.name });
    }
    for (const block of values) {
      const ref = refs.get(block.objectUri);
      const row = block.rows[0];
      if (ref === undefined || row === undefined || ref.cpc.mode === null) continue;
      const time = block.timestampMs / 1000;
      for (const { id, metric } of usageMetricsFor(block.group, ref.cpc.mode, ref.partition !== undefined)) {
        const percent = row[metric.hmc[ref.cpc.mode]?.metric ?? ''];
        // -1 means "no such resource" (the exporter skips it too); a gap is not a zero.
        if (typeof percent !== 'number' || percent < 0) continue;
        const labels: Record<string, string> = { cpc: ref.cpc.name };
        if (ref.partition !== undefined) labels.partition = ref.partition;
        this.window.record(id, labels, time, percent / 100);
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

function usageMetricsFor(group: string, mode: CpcMode, partitionScope: boolean): { id: MetricId; metric: UsageMetric }[] {
  const out: { id: MetricId; metric: UsageMetric }[] = [];
  for (const id of METRIC_IDS) {
    const metric = CATALOG[id];
    if (metric.unit !== 'ratio' || metric.scope !== (partitionScope ? 'partition' : 'cpc')) continue;
    if (metric.hmc[mode]?.group === group) out.push({ id, metric });
  }
  return out;
}
