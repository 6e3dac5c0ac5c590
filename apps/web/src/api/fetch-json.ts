// The one fetch helper of the SPA. Every failure (network, HTTP error with the BFF's error JSON,
// an HTML page from a proxy, a body that does not match the contract) becomes an ApiError with
// a message an operator can read; nothing here throws anything else.
import { ErrorResponseSchema, type ErrorCode } from '@zlens/shared';
import { currentToken } from '../auth/auth-store';

/** What fetchJson needs of a schema; every zod schema in @zlens/shared fits. */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

export type ApiErrorKind = 'network' | 'http' | 'invalid-response' | 'aborted';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    /** HTTP status, 0 when no response arrived. */
    readonly status: number,
    /** The BFF's error code when it sent its error JSON. */
    readonly code: ErrorCode | null = null,
    /** The BFF's `error.details` (e.g. `{reason}` of a 401), unchecked: narrow it before use. */
    readonly details: unknown = null,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /**
   * Whether asking again may succeed: no answer, a server or upstream failure, too many requests.
   * A request the BFF rejected (400, 404, …) fails the same way every time, so it gets no Retry.
   */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429;
  }

  /** The BFF (or a proxy before it) does not take the caller as signed in. */
  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'The request was rejected',
  401: 'Not signed in',
  404: 'Not found',
  500: 'The server failed',
  502: 'The data source is unreachable',
  503: 'The server is unavailable',
  504: 'The data source did not answer in time',
};

function describeStatus(status: number): string {
  return STATUS_TEXT[status] ?? `The server answered HTTP ${status}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** GETs `url` and parses the JSON body with `schema`. Rejects only with ApiError. */
export async function fetchJson<T>(url: string, schema: ResponseSchema<T>, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The token of the page (token mode of the BFF); in proxy and none mode there is none to send.
  const token = currentToken();
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal });
  } catch (error) {
    if (signal?.aborted) throw new ApiError('The request was cancelled', 'aborted', 0);
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new ApiError(`Cannot reach the zlens server${reason}`, 'network', 0);
  }

  let body: unknown;
  try {
    body = await readJson(response);
  } catch {
    throw new ApiError('The connection broke while reading the answer', 'network', response.status);
  }

  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(body);
    if (parsed.success) {
      throw new ApiError(parsed.data.error.message, 'http', response.status, parsed.data.error.code, parsed.data.error.details);
    }
    // Not our error JSON: typically an HTML page from a proxy or a gateway.
    throw new ApiError(`${describeStatus(response.status)} (HTTP ${response.status})`, 'http', response.status);
  }

  if (body === undefined) {
    throw new ApiError(
      'The server sent something that is not JSON (is the zlens API behind this URL?)',
      'invalid-response',
      response.status,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new ApiError(`The server sent an answer zlens does not understand${where}`, 'invalid-response', response.status);
  }
  return parsed.data;
}

/** A readable message for anything a query can fail with. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
