// The one fetch wrapper for Prometheus (or any PromQL-compatible API). Every call has ONE deadline
// (ZLENS_UPSTREAM_TIMEOUT_MS) that covers the wait for a concurrency slot and the answer, a body
// bounded by ZLENS_UPSTREAM_MAX_BYTES, and a circuit breaker: when Prometheus stops answering, no
// new query is sent and callers hear so at once. It ends in validated data or a readable AppError
// in the BFF's own words (exchange.ts): network failure or open circuit → 502 upstream_error,
// timeout → 504 upstream_timeout, a non-JSON, oversized or error envelope → 502.
// The `…Answer` methods also say whether the answer is stale (the last one of the same panel,
// served while Prometheus fails: cache.ts) and what Prometheus warned about.
import type { Clock } from '../clock.js';
import type { PrometheusConfig } from '../config.js';
import { Limiter } from '../limiter.js';
import type { Logger } from '../logger.js';
import type { AppMetrics } from '../metrics.js';
import { CircuitBreaker, type CircuitState, type Liveness } from '../upstream/circuit-breaker.js';
import { secretsOfHeaders } from '../upstream/redact.js';
import { responsiveDeadline } from '../upstream/responsive-deadline.js';
import { DEFAULT_UPSTREAM_MAX_BYTES } from '../upstream-limits.js';
import { QueryCache, panelKey, type StoredAnswer } from './cache.js';
import { PrometheusError, exchange } from './exchange.js';
import { parseQueryData, type MatrixSeries, type QueryData, type VectorSample } from './schemas.js';

export { PrometheusError } from './exchange.js';

export interface PrometheusClientOptions {
  config: PrometheusConfig;
  timeoutMs: number;
  metrics: AppMetrics;
  maxInFlight?: number;
  /** ZLENS_UPSTREAM_MAX_BYTES (64 MiB unless set). */
  maxBodyBytes?: number;
  /** Where redacted excerpts of failures and warnings go (none: not logged). */
  logger?: Logger;
  /** The result cache; without it nothing is cached or served stale (coalescing still applies). */
  cache?: { clock: Clock; ttlMs: number; maxBytes: number; staleKeepMs: number };
  /** The breaker's time (tests); the cache's clock or the system's. */
  clock?: Clock;
}

/** An answer, and how much to trust it. */
export interface Answer<T> {
  result: T;
  /** True when Prometheus failed and this is the last answer of the same panel. */
  stale: boolean;
  /** When the answer was read from Prometheus (ms since epoch). */
  fetchedAtMs: number;
  /** Prometheus warned (the answer may lack data); `warnings` says what. */
  partial: boolean;
  warnings: string[];
}

/** Every request the client sends, in order: tests check that only intended PromQL goes out. */
export type QueryObserver = (path: string, params: Readonly<Record<string, string>>) => void;

/** A liveness check asks for `1`; no answer within this means Prometheus is not answering. */
const PROBE_TIMEOUT_MS = 2_500;
/** A query unanswered this long makes the breaker check that Prometheus is alive (a hang shows in ~5 s). */
const LIVENESS_AFTER_MS = 2_500;
const CIRCUIT_GAUGE: Readonly<Record<CircuitState, number>> = { closed: 0, half_open: 1, open: 2 };

export class PrometheusClient {
  private readonly limiter: Limiter;
  private readonly cache: QueryCache;
  private readonly breaker: CircuitBreaker;
  private readonly observers: QueryObserver[] = [];
  private readonly secrets: readonly string[];

  constructor(private readonly options: PrometheusClientOptions) {
    this.limiter = new Limiter(options.maxInFlight ?? 8);
    const clock = options.clock ?? options.cache?.clock ?? { nowMs: () => Date.now() };
    // Without a cache nothing is kept, but identical requests in flight are still shared.
    this.cache = new QueryCache(options.cache ?? { clock, ttlMs: 0, staleKeepMs: 0, maxBytes: 0 });
    if (options.cache !== undefined) options.metrics.trackCache(this.cache.store);
    this.secrets = secretsOfHeaders(options.config.headers);
    options.metrics.upstreamCircuitState.set({ upstream: 'prometheus' }, 0);
    this.breaker = new CircuitBreaker({
      nowMs: () => clock.nowMs(),
      checkAlive: () => this.checkAlive(),
      onChange: (state, reason) => {
        options.metrics.upstreamCircuitState.set({ upstream: 'prometheus' }, CIRCUIT_GAUGE[state]);
        options.logger?.warn({ upstream: 'prometheus', circuit: state }, `Prometheus circuit ${state}: ${reason}`);
      },
    });
  }

  /** Registers a callback told about every upstream request (not about cache hits or coalesced waiters). */
  observe(observer: QueryObserver): void {
    this.observers.push(observer);
  }

  /** The breaker's state (closed: requests go). */
  get circuit(): CircuitState {
    return this.breaker.state;
  }

  /** Instant query; returns the vector (other result types are a protocol error here). Never stale. */
  async query(promql: string, timeSeconds?: number): Promise<VectorSample[]> {
    return (await this.queryAnswer(promql, timeSeconds, false)).result;
  }

  /** Range query; never stale. */
  async queryRange(promql: string, start: number, end: number, step: number): Promise<MatrixSeries[]> {
    return (await this.queryRangeAnswer(promql, start, end, step, false)).result;
  }

  /** Instant query with its freshness: with `allowStale`, the panel's last answer while Prometheus fails. */
  async queryAnswer(promql: string, timeSeconds?: number, allowStale = true): Promise<Answer<VectorSample[]>> {
    const params: Record<string, string> = { query: promql };
    if (timeSeconds !== undefined) params.time = String(timeSeconds);
    // Only an instant query at a fixed time in the past is final; "now" never is.
    const answer = await this.call('api/v1/query', params, timeSeconds, allowStale);
    if (answer.result.resultType !== 'vector') throw this.protocolError(`expected a vector, got ${answer.result.resultType}`);
    return { ...answer, result: answer.result.result };
  }

  async queryRangeAnswer(promql: string, start: number, end: number, step: number, allowStale = true): Promise<Answer<MatrixSeries[]>> {
    const params = { query: promql, start: String(start), end: String(end), step: String(step) };
    const answer = await this.call('api/v1/query_range', params, end, allowStale);
    if (answer.result.resultType !== 'matrix') throw this.protocolError(`expected a matrix, got ${answer.result.resultType}`);
    return { ...answer, result: answer.result.result };
  }

  /**
   * The rules engine's alerts (GET /api/v1/alerts; Prometheus, Thanos Query with rules, Mimir's
   * ruler, vmalert): the envelope's `data`, unparsed. Not cached: it is asked once per refresh.
   */
  async alerts(): Promise<unknown> {
    for (const observer of this.observers) observer('api/v1/alerts', {});
    return (await this.send('api/v1/alerts', null)).data;
  }

  /** The rules the engine evaluates (`GET /api/v1/rules`), unvalidated like alerts(). */
  async rules(): Promise<unknown> {
    for (const observer of this.observers) observer('api/v1/rules', {});
    return (await this.send('api/v1/rules', null)).data;
  }

  /**
   * The readiness probe: a query any PromQL API answers at once, outside the concurrency limit
   * (it must not queue behind hung queries) and with a short timeout. It is also the breaker's
   * probe: a failure opens the circuit, a success closes it.
   */
  async ping(): Promise<void> {
    const admission = this.breaker.admit();
    if (admission.kind === 'reject') throw this.circuitOpen(admission.retryInMs);
    const liveness = await this.breaker.check();
    if (liveness.error !== undefined) throw liveness.error;
  }

  /**
   * Cache, then coalescing, then the upstream. `newestSeconds` is the newest time the answer covers:
   * only an answer whose newest point is at least one scrape interval old is cached, so the cache
   * never holds a point a later scrape could still change.
   */
  private async call(
    path: string,
    params: Record<string, string>,
    newestSeconds: number | undefined,
    allowStale: boolean,
  ): Promise<Answer<QueryData>> {
    const { metrics } = this.options;
    const body = new URLSearchParams(params).toString();
    const key = `${path}?${body}`;
    const cache = this.cache;
    const cacheable = cache.enabled && newestSeconds !== undefined && cache.isFinal(newestSeconds);
    if (cacheable) {
      const hit = cache.fresh(key);
      metrics.cacheRequests.inc({ result: hit === undefined ? 'miss' : 'hit' });
      if (hit !== undefined) return answerOf(hit.value, hit.fetchedAtMs, false);
    }
    if (cache.loading(key)) metrics.upstreamCoalesced.inc({ upstream: 'prometheus' });
    // The panel's last answer is kept for a caller that would be served it stale, final or not: an
    // instant query at "now" and a range ending at "now" have no other answer to fall back on.
    const panel = cache.enabled && (cacheable || allowStale) ? panelKey(path, params) : null;
    try {
      const loaded = await cache.load(key, () => this.load(path, params, body), cacheable);
      if (panel !== null) cache.remember(panel, loaded);
      return answerOf(loaded.value, loaded.fetchedAtMs, false);
    } catch (err) {
      const last =
        allowStale && panel !== null && err instanceof PrometheusError && err.kind !== 'query_error' ? cache.last(panel) : undefined;
      if (last === undefined) throw err;
      metrics.staleAnswers.inc({ upstream: 'prometheus' });
      return answerOf(last.value, last.fetchedAtMs, true);
    }
  }

  /** One upstream query, validated once before waiters and the cache share it. */
  private async load(path: string, params: Record<string, string>, body: string): Promise<StoredAnswer> {
    for (const observer of this.observers) observer(path, params);
    const result = await this.send(path, body);
    const data = parseQueryData(result.data);
    if (data === null) throw this.protocolError(`unexpected response shape from ${path}`);
    const warnings = [...result.warnings, ...result.infos.map((info) => `info: ${info}`)];
    const { metrics, logger } = this.options;
    if (result.warnings.length > 0) metrics.upstreamWarnings.inc({ upstream: 'prometheus', kind: 'warning' }, result.warnings.length);
    if (result.infos.length > 0) metrics.upstreamWarnings.inc({ upstream: 'prometheus', kind: 'info' }, result.infos.length);
    if (warnings.length > 0) logger?.warn({ upstream: 'prometheus', endpoint: path, warnings }, 'Prometheus answered with warnings');
    return { data, warnings, partial: result.warnings.length > 0, bodyBytes: result.bodyBytes };
  }

  /**
   * Through the breaker and the limiter, within one deadline. A refused connection opens the
   * circuit; a timeout, or a query still unanswered after LIVENESS_AFTER_MS, only makes the breaker
   * ask whether Prometheus is alive (a heavy query is slow on a busy Prometheus, too).
   */
  private async send(
    path: string,
    body: string | null,
  ): Promise<{ data: unknown; warnings: string[]; infos: string[]; bodyBytes: number }> {
    const admission = this.breaker.admit();
    if (admission.kind === 'reject') throw this.circuitOpen(admission.retryInMs);
    if (admission.kind === 'probe') {
      const liveness = await this.breaker.check();
      if (!liveness.alive) throw liveness.error;
    }
    const { timeoutMs } = this.options;
    // One deadline for the request, the wait for a slot included; and the breaker's trip, which
    // ends every request in flight when Prometheus is found not answering.
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), this.breaker.signal]);
    const waitedLong = setTimeout(() => void this.breaker.suspect(), LIVENESS_AFTER_MS);
    try {
      const result = await this.limiter.run(() => this.exchange(path, body, signal, timeoutMs), signal);
      this.breaker.success();
      return result;
    } catch (err) {
      const failure = this.asFailure(err, signal, timeoutMs, 'waiting for a free connection');
      // Aborted by the breaker's trip: the circuit is open already.
      if (!(signal.reason instanceof PrometheusError)) this.tellBreaker(failure);
      throw failure;
    } finally {
      clearTimeout(waitedLong);
    }
  }

  private tellBreaker(failure: PrometheusError): void {
    if (failure.kind === 'network') this.breaker.unreachable(failure);
    else if (failure.kind === 'timeout') void this.breaker.suspect();
    else if (failure.kind !== 'circuit_open') this.breaker.success();
  }

  /** The breaker's liveness check: `1`, quickly, outside the limiter (never queued behind heavy queries). */
  private async checkAlive(): Promise<Liveness> {
    const timeoutMs = Math.min(this.options.timeoutMs, PROBE_TIMEOUT_MS);
    // Only time in which the BFF could have heard the answer counts (its own stalls do not).
    const deadline = responsiveDeadline(timeoutMs);
    try {
      await this.exchange('api/v1/query', new URLSearchParams({ query: '1' }).toString(), deadline.signal, timeoutMs);
      return { alive: true };
    } catch (err) {
      const failure = this.asFailure(err, deadline.signal, timeoutMs, 'probing');
      // It answered, if not as hoped (401, an error page): alive, but the readiness check says why.
      return { alive: !failure.unreachable, error: failure };
    } finally {
      deadline.dispose();
    }
  }

  private async exchange(
    path: string,
    body: string | null,
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<{ data: unknown; warnings: string[]; infos: string[]; bodyBytes: number }> {
    const { config, metrics, logger } = this.options;
    return exchange({
      url: new URL(path, config.url),
      body,
      headers: config.headers,
      signal,
      timeoutMs,
      maxBytes: this.options.maxBodyBytes ?? DEFAULT_UPSTREAM_MAX_BYTES,
      secrets: this.secrets,
      metrics,
      logger: logger ?? null,
      endpoint: path,
    });
  }

  /** Any failure as a PrometheusError; a deadline that passed in the queue is a timeout too. */
  private asFailure(err: unknown, signal: AbortSignal, timeoutMs: number, what: string): PrometheusError {
    if (err instanceof PrometheusError) return err;
    const reason: unknown = signal.reason;
    if (reason instanceof PrometheusError) return reason;
    if (signal.aborted) {
      this.options.metrics.upstreamErrors.inc({ upstream: 'prometheus', kind: 'timeout' });
      return new PrometheusError('timeout', `Prometheus did not answer within ${timeoutMs} ms (${what})`, { cause: err });
    }
    return new PrometheusError('network', 'Prometheus is unreachable', { cause: err });
  }

  private circuitOpen(retryInMs: number): PrometheusError {
    this.options.metrics.upstreamCircuitRejections.inc({ upstream: 'prometheus' });
    const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
    return new PrometheusError('circuit_open', `Prometheus is not answering; not asking it again for ${seconds} s`);
  }

  private protocolError(message: string): PrometheusError {
    this.options.metrics.upstreamErrors.inc({ upstream: 'prometheus', kind: 'bad_response' });
    return new PrometheusError('bad_response', `Prometheus: ${message}`);
  }
}

function answerOf(stored: StoredAnswer, fetchedAtMs: number, stale: boolean): Answer<QueryData> {
  return { result: stored.data, stale, fetchedAtMs, partial: stored.partial, warnings: stored.warnings };
}

/** Prometheus sends sample values as strings; NaN and ±Inf cannot travel in JSON, so they are gaps. */
export function sampleValue(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
