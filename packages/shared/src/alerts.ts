// The alerts contract: GET /api/v1/alerts (what fires now) and GET /api/v1/alerts/periods (when
// alerts fired over a range, drawn as bands on charts). Prometheus evaluates the rules zlens ships
// (docker/prometheus/rules) and Alertmanager routes them; zlens only reads and shows their state.
import { z } from 'zod';
import { LabelValueSchema, TimeExpressionSchema } from './api.js';

/** The severities zlens' rules use, most urgent first; other values are shown as they are. */
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;

/** The object an alert is about, from the exporter's labels (null where the alert has none). */
export const AlertObjectSchema = z.object({
  cpc: z.string().nullable(),
  partition: z.string().nullable(),
  /** DPM adapter name (label adapter) or classic crypto adapter PCHID (label adapter_pchid). */
  adapter: z.string().nullable(),
  /** Classic channel, CSS.CHPID (label channel_css_chpid). */
  channel: z.string().nullable(),
});
export type AlertObject = z.infer<typeof AlertObjectSchema>;

export const AlertSchema = z.object({
  /** The rule's name (label alertname), e.g. ZhmcCpcProcessorUsageCritical. */
  name: z.string(),
  severity: z.string(),
  state: z.enum(['firing', 'pending']),
  /** Unix seconds since when the alert is active (pending, then firing); null when not known. */
  activeAt: z.number().nullable(),
  object: AlertObjectSchema,
  /** The rule's `summary` / `summary_zh` annotations, when it has them. */
  summary: z.string().nullable(),
  summaryZh: z.string().nullable(),
  /** The value of the rule's expression when it was last evaluated. */
  value: z.number().nullable(),
  /** From Alertmanager (ZLENS_ALERTMANAGER_URL); null when zlens has no Alertmanager to ask. */
  silenced: z.boolean().nullable(),
  inhibited: z.boolean().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

const AlertFilterShape = {
  cpc: LabelValueSchema.optional(),
  partition: LabelValueSchema.optional(),
  adapter: LabelValueSchema.optional(),
  channel: LabelValueSchema.optional(),
};

export const AlertsQuerySchema = z.object(AlertFilterShape);
export type AlertsQuery = z.infer<typeof AlertsQuerySchema>;

/**
 * Why alert state cannot be shown: live mode has no Prometheus to evaluate rules
 * (`needs-prometheus`); the PromQL engine has no alerting rule loaded (`needs-rules-engine`: a
 * Prometheus without zlens' rule files, VictoriaMetrics without vmalert, which answers
 * /api/v1/alerts with an empty list), so "no alert is firing" would be a false all-clear.
 */
export const ALERTS_UNAVAILABLE_REASONS = ['needs-prometheus', 'needs-rules-engine'] as const;

export const AlertsResponseSchema = z.object({
  /** False in live mode (no Prometheus): alerts need Prometheus. */
  available: z.boolean(),
  unavailableReason: z.enum(ALERTS_UNAVAILABLE_REASONS).optional(),
  /** Whether silenced / inhibited come from an Alertmanager. */
  alertmanager: z.boolean(),
  /** Firing before pending, critical before warning, longest active first. */
  alerts: z.array(AlertSchema),
  stale: z.boolean(),
  fetchedAt: z.number().optional(),
});
export type AlertsResponse = z.infer<typeof AlertsResponseSchema>;

export const AlertPeriodsQuerySchema = z.object({
  ...AlertFilterShape,
  from: TimeExpressionSchema.default('now-1h'),
  to: TimeExpressionSchema.default('now'),
});
export type AlertPeriodsQuery = z.infer<typeof AlertPeriodsQuerySchema>;

export const AlertPeriodSchema = z.object({
  name: z.string(),
  severity: z.string(),
  object: AlertObjectSchema,
  /** Unix seconds: the first and last evaluation (step) the alert was firing within the range. */
  from: z.number(),
  to: z.number(),
});
export type AlertPeriod = z.infer<typeof AlertPeriodSchema>;

export const AlertPeriodsResponseSchema = z.object({
  available: z.boolean(),
  unavailableReason: z.enum(ALERTS_UNAVAILABLE_REASONS).optional(),
  start: z.number(),
  end: z.number(),
  /** Seconds between the evaluations the periods were read at (a period is exact to one step). */
  step: z.number(),
  periods: z.array(AlertPeriodSchema),
  /** True while Prometheus fails: the periods of its last answer, read at `fetchedAt` (unix seconds). */
  stale: z.boolean(),
  fetchedAt: z.number().optional(),
});
export type AlertPeriodsResponse = z.infer<typeof AlertPeriodsResponseSchema>;
