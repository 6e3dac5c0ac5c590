// One HTTPS exchange with the HMC, and what its answer means. The body is read with a byte bound
// (ZLENS_UPSTREAM_MAX_BYTES): a runaway or lying HMC that sends hundreds of megabytes is cut off
// at the bound, never buffered whole (a 600 MB body used to end the process with
// ERR_STRING_TOO_LONG). Error texts keep a short, redacted excerpt of what the HMC said, never
// its body: a proxy in front of it may echo the request's headers.
import type { Agent } from 'node:https';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import { upstreamExcerpt } from '../errors.js';
import { HmcError } from './hmc-error.js';

export const METRICS_CONTENT_TYPE = 'application/vnd.ibm-z-zmanager-metrics';
/** zhmcclient's artificial reasons for HTML error bodies (hmc-api.md §1.7). */
export const HTML_REASON_WEB_SERVICES_DISABLED = 900;
export const HTML_REASON_OTHER = 999;

const HmcErrorBodySchema = z.object({
  'http-status': z.number().optional(),
  reason: z.number(),
  message: z.string().optional(),
});

export type HmcBody = { kind: 'json'; value: unknown } | { kind: 'metrics'; text: string } | { kind: 'empty' };

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

/** The HMC's answer passed the byte bound; the exchange was aborted there. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes (ZLENS_UPSTREAM_MAX_BYTES)`);
    this.name = 'BodyTooLargeError';
  }
}

export interface ExchangeRequest {
  agent: Agent;
  url: URL;
  method: string;
  headers: Record<string, string>;
  data: string | undefined;
  /** Ends the exchange (its wait for a slot included) at the deadline. */
  signal: AbortSignal;
  maxBytes: number;
}

export function exchange({ agent, url, method, headers, data, signal, maxBytes }: ExchangeRequest): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    // The deadline may have passed while waiting for a slot: send nothing then.
    if (signal.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'TimeoutError'));
      return;
    }
    const req = httpsRequest(url, { method, headers, agent, signal }, (res) => {
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        req.destroy(new BodyTooLargeError(maxBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          // Drop what was read and the connection: nothing more of this body is kept.
          chunks.length = 0;
          req.destroy(new BodyTooLargeError(maxBytes));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
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
    return new HmcError(
      raw.status,
      HTML_REASON_OTHER,
      `HMC ${method} ${path}: HTTP ${raw.status}: ${title === undefined ? 'HTML error page' : upstreamExcerpt(title)}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.text);
  } catch {
    parsed = undefined;
  }
  const body = HmcErrorBodySchema.safeParse(parsed);
  if (!body.success) return new HmcError(raw.status, 0, `HMC ${method} ${path}: HTTP ${raw.status}`);
  const message = body.data.message === undefined ? '' : `: ${upstreamExcerpt(body.data.message)}`;
  return new HmcError(raw.status, body.data.reason, `HMC ${method} ${path}: ${raw.status},${body.data.reason}${message}`);
}

export function bodyFromResponse(method: string, path: string, raw: RawResponse): HmcBody {
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
  throw new HmcError(502, 0, `HMC ${method} ${path}: unknown content type "${upstreamExcerpt(raw.contentType)}"`);
}
