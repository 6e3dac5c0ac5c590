// What zlens reads from the two alert upstreams, validated at the boundary: Prometheus'
// GET /api/v1/alerts (any Prometheus-compatible rules engine: Prometheus, Thanos Ruler via Query,
// Mimir's ruler, vmalert) and Alertmanager's API v2 GET /api/v2/alerts. Unknown fields are ignored.
import { z } from 'zod';

const LabelsSchema = z.record(z.string(), z.string());

export const PrometheusAlertSchema = z.object({
  labels: LabelsSchema,
  annotations: LabelsSchema.default({}),
  state: z.string(),
  /** RFC 3339; absent from some engines. */
  activeAt: z.string().optional(),
  /** The expression's value as Prometheus formats it ("9.5e-01"). */
  value: z.string().optional(),
});
export type PrometheusAlert = z.infer<typeof PrometheusAlertSchema>;

/** `data` of the /api/v1/alerts envelope. */
export const PrometheusAlertsDataSchema = z.object({ alerts: z.array(PrometheusAlertSchema) });

/** `data` of /api/v1/rules: only whether a group holds an alerting rule is read. */
export const PrometheusRulesDataSchema = z.object({
  groups: z.array(z.object({ rules: z.array(z.object({ type: z.string() })) })),
});

export const AlertmanagerAlertSchema = z.object({
  labels: LabelsSchema,
  status: z.object({
    state: z.string(),
    silencedBy: z.array(z.string()).default([]),
    inhibitedBy: z.array(z.string()).default([]),
  }),
});
export type AlertmanagerAlert = z.infer<typeof AlertmanagerAlertSchema>;

export const AlertmanagerAlertsSchema = z.array(AlertmanagerAlertSchema);
