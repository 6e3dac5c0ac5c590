// The one error type of the BFF. Every failure a client can see becomes an AppError, and the one
// error middleware (app.ts) turns it into `{error: {code, message, details?}}` (ErrorResponseSchema).
import type { ErrorCode } from '@zlens/shared';

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthenticated: 401,
  not_found: 404,
  upstream_error: 502,
  upstream_timeout: 504,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details;
  }
}

export function badRequest(message: string, details?: unknown): AppError {
  return new AppError('bad_request', message, { details });
}

export function notFound(message: string): AppError {
  return new AppError('not_found', message);
}

/** A short human-readable description of an unknown thrown value, for logs and wrapped messages. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
