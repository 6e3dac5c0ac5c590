// Request hygiene: a request that is ambiguous or wrong gets a clear 4xx that says what is wrong.
// Two user headers in proxy mode are refused (never joined into one name); a wrong method on a known
// route is 405 with Allow; a repeated query parameter is named as repeated. No upstream is needed:
// these are refused before any is asked (Prometheus's URL points at a closed port).
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps } from './deps.js';
import { captureLogger, closedPort } from './test/helpers.js';

let prometheusUrl: string;
beforeAll(async () => {
  prometheusUrl = `http://127.0.0.1:${await closedPort()}`;
});

function appFor(env: Env = {}) {
  const built = buildDeps({ ...loadConfig({ ZLENS_PROMETHEUS_URL: prometheusUrl, ...env }), webDir: null }, captureLogger().logger);
  return { app: createApp(built.deps), metrics: built.deps.metrics };
}

/** A raw HTTP request: supertest cannot send one header twice, a proxy (or an attacker before it) can. */
async function rawGet(
  app: ReturnType<typeof createApp>,
  path: string,
  headers: OutgoingHttpHeaders,
): Promise<{ status: number; body: unknown }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  try {
    return await new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: address.port, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      });
      req.on('error', reject);
      req.end();
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('ZLENS_AUTH=proxy with more than one user header', () => {
  const env = { ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '127.0.0.1' };

  it('refuses two x-forwarded-user headers instead of signing in "alice, mallory"', async () => {
    const { app, metrics } = appFor(env);
    const res = await rawGet(app, '/api/v1/session', { 'x-forwarded-user': ['alice', 'mallory'] });
    expect(res.status).toBe(401);
    const body = ErrorResponseSchema.parse(res.body);
    expect(body.error.message).toMatch(/x-forwarded-user header is given 2 times; it must name one user/);
    expect(body.error.details).toEqual({ reason: 'no_user' });
    expect(JSON.stringify(res.body)).not.toContain('alice, mallory');
    expect((await metrics.authRejections.get()).values).toEqual([expect.objectContaining({ labels: { reason: 'no_user' }, value: 1 })]);
  });

  it('still signs in one user header', async () => {
    const { app } = appFor(env);
    expect(await rawGet(app, '/api/v1/session', { 'x-forwarded-user': 'alice' })).toEqual({
      status: 200,
      body: { mode: 'proxy', user: 'alice' },
    });
  });
});

describe('a wrong method on a known route', () => {
  it('answers 405 with Allow in the standard error JSON, for API routes and the probes', async () => {
    const agent = request(appFor().app);
    for (const [method, path] of [
      ['post', '/api/v1/inventory'],
      ['delete', '/api/v1/cpcs/ZLX1'],
      ['put', '/api/v1/series'],
      ['post', '/readyz'],
      ['delete', '/metrics'],
    ] as const) {
      const res = await agent[method](path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      const body = ErrorResponseSchema.parse(res.body);
      expect(body.error).toMatchObject({
        code: 'method_not_allowed',
        message: `${method.toUpperCase()} is not allowed on ${path}; use GET or HEAD`,
      });
    }
  });

  it('still answers 404 for a path nothing serves', async () => {
    const agent = request(appFor().app);
    expect((await agent.post('/api/v1/no-such-thing')).status).toBe(404);
    expect((await agent.get('/api/v1/no-such-thing')).status).toBe(404);
  });
});

describe('a repeated query parameter', () => {
  it('is named as repeated, not as missing', async () => {
    const agent = request(appFor().app);
    const res = await agent.get('/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=A&cpc=B&from=now-1h&to=now');
    expect(res.status).toBe(400);
    const body = ErrorResponseSchema.parse(res.body);
    expect(body.error.message).toBe('cpc: given more than once; give each parameter once');
    expect(body.error.message).not.toMatch(/required/);
    expect(body.error.details).toEqual({ repeated: ['cpc'] });
  });
});
