// What the HMC itself records over time: the historical sustainability data behind its
// Environmental Dashboard (`POST {cpc|partition|logical-partition}/operations/
// get-historical-sustainability-data`, zhmcclient `get_sustainability_data`), read-only, from the
// last day to the last year. GET /api/v1/hmc-history gives one catalog metric of one CPC or
// partition from it, for the part of a window zlens' own source (Prometheus or live polling) does
// not reach back to: that source's series win wherever they have samples.
import { z } from 'zod';
import { LabelValueSchema, MetricIdSchema, FreshnessShape, TimeExpressionSchema } from './api.js';
import type { MetricId } from './catalog.js';
import { MAX_POINTS_LIMIT } from './time.js';

/** One metric of the HMC's answer, and how it becomes the catalog metric of the same meaning. */
export interface HmcHistoryMetric {
  /** Which object's operation has it. */
  readonly object: 'cpc' | 'partition';
  /** The HMC's metric name, exactly as the operation answers it (zhmcclient's end-to-end tests). */
  readonly name: string;
  /** Multiplies the HMC's value: 0.01 turns its percent into the catalog's ratio. */
  readonly scale: number;
}

const cpcMetric = (name: string, scale = 1): HmcHistoryMetric => ({ object: 'cpc', name, scale });
const partitionMetric = (name: string, scale = 1): HmcHistoryMetric => ({ object: 'partition', name, scale });

/**
 * The catalog metrics the HMC's history has under another name. Partitions (DPM) and logical
 * partitions (classic) answer the same two metrics. `heat-load-water` and line cords are not in it.
 */
export const HMC_HISTORY_METRICS: Readonly<Partial<Record<MetricId, HmcHistoryMetric>>> = {
  zhmc_cpc_power_watt: cpcMetric('total-wattage'),
  zhmc_cpc_total_partition_power_watt: cpcMetric('partition-wattage'),
  zhmc_cpc_total_infrastructure_power_watt: cpcMetric('infrastructure-wattage'),
  zhmc_cpc_total_unassigned_power_watt: cpcMetric('unassigned-wattage'),
  zhmc_cpc_heat_load_total_btu_per_hour: cpcMetric('heat-load'),
  zhmc_cpc_heat_load_forced_air_btu_per_hour: cpcMetric('heat-load-forced-air'),
  zhmc_cpc_processor_usage_ratio: cpcMetric('processor-utilization', 0.01),
  zhmc_cpc_ambient_temperature_celsius: cpcMetric('ambient-temperature'),
  zhmc_cpc_exhaust_temperature_celsius: cpcMetric('exhaust-heat-temperature'),
  zhmc_cpc_dew_point_celsius: cpcMetric('dew-point'),
  zhmc_cpc_humidity_percent: cpcMetric('ambient-humidity'),
  zhmc_partition_power_watt: partitionMetric('wattage'),
  zhmc_partition_processor_usage_ratio: partitionMetric('processor-utilization', 0.01),
};

export function hmcHistoryMetric(metric: MetricId): HmcHistoryMetric | null {
  return HMC_HISTORY_METRICS[metric] ?? null;
}

/** The operation's `range` values and their length in seconds (zhmcclient's list; custom is not used). */
export const HMC_HISTORY_RANGES = [
  ['last-day', 86_400],
  ['last-week', 7 * 86_400],
  ['last-month', 30 * 86_400],
  ['last-three-months', 90 * 86_400],
  ['last-six-months', 180 * 86_400],
  ['last-year', 365 * 86_400],
] as const;
export type HmcHistoryRange = (typeof HMC_HISTORY_RANGES)[number][0];

/** The operation's `resolution` values and their length in seconds. */
export const HMC_HISTORY_RESOLUTIONS = {
  'fifteen-minutes': 900,
  'one-hour': 3_600,
  'one-day': 86_400,
  'one-week': 7 * 86_400,
  'one-month': 30 * 86_400,
} as const;
export type HmcHistoryResolution = keyof typeof HMC_HISTORY_RESOLUTIONS;

/** Why there is no HMC history: no HMC, the HMC does not know the object, its user may not read it, or the HMC has no such operation. */
export const HMC_HISTORY_UNAVAILABLE = ['needs-hmc', 'unknown-to-hmc', 'not-permitted', 'not-supported'] as const;

export const HmcHistoryQuerySchema = z.object({
  metric: MetricIdSchema.refine((id) => hmcHistoryMetric(id) !== null, 'the HMC records no history of this metric'),
  cpc: LabelValueSchema,
  /** Partition metrics: the partition (DPM) or LPAR (classic). */
  partition: LabelValueSchema.optional(),
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
  /** The chart's own series request's maxPoints: its answer (cached) tells where zlens' own data starts. */
  maxPoints: z.coerce.number().int().min(2).max(MAX_POINTS_LIMIT).default(1000),
});
export type HmcHistoryQuery = z.infer<typeof HmcHistoryQuerySchema>;

export const HmcHistoryResponseSchema = z.object({
  metric: MetricIdSchema,
  available: z.boolean(),
  unavailableReason: z.enum(HMC_HISTORY_UNAVAILABLE).optional(),
  /** The window (unix seconds), as the chart's own series request aligns it. */
  start: z.number(),
  end: z.number(),
  /** Unix seconds of zlens' own first sample in the window (Prometheus or live); null when it has none (or, without an HMC, was not asked). */
  primaryFrom: z.number().nullable(),
  /** The operation's range and resolution asked for; absent when the HMC was not needed or not read. */
  hmcRange: z.enum(HMC_HISTORY_RANGES.map(([name]) => name) as [HmcHistoryRange, ...HmcHistoryRange[]]).optional(),
  /** Seconds between the HMC's points (900: fifteen minutes). */
  resolution: z.number().int().positive().optional(),
  /** The HMC's points in the window before primaryFrom (all of the window when null), oldest first, in the catalog metric's unit. */
  timestamps: z.array(z.number()),
  values: z.array(z.number().nullable()),
  ...FreshnessShape,
});
export type HmcHistoryResponse = z.infer<typeof HmcHistoryResponseSchema>;
