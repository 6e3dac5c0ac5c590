// Series, top-N and heatmap: request checks the schemas cannot make (time order, which parameters a
// metric takes, names the inventory knows, the CPC's mode), then one call to the source. A metric
// the CPC's mode lacks is answered with `unsupportedInMode` and no upstream query at all.
import {
  CATALOG,
  adapterLabel,
  alignRange,
  alternativeInMode,
  gridTimestamps,
  heatmapApplies,
  metricAppliesTo,
  type AlignedRange,
  type CpcSummary,
  type HeatmapQuery,
  type HeatmapResponse,
  type InventoryResponse,
  type SeriesQuery,
  type SeriesResponse,
  type TopQuery,
  type TopResponse,
} from '@zlens/shared';
import type { Clock } from '../clock.js';
import { badRequest, notFound } from '../errors.js';
import type { InventoryService } from '../inventory/service.js';
import type { Freshness, TimeSeriesSource } from '../sources/types.js';
import { parseTimeRange } from '../time-range.js';

export interface QueryServiceDeps {
  inventory: InventoryService;
  source: TimeSeriesSource;
  clock: Clock;
}

/** Top-N ranks on a coarse grid: the step only matters for the peak of a counter's rate. */
const TOP_MAX_POINTS = 1000;

export class QueryService {
  // deps and range() are read by the physical-layer service (physical-service.ts) too.
  constructor(readonly deps: QueryServiceDeps) {}

  async series(query: SeriesQuery): Promise<SeriesResponse> {
    const metric = CATALOG[query.metric];
    if (query.partition !== undefined && !metric.labels.includes('partition')) {
      throw badRequest(`partition: ${query.metric} is a ${metric.scope} metric and takes no partition`);
    }
    if (query.adapter !== undefined && adapterLabel(metric) === null) {
      throw badRequest(`adapter: ${query.metric} is a ${metric.scope} metric and takes no adapter`);
    }
    const range = this.range(query.from, query.to, query.maxPoints);
    const inventory = await this.deps.inventory.get();
    const cpc = findCpc(inventory, query.cpc);
    if (query.partition !== undefined && !cpc.partitions.some((p) => p.name === query.partition)) {
      throw notFound(`partition: CPC "${cpc.name}" has no partition named "${query.partition}"`);
    }
    if (query.adapter !== undefined && !cpc.adapters.some((a) => a.name === query.adapter)) {
      throw notFound(`adapter: CPC "${cpc.name}" has no adapter named "${query.adapter}"`);
    }
    const base = {
      metric: query.metric,
      source: this.deps.source.kind,
      step: range.step,
      start: range.start,
      end: range.end,
      timestamps: gridTimestamps(range),
    };
    if (cpc.mode !== null && !metricAppliesTo(metric, cpc.mode)) {
      return {
        ...base,
        series: [],
        stale: inventory.stale,
        unsupportedInMode: { mode: cpc.mode, alternative: alternativeInMode(metric, cpc.mode) },
      };
    }
    const result = await this.deps.source.series({
      metric: query.metric,
      cpc: cpc.name,
      range,
      ...(query.partition === undefined ? {} : { partition: query.partition }),
      ...(query.adapter === undefined ? {} : { adapter: query.adapter }),
    });
    return { ...base, series: result.series, ...freshness(result, inventory.stale) };
  }

  async top(query: TopQuery): Promise<TopResponse> {
    const metric = CATALOG[query.metric];
    if (metric.scope === 'cpc')
      throw badRequest(`metric: ${query.metric} is a CPC metric; top-N ranks partitions, adapters, ports, NICs, channels or processors`);
    const range = this.range(query.from, query.to, TOP_MAX_POINTS);
    if (range.end <= range.start) throw badRequest(`from: the range is shorter than one step (${range.step} s)`);
    const inventory = await this.deps.inventory.get();
    const cpc = findCpc(inventory, query.cpc);
    const base = { metric: query.metric, source: this.deps.source.kind, start: range.start, end: range.end, n: query.n };
    if (cpc.mode !== null && !metricAppliesTo(metric, cpc.mode)) {
      const unsupportedInMode = { mode: cpc.mode, alternative: alternativeInMode(metric, cpc.mode) };
      return { ...base, byAverage: [], byPeak: [], stale: inventory.stale, unsupportedInMode };
    }
    const result = await this.deps.source.top({ metric: query.metric, cpc: cpc.name, n: query.n, range });
    return { ...base, byAverage: result.byAverage, byPeak: result.byPeak, ...freshness(result, inventory.stale) };
  }

  async heatmap(query: HeatmapQuery): Promise<HeatmapResponse> {
    if (!heatmapApplies(query.metric)) {
      throw badRequest(`metric: ${query.metric} has no partitions to show as a heatmap (use a partition, NIC or channel metric)`);
    }
    const range = this.range(query.from, query.to, query.maxPoints);
    const inventory = await this.deps.inventory.get();
    const cpc = query.cpc === undefined ? undefined : findCpc(inventory, query.cpc).name;
    const result = await this.deps.source.heatmap({ metric: query.metric, range, ...(cpc === undefined ? {} : { cpc }) });
    return {
      metric: query.metric,
      source: this.deps.source.kind,
      step: range.step,
      start: range.start,
      end: range.end,
      timestamps: gridTimestamps(range),
      rows: result.rows,
      ...freshness(result, inventory.stale),
    };
  }

  /** The aligned range of a request (the checks every endpoint applies), as the source answers it (finalRange). */
  range(fromText: string, toText: string, maxPoints: number): AlignedRange {
    const nowSeconds = Math.floor(this.deps.clock.nowMs() / 1000);
    const { from, to } = parseTimeRange(fromText, toText, nowSeconds);
    const range = alignRange(from, to, maxPoints);
    return this.deps.source.finalRange?.(range, nowSeconds) ?? range;
  }
}

/**
 * The answer's freshness as the API states it: stale when the source served an older answer (with
 * when it was read: `fetchedAt`) or the inventory is stale; `partial` and `warnings` when the
 * source warned (Prometheus' envelope).
 */
function freshness(result: Freshness, inventoryStale: boolean): Freshness {
  return {
    stale: result.stale || inventoryStale,
    ...(result.fetchedAt === undefined ? {} : { fetchedAt: result.fetchedAt }),
    ...(result.partial === true ? { partial: true } : {}),
    ...(result.warnings === undefined || result.warnings.length === 0 ? {} : { warnings: result.warnings }),
  };
}

/** Label values from the URL must name something the inventory knows (design.md "Query hygiene"). */
export function findCpc(inventory: InventoryResponse, name: string): CpcSummary {
  const cpc = inventory.cpcs.find((c) => c.name === name);
  if (cpc === undefined) throw notFound(`cpc: no CPC named "${name}"`);
  return cpc;
}
