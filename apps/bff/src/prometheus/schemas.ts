// What Prometheus's HTTP API answers (https://prometheus.io/docs/prometheus/latest/querying/api/),
// validated at the boundary.
import { z } from 'zod';

/** [unix seconds, "value"]; values are strings so NaN and ±Inf survive JSON. */
export const SamplePairSchema = z.tuple([z.number(), z.string()]);

export const MatrixSeriesSchema = z.object({
  metric: z.record(z.string(), z.string()),
  values: z.array(SamplePairSchema),
});

export const VectorSampleSchema = z.object({
  metric: z.record(z.string(), z.string()),
  value: SamplePairSchema,
});

export const QueryDataSchema = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('matrix'), result: z.array(MatrixSeriesSchema) }),
  z.object({ resultType: z.literal('vector'), result: z.array(VectorSampleSchema) }),
  z.object({ resultType: z.literal('scalar'), result: SamplePairSchema }),
  z.object({ resultType: z.literal('string'), result: SamplePairSchema }),
]);

export const EnvelopeSchema = z.union([
  z.object({ status: z.literal('success'), data: z.unknown(), warnings: z.array(z.string()).optional() }),
  z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() }),
]);

export type MatrixSeries = z.infer<typeof MatrixSeriesSchema>;
export type VectorSample = z.infer<typeof VectorSampleSchema>;
