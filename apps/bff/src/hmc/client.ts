// The HMC Web Services API client (reference/hmc-api.md §0-§1): one lazily logged-on session per
// process, sent as X-API-Session; on 403 reason 4 or 5 (no or expired session) it logs on again and
// retries the request once, as zhmcclient does. Errors never carry credentials or the session id.
import { Agent, request as httpsRequest } from 'node:https';
import { z } from 'zod';
import { systemClock, type Clock } from '../clock.js';
import type { HmcConfig } from '../config.js';
import { AppError } from '../errors.js';
import { Limiter } from '../limiter.js';
import type { Logger } from '../logger.js';
import type { AppMetrics } from '../metrics.js';

export const METRICS_CONTENT_TYPE = 'application/vnd.ibm-z-zmanager-metrics';
/** zhmcclient's artificial reasons for HTML error bodies (hmc-api.md §1.7). */
export const HTML_REASON_WEB_SERVICES_DISABLED = 900;
export const HTML_REASON_OTHER = 999;

const HmcErrorBodySchema = z.object({
  'http-status': z.number().optional(),
  reason: z.number(),
  message: z.string().optional(),
});

const LogonResponseSchema = z.object({ 'api-session': z.string().min(1) });

/** A failed HMC request, with the HMC's status and reason so callers can react (e.g. 404.1). */
export class HmcError extends AppError {
  constructor(
    readonly httpStatus: number,
    readonly reason: number,
    message: string,
    code: 'upstream_error' | 'upstream_timeout' = 'upstream_error',
  ) {
    super(code, message);
    this.name = 'HmcError';
  }
}

export type HmcBody = { kind: 'json'; value: unknown } | { kind: 'metrics'; text: string } | { kind: 'empty' };

export interface HmcClientOptions {
  config: HmcConfig;
  timeoutMs: number;
  logger: Logger;
  metrics: AppMetrics;
  maxInFlight?: number;
  clock?: Clock;
}

/** Back-off after 409 (busy) or 5xx: 1 s, doubling per failure, at most 60 s. */
export const HMC_BACKOFF_MIN_MS = 1_000;
export const HMC_BACKOFF_MAX_MS = 60_000;

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

export class HmcClient {
  private readonly agent: Agent;
  private readonly limiter: Limiter;
  private session: string | null = null;
  private logonInFlight: Promise<string> | null = null;
  private backoffMs = 0;
  private backoffUntilMs = 0;

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

  /** GET /api/version needs no session: a cheap reachability probe. */
  async version(): Promise<unknown> {
    const body = await this.send('GET', '/api/version', undefined, null);
    return body.kind === 'json' ? body.value : null;
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

  private async send(method: string, path: string, payload: unknown, session: string | null): Promise<HmcBody> {
    const started = performance.now();
    const { metrics } = this.options;
    const nowMs = (this.options.clock ?? systemClock).nowMs();
    if (nowMs < this.backoffUntilMs) {
      // A busy or failing HMC gets no more load until the back-off ends; callers serve stale data.
      const seconds = Math.ceil((this.backoffUntilMs - nowMs) / 1000);
      throw new HmcError(503, 0, `HMC ${method} ${path}: backing off after errors, next try in ${seconds} s`);
    }
    metrics.upstreamRequests.inc({ upstream: 'hmc', endpoint: method });
    const observe = (outcome: 'success' | 'error' | 'timeout', kind?: string): void => {
      metrics.upstreamDuration.observe({ upstream: 'hmc', outcome }, (performance.now() - started) / 1000);
      if (kind !== undefined) metrics.upstreamErrors.inc({ upstream: 'hmc', kind });
    };
    let raw: RawResponse;
    try {
      raw = await this.limiter.run(() => this.exchange(method, path, payload, session));
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        observe('timeout', 'timeout');
        throw new HmcError(504, 0, `HMC ${method} ${path}: no answer within ${this.options.timeoutMs} ms`, 'upstream_timeout');
      }
      observe('error', 'network');
      const detail = err instanceof Error ? err.message : String(err);
      throw new HmcError(502, 0, `HMC ${method} ${path}: unreachable (${detail})`);
    }
    if (raw.status === 409 || raw.status >= 500) {
      this.backoffMs = Math.min(HMC_BACKOFF_MAX_MS, this.backoffMs === 0 ? HMC_BACKOFF_MIN_MS : this.backoffMs * 2);
      this.backoffUntilMs = (this.options.clock ?? systemClock).nowMs() + this.backoffMs;
    } else {
      this.backoffMs = 0;
    }
    if (raw.status >= 400) {
      const error = errorFromResponse(method, path, raw);
      observe('error', raw.status === 403 ? 'auth' : 'http_status');
      throw error;
    }
    observe('success');
    return bodyFromResponse(method, path, raw);
  }

  private exchange(method: string, path: string, payload: unknown, session: string | null): Promise<RawResponse> {
    const url = new URL(path, this.options.config.url);
    const data = payload === undefined ? undefined : JSON.stringify(payload);
    const headers: Record<string, string> = { accept: '*/*', 'content-type': 'application/json' };
    if (session !== null) headers['x-api-session'] = session;
    if (data !== undefined) headers['content-length'] = String(Buffer.byteLength(data));
    return new Promise<RawResponse>((resolve, reject) => {
      const req = httpsRequest(
        url,
        { method, headers, agent: this.agent, signal: AbortSignal.timeout(this.options.timeoutMs) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }
}

/** Exported for tests: the readable error for a failed response (JSON body, HTML page, or none). */
export function errorFromResponse(method: string, path: string, raw: RawResponse): HmcError {
  if (raw.contentType.startsWith('text/html')) {
    // Some 5xx come as an HTML page; keep the useful part, never the page (hmc-api.md §1.7).
    if (raw.text.includes('Web Services are not enabled')) {
      return new HmcError(
        raw.status,
        HTML_REASON_WEB_SERVICES_DISABLED,
        `HMC ${method} ${path}: HTTP ${raw.status}: Console Configuration Error: Web Services API is not enabled on the HMC`,
      );
    }
    const title = /<title>([^<]{0,200})<\/title>/i.exec(raw.text)?.[1]?.trim();
    return new HmcError(raw.status, HTML_REASON_OTHER, `HMC ${method} ${path}: HTTP ${raw.status}: ${title ?? 'HTML error page'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.text);
  } catch {
    parsed = undefined;
  }
  const body = HmcErrorBodySchema.safeParse(parsed);
  if (!body.success) return new HmcError(raw.status, 0, `HMC ${method} ${path}: HTTP ${raw.status}`);
  const message = body.data.message === undefined ? '' : `: ${body.data.message}`;
  return new HmcError(raw.status, body.data.reason, `HMC ${method} ${path}: ${raw.status},${body.data.reason}${message}`);
}

function bodyFromResponse(method: string, path: string, raw: RawResponse): HmcBody {
  if (raw.text.length === 0) return { kind: 'empty' };
  if (raw.contentType.startsWith(METRICS_CONTENT_TYPE)) return { kind: 'metrics', text: raw.text };
  // A missing content type is JSON, as zhmcclient treats it.
  if (raw.contentType === '' || raw.contentType.startsWith('application/json')) {
    try {
      const value: unknown = JSON.parse(raw.text);
      return { kind: 'json', value };
    } catch {
      throw new HmcError(502, 0, `HMC ${method} ${path}: the body is not valid JSON`);
    }
  }
  throw new HmcError(502, 0, `HMC ${method} ${path}: unknown content type "${raw.contentType}"`);
}
