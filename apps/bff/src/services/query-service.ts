// Series, top-N and heatmap: request checks the schemas cannot make (time order, which parameters a
// metric takes, names the inventory knows, the CPC's mode), then one call to the source. A metric
// the CPC's mode lacks is answered with `unsupportedInMode` and no upstream query at all.
import {
  CATALOG,
  SCRAPE_INTERVAL_SECONDS,
  alignRange,
  alternativeInMode,
  gridTimestamps,
  metricAppliesTo,
  parseTimeExpression,
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
import { adapterLabel, heatmapApplies } from '../prometheus/promql.js';
import type { Freshness, TimeSeriesSource } from '../sources/types.js';

export interface QueryServiceDeps {
  inventory: InventoryService;
  source: TimeSeriesSource;
  clock: Clock;
}

const TIME_HINT = 'must be unix seconds, RFC 3339, "now" or Grafana\'s relative syntax ("now-<n><s|m|h|d|w|M|y>", rounded with "/d", "/w", ...)';
/** Longer ranges are a mistake, and would overflow PromQL durations (int64 nanoseconds) besides. */
export const MAX_RANGE_SECONDS = 5 * 366 * 86_400;
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
      return { ...base, series: [], stale: inventory.stale, unsupportedInMode: { mode: cpc.mode, alternative: alternativeInMode(metric, cpc.mode) } };
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
    if (metric.scope === 'cpc') throw badRequest(`metric: ${query.metric} is a CPC metric; top-N ranks partitions, adapters, ports, NICs, channels or processors`);
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

  /** The aligned range of a request (the checks and the Prometheus end clamp every endpoint applies). */
  range(fromText: string, toText: string, maxPoints: number): AlignedRange {
    const nowSeconds = Math.floor(this.deps.clock.nowMs() / 1000);
    const from = parseTimeExpression(fromText, nowSeconds);
    // The end rounds up, as Grafana's `to` does: `now/d` ends the day (see parseTimeExpression).
    const to = parseTimeExpression(toText, nowSeconds, true);
    if (from === null) throw badRequest(`from: ${TIME_HINT}`);
    if (to === null) throw badRequest(`to: ${TIME_HINT}`);
    if (from >= to) throw badRequest(`from: must be before to (from=${from}, to=${to})`);
    if (to - from > MAX_RANGE_SECONDS) throw badRequest(`from: the range may span at most ${MAX_RANGE_SECONDS / 86_400} days`);
    const range = alignRange(from, to, maxPoints);
    if (this.deps.source.kind !== 'prometheus') return range;
    // A point younger than one scrape interval is provisional: a scrape may still land before it
    // (and another exporter's target may not be scraped yet). Prometheus answers end at the last
    // step at least one scrape old, so every answer is final, identical for every viewer within
    // the step, and cacheable: a wall of dashboards costs one upstream query per panel per step.
    const newest = Math.floor((nowSeconds - SCRAPE_INTERVAL_SECONDS) / range.step) * range.step;
    if (newest >= range.end) return range;
    if (newest < range.start) throw badRequest(`to: the range holds no point at least one scrape interval (${SCRAPE_INTERVAL_SECONDS} s) old`);
    return { ...range, end: newest };
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
