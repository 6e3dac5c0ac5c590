// The one fetch wrapper for Prometheus (or any PromQL-compatible API). Every call has a timeout
// (AbortSignal), bounded concurrency, and ends either in validated data or in a readable AppError:
// network failure → 502 upstream_error, timeout → 504 upstream_timeout, a non-JSON body or an
// `status: "error"` envelope → 502 with Prometheus's own message.
import type { z } from 'zod';
import type { PrometheusConfig } from '../config.js';
import { AppError, describeError } from '../errors.js';
import { Limiter } from '../limiter.js';
import type { AppMetrics } from '../metrics.js';
import { EnvelopeSchema, QueryDataSchema, type MatrixSeries, type VectorSample } from './schemas.js';

export interface PrometheusClientOptions {
  config: PrometheusConfig;
  timeoutMs: number;
  metrics: AppMetrics;
  maxInFlight?: number;
}

export class PrometheusClient {
  private readonly limiter: Limiter;
  /** Identical in-flight requests share one upstream call (many browsers, one wall dashboard). */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly options: PrometheusClientOptions) {
    this.limiter = new Limiter(options.maxInFlight ?? 8);
  }

  /** Instant query; returns the vector (other result types are a protocol error here). */
  async query(promql: string, timeSeconds?: number): Promise<VectorSample[]> {
    const params: Record<string, string> = { query: promql };
    if (timeSeconds !== undefined) params.time = String(timeSeconds);
    const data = await this.call('api/v1/query', params, QueryDataSchema);
    if (data.resultType !== 'vector') throw this.protocolError(`expected a vector, got ${data.resultType}`);
    return data.result;
  }

  async queryRange(promql: string, start: number, end: number, step: number): Promise<MatrixSeries[]> {
    const params = { query: promql, start: String(start), end: String(end), step: String(step) };
    const data = await this.call('api/v1/query_range', params, QueryDataSchema);
    if (data.resultType !== 'matrix') throw this.protocolError(`expected a matrix, got ${data.resultType}`);
    return data.result;
  }

  /** A cheap query that any PromQL API answers: the readiness probe. */
  async ping(): Promise<void> {
    await this.call('api/v1/query', { query: '1' }, QueryDataSchema);
  }

  private call<S extends z.ZodType>(path: string, params: Record<string, string>, schema: S): Promise<z.infer<S>> {
    const body = new URLSearchParams(params).toString();
    const key = `${path}?${body}`;
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      const created = this.limiter.run(() => this.request(path, body));
      const cleanup = (): void => {
        this.inFlight.delete(key);
      };
      created.then(cleanup, cleanup);
      this.inFlight.set(key, created);
      pending = created;
    }
    return pending.then((data) => {
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw this.protocolError(`unexpected response shape from ${path}`);
      return parsed.data;
    });
  }

  private async request(path: string, body: string): Promise<unknown> {
    const { config, timeoutMs, metrics } = this.options;
    const url = new URL(path, config.url);
    const started = performance.now();
    const finish = (outcome: 'success' | 'error' | 'timeout', kind?: string): void => {
      metrics.upstreamDuration.observe({ upstream: 'prometheus', outcome }, (performance.now() - started) / 1000);
      if (kind !== undefined) metrics.upstreamErrors.inc({ upstream: 'prometheus', kind });
    };
    let response: Response;
    let text: string;
    try {
      // POST keeps long label matchers out of URL length limits; every PromQL API accepts it.
      response = await fetch(url, {
        method: 'POST',
        headers: { ...config.headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        finish('timeout', 'timeout');
        throw new AppError('upstream_timeout', `Prometheus did not answer within ${timeoutMs} ms`, { cause: err });
      }
      finish('error', 'network');
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      throw new AppError('upstream_error', `Prometheus is unreachable (${describeError(err)}${cause})`, { cause: err });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      finish('error', 'bad_response');
      throw new AppError(
        'upstream_error',
        `Prometheus answered HTTP ${response.status} with a non-JSON body: ${text.slice(0, 200).trim()}`,
      );
    }
    const envelope = EnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      finish('error', 'bad_response');
      throw new AppError('upstream_error', `Prometheus answered HTTP ${response.status} without a status envelope`);
    }
    if (envelope.data.status === 'error') {
      finish('error', 'query_error');
      const what = [envelope.data.errorType, envelope.data.error].filter((s) => s !== undefined).join(': ');
      throw new AppError('upstream_error', `Prometheus rejected the query (HTTP ${response.status}): ${what}`);
    }
    if (!response.ok) {
      finish('error', 'http_status');
      throw new AppError('upstream_error', `Prometheus answered HTTP ${response.status}`);
    }
    finish('success');
    return envelope.data.data;
  }

  private protocolError(message: string): AppError {
    this.options.metrics.upstreamErrors.inc({ upstream: 'prometheus', kind: 'bad_response' });
    return new AppError('upstream_error', `Prometheus: ${message}`);
  }
}

/** Prometheus sends sample values as strings; NaN and ±Inf cannot travel in JSON, so they are gaps. */
export function sampleValue(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
