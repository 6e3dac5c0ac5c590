// Zod schemas of every /api/v1 request and response, with the types inferred from them.
// The BFF validates requests with these; the web parses responses with them.
import { z } from 'zod';
import { CPC_MODES, METRIC_IDS, type MetricId } from './catalog.js';
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

export const TimeExpressionSchema = z.string().refine(isTimeExpression, 'must be unix seconds, RFC 3339, "now" or "now-<n><s|m|h|d|w>"');

export const ERROR_CODES = [
  'bad_request',
  'unauthenticated',
  'not_found',
  'method_not_allowed',
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

/** A catalog metric id; the browser names metrics, never PromQL. */
// z.enum wants a non-empty tuple type; METRIC_IDS is the catalog's ids, never empty.
export const MetricIdSchema = z.enum(METRIC_IDS as [MetricId, ...MetricId[]]);

// ---------- GET /api/v1/inventory ----------

export const CpcModeSchema = z.enum(CPC_MODES);

/** Where the BFF's time series come from: Prometheus, or the HMC's metrics polled live (no Prometheus). */
export const SOURCE_KINDS = ['prometheus', 'live'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** Network (OSA, RoCE, HiperSockets, ...), storage (FCP, FICON), crypto, accelerator (zEDC). */
export const ADAPTER_FAMILIES = ['network', 'storage', 'crypto', 'accelerator', 'other'] as const;
export const AdapterFamilySchema = z.enum(ADAPTER_FAMILIES);
export type AdapterFamily = z.infer<typeof AdapterFamilySchema>;

export const PartitionSummarySchema = z.object({
  name: z.string(),
  /** HMC status string (active, stopped, operating, ...), or null when no source knows it. */
  status: z.string().nullable(),
  /** Partition type (linux, ssc, zvm) or classic activation mode, from the HMC; null without it. */
  type: z.string().nullable(),
  sources: z.array(SourceSchema),
  /** True when Prometheus is configured but has no series for a partition the HMC knows. */
  noSeries: z.boolean(),
  /**
   * True when no source knows the status because the exporter does not export it (its status
   * metric has no series for the CPC at all: the resource group is off) — not the same as unknown.
   */
  statusNotExported: z.boolean().optional(),
  /**
   * Prometheus only: the partition had usage series within the inventory's lookback but has none
   * now (stopped partitions have no usage series, and without the resource groups no status series).
   */
  noRecentData: z.boolean().optional(),
});
export type PartitionSummary = z.infer<typeof PartitionSummarySchema>;

export const AdapterSummarySchema = z.object({
  name: z.string(),
  /** The PCHID (`adapter-id`), a hex string; null without the HMC. */
  adapterId: z.string().nullable(),
  /** HMC `type` (osd, roce, fcp, crypto, zedc, ...); null without the HMC. */
  type: z.string().nullable(),
  /** Derived from the HMC `type`/`adapter-family`; null without the HMC (the exporter has no such label). */
  family: AdapterFamilySchema.nullable(),
  status: z.string().nullable(),
  sources: z.array(SourceSchema),
  /** As for partitions: the exporter exports no status for this CPC's adapters. */
  statusNotExported: z.boolean().optional(),
});
export type AdapterSummary = z.infer<typeof AdapterSummarySchema>;

export const CpcSummarySchema = z.object({
  name: z.string(),
  /**
   * null when neither source can tell. Prometheus alone: from the partition status family, else
   * inferred from which metric families exist (partition-usage → DPM; logical-partition-usage,
   * channel-usage → classic).
   */
  mode: CpcModeSchema.nullable(),
  status: z.string().nullable(),
  /** As for partitions: the exporter exports no CPC status (cpc-resource off). */
  statusNotExported: z.boolean().optional(),
  machineType: z.string().nullable(),
  machineModel: z.string().nullable(),
  sources: z.array(SourceSchema),
  partitions: z.array(PartitionSummarySchema),
  adapters: z.array(AdapterSummarySchema),
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

// ---------- detail views: /api/v1/cpcs/:cpc[/partitions/:partition | /adapters/:adapter] ----------

/**
 * One resource metric the exporter exports for a CPC or partition (its `*-resource` groups), as
 * Prometheus has it now: the number, or for the exporter's text properties (description, sysplex
 * name, ...) the `value` label; `help` is the exporter's own HELP text.
 */
export const ExportedPropertySchema = z.object({
  metric: z.string(),
  help: z.string(),
  value: z.number().nullable(),
  text: z.string().nullable(),
});
export type ExportedProperty = z.infer<typeof ExportedPropertySchema>;

/** Where a detail view's properties came from, and every resource metric the exporter exports for it. */
const ExportedShape = {
  /** The source of the typed properties (processors, weights, memory, ...): the HMC when it answered, else Prometheus; null when neither has them. */
  propertiesSource: SourceSchema.nullable().optional(),
  /** Every resource metric Prometheus has for the object now (Prometheus configured only). */
  exported: z.array(ExportedPropertySchema).optional(),
};

const ProcessorCountsSchema = z.object({
  cp: z.number().nullable(),
  ifl: z.number().nullable(),
  iip: z.number().nullable(),
  icf: z.number().nullable(),
  sap: z.number().nullable(),
});

const TypeCountsSchema = ProcessorCountsSchema.pick({ cp: true, ifl: true, iip: true, icf: true });

/** Processors by type that the activated LPARs use in one processor mode; null where some LPAR's mode or count is unknown. */
export const ProcessorsByModeSchema = z.object({ shared: TypeCountsSchema, dedicated: TypeCountsSchema });
export type ProcessorsByMode = z.infer<typeof ProcessorsByModeSchema>;

export const CpcDetailSchema = CpcSummarySchema.extend({
  seVersion: z.string().nullable(),
  /** Active processors by type (HMC `processor-count-*`, or the exporter's `zhmc_cpc_*_processor_count`). */
  processors: ProcessorCountsSchema,
  /**
   * Classic CPCs with an HMC: the activated LPARs' processors by type in each mode (their
   * `processor-usage` and `number-*-processors`); absent when the LPARs were not read.
   */
  processorsByMode: ProcessorsByModeSchema.optional(),
  /** Installed memory, MiB. */
  memoryMiB: z.number().nullable(),
  stale: z.boolean(),
  ...ExportedShape,
});
export type CpcDetail = z.infer<typeof CpcDetailSchema>;

/** How a partition reaches a physical adapter. */
export const AdapterUseSchema = AdapterSummarySchema.pick({ adapterId: true, type: true, family: true }).extend({
  adapter: z.string(),
  /** DPM: a NIC (through a virtual switch or straight to a port) or a storage group; classic: a channel. */
  via: z.enum(['nic', 'storage-group', 'channel']),
  /** The NIC, storage group or channel (CSS.CHPID) name. */
  through: z.string(),
  /** Adapter port index, where known. */
  port: z.number().nullable(),
});
export type AdapterUse = z.infer<typeof AdapterUseSchema>;

export const PartitionDetailSchema = PartitionSummarySchema.extend({
  cpc: z.string(),
  cpcMode: CpcModeSchema.nullable(),
  description: z.string().nullable(),
  /** shared or dedicated */
  processorMode: z.string().nullable(),
  processors: TypeCountsSchema,
  /** Current processing weights by processor type (1..999), where the partition has them. */
  weights: z.object({ cp: z.number().nullable(), ifl: z.number().nullable(), iip: z.number().nullable(), icf: z.number().nullable() }),
  memoryMiB: z.object({ initial: z.number().nullable(), maximum: z.number().nullable() }),
  adapters: z.array(AdapterUseSchema),
  stale: z.boolean(),
  ...ExportedShape,
});
export type PartitionDetail = z.infer<typeof PartitionDetailSchema>;

export const AdapterPortSchema = z.object({ index: z.number(), name: z.string().nullable() });

export const AdapterDetailSchema = AdapterSummarySchema.extend({
  cpc: z.string(),
  detectedCardType: z.string().nullable(),
  ports: z.array(AdapterPortSchema),
  /** The partitions that use this adapter and how. */
  partitions: z.array(
    z.object({ partition: z.string(), via: AdapterUseSchema.shape.via, through: z.string(), port: z.number().nullable() }),
  ),
  stale: z.boolean(),
});
export type AdapterDetail = z.infer<typeof AdapterDetailSchema>;

// ---------- GET /api/v1/series ----------

const RangeQueryShape = {
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
};

export const SeriesQuerySchema = z.object({
  metric: MetricIdSchema,
  cpc: LabelValueSchema,
  /** Partition-scope and NIC/channel metrics: one partition (else every partition of the CPC). */
  partition: LabelValueSchema.optional(),
  /** Adapter, port and NIC metrics: one adapter (else every adapter of the CPC). */
  adapter: LabelValueSchema.optional(),
  ...RangeQueryShape,
  maxPoints: z.coerce.number().int().min(2).max(MAX_POINTS_LIMIT).default(1000),
});
export type SeriesQuery = z.infer<typeof SeriesQuerySchema>;

export const SeriesSchema = z.object({
  labels: z.record(z.string(), z.string()),
  /** One value per timestamp; null where there is no sample (a gap is not a zero). */
  values: z.array(z.number().nullable()),
});
export type Series = z.infer<typeof SeriesSchema>;

/** Set instead of data when the CPC's mode has no such metric (e.g. network adapters on a classic CPC). */
export const UnsupportedInModeSchema = z.object({
  mode: CpcModeSchema,
  /** The metric that shows the same thing in this mode, if there is one (classic: channel usage). */
  alternative: MetricIdSchema.nullable(),
});

/**
 * How fresh and how whole an answer is. `stale` answers come from the BFF's last good answer while
 * the upstream is away; `fetchedAt` then says how old they are. `partial` answers are what the
 * engine sent with warnings (Thanos, Mimir: a store did not answer), so part of the data may be
 * missing; `warnings` are the engine's words, bounded and redacted.
 */
export const FreshnessShape = {
  /** True when the source could not be reached and what is shown may be old. */
  stale: z.boolean(),
  /** Unix seconds when this answer was read from its source (set on stale answers). */
  fetchedAt: z.number().optional(),
  partial: z.boolean().optional(),
  warnings: z.array(z.string()).optional(),
};

export const SeriesResponseSchema = z.object({
  metric: MetricIdSchema,
  source: SourceKindSchema,
  /** Seconds between points. */
  step: z.number().int().positive(),
  /** Unix seconds, aligned to the step. */
  start: z.number(),
  end: z.number(),
  timestamps: z.array(z.number()),
  series: z.array(SeriesSchema),
  ...FreshnessShape,
  unsupportedInMode: UnsupportedInModeSchema.optional(),
});
export type SeriesResponse = z.infer<typeof SeriesResponseSchema>;

// ---------- GET /api/v1/top ----------

export const TopQuerySchema = z.object({
  metric: MetricIdSchema,
  cpc: LabelValueSchema,
  n: z.coerce.number().int().min(1).max(100).default(10),
  ...RangeQueryShape,
});
export type TopQuery = z.infer<typeof TopQuerySchema>;

export const TopEntrySchema = z.object({
  labels: z.record(z.string(), z.string()),
  /** Average over the range, and the peak (maximum) in it; null when there is no sample. */
  avg: z.number().nullable(),
  peak: z.number().nullable(),
});
export type TopEntry = z.infer<typeof TopEntrySchema>;

export const TopResponseSchema = z.object({
  metric: MetricIdSchema,
  source: SourceKindSchema,
  start: z.number(),
  end: z.number(),
  n: z.number(),
  /** The n highest by average, highest first. */
  byAverage: z.array(TopEntrySchema),
  /** The n highest by peak, highest first. */
  byPeak: z.array(TopEntrySchema),
  ...FreshnessShape,
  unsupportedInMode: UnsupportedInModeSchema.optional(),
});
export type TopResponse = z.infer<typeof TopResponseSchema>;

// ---------- GET /api/v1/heatmap ----------

export const HeatmapQuerySchema = z.object({
  metric: MetricIdSchema,
  /** Omitted: every partition of the fleet. */
  cpc: LabelValueSchema.optional(),
  ...RangeQueryShape,
  maxPoints: z.coerce.number().int().min(2).max(MAX_POINTS_LIMIT).default(500),
});
export type HeatmapQuery = z.infer<typeof HeatmapQuerySchema>;

export const HeatmapResponseSchema = z.object({
  metric: MetricIdSchema,
  source: SourceKindSchema,
  step: z.number().int().positive(),
  start: z.number(),
  end: z.number(),
  timestamps: z.array(z.number()),
  /** One row per partition (labels cpc, partition), sorted by average, highest first. */
  rows: z.array(SeriesSchema.extend({ avg: z.number().nullable() })),
  ...FreshnessShape,
});
export type HeatmapResponse = z.infer<typeof HeatmapResponseSchema>;

// ---------- embedding and sign-in ----------

/** GET /api/v1/embed-config (public): the parent origins an embedded page may talk to with postMessage. */
export const EmbedConfigSchema = z.object({
  /** Exact origins (scheme://host[:port]) besides zlens's own, from ZLENS_FRAME_ANCESTORS. */
  allowedOrigins: z.array(z.string()),
  /** Whether zlens's own origin may frame it ('self' in the allowlist). */
  allowSelf: z.boolean(),
});
export type EmbedConfig = z.infer<typeof EmbedConfigSchema>;

export const AUTH_MODES = ['none', 'proxy', 'token'] as const;
export const AuthModeSchema = z.enum(AUTH_MODES);
export type AuthMode = z.infer<typeof AuthModeSchema>;

/**
 * Why a request was answered 401 `unauthenticated` (`error.details.reason`): the web says it in the
 * page's language; `error.message` says it in English for logs and API users.
 */
export const UNAUTHENTICATED_REASONS = [
  'missing',
  'malformed',
  'expired',
  'signature',
  'claims',
  'algorithm',
  'unknown_key',
  'no_user',
  'not_proxy',
] as const;
export type UnauthenticatedReason = (typeof UNAUTHENTICATED_REASONS)[number];
export const UnauthenticatedDetailsSchema = z.object({ reason: z.enum(UNAUTHENTICATED_REASONS) });

/**
 * GET /api/v1/session: who the BFF takes the caller to be. `user` is null in mode `none`. Without
 * a valid sign-in this endpoint, like every data endpoint, answers 401 `unauthenticated`.
 */
export const SessionResponseSchema = z.object({
  mode: AuthModeSchema,
  user: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

// ---------- health ----------

export const CheckSchema = z.object({
  ok: z.boolean(),
  message: z.string().optional(),
  latencyMs: z.number().optional(),
});
export const UPSTREAMS = ['prometheus', 'hmc'] as const;
export const UpstreamNameSchema = z.enum(UPSTREAMS);
export type UpstreamName = z.infer<typeof UpstreamNameSchema>;
/**
 * /readyz: `ready` means this replica can serve (it has an inventory, or an upstream answers), so it
 * stays true while upstreams are away and answers are stale; `degraded` names those upstreams.
 */
export const ReadyResponseSchema = z.object({
  ready: z.boolean(),
  mode: SourceKindSchema,
  checks: z.object({ prometheus: CheckSchema.optional(), hmc: CheckSchema.optional() }),
  /** Upstreams that do not answer now (answers that need them are served stale). */
  degraded: z.array(UpstreamNameSchema).optional(),
  /** Whether an inventory is known (false only before the first load). */
  inventory: z.boolean().optional(),
});
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;

/**
 * GET /api/v1/status: how each configured upstream answers now, for the page's banner. `slow`: it
 * did not answer within the BFF's short probe bound; `down`: it refused, failed or is backed off.
 * No upstream text reaches the browser.
 */
export const UpstreamStateSchema = z.enum(['ok', 'slow', 'down']);
export type UpstreamState = z.infer<typeof UpstreamStateSchema>;
export const StatusResponseSchema = z.object({
  upstreams: z.array(
    z.object({
      name: UpstreamNameSchema,
      state: UpstreamStateSchema,
      /** Unix seconds of its last good answer known to the BFF, or null. */
      lastOkAt: z.number().nullable(),
    }),
  ),
});
export type StatusResponse = z.infer<typeof StatusResponseSchema>;
