// Sign-in (ZLENS_AUTH): bearer JWTs verified against a shared secret, a JWKS file and a JWKS URL;
// the portal proxy's user header, believed only from the proxy's addresses; 401 with a message
// that says why; the public answers stay public; tokens never reach the logs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema, SessionResponseSchema, UnauthenticatedDetailsSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps } from './deps.js';
import { captureLogger, closedPort, tempFile } from './test/helpers.js';

// A Prometheus nobody asks: /session and the refusals never reach an upstream.
const PROM: Env = { ZLENS_PROMETHEUS_URL: 'http://127.0.0.1:9/' };
const SECRET = 'a shared secret of the portal, 32 bytes or more';
const NOW = () => Math.floor(Date.now() / 1000);

function appFor(env: Env) {
  const log = captureLogger();
  const built = buildDeps({ ...loadConfig({ ...PROM, ...env }), webDir: null }, log.logger);
  return { agent: request(createApp(built.deps)), log, metrics: built.deps.metrics };
}

async function hs256(claims: Record<string, unknown>, secret = SECRET, exp: number | null = NOW() + 600): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

async function refusal(res: request.Response): Promise<string> {
  expect(res.status).toBe(401);
  const body = ErrorResponseSchema.parse(res.body);
  expect(body.error.code).toBe('unauthenticated');
  expect(UnauthenticatedDetailsSchema.safeParse(body.error.details).success).toBe(true);
  return body.error.message;
}

describe('ZLENS_AUTH=token with a shared secret', () => {
  const env: Env = { ZLENS_AUTH: 'token', ZLENS_AUTH_SECRET_FILE: tempFile('secret', `${SECRET}\n`) };

  it('signs in the user a valid token names', async () => {
    const { agent } = appFor(env);
    const res = await agent.get('/api/v1/session').set('authorization', `Bearer ${await hs256({ sub: 'alice' })}`);
    expect(res.status).toBe(200);
    expect(SessionResponseSchema.parse(res.body)).toEqual({ mode: 'token', user: 'alice' });
  });

  it('refuses every data endpoint without a token, and says so', async () => {
    const { agent } = appFor(env);
    for (const path of [
      '/api/v1/session',
      '/api/v1/inventory',
      '/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=X',
      '/api/v1/no-such-route',
    ]) {
      expect(await refusal(await agent.get(path))).toMatch(/needs a sign-in token from the portal, and none was sent/);
    }
  });

  it('tells an expired token, a wrong signature, a missing exp and a bad header apart', async () => {
    const { agent } = appFor(env);
    const ask = (authorization: string) => agent.get('/api/v1/session').set('authorization', authorization);
    expect(await refusal(await ask(`Bearer ${await hs256({ sub: 'a' }, SECRET, NOW() - 3600)}`))).toMatch(/has expired/);
    expect(await refusal(await ask(`Bearer ${await hs256({ sub: 'a' }, 'another secret, also long enough to be used')}`))).toMatch(
      /signature does not verify/,
    );
    expect(await refusal(await ask(`Bearer ${await hs256({ sub: 'a' }, SECRET, null)}`))).toMatch(/"exp" claim is not accepted/);
    expect(await refusal(await ask(`Basic ${Buffer.from('u:p').toString('base64')}`))).toMatch(/must be "Bearer <token>"/);
    expect(await refusal(await ask('Bearer not.a.jwt'))).toMatch(/not a valid JWT/);
    expect(await refusal(await ask(`Bearer ${await hs256({ name: 'no subject' })}`))).toMatch(/"sub" claim names no user/);
  });

  it('refuses an unsigned token (alg none) and an algorithm the key cannot have made', async () => {
    const { agent } = appFor(env);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'none' })}.${b64({ sub: 'mallory', exp: NOW() + 600 })}.`;
    expect(await refusal(await agent.get('/api/v1/session').set('authorization', `Bearer ${unsigned}`))).toMatch(
      /algorithm zlens does not accept|not a valid JWT/,
    );
    const { privateKey } = await generateKeyPair('ES256');
    const es256 = await new SignJWT({ sub: 'mallory' }).setProtectedHeader({ alg: 'ES256' }).setExpirationTime('10m').sign(privateKey);
    expect(await refusal(await agent.get('/api/v1/session').set('authorization', `Bearer ${es256}`))).toMatch(
      /algorithm zlens does not accept/,
    );
  });

  it('checks issuer and audience when they are configured', async () => {
    const { agent } = appFor({ ...env, ZLENS_AUTH_ISSUER: 'https://portal.example', ZLENS_AUTH_AUDIENCE: 'zlens' });
    const good = await hs256({ sub: 'alice', iss: 'https://portal.example', aud: 'zlens' });
    expect((await agent.get('/api/v1/session').set('authorization', `Bearer ${good}`)).status).toBe(200);
    const otherAudience = await hs256({ sub: 'alice', iss: 'https://portal.example', aud: 'grafana' });
    expect(await refusal(await agent.get('/api/v1/session').set('authorization', `Bearer ${otherAudience}`))).toMatch(/"aud" claim/);
  });

  it('takes the user from the configured claim', async () => {
    const { agent } = appFor({ ...env, ZLENS_AUTH_USER_CLAIM: 'preferred_username' });
    const token = await hs256({ sub: 'u-4711', preferred_username: '张伟' });
    expect((await agent.get('/api/v1/session').set('authorization', `Bearer ${token}`)).body).toEqual({ mode: 'token', user: '张伟' });
  });

  it('keeps the public answers, the SPA and the probes open', async () => {
    const { agent } = appFor(env);
    for (const path of [
      '/api/v1/embed-config',
      '/api/v1/openapi.json',
      '/api/v1/docs/',
      '/api/v1/docs/swagger-ui-bundle.js',
      '/healthz',
      '/metrics',
    ]) {
      expect((await agent.get(path)).status, path).toBe(200);
    }
  });

  it('logs and counts a refusal by reason, never the token', async () => {
    const { agent, log, metrics } = appFor(env);
    const expired = await hs256({ sub: 'alice' }, SECRET, NOW() - 3600);
    await agent.get('/api/v1/inventory').set('authorization', `Bearer ${expired}`);
    await agent.get('/api/v1/inventory');
    const signature = expired.split('.')[2] ?? '';
    expect(signature.length).toBeGreaterThan(20);
    expect(log.text()).not.toContain(signature);
    expect(log.text()).toMatch(/"reason":"expired"/);
    const counted = (await metrics.authRejections.get()).values.map((v) => [v.labels.reason, v.value]);
    expect(counted).toEqual(
      expect.arrayContaining([
        ['expired', 1],
        ['missing', 1],
      ]),
    );
  });
});

describe('ZLENS_AUTH=token with a JSON Web Key Set', () => {
  let jwks: { keys: JWK[] };
  let sign: (claims: Record<string, unknown>, kid?: string) => Promise<string>;
  let jwksServer: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'portal-1', alg: 'RS256', use: 'sig' }] };
    sign = (claims, kid = 'portal-1') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setExpirationTime('10m').sign(privateKey);
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  it('verifies against a key set file', async () => {
    const { agent } = appFor({ ZLENS_AUTH: 'token', ZLENS_AUTH_JWKS_FILE: tempFile('jwks.json', JSON.stringify(jwks)) });
    const res = await agent.get('/api/v1/session').set('authorization', `Bearer ${await sign({ sub: 'carol' })}`);
    expect(res.body).toEqual({ mode: 'token', user: 'carol' });
    expect(
      await refusal(await agent.get('/api/v1/session').set('authorization', `Bearer ${await sign({ sub: 'carol' }, 'rotated-away')}`)),
    ).toMatch(/no key of the configured key set matches/);
  });

  it('refuses a token signed by another key under the same key id', async () => {
    const { agent } = appFor({ ZLENS_AUTH: 'token', ZLENS_AUTH_JWKS_FILE: tempFile('jwks.json', JSON.stringify(jwks)) });
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'mallory' })
      .setProtectedHeader({ alg: 'RS256', kid: 'portal-1' })
      .setExpirationTime('10m')
      .sign(privateKey);
    expect(await refusal(await agent.get('/api/v1/session').set('authorization', `Bearer ${forged}`))).toMatch(/signature does not verify/);
  });

  it('verifies against a key set URL', async () => {
    const { agent } = appFor({ ZLENS_AUTH: 'token', ZLENS_AUTH_JWKS_URL: jwksUrl });
    const res = await agent.get('/api/v1/session').set('authorization', `Bearer ${await sign({ sub: 'dave' })}`);
    expect(res.body).toEqual({ mode: 'token', user: 'dave' });
  });

  it('answers 503, not 401, when the key set URL cannot be reached', async () => {
    const { agent } = appFor({ ZLENS_AUTH: 'token', ZLENS_AUTH_JWKS_URL: `http://127.0.0.1:${await closedPort()}/jwks.json` });
    const res = await agent.get('/api/v1/session').set('authorization', `Bearer ${await sign({ sub: 'dave' })}`);
    expect(res.status).toBe(503);
    expect(ErrorResponseSchema.parse(res.body).error.message).toMatch(/key set \(ZLENS_AUTH_JWKS_URL\) is unavailable/);
  });
});

describe('ZLENS_AUTH=proxy', () => {
  it("believes the proxy's user header from a proxy address", async () => {
    const { agent } = appFor({ ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '10.0.0.5, 127.0.0.0/8' });
    const res = await agent.get('/api/v1/session').set('x-forwarded-user', 'erin');
    expect(res.body).toEqual({ mode: 'proxy', user: 'erin' });
  });

  it('reads a user name the proxy sends as UTF-8 bytes', async () => {
    const { agent } = appFor({ ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '127.0.0.1' });
    // What goes on the wire: the UTF-8 bytes of 王芳 (supertest sends a header string as Latin-1).
    const res = await agent.get('/api/v1/session').set('x-forwarded-user', Buffer.from('王芳 (ops)', 'utf8').toString('latin1'));
    expect(res.body).toEqual({ mode: 'proxy', user: '王芳 (ops)' });
    // Latin-1 that is not UTF-8 stays as sent.
    expect((await agent.get('/api/v1/session').set('x-forwarded-user', 'Jos\xe9')).body).toEqual({ mode: 'proxy', user: 'José' });
  });

  it('uses the configured header', async () => {
    const { agent } = appFor({ ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '127.0.0.1', ZLENS_AUTH_PROXY_HEADER: 'Remote-User' });
    expect((await agent.get('/api/v1/session').set('remote-user', 'frank')).body).toEqual({ mode: 'proxy', user: 'frank' });
    expect(await refusal(await agent.get('/api/v1/session').set('x-forwarded-user', 'frank'))).toMatch(/remote-user header names no user/);
  });

  it('ignores the header on a connection that does not come from the proxy', async () => {
    const { agent, metrics } = appFor({ ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '10.0.0.0/8 fd00::/8' });
    const res = await agent.get('/api/v1/inventory').set('x-forwarded-user', 'mallory').set('x-forwarded-for', '10.0.0.5');
    expect(await refusal(res)).toMatch(/open zlens through the portal/);
    expect(res.body.error.details).toEqual({ reason: 'not_proxy' });
    expect((await metrics.authRejections.get()).values).toEqual([expect.objectContaining({ labels: { reason: 'not_proxy' }, value: 1 })]);
  });
});
