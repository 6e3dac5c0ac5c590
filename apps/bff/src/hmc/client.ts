// The HMC Web Services API client (reference/hmc-api.md §0-§1): one lazily logged-on session per
// process, sent as X-API-Session; on 403 reason 4 or 5 (no or expired session) it logs on again and
// retries the request once, as zhmcclient does. Errors never carry credentials or the session id.
import { Agent } from 'node:https';
import { z } from 'zod';
import { systemClock, type Clock } from '../clock.js';
import type { HmcConfig } from '../config.js';
import { upstreamExcerpt } from '../errors.js';
import { Limiter } from '../limiter.js';
import type { Logger } from '../logger.js';
import { startUpstreamRequest, type AppMetrics, type UpstreamOutcome } from '../metrics.js';
import { DEFAULT_UPSTREAM_MAX_BYTES } from '../upstream-limits.js';
import { HmcBreaker, type HmcHealth } from './breaker.js';
import { BodyTooLargeError, bodyFromResponse, errorFromResponse, exchange, type HmcBody, type RawResponse } from './exchange.js';
import { HmcError } from './hmc-error.js';

export { HMC_BACKOFF_MAX_MS, HMC_BACKOFF_MIN_MS, HMC_PROBE_INTERVAL_MS, type HmcHealth } from './breaker.js';
export {
  errorFromResponse,
  METRICS_CONTENT_TYPE,
  HTML_REASON_OTHER,
  HTML_REASON_WEB_SERVICES_DISABLED,
  type HmcBody,
  type RawResponse,
} from './exchange.js';
export { HmcError } from './hmc-error.js';

const LogonResponseSchema = z.object({ 'api-session': z.string().min(1) });
/** GET /api/version (hmc-api.md §1): an object naming the API version; anything else is no HMC. */
const VersionSchema = z.object({ 'api-major-version': z.number(), 'api-minor-version': z.number() }).passthrough();
export type HmcVersion = z.infer<typeof VersionSchema>;
/** The probe asks little and must not hold a back-off open for a full upstream timeout. */
export const HMC_PROBE_TIMEOUT_MS = 2_000;

export interface HmcClientOptions {
  config: HmcConfig;
  timeoutMs: number;
  logger: Logger;
  metrics: AppMetrics;
  maxInFlight?: number;
  clock?: Clock;
  /** The largest body read from the HMC (ZLENS_UPSTREAM_MAX_BYTES). */
  maxBodyBytes?: number;
}

export class HmcClient {
  private readonly agent: Agent;
  private readonly limiter: Limiter;
  private session: string | null = null;
  private logonInFlight: Promise<string> | null = null;
  private readonly breaker = new HmcBreaker();
  private probing: Promise<HmcVersion> | null = null;

  constructor(private readonly options: HmcClientOptions) {
    const { config, logger } = options;
    if (config.insecure) {
      logger.warn({ hmc: config.url }, 'TLS certificate verification of the HMC is OFF (ZLENS_HMC_INSECURE)');
    }
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: options.maxInFlight ?? 4,
      ...(config.ca === null ? {} : { ca: config.ca }),
      rejectUnauthorized: !config.insecure,
    });
    this.limiter = new Limiter(options.maxInFlight ?? 4);
  }

  get url(): string {
    return this.options.config.url;
  }

  async get(path: string): Promise<HmcBody> {
    return this.authenticated('GET', path);
  }

  async getJson(path: string): Promise<unknown> {
    const body = await this.authenticated('GET', path);
    if (body.kind !== 'json') throw new HmcError(502, 0, `HMC GET ${path}: expected a JSON body`);
    return body.value;
  }

  async post(path: string, payload: unknown): Promise<HmcBody> {
    return this.authenticated('POST', path, payload);
  }

  async delete(path: string): Promise<void> {
    await this.authenticated('DELETE', path);
  }

  /**
   * GET /api/version needs no session: the cheap probe that ends a back-off. Bounded by
   * HMC_PROBE_TIMEOUT_MS and never held back by the back-off; concurrent callers share one probe.
   * Rejects unless the HMC answers with a version object (`null` is no HMC).
   */
  version(): Promise<HmcVersion> {
    this.probing ??= this.probe().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  /** What the client knows of the HMC now, without asking it (for /readyz and /api/v1/status). */
  health(): HmcHealth {
    return this.breaker.health(this.nowMs());
  }

  private nowMs(): number {
    return (this.options.clock ?? systemClock).nowMs();
  }

  private async probe(): Promise<HmcVersion> {
    const timeoutMs = Math.min(this.options.timeoutMs, HMC_PROBE_TIMEOUT_MS);
    const body = await this.send('GET', '/api/version', undefined, null, { probe: true, timeoutMs });
    const parsed = VersionSchema.safeParse(body.kind === 'json' ? body.value : undefined);
    if (!parsed.success) {
      const error = new HmcError(502, 0, 'HMC GET /api/version: the answer is not an HMC version object');
      this.breaker.failure(this.nowMs(), error.message);
      throw error;
    }
    return parsed.data;
  }

  /** Logs off (DELETE /api/sessions/this-session); failures are ignored, as zhmcclient does. */
  async logoff(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session !== null) {
      try {
        await this.send('DELETE', '/api/sessions/this-session', undefined, session);
      } catch (err) {
        this.options.logger.debug({ err: err instanceof Error ? err.message : String(err) }, 'HMC logoff failed');
      }
    }
  }

  /** Ends the session and frees the sockets. */
  async close(): Promise<void> {
    await this.logoff();
    this.agent.destroy();
  }

  private async authenticated(method: string, path: string, payload?: unknown): Promise<HmcBody> {
    const session = await this.ensureSession();
    try {
      return await this.send(method, path, payload, session);
    } catch (err) {
      if (!(err instanceof HmcError) || err.httpStatus !== 403 || (err.reason !== 4 && err.reason !== 5)) throw err;
      // 403.4 / 403.5: the session is gone (expired, HMC restarted). Log on again, retry once.
      this.options.logger.info({ reason: err.reason }, 'HMC session no longer valid, logging on again');
      if (this.session === session) this.session = null;
      const renewed = await this.ensureSession();
      return this.send(method, path, payload, renewed);
    }
  }

  private ensureSession(): Promise<string> {
    if (this.session !== null) return Promise.resolve(this.session);
    // Concurrent callers share one logon instead of opening several sessions.
    this.logonInFlight ??= this.logon().finally(() => {
      this.logonInFlight = null;
    });
    return this.logonInFlight;
  }

  private async logon(): Promise<string> {
    const { userid, password } = this.options.config;
    const body = await this.send('POST', '/api/sessions', { userid, password }, null);
    const parsed = LogonResponseSchema.safeParse(body.kind === 'json' ? body.value : undefined);
    if (!parsed.success) throw new HmcError(502, 0, 'HMC logon: the response has no api-session');
    this.options.metrics.hmcLogons.inc();
    this.options.logger.info({ hmc: this.options.config.url }, 'logged on to the HMC');
    this.session = parsed.data['api-session'];
    return this.session;
  }

  private async send(
    method: string,
    path: string,
    payload: unknown,
    session: string | null,
    { probe = false, timeoutMs = this.options.timeoutMs }: { probe?: boolean; timeoutMs?: number } = {},
  ): Promise<HmcBody> {
    const { metrics } = this.options;
    const remaining = this.breaker.remainingMs(this.nowMs());
    if (!probe && remaining > 0) {
      // A busy or failing HMC gets no more load until the back-off ends; callers serve stale data.
      // A probe, at most every few seconds, ends the back-off as soon as the HMC answers again.
      if (this.breaker.probeDue(this.nowMs())) this.version().catch(() => undefined);
      throw new HmcError(503, 0, `HMC ${method} ${path}: backing off after errors, next try in ${Math.ceil(remaining / 1000)} s`);
    }
    // Timed from when it is sent, as every upstream's requests are (metrics.ts); a deadline that
    // passes while waiting for a slot counts as a timeout without a duration.
    let observe = (outcome: UpstreamOutcome, kind?: string): void => {
      if (kind !== undefined) metrics.upstreamErrors.inc({ upstream: 'hmc', kind });
    };
    // One deadline for the whole request, the wait for a connection slot included: a waiter whose
    // deadline passes leaves the queue at once.
    const signal = AbortSignal.timeout(timeoutMs);
    let raw: RawResponse;
    try {
      raw = await this.limiter.run(() => {
        observe = startUpstreamRequest(metrics, 'hmc', probe ? 'probe' : method);
        return this.exchange(method, path, payload, session, signal);
      }, signal);
    } catch (err) {
      let error: HmcError;
      if (err instanceof BodyTooLargeError) {
        observe('error', 'too_large');
        error = new HmcError(502, 0, `HMC ${method} ${path}: ${err.message}`);
      } else if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        observe('timeout', 'timeout');
        error = new HmcError(504, 0, `HMC ${method} ${path}: no answer within ${timeoutMs} ms`, 'upstream_timeout');
      } else {
        observe('error', 'network');
        const detail = err instanceof Error ? err.message : String(err);
        error = new HmcError(502, 0, `HMC ${method} ${path}: unreachable (${upstreamExcerpt(detail)})`);
      }
      // A hung, runaway or vanished HMC is backed off like a busy one.
      this.breaker.failure(this.nowMs(), error.message);
      throw error;
    }
    if (raw.status >= 400) {
      const error = errorFromResponse(method, path, raw);
      if (raw.status === 409 || raw.status >= 500) this.breaker.failure(this.nowMs(), error.message);
      else this.breaker.answered(this.nowMs());
      observe('error', raw.status === 403 ? 'auth' : 'http_status');
      throw error;
    }
    this.breaker.success(this.nowMs());
    observe('success');
    return bodyFromResponse(method, path, raw);
  }

  private exchange(method: string, path: string, payload: unknown, session: string | null, signal: AbortSignal): Promise<RawResponse> {
    const url = new URL(path, this.options.config.url);
    const data = payload === undefined ? undefined : JSON.stringify(payload);
    const headers: Record<string, string> = { accept: '*/*', 'content-type': 'application/json' };
    if (session !== null) headers['x-api-session'] = session;
    if (data !== undefined) headers['content-length'] = String(Buffer.byteLength(data));
    const maxBytes = this.options.maxBodyBytes ?? DEFAULT_UPSTREAM_MAX_BYTES;
    return exchange({ agent: this.agent, url, method, headers, data, signal, maxBytes });
  }
}
