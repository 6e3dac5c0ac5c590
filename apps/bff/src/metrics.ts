// The BFF's own metrics (GET /metrics). One registry per app, so tests can build several apps in
// one process without "metric already registered" clashes.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Upstream = 'prometheus' | 'hmc';
export type UpstreamOutcome = 'success' | 'error' | 'timeout';

/**
 * One request to an upstream, measured the same way for every upstream: counted in
 * zlens_upstream_requests_total when it is sent (a limiter slot granted: the wait for one is not the
 * upstream's time), its duration observed in zlens_upstream_request_duration_seconds{outcome} when
 * it ends, and a failure counted in zlens_upstream_errors_total{kind}. Returns the `finish` call.
 */
export function startUpstreamRequest(
  metrics: AppMetrics,
  upstream: Upstream | 'alertmanager',
  endpoint: string,
): (outcome: UpstreamOutcome, kind?: string) => void {
  metrics.upstreamRequests.inc({ upstream, endpoint });
  const started = performance.now();
  return (outcome, kind) => {
    metrics.upstreamDuration.observe({ upstream, outcome }, (performance.now() - started) / 1000);
    if (kind !== undefined) metrics.upstreamErrors.inc({ upstream, kind });
  };
}

export interface AppMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  upstreamDuration: Histogram<'upstream' | 'outcome'>;
  upstreamErrors: Counter<'upstream' | 'kind'>;
  hmcLogons: Counter;
  upstreamRequests: Counter<'upstream' | 'endpoint'>;
  upstreamCoalesced: Counter<'upstream'>;
  cacheRequests: Counter<'result'>;
  authRejections: Counter<'reason'>;
  /** 1 when the upstream answered the last readiness probe, 0 when not (/readyz, /api/v1/status). */
  upstreamUp: Gauge<'upstream'>;
  /** Live mode: Get Metrics rows whose number of values differs from the group's metric-infos. */
  hmcMetricsRowsMalformed: Counter<'group'>;
  /** The circuit breaker of an upstream: 0 closed, 1 half-open (probing), 2 open (nothing sent). */
  upstreamCircuitState: Gauge<'upstream'>;
  /** Requests answered at once (not sent) because the circuit was open. */
  upstreamCircuitRejections: Counter<'upstream'>;
  /** Warnings and infos in upstream answers (Prometheus' envelope), by kind. */
  upstreamWarnings: Counter<'upstream' | 'kind'>;
  /** Answers served from a kept (stale) value because the upstream failed. */
  staleAnswers: Counter<'upstream'>;
  /** Makes a cache's size visible as zlens_cache_bytes / zlens_cache_entries{cache}. */
  trackCache(cache: TrackedCache): void;
}

/** What /metrics reads of a cache (ByteCache has it). */
export interface TrackedCache {
  readonly name: string;
  readonly bytes: number;
  readonly size: number;
  readonly maxBytes: number;
}

export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const caches = new Set<TrackedCache>();
  new Gauge({
    name: 'zlens_cache_bytes',
    help: 'Bytes of heap a cache holds by its own estimate, and its bound (kind="max")',
    labelNames: ['cache', 'kind'],
    registers: [registry],
    collect() {
      for (const cache of caches) {
        this.set({ cache: cache.name, kind: 'held' }, cache.bytes);
        this.set({ cache: cache.name, kind: 'max' }, cache.maxBytes);
      }
    },
  });
  new Gauge({
    name: 'zlens_cache_entries',
    help: 'Entries a cache holds',
    labelNames: ['cache'],
    registers: [registry],
    collect() {
      for (const cache of caches) this.set({ cache: cache.name }, cache.size);
    },
  });
  return {
    trackCache: (cache) => {
      caches.add(cache);
    },
    upstreamCircuitState: new Gauge({
      name: 'zlens_upstream_circuit_state',
      help: 'Circuit breaker of an upstream: 0 closed (requests go), 1 half-open (one probe), 2 open (answered at once, stale where possible)',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    upstreamCircuitRejections: new Counter({
      name: 'zlens_upstream_circuit_rejections_total',
      help: 'Requests not sent to an upstream because its circuit was open',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    upstreamWarnings: new Counter({
      name: 'zlens_upstream_warnings_total',
      help: 'Warnings (the answer may be partial) and infos in upstream answers, by kind',
      labelNames: ['upstream', 'kind'],
      registers: [registry],
    }),
    staleAnswers: new Counter({
      name: 'zlens_stale_answers_total',
      help: 'Answers served from the last known value (stale: true) because the upstream failed or its circuit was open',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    registry,
    httpDuration: new Histogram({
      name: 'zlens_http_request_duration_seconds',
      help: 'Duration of HTTP requests served by the BFF, by route pattern',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'zlens_upstream_request_duration_seconds',
      help: 'Duration of requests to upstreams (Prometheus, HMC, Alertmanager), from sending to the answer read (the wait for a connection slot not included)',
      labelNames: ['upstream', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'zlens_upstream_errors_total',
      help: 'Failed requests to upstreams, by kind of failure',
      labelNames: ['upstream', 'kind'],
      registers: [registry],
    }),
    upstreamRequests: new Counter({
      name: 'zlens_upstream_requests_total',
      help: 'Requests actually sent to upstreams (cache hits and coalesced waiters send none)',
      labelNames: ['upstream', 'endpoint'],
      registers: [registry],
    }),
    upstreamCoalesced: new Counter({
      name: 'zlens_upstream_coalesced_waiters_total',
      help: 'Callers that joined an identical upstream request already in flight instead of sending their own',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    cacheRequests: new Counter({
      name: 'zlens_query_cache_requests_total',
      help: 'Lookups of cacheable upstream queries in the result cache, by result (hit or miss)',
      labelNames: ['result'],
      registers: [registry],
    }),
    authRejections: new Counter({
      name: 'zlens_auth_rejections_total',
      help: 'API requests answered 401 because the caller is not signed in, by reason (ZLENS_AUTH proxy or token)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    upstreamUp: new Gauge({
      name: 'zlens_upstream_up',
      help: 'Whether the upstream answered the last readiness probe (1) or not (0); answers that need it are served stale meanwhile',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    hmcMetricsRowsMalformed: new Counter({
      name: 'zlens_hmc_metrics_rows_malformed_total',
      help: 'Live mode: HMC Get Metrics rows with another number of values than their group defines, skipped',
      labelNames: ['group'],
      registers: [registry],
    }),
    hmcLogons: new Counter({
      name: 'zlens_hmc_logons_total',
      help: 'Logons to the HMC (the first one and every re-logon after an expired session)',
      registers: [registry],
    }),
  };
}
