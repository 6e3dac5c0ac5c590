// The one fetch wrapper for Prometheus (or any PromQL-compatible API). Every call has a timeout
// (AbortSignal), bounded concurrency, and ends either in validated data or in a readable AppError:
// network failure → 502 upstream_error, timeout → 504 upstream_timeout, a non-JSON body or an
// `status: "error"` envelope → 502 with Prometheus's own message.
import type { Clock } from '../clock.js';
import type { PrometheusConfig } from '../config.js';
import { AppError, describeError } from '../errors.js';
import { Limiter } from '../limiter.js';
import type { AppMetrics } from '../metrics.js';
import { ResultCache } from './cache.js';
import { EnvelopeSchema, parseQueryData, type MatrixSeries, type QueryData, type VectorSample } from './schemas.js';

export interface PrometheusClientOptions {
  config: PrometheusConfig;
  timeoutMs: number;
  metrics: AppMetrics;
  maxInFlight?: number;
  /** The result cache; without it nothing is cached (coalescing still applies). */
  cache?: { clock: Clock; ttlMs: number; maxEntries: number };
}

/** Every request the client sends, in order: tests check that only intended PromQL goes out. */
export type QueryObserver = (path: string, params: Readonly<Record<string, string>>) => void;

export class PrometheusClient {
  private readonly limiter: Limiter;
  /** Identical in-flight requests share one upstream call (many browsers, one wall dashboard). */
  private readonly inFlight = new Map<string, Promise<QueryData>>();
  private readonly cache: ResultCache | null;
  private readonly observers: QueryObserver[] = [];

  constructor(private readonly options: PrometheusClientOptions) {
    this.limiter = new Limiter(options.maxInFlight ?? 8);
    this.cache = options.cache ? new ResultCache(options.cache.ttlMs, options.cache.maxEntries, options.cache.clock) : null;
  }

  /** Registers a callback told about every upstream request (not about cache hits or coalesced waiters). */
  observe(observer: QueryObserver): void {
    this.observers.push(observer);
  }

  /** Instant query; returns the vector (other result types are a protocol error here). */
  async query(promql: string, timeSeconds?: number): Promise<VectorSample[]> {
    const params: Record<string, string> = { query: promql };
    if (timeSeconds !== undefined) params.time = String(timeSeconds);
    // Only an instant query at a fixed time in the past is final; "now" never is.
    const data = await this.call('api/v1/query', params, timeSeconds);
    if (data.resultType !== 'vector') throw this.protocolError(`expected a vector, got ${data.resultType}`);
    return data.result;
  }

  async queryRange(promql: string, start: number, end: number, step: number): Promise<MatrixSeries[]> {
    const params = { query: promql, start: String(start), end: String(end), step: String(step) };
    const data = await this.call('api/v1/query_range', params, end);
    if (data.resultType !== 'matrix') throw this.protocolError(`expected a matrix, got ${data.resultType}`);
    return data.result;
  }

  /**
   * The rules engine's alerts (GET /api/v1/alerts; Prometheus, Thanos Query with rules, Mimir's
   * ruler, vmalert): the envelope's `data`, unparsed. Not cached: it is asked once per refresh.
   */
  async alerts(): Promise<unknown> {
    for (const observer of this.observers) observer('api/v1/alerts', {});
    return this.limiter.run(() => this.request('api/v1/alerts', null));
  }

  /** A cheap query that any PromQL API answers: the readiness probe. */
  async ping(): Promise<void> {
    await this.call('api/v1/query', { query: '1' });
  }

  /**
   * Cache, then coalescing, then the upstream. `newestSeconds` is the newest time the answer covers:
   * only an answer whose newest point is at least one scrape interval old is cached, so the cache
   * never holds a point a later scrape could still change.
   */
  private call(path: string, params: Record<string, string>, newestSeconds?: number): Promise<QueryData> {
    const { metrics } = this.options;
    const body = new URLSearchParams(params).toString();
    const key = `${path}?${body}`;
    const cacheable = this.cache !== null && newestSeconds !== undefined && this.cache.isFinal(newestSeconds);
    let pending: Promise<QueryData> | undefined;
    if (cacheable) {
      const hit = this.cache?.get(key);
      metrics.cacheRequests.inc({ result: hit === undefined ? 'miss' : 'hit' });
      if (hit !== undefined) pending = Promise.resolve(hit as QueryData);
    }
    if (pending === undefined) {
      pending = this.inFlight.get(key);
      if (pending !== undefined) metrics.upstreamCoalesced.inc({ upstream: 'prometheus' });
    }
    if (pending === undefined) {
      for (const observer of this.observers) observer(path, params);
      // Validated once, before waiters and the cache share it.
      const created = this.limiter.run(() => this.request(path, body)).then((data) => {
        const parsed = parseQueryData(data);
        if (parsed === null) throw this.protocolError(`unexpected response shape from ${path}`);
        return parsed;
      });
      const cleanup = (): void => {
        this.inFlight.delete(key);
      };
      created.then((data) => {
        cleanup();
        if (cacheable) this.cache?.set(key, data);
      }, cleanup);
      this.inFlight.set(key, created);
      pending = created;
    }
    return pending;
  }

  /** A POST of form parameters (queries), or a GET without any (`body` null). */
  private async request(path: string, body: string | null): Promise<unknown> {
    const { config, timeoutMs, metrics } = this.options;
    const url = new URL(path, config.url);
    const started = performance.now();
    const finish = (outcome: 'success' | 'error' | 'timeout', kind?: string): void => {
      metrics.upstreamDuration.observe({ upstream: 'prometheus', outcome }, (performance.now() - started) / 1000);
      if (kind !== undefined) metrics.upstreamErrors.inc({ upstream: 'prometheus', kind });
    };
    metrics.upstreamRequests.inc({ upstream: 'prometheus', endpoint: path });
    let response: Response;
    let text: string;
    try {
      // POST keeps long label matchers out of URL length limits; every PromQL API accepts it.
      response = await fetch(url, {
        method: body === null ? 'GET' : 'POST',
        headers: {
          ...config.headers,
          ...(body === null ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
          accept: 'application/json',
          // Uncompressed: on the LAN between BFF and Prometheus, gzip costs both sides more CPU time
          // than the bytes it saves (docs/benchmarks.md).
          'accept-encoding': 'identity',
        },
        ...(body === null ? {} : { body }),
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
