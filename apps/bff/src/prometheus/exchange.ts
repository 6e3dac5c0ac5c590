// One HTTP exchange with Prometheus (or any PromQL API) and what its answer means. The body is read
// with a byte bound (ZLENS_UPSTREAM_MAX_BYTES); every failure becomes an AppError in the BFF's own
// words — 502 upstream_error, 504 upstream_timeout — and never carries the upstream's text: an
// upstream, or a proxy before it, may echo the request's headers, credentials included. What it
// said goes to the log only, as a short excerpt with the credentials zlens sends removed.
import { AppError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { startUpstreamRequest, type AppMetrics } from '../metrics.js';
import { BodyTooLargeError, readBoundedText } from '../upstream/bounded-body.js';
import { redactedExcerpt } from '../upstream/redact.js';
import { EnvelopeSchema } from './schemas.js';

/** Why a request failed, as zlens_upstream_errors_total{kind} counts it. */
export type FailureKind = 'timeout' | 'network' | 'too_large' | 'bad_response' | 'http_status' | 'query_error' | 'circuit_open';

/** An AppError that says what kind of failure it was (the breaker and the stale fallback read it). */
export class PrometheusError extends AppError {
  constructor(
    readonly kind: FailureKind,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(kind === 'timeout' ? 'upstream_timeout' : 'upstream_error', message, options);
  }

  /** Prometheus is away or hung (not: it answered, but not what we wanted). */
  get unreachable(): boolean {
    return this.kind === 'timeout' || this.kind === 'network';
  }
}

export interface ExchangeOptions {
  url: URL;
  /** Form parameters of a POST (queries); null: a GET without any. */
  body: string | null;
  headers: Readonly<Record<string, string>>;
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes: number;
  /** Literals never to log (the configured header values and what is inside them). */
  secrets: readonly string[];
  metrics: AppMetrics;
  logger: Logger | null;
  endpoint: string;
}

/** A successful envelope: its data (unparsed) and what Prometheus said beside it. */
export interface ExchangeResult {
  data: unknown;
  /** `warnings` and `infos` (Prometheus 2.45+/3), redacted and bounded. */
  warnings: string[];
  infos: string[];
  /** The body's length in bytes (what the cache sizes the answer by). */
  bodyBytes: number;
}

/** Prometheus' errorType is one short word (bad_data, execution, timeout…); anything else is not repeated. */
const ERROR_TYPE = /^[a-z_]{1,32}$/;
/** At most this many warnings are kept per answer (each already bounded by the excerpt length). */
const MAX_NOTES = 10;

export async function exchange(options: ExchangeOptions): Promise<ExchangeResult> {
  const { url, body, headers, signal, timeoutMs, maxBytes, secrets, metrics, logger, endpoint } = options;
  const finish = startUpstreamRequest(metrics, 'prometheus', endpoint);
  const fail = (kind: FailureKind, message: string, said?: string, cause?: unknown): PrometheusError => {
    finish(kind === 'timeout' ? 'timeout' : 'error', kind);
    if (said !== undefined) logger?.warn({ upstream: 'prometheus', endpoint, kind, said: redactedExcerpt(said, secrets) }, message);
    return new PrometheusError(kind, message, cause === undefined ? {} : { cause });
  };
  let status: number;
  let text: string;
  try {
    // POST keeps long label matchers out of URL length limits; every PromQL API accepts it.
    const response = await fetch(url, {
      method: body === null ? 'GET' : 'POST',
      headers: {
        ...headers,
        ...(body === null ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        accept: 'application/json',
        // Uncompressed: on the LAN between BFF and Prometheus, gzip costs both sides more CPU time
        // than the bytes it saves (docs/benchmarks.md).
        'accept-encoding': 'identity',
      },
      ...(body === null ? {} : { body }),
      signal,
    });
    status = response.status;
    text = await readBoundedText(response, maxBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError)
      throw fail('too_large', `Prometheus's answer was too large (more than ${maxBytes} bytes, ZLENS_UPSTREAM_MAX_BYTES)`);
    const reason: unknown = signal.aborted ? signal.reason : undefined;
    // The circuit opened while this request waited (fetch rejects with the breaker's reason): it
    // ends now, like every other one in flight.
    if (reason instanceof PrometheusError) throw fail('circuit_open', 'Prometheus is not answering (stopped waiting for it)');
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
      throw fail('timeout', `Prometheus did not answer within ${timeoutMs} ms`, undefined, err);
    }
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw fail('network', 'Prometheus is unreachable', `${describeError(err)}${cause}`, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fail('bad_response', `Prometheus answered HTTP ${status} with a body that is not JSON`, text.slice(0, 1000));
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) throw fail('bad_response', `Prometheus answered HTTP ${status} without a status envelope`, text.slice(0, 1000));
  if (envelope.data.status === 'error') {
    const { errorType, error } = envelope.data;
    const type = errorType !== undefined && ERROR_TYPE.test(errorType) ? `, ${errorType}` : '';
    throw fail('query_error', `Prometheus rejected the query (HTTP ${status}${type})`, `${errorType ?? ''}: ${error ?? ''}`);
  }
  if (status < 200 || status > 299) throw fail('http_status', `Prometheus answered HTTP ${status}`, text.slice(0, 1000));
  finish('success');
  const notes = (list: string[] | undefined): string[] => (list ?? []).slice(0, MAX_NOTES).map((note) => redactedExcerpt(note, secrets));
  return {
    data: envelope.data.data,
    warnings: notes(envelope.data.warnings),
    infos: notes(envelope.data.infos),
    bodyBytes: Buffer.byteLength(text),
  };
}
