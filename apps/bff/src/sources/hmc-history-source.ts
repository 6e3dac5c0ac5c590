// The HMC's own history of a CPC or partition: Get CPC / Partition / LPAR Historical Sustainability
// Data (`POST {uri}/operations/get-historical-sustainability-data`, zhmcclient
// `get_sustainability_data`), read-only. One read answers every metric of its object, so it is
// cached per object, range and resolution and shared by every panel and viewer; it goes through
// the HMC client like every HMC read (one deadline, bounded body, bounded concurrency, back-off).
import { HMC_HISTORY_RANGES, HMC_HISTORY_RESOLUTIONS, type HmcHistoryRange, type HmcHistoryResolution } from '@zlens/shared';
import { z } from 'zod';
import { ByteCache } from '../cache/byte-cache.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { HmcClient } from '../hmc/client.js';
import { HmcError } from '../hmc/hmc-error.js';

/** Per metric its points, oldest first (zhmcclient: `{timestamp, data}` with the timestamp in ms). */
const SustainabilitySchema = z.record(z.string(), z.array(z.object({ timestamp: z.number(), data: z.number().nullable().optional() })));

/** The HMC's points of one object, on one time grid. */
export interface HmcRecords {
  range: HmcHistoryRange;
  /** Seconds between points. */
  resolution: number;
  /** Unix seconds, oldest first. */
  timestamps: number[];
  /** HMC metric name → one value per timestamp (null where the HMC has none). */
  metrics: Record<string, (number | null)[]>;
}

export type HmcRecordsRead = { kind: 'records'; records: HmcRecords } | { kind: 'not-permitted' } | { kind: 'not-supported' };

export interface HmcHistoryRead {
  read: HmcRecordsRead;
  stale: boolean;
  /** Unix seconds the read was made. */
  fetchedAt: number;
}

/** The HMC's points change every resolution step (15 min at the finest): reading again sooner gains little. */
const FRESH_MS = 5 * 60_000;
/** Kept this long to be served, marked stale, while the HMC does not answer. */
const KEEP_MS = 60 * 60_000;
const MAX_BYTES = 32 * 1024 * 1024;
/** Points above this per metric are more than a chart shows: the range gets a coarser resolution. */
const MAX_POINTS = 4_400;
/**
 * A window this much longer than a range still gets that range (its first hour then has no HMC
 * point): a day's window aligned to its step must not cost a week's read.
 */
const RANGE_TOLERANCE_SECONDS = 3_600;

/** The shortest range of the operation that holds `startSeconds` (the year when none does: the HMC keeps no more). */
export function rangeFor(startSeconds: number, nowSeconds: number): HmcHistoryRange {
  const back = nowSeconds - startSeconds - RANGE_TOLERANCE_SECONDS;
  return HMC_HISTORY_RANGES.find(([, length]) => length >= back)?.[0] ?? 'last-year';
}

/** The finest resolution whose points over `range` stay within MAX_POINTS. */
export function resolutionFor(range: HmcHistoryRange): HmcHistoryResolution {
  const length = HMC_HISTORY_RANGES.find(([name]) => name === range)?.[1] ?? 0;
  const names = Object.keys(HMC_HISTORY_RESOLUTIONS) as HmcHistoryResolution[];
  return names.find((name) => length / HMC_HISTORY_RESOLUTIONS[name] <= MAX_POINTS) ?? 'one-month';
}

/** An answer that means "this user may not": 403 with a reason other than the session's (403.1: no Environmental Dashboard task). */
function notPermitted(err: unknown): boolean {
  return err instanceof HmcError && err.httpStatus === 403 && err.reason !== 4 && err.reason !== 5;
}

/** 404.1 on an object that exists: the SE has no such operation (zhmcclient's end-to-end tests read it so). */
function notSupported(err: unknown): boolean {
  return err instanceof HmcError && err.httpStatus === 404;
}

/** 400 to fifteen-minutes: the SE lacks the environmental-metrics feature, whose minimum is one hour. */
function resolutionRefused(err: unknown): boolean {
  return err instanceof HmcError && err.httpStatus === 400;
}

/** The HMC's answer on one grid: the union of every metric's timestamps, in seconds. */
export function recordsOf(body: unknown, range: HmcHistoryRange, resolution: number): HmcRecords {
  const parsed = SustainabilitySchema.safeParse(body);
  if (!parsed.success) throw new AppError('upstream_error', 'HMC: unexpected answer to Get Historical Sustainability Data');
  const times = new Set<number>();
  for (const points of Object.values(parsed.data)) for (const p of points) times.add(Math.floor(p.timestamp / 1000));
  const timestamps = [...times].sort((a, b) => a - b);
  const index = new Map(timestamps.map((t, i) => [t, i]));
  const metrics: Record<string, (number | null)[]> = {};
  for (const [name, points] of Object.entries(parsed.data)) {
    const values: (number | null)[] = timestamps.map(() => null);
    for (const p of points) {
      const i = index.get(Math.floor(p.timestamp / 1000));
      if (i !== undefined && p.data != null && Number.isFinite(p.data)) values[i] = p.data;
    }
    metrics[name] = values;
  }
  return { range, resolution, timestamps, metrics };
}

function sizeOf(read: HmcRecordsRead): number {
  if (read.kind !== 'records') return 16;
  const { timestamps, metrics } = read.records;
  return (Object.keys(metrics).length + 1) * timestamps.length * 9 + 256;
}

export class HmcHistorySource {
  private readonly cache: ByteCache<HmcRecordsRead>;

  constructor(
    private readonly hmc: HmcClient,
    private readonly clock: Clock,
  ) {
    this.cache = new ByteCache<HmcRecordsRead>({
      name: 'hmc-history',
      maxBytes: MAX_BYTES,
      freshMs: FRESH_MS,
      keepMs: KEEP_MS,
      sizeOf,
      clock,
    });
  }

  /** The records of the object at `uri` (a CPC, partition or logical partition) over `range`. */
  async read(uri: string, range: HmcHistoryRange): Promise<HmcHistoryRead> {
    const resolution = resolutionFor(range);
    const cached = await this.cache.load(`${uri}|${range}|${resolution}`, () => this.ask(uri, range, resolution));
    return { read: cached.value, stale: cached.stale, fetchedAt: Math.floor(cached.fetchedAtMs / 1000) };
  }

  private async ask(uri: string, range: HmcHistoryRange, resolution: HmcHistoryResolution): Promise<HmcRecordsRead> {
    try {
      return { kind: 'records', records: await this.post(uri, range, resolution) };
    } catch (err) {
      if (resolution === 'fifteen-minutes' && resolutionRefused(err)) {
        return this.ask(uri, range, 'one-hour');
      }
      if (notPermitted(err)) return { kind: 'not-permitted' };
      if (notSupported(err)) return { kind: 'not-supported' };
      throw err;
    }
  }

  private async post(uri: string, range: HmcHistoryRange, resolution: HmcHistoryResolution): Promise<HmcRecords> {
    const body = await this.hmc.post(`${uri}/operations/get-historical-sustainability-data`, { range, resolution });
    if (body.kind !== 'json') throw new AppError('upstream_error', 'HMC: Get Historical Sustainability Data answered no JSON');
    return recordsOf(body.value, range, HMC_HISTORY_RESOLUTIONS[resolution]);
  }
}
