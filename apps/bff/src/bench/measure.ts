// Small timing helpers for the benchmark: wall-clock latency of a full HTTP exchange (body read),
// and percentiles of a sample.

export interface Timed {
  ms: number;
  bytes: number;
}

/** One full exchange: the time until the whole body is read, and its size in bytes. */
export async function timedFetch(url: string, init?: RequestInit): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  return { ms, bytes: Buffer.byteLength(text) };
}

/** Nearest-rank percentile (p in 0..100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(2);
}

export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
