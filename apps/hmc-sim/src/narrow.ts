// Narrowing for values that arrive as `unknown` (JSON bodies, YAML documents, Prometheus answers).

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
