// Capacity planning endpoints: GET /api/v1/stacked (a CPC's processor usage by partition) and
// GET /api/v1/forecast (trend and forecast band of a CPC's or partition's processor usage).
import { z } from 'zod';
import { FreshnessShape, LabelValueSchema, SourceKindSchema, TimeExpressionSchema } from './api.js';
import { MAX_POINTS_LIMIT } from './time.js';

/** How many partitions a stacked chart names; the rest are "other". */
export const STACK_MAX_PARTS = 20;

export const StackedQuerySchema = z.object({
  cpc: LabelValueSchema,
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
  maxPoints: z.coerce.number().int().min(2).max(MAX_POINTS_LIMIT).default(1000),
  n: z.coerce.number().int().min(1).max(STACK_MAX_PARTS).default(8),
});
export type StackedQuery = z.infer<typeof StackedQuerySchema>;

const NullableValues = z.array(z.number().nullable());

export const StackedResponseSchema = z.object({
  cpc: z.string(),
  source: SourceKindSchema,
  step: z.number().int().positive(),
  start: z.number(),
  end: z.number(),
  timestamps: z.array(z.number()),
  /** The CPC's processor usage (zhmc_cpc_processor_usage_ratio), the height of the stack. */
  total: NullableValues,
  /** The largest parts by average, largest first; each the partition's share of the CPC's usage. */
  parts: z.array(z.object({ partition: z.string(), values: NullableValues, avg: z.number().nullable() })),
  /** The CPC's usage minus the parts shown (the other partitions), never negative. */
  other: NullableValues,
  /** How many partitions had usage in the range (shown and in "other"). */
  partitions: z.number().int(),
  /**
   * What a partition's usage ratio is weighted with to split the CPC's usage: its logical
   * processors as the exporter reports them (`processors`), or equally when no counts are exported.
   */
  weighting: z.enum(['processors', 'equal']),
  ...FreshnessShape,
});
export type StackedResponse = z.infer<typeof StackedResponseSchema>;

export const ForecastQuerySchema = z.object({
  cpc: LabelValueSchema,
  /** A partition's processor usage instead of the CPC's. */
  partition: LabelValueSchema.optional(),
  /** The history the trend is fitted to (whole days, in UTC). */
  from: TimeExpressionSchema.default('now-30d'),
  to: TimeExpressionSchema.default('now'),
  horizonDays: z.coerce.number().int().min(1).max(365).default(28),
});
export type ForecastQuery = z.infer<typeof ForecastQuerySchema>;

export const ForecastResponseSchema = z.object({
  cpc: z.string(),
  partition: z.string().optional(),
  /** The threshold the forecast is checked against (ratio; USAGE_THRESHOLDS.critical / 100). */
  threshold: z.number(),
  horizonDays: z.number().int(),
  /** The daily peaks the trend is fitted to (unix seconds at each day's end, ratio). */
  peaks: z.array(z.object({ time: z.number(), peak: z.number() })),
  /** Null when there are fewer than FORECAST_MIN_DAYS daily peaks. */
  forecast: z
    .object({
      slopePerDay: z.number(),
      level: z.number(),
      days: z.number().int(),
      points: z.array(z.object({ time: z.number(), trend: z.number(), low: z.number(), high: z.number() })),
      reachesInDays: z.number().int().nullable(),
      earliestInDays: z.number().int().nullable(),
    })
    .nullable(),
  ...FreshnessShape,
});
export type ForecastResponse = z.infer<typeof ForecastResponseSchema>;
