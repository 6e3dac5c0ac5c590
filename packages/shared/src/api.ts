// Zod schemas of every /api/v1 request and response, with the types inferred from them.
// The BFF validates requests with these; the web parses responses with them.
import { z } from 'zod';
import { METRIC_IDS } from './catalog.js';
import { MAX_POINTS_LIMIT, isTimeExpression } from './time.js';

// ---------- common ----------

export const SOURCES = ['prometheus', 'hmc'] as const;
export const SourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof SourceSchema>;

/** A CPC or partition name as given in a URL: any text (spaces, quotes, CJK), checked against the inventory. */
export const LabelValueSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters')
  .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x20), 'must not contain control characters');

export const TimeExpressionSchema = z
  .string()
  .refine(isTimeExpression, 'must be unix seconds, RFC 3339, "now" or "now-<n><s|m|h|d|w>"');

export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'upstream_error',
  'upstream_timeout',
  'unavailable',
  'internal',
] as const;
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
export type ErrorCode = (typeof ERROR_CODES)[number];

// ---------- GET /api/v1/inventory ----------

export const CpcModeSchema = z.enum(['dpm', 'classic']);

export const PartitionSummarySchema = z.object({
  name: z.string(),
  /** HMC status string (active, stopped, ...), or null when no source knows it. */
  status: z.string().nullable(),
  /** Partition type (linux, ssc, zvm, ...) from the HMC; null without the HMC. */
  type: z.string().nullable(),
  sources: z.array(SourceSchema),
});
export type PartitionSummary = z.infer<typeof PartitionSummarySchema>;

export const CpcSummarySchema = z.object({
  name: z.string(),
  /** null when neither source can tell (Prometheus alone does not carry the mode). */
  mode: CpcModeSchema.nullable(),
  status: z.string().nullable(),
  machineType: z.string().nullable(),
  machineModel: z.string().nullable(),
  sources: z.array(SourceSchema),
  partitions: z.array(PartitionSummarySchema),
});
export type CpcSummary = z.infer<typeof CpcSummarySchema>;

export const InventoryResponseSchema = z.object({
  cpcs: z.array(CpcSummarySchema),
  /** True when a source could not be reached and the last known inventory is served. */
  stale: z.boolean(),
  /** Unix seconds of the data served. */
  updatedAt: z.number(),
});
export type InventoryResponse = z.infer<typeof InventoryResponseSchema>;

// ---------- GET /api/v1/series ----------

export const SeriesQuerySchema = z.object({
  metric: z.enum(METRIC_IDS),
  cpc: LabelValueSchema,
  partition: LabelValueSchema.optional(),
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
  maxPoints: z.coerce.number().int().min(2).max(MAX_POINTS_LIMIT).default(1000),
});
export type SeriesQuery = z.infer<typeof SeriesQuerySchema>;
export type SeriesQueryInput = z.input<typeof SeriesQuerySchema>;

export const SeriesSchema = z.object({
  labels: z.record(z.string(), z.string()),
  /** One value per timestamp; null where there is no sample (a gap is not a zero). */
  values: z.array(z.number().nullable()),
});
export type Series = z.infer<typeof SeriesSchema>;

export const SeriesResponseSchema = z.object({
  metric: z.enum(METRIC_IDS),
  source: z.enum(['prometheus', 'live']),
  /** Seconds between points. */
  step: z.number().int().positive(),
  /** Unix seconds, aligned to the step. */
  start: z.number(),
  end: z.number(),
  timestamps: z.array(z.number()),
  series: z.array(SeriesSchema),
  /** True when the source could not be reached and what is shown may be old. */
  stale: z.boolean(),
});
export type SeriesResponse = z.infer<typeof SeriesResponseSchema>;

// ---------- health ----------

export const CheckSchema = z.object({
  ok: z.boolean(),
  message: z.string().optional(),
  latencyMs: z.number().optional(),
});
export const ReadyResponseSchema = z.object({
  ready: z.boolean(),
  mode: z.enum(['prometheus', 'live']),
  checks: z.object({ prometheus: CheckSchema.optional(), hmc: CheckSchema.optional() }),
});
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;

export const HealthResponseSchema = z.object({ status: z.literal('ok') });
