// Zod schemas of the physical-layer endpoints: the fleet's power and energy, the top-N adapters
// of one CPC or the fleet, and a CPC's line-cord phases in one answer. Additive to api.ts (same conventions: the BFF validates the query with
// these, the web parses the answer).
import { z } from 'zod';
import {
  ADAPTER_FAMILIES,
  AdapterFamilySchema,
  CpcModeSchema,
  FreshnessShape,
  LabelValueSchema,
  MetricIdSchema,
  SourceKindSchema,
  TimeExpressionSchema,
} from './api.js';
import { MAX_POINTS_LIMIT } from './time.js';

// ---------- GET /api/v1/fleet/power ----------

export const FleetPowerQuerySchema = z.object({
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
  maxPoints: z.coerce.number().int().min(2).max(MAX_POINTS_LIMIT).default(500),
});
export type FleetPowerQuery = z.infer<typeof FleetPowerQuerySchema>;

export const CpcPowerSchema = z.object({
  cpc: z.string(),
  mode: CpcModeSchema.nullable(),
  /** Watts: the last sample, the average and the highest sample over the range; null without samples. */
  now: z.number().nullable(),
  avg: z.number().nullable(),
  peak: z.number().nullable(),
  /** kWh over the range: the average power times the range's length (null without samples). */
  energyKWh: z.number().nullable(),
  /** Watts per grid point; null where there is no sample. */
  values: z.array(z.number().nullable()),
});
export type CpcPower = z.infer<typeof CpcPowerSchema>;

export const FleetPowerResponseSchema = z.object({
  source: SourceKindSchema,
  step: z.number().int().positive(),
  start: z.number(),
  end: z.number(),
  timestamps: z.array(z.number()),
  /**
   * The site's power per grid point: the sum over the CPCs that report power, null where one of them
   * has no sample (a partial sum would be drawn as a drop in power).
   */
  total: z.array(z.number().nullable()),
  /** Site totals (watts, kWh) over the CPCs that report power; null without any. */
  now: z.number().nullable(),
  avg: z.number().nullable(),
  peak: z.number().nullable(),
  energyKWh: z.number().nullable(),
  /** The CPCs reporting power, highest average first. */
  cpcs: z.array(CpcPowerSchema),
  /** CPCs of the inventory with no power sample in the range (their model, mode or HMC has none). */
  missing: z.array(z.string()),
  stale: z.boolean(),
});
export type FleetPowerResponse = z.infer<typeof FleetPowerResponseSchema>;

// ---------- GET /api/v1/adapters/top ----------

export const AdapterTopQuerySchema = z.object({
  /** Omitted: every CPC of the fleet. */
  cpc: LabelValueSchema.optional(),
  /** Only adapters of this family (needs the HMC's adapter list; classic crypto adapters are `crypto`). */
  family: AdapterFamilySchema.optional(),
  n: z.coerce.number().int().min(1).max(100).default(10),
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
});
export type AdapterTopQuery = z.infer<typeof AdapterTopQuerySchema>;

export const AdapterTopEntrySchema = z.object({
  cpc: z.string(),
  /** DPM: the adapter's name (its view exists); classic crypto adapters: the PCHID the exporter names. */
  adapter: z.string(),
  metric: z.enum(['zhmc_adapter_usage_ratio', 'zhmc_crypto_adapter_usage_ratio']),
  adapterId: z.string().nullable(),
  type: z.string().nullable(),
  family: AdapterFamilySchema.nullable(),
  /** Whether zlens has an adapter view for it (a DPM adapter the inventory knows). */
  hasView: z.boolean(),
  avg: z.number().nullable(),
  peak: z.number().nullable(),
});
export type AdapterTopEntry = z.infer<typeof AdapterTopEntrySchema>;

export const AdapterTopResponseSchema = z.object({
  source: SourceKindSchema,
  start: z.number(),
  end: z.number(),
  n: z.number(),
  family: AdapterFamilySchema.nullable(),
  byAverage: z.array(AdapterTopEntrySchema),
  byPeak: z.array(AdapterTopEntrySchema),
  stale: z.boolean(),
});
export type AdapterTopResponse = z.infer<typeof AdapterTopResponseSchema>;

export const ADAPTER_TOP_FAMILIES = ADAPTER_FAMILIES.filter((f) => f !== 'other');

// ---------- GET /api/v1/line-cords ----------

export const LineCordsQuerySchema = z.object({
  cpc: LabelValueSchema,
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
  maxPoints: z.coerce.number().int().min(2).max(MAX_POINTS_LIMIT).default(1000),
});
export type LineCordsQuery = z.infer<typeof LineCordsQuerySchema>;

/**
 * The CPC's 24 line-cord phase metrics (`zhmc_cpc_power_cord<n>_phase_<p>_watt`) on one grid, in
 * one answer: each metric with its values as the exporter gives them (0 is its "not available";
 * null where there is no sample). A metric without a series is left out; one with two (a cord renamed
 * on the HMC) is there twice.
 */
export const LineCordsResponseSchema = z.object({
  source: SourceKindSchema,
  step: z.number().int().positive(),
  start: z.number(),
  end: z.number(),
  timestamps: z.array(z.number()),
  phases: z.array(z.object({ metric: MetricIdSchema, values: z.array(z.number().nullable()) })),
  ...FreshnessShape,
});
export type LineCordsResponse = z.infer<typeof LineCordsResponseSchema>;
