// The one error type of the BFF. Every failure a client can see becomes an AppError, and the one
// error middleware (app.ts) turns it into `{error: {code, message, details?}}` (ErrorResponseSchema).
import type { ErrorCode } from '@zlens/shared';

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthenticated: 401,
  not_found: 404,
  method_not_allowed: 405,
  upstream_error: 502,
  upstream_timeout: 504,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  /** Response headers the error needs (`Allow` on a 405). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown; headers?: Record<string, string> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export function badRequest(message: string, details?: unknown): AppError {
  return new AppError('bad_request', message, { details });
}

export function notFound(message: string): AppError {
  return new AppError('not_found', message);
}

/** 405 with the `Allow` header (RFC 9110 §15.5.6) naming what the resource does accept. */
export function methodNotAllowed(method: string, path: string, allow: readonly string[]): AppError {
  return new AppError('method_not_allowed', `${method} is not allowed on ${path}; use ${allow.join(' or ')}`, {
    headers: { allow: allow.join(', ') },
    details: { allow },
  });
}

/** A short human-readable description of an unknown thrown value, for logs and wrapped messages. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Upstream text kept in an error message, a log line or /readyz: at most this many characters. */
export const UPSTREAM_EXCERPT_MAX = 160;

/** `Authorization: Basic …`, `"password": "…"`, `x-api-session=…`: the value goes, the name stays. */
const SECRET_FIELD =
  /\b(authorization|proxy-authorization|cookie|set-cookie|x-api-session|api-session|session-credential|password|passwd|secret|token|api[-_]?key)(["']?\s*[:=]\s*["']?)[^\s"',;}&]+/gi;
const SCHEME_CREDENTIAL = /\b(Basic|Bearer|Negotiate|Digest)\s+[A-Za-z0-9._~+/=-]{4,}/gi;

/**
 * A short, single-line, redacted excerpt of text an upstream sent (an error message, a page title):
 * an upstream, or a proxy before it, may echo the request's headers, credentials included, so its
 * words are never passed on whole.
 */
export function upstreamExcerpt(text: string): string {
  const flat = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go: a log line is one line
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(SCHEME_CREDENTIAL, '$1 [redacted]')
    .replace(SECRET_FIELD, '$1$2[redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > UPSTREAM_EXCERPT_MAX ? `${flat.slice(0, UPSTREAM_EXCERPT_MAX - 1)}…` : flat;
}
