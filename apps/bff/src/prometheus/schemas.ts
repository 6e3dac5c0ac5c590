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
  // warnings (and, since Prometheus 2.45, infos): the answer may be partial or approximate.
  z.object({
    status: z.literal('success'),
    data: z.unknown(),
    warnings: z.array(z.string()).optional(),
    infos: z.array(z.string()).optional(),
  }),
  z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() }),
]);

export type MatrixSeries = z.infer<typeof MatrixSeriesSchema>;
export type VectorSample = z.infer<typeof VectorSampleSchema>;

export type QueryData = z.infer<typeof QueryDataSchema>;

const isRecordOfStrings = (value: unknown): value is Record<string, string> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const v of Object.values(value)) if (typeof v !== 'string') return false;
  return true;
};
const isSamplePair = (value: unknown): value is [number, string] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string';

/**
 * QueryDataSchema's check, hand-written for the hot path: a week of 85 series is ~100,000 sample
 * pairs, which the zod schema takes tens of milliseconds to walk. Same acceptance; null when invalid.
 */
export function parseQueryData(value: unknown): QueryData | null {
  if (typeof value !== 'object' || value === null) return null;
  const { resultType, result } = value as { resultType?: unknown; result?: unknown };
  if (resultType === 'matrix' && Array.isArray(result)) {
    for (const series of result as unknown[]) {
      if (typeof series !== 'object' || series === null) return null;
      const { metric, values } = series as { metric?: unknown; values?: unknown };
      if (!isRecordOfStrings(metric) || !Array.isArray(values)) return null;
      for (const pair of values as unknown[]) if (!isSamplePair(pair)) return null;
    }
    return { resultType, result: result as MatrixSeries[] };
  }
  if (resultType === 'vector' && Array.isArray(result)) {
    for (const sample of result as unknown[]) {
      if (typeof sample !== 'object' || sample === null) return null;
      const { metric, value: pair } = sample as { metric?: unknown; value?: unknown };
      if (!isRecordOfStrings(metric) || !isSamplePair(pair)) return null;
    }
    return { resultType, result: result as VectorSample[] };
  }
  if ((resultType === 'scalar' || resultType === 'string') && isSamplePair(result)) return { resultType, result };
  return null;
}
