// The BFF's own metrics (GET /metrics). One registry per app, so tests can build several apps in
// one process without "metric already registered" clashes.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Upstream = 'prometheus' | 'hmc';
export type UpstreamOutcome = 'success' | 'error' | 'timeout';

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
}

export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
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
      help: 'Duration of requests to upstreams (Prometheus, HMC)',
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
