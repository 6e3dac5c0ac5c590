// GET /api/v1/hmc-history: the HMC's own records of one metric of a CPC or partition, for the part
// of a chart's window that zlens' own source (Prometheus, or live polling in HMC-only mode) does not
// reach back to. That source's series win: the HMC's points end where its first sample is, and the
// HMC is not asked at all when that source covers the whole window.
import {
  CATALOG,
  HMC_HISTORY_RESOLUTIONS,
  hmcHistoryMetric,
  type HmcHistoryQuery,
  type HmcHistoryResponse,
  type SeriesResponse,
} from '@zlens/shared';
import type { Clock } from '../clock.js';
import { badRequest } from '../errors.js';
import type { InventoryService } from '../inventory/service.js';
import { rangeFor, type HmcHistorySource, type HmcRecords } from '../sources/hmc-history-source.js';
import type { QueryService } from './query-service.js';

export interface HmcHistoryServiceDeps {
  queries: QueryService;
  inventory: InventoryService;
  /** Null without an HMC (Prometheus only). */
  history: HmcHistorySource | null;
  clock: Clock;
}

/** Nothing finer than this is in the HMC's records: a source starting within it covers the window. */
const FINEST_SECONDS = HMC_HISTORY_RESOLUTIONS['fifteen-minutes'];

/** Unix seconds of the first sample of any series, null when none has one. */
export function firstSample(response: Pick<SeriesResponse, 'timestamps' | 'series'>): number | null {
  let first: number | null = null;
  for (const series of response.series) {
    const index = series.values.findIndex((v) => v !== null);
    const time = index < 0 ? undefined : response.timestamps[index];
    if (time !== undefined && (first === null || time < first)) first = time;
  }
  return first;
}

/**
 * The HMC's points of one metric inside [start, end] and before `until` (all of it when null),
 * scaled to the catalog's unit. A negative value is the HMC's "does not exist" (−1), except for
 * a temperature.
 */
export function fillPoints(
  records: HmcRecords,
  name: string,
  scale: number,
  window: { start: number; end: number; until: number | null },
  negativeIsValue: boolean,
): { timestamps: number[]; values: (number | null)[] } {
  const source = records.metrics[name] ?? [];
  const timestamps: number[] = [];
  const values: (number | null)[] = [];
  records.timestamps.forEach((t, i) => {
    if (t < window.start || t > window.end || (window.until !== null && t >= window.until)) return;
    const v = source[i] ?? null;
    timestamps.push(t);
    values.push(v === null || (v < 0 && !negativeIsValue) ? null : v * scale);
  });
  return { timestamps, values };
}

export class HmcHistoryService {
  constructor(private readonly deps: HmcHistoryServiceDeps) {}

  async fill(query: HmcHistoryQuery): Promise<HmcHistoryResponse> {
    const mapping = hmcHistoryMetric(query.metric);
    if (mapping === null) throw badRequest(`metric: the HMC records no history of ${query.metric}`);
    if (mapping.object === 'partition' && query.partition === undefined) throw badRequest(`partition: ${query.metric} needs one partition`);
    if (mapping.object === 'cpc' && query.partition !== undefined)
      throw badRequest(`partition: ${query.metric} is a CPC metric and takes no partition`);
    const { metric, cpc, partition, from, to, maxPoints } = query;
    const { history } = this.deps;
    if (history === null) {
      const { start, end } = this.deps.queries.range(from, to, maxPoints);
      return {
        metric,
        start,
        end,
        primaryFrom: null,
        timestamps: [],
        values: [],
        stale: false,
        available: false,
        unavailableReason: 'needs-hmc',
      };
    }
    // The chart's own request (same window and points: a cache hit), which also checks the names.
    const own = await this.deps.queries.series({ metric, cpc, from, to, maxPoints, ...(partition === undefined ? {} : { partition }) });
    const primaryFrom = firstSample(own);
    const base = { metric, start: own.start, end: own.end, primaryFrom, timestamps: [], values: [], stale: false };
    if (primaryFrom !== null && primaryFrom - own.start < FINEST_SECONDS) return { ...base, available: true };
    const uri = this.hmcUri(query.cpc, query.partition);
    if (uri === null) return { ...base, available: false, unavailableReason: 'unknown-to-hmc' };
    const nowSeconds = Math.floor(this.deps.clock.nowMs() / 1000);
    const { read, stale, fetchedAt } = await history.read(uri, rangeFor(own.start, nowSeconds));
    if (read.kind !== 'records') return { ...base, available: false, unavailableReason: read.kind };
    const { records } = read;
    const celsius = CATALOG[query.metric].unit === 'celsius';
    const points = fillPoints(records, mapping.name, mapping.scale, { start: own.start, end: own.end, until: primaryFrom }, celsius);
    return {
      ...base,
      ...points,
      available: true,
      hmcRange: records.range,
      resolution: records.resolution,
      stale,
      ...(stale ? { fetchedAt } : {}),
    };
  }

  /** The HMC's URI of the CPC or of its partition; null when the HMC does not know it. */
  private hmcUri(cpcName: string, partitionName: string | undefined): string | null {
    const cpc = this.deps.inventory.hmcCpcs()?.find((c) => c.name === cpcName);
    if (cpc === undefined) return null;
    if (partitionName === undefined) return cpc.uri;
    return cpc.partitions.find((p) => p.name === partitionName)?.uri ?? null;
  }
}
