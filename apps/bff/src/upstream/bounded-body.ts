// Reading an upstream's answer with a byte bound (ZLENS_UPSTREAM_MAX_BYTES). `response.text()`
// buffers whatever arrives: a runaway or lying upstream that sends hundreds of megabytes would
// grow the heap to match, and past V8's string limit the process dies. Here the body is read as a
// stream, chunk by chunk, and cut off (the stream cancelled, the connection closed) as soon as it
// passes the bound, so memory stays at most the bound per answer. For any fetch() Response: the
// Prometheus and Alertmanager clients use it; the HMC's node:https exchange has the same rule.
import { DEFAULT_UPSTREAM_MAX_BYTES } from '../upstream-limits.js';

/** The answer passed the byte bound; reading stopped there. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes (ZLENS_UPSTREAM_MAX_BYTES)`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body's bytes, at most `maxBytes` of them; BodyTooLargeError beyond (also at once when the
 * declared Content-Length says so). A timeout on the fetch's signal ends a trickled body too.
 */
export async function readBoundedBody(response: Response, maxBytes = DEFAULT_UPSTREAM_MAX_BYTES): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    // Node's fetch types the chunk `any`; it is always bytes.
    const value: unknown = chunk.value;
    if (!(value instanceof Uint8Array)) throw new TypeError('a response body chunk that is not bytes');
    size += value.byteLength;
    if (size > maxBytes) {
      // Cancelling closes the connection: the rest is never read.
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** readBoundedBody as UTF-8 text. */
export async function readBoundedText(response: Response, maxBytes = DEFAULT_UPSTREAM_MAX_BYTES): Promise<string> {
  return (await readBoundedBody(response, maxBytes)).toString('utf8');
}
