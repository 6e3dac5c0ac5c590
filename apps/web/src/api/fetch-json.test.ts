// fetch is replaced by a fake here: these tests pin how each kind of failure is reported.
// The real BFF is exercised end to end by Playwright.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InventoryResponseSchema } from '@zlens/shared';
import { ApiError, fetchJson } from './fetch-json';

function respond(body: string, init: ResponseInit): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, init)),
  );
}

async function failure(): Promise<ApiError> {
  try {
    await fetchJson('/api/v1/inventory', InventoryResponseSchema);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  throw new Error('expected fetchJson to reject');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('returns the parsed body', async () => {
    respond(JSON.stringify({ cpcs: [], stale: false, updatedAt: 1 }), { status: 200 });
    await expect(fetchJson('/api/v1/inventory', InventoryResponseSchema)).resolves.toEqual({
      cpcs: [],
      stale: false,
      updatedAt: 1,
    });
  });

  it('uses the message and code of the BFF error JSON', async () => {
    respond(JSON.stringify({ error: { code: 'not_found', message: 'Unknown CPC "X1"' } }), { status: 404 });
    const error = await failure();
    expect(error.message).toBe('Unknown CPC "X1"');
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.isNotFound).toBe(true);
  });

  it('reports a 401 as not signed in: the BFF’s reason, or the status of a proxy’s page', async () => {
    respond(JSON.stringify({ error: { code: 'unauthenticated', message: 'The sign-in token has expired' } }), { status: 401 });
    const bff = await failure();
    expect(bff.isUnauthenticated).toBe(true);
    expect(bff.code).toBe('unauthenticated');
    expect(bff.message).toBe('The sign-in token has expired');
    respond('<html><body>401 Authorization Required</body></html>', { status: 401 });
    const proxy = await failure();
    expect(proxy.isUnauthenticated).toBe(true);
    expect(proxy.message).toBe('Not signed in (HTTP 401)');
  });

  it('describes an HTML error page by its status, without the HTML', async () => {
    respond('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const error = await failure();
    expect(error.message).toBe('The data source is unreachable (HTTP 502)');
    expect(error.message).not.toContain('<');
    expect(error.code).toBeNull();
  });

  it('reports a 200 HTML page (a SPA fallback or a login page) as not JSON', async () => {
    respond('<!doctype html><html></html>', { status: 200 });
    const error = await failure();
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/not JSON/);
  });

  it('reports JSON that does not match the contract, naming where', async () => {
    respond(JSON.stringify({ cpcs: 'none', stale: false, updatedAt: 1 }), { status: 200 });
    const error = await failure();
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('at cpcs');
  });

  it('turns a network failure into a readable message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await failure();
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
    expect(error.message).toBe('Cannot reach the zlens server (Failed to fetch)');
  });

  it('reports a cancelled request as aborted, not as a network failure', async () => {
    const controller = new AbortController();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }),
    );
    await expect(fetchJson('/x', InventoryResponseSchema, controller.signal)).rejects.toMatchObject({ kind: 'aborted' });
  });
});
