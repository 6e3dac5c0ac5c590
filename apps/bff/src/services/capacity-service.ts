// Capacity planning: a CPC's processor usage stacked by partition (GET /api/v1/stacked) and the
// trend and forecast of a CPC's or partition's processor usage (GET /api/v1/forecast). The math is
// @zlens/shared's (stackByPartition, forecastDailyPeaks); here the queries and the checks.
import {
  USAGE_THRESHOLDS,
  forecastDailyPeaks,
  gridTimestamps,
  stackByPartition,
  type ForecastQuery,
  type ForecastResponse,
  type StackedQuery,
  type StackedResponse,
} from '@zlens/shared';
import { notFound } from '../errors.js';
import type { Freshness } from '../sources/types.js';
import { parseTimeRange } from '../time-range.js';
import { findCpc, type QueryService } from './query-service.js';

const CPC_USAGE = 'zhmc_cpc_processor_usage_ratio';
const PARTITION_USAGE = 'zhmc_partition_processor_usage_ratio';
const DAY = 86_400;

/** Several answers as one: stale if any is (as old as the oldest), partial if any is, every warning once. */
function combined(results: readonly Freshness[], inventoryStale: boolean): Freshness {
  const stale = results.filter((r) => r.stale);
  const fetched = stale.flatMap((r) => (r.fetchedAt === undefined ? [] : [r.fetchedAt]));
  const warnings = [...new Set(results.flatMap((r) => r.warnings ?? []))];
  return {
    stale: stale.length > 0 || inventoryStale,
    ...(fetched.length > 0 ? { fetchedAt: Math.min(...fetched) } : {}),
    ...(results.some((r) => r.partial === true) ? { partial: true } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

export class CapacityService {
  constructor(private readonly queries: QueryService) {}

  async stacked(query: StackedQuery): Promise<StackedResponse> {
    const { source, inventory: inventoryService } = this.queries.deps;
    const range = this.queries.range(query.from, query.to, query.maxPoints);
    const inventory = await inventoryService.get();
    const cpc = findCpc(inventory, query.cpc).name;
    const [total, partitions, processors] = await Promise.all([
      source.series({ metric: CPC_USAGE, cpc, range }),
      source.series({ metric: PARTITION_USAGE, cpc, range }),
      source.partitionProcessors?.(cpc, range.end),
    ]);
    const timestamps = gridTimestamps(range);
    const totalValues = total.series[0]?.values ?? timestamps.map(() => null);
    const counts = processors?.counts ?? new Map<string, number>();
    const lines = partitions.series.map((s) => {
      const partition = s.labels.partition ?? '';
      return { partition, values: s.values, weight: counts.size > 0 ? (counts.get(partition) ?? 1) : 1 };
    });
    const stack = stackByPartition(totalValues, lines, query.n);
    return {
      cpc,
      source: source.kind,
      step: range.step,
      start: range.start,
      end: range.end,
      timestamps,
      total: totalValues,
      parts: stack.parts,
      other: stack.other,
      partitions: lines.filter((l) => l.values.some((v) => v !== null)).length,
      weighting: counts.size > 0 ? 'processors' : 'equal',
      ...combined([total, partitions, ...(processors === undefined ? [] : [processors])], inventory.stale),
    };
  }

  async forecast(query: ForecastQuery): Promise<ForecastResponse> {
    const { source, inventory: inventoryService, clock } = this.queries.deps;
    const now = Math.floor(clock.nowMs() / 1000);
    const { from, to } = parseTimeRange(query.from, query.to, now);
    const inventory = await inventoryService.get();
    const cpc = findCpc(inventory, query.cpc);
    if (query.partition !== undefined && !cpc.partitions.some((p) => p.name === query.partition)) {
      throw notFound(`partition: CPC "${cpc.name}" has no partition named "${query.partition}"`);
    }
    const threshold = USAGE_THRESHOLDS.critical / 100;
    // Whole UTC days within the range (and over: today so far is not a day's peak).
    const firstDayEnd = Math.ceil(from / DAY) * DAY + DAY;
    const lastDayEnd = Math.floor(Math.min(to, now) / DAY) * DAY;
    const base = {
      cpc: cpc.name,
      ...(query.partition === undefined ? {} : { partition: query.partition }),
      threshold,
      horizonDays: query.horizonDays,
    };
    if (source.dailyPeaks === undefined || lastDayEnd < firstDayEnd) {
      return { ...base, peaks: [], forecast: null, stale: inventory.stale };
    }
    const result = await source.dailyPeaks({
      metric: query.partition === undefined ? CPC_USAGE : PARTITION_USAGE,
      cpc: cpc.name,
      ...(query.partition === undefined ? {} : { partition: query.partition }),
      firstDayEnd,
      lastDayEnd,
    });
    return {
      ...base,
      peaks: result.peaks,
      forecast: forecastDailyPeaks(result.peaks, query.horizonDays, threshold),
      ...combined([result], inventory.stale),
    };
  }
}
