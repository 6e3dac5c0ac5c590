import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@zlens/hmc-sim';
import type { HmcConfig } from '../config.js';
import { createMetrics } from '../metrics.js';
import { captureLogger } from '../test/helpers.js';
import { HmcClient, HmcError, errorFromResponse } from './client.js';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}`;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ credentials: { userid: 'monitor', password: PASSWORD } });
}, 30_000);
afterAll(async () => sim?.close());

function client(overrides: Partial<HmcConfig>) {
  const captured = captureLogger();
  const hmc = new HmcClient({
    config: { url: sim.hmcUrl, userid: 'monitor', password: PASSWORD, ca: sim.caPem, insecure: false, ...overrides },
    timeoutMs: 5000,
    logger: captured.logger,
    metrics: createMetrics(),
  });
  return { hmc, captured };
}

describe('HmcClient against the simulator', () => {
  it('verifies TLS: without the CA the HMC is unreachable', async () => {
    const { hmc } = client({ ca: null });
    const err = await hmc.getJson('/api/cpcs').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HmcError);
    expect(err).toMatchObject({ code: 'upstream_error', message: expect.stringMatching(/unreachable \(.*certificate/) });
    await hmc.close();
  });

  it('connects with the explicit insecure switch, and warns about it', async () => {
    const { hmc, captured } = client({ ca: null, insecure: true });
    await expect(hmc.getJson('/api/cpcs')).resolves.toMatchObject({ cpcs: expect.any(Array) });
    expect(captured.text()).toContain('TLS certificate verification of the HMC is OFF');
    await hmc.close();
  });

  it('reports a failed logon without the password', async () => {
    const { hmc, captured } = client({ password: `${PASSWORD}-wrong` });
    const err = await hmc.getJson('/api/cpcs').catch((e: unknown) => e);
    expect(err).toMatchObject({ httpStatus: 403, reason: 0 });
    expect(String(err instanceof Error ? err.message : err)).toMatch(/^HMC POST \/api\/sessions: 403,0/);
    expect(`${String(err)}${captured.text()}`).not.toContain(PASSWORD);
    await hmc.close();
  });

  it('shares one logon between concurrent calls and logs off on close', async () => {
    const metrics = createMetrics();
    const shared = new HmcClient({
      config: { url: sim.hmcUrl, userid: 'monitor', password: PASSWORD, ca: sim.caPem, insecure: false },
      timeoutMs: 5000,
      logger: captureLogger().logger,
      metrics,
    });
    await Promise.all([shared.getJson('/api/cpcs'), shared.getJson('/api/cpcs'), shared.getJson('/api/console/operations/list-features')]);
    expect((await metrics.hmcLogons.get()).values[0]?.value).toBe(1);
    await shared.close();
    // After logoff the old session is gone; the next call logs on again.
    await expect(shared.getJson('/api/cpcs')).resolves.toBeDefined();
    expect((await metrics.hmcLogons.get()).values[0]?.value).toBe(2);
    await shared.close();
  });
});

describe('errorFromResponse', () => {
  it('turns the "Web Services not enabled" HTML page into reason 900', () => {
    const html =
      '<html><head><title>Console Internal Error</title></head><body><pre>javax.servlet.ServletException: Web Services are not enabled.\n\tat com.ibm...</pre></body></html>';
    const err = errorFromResponse('GET', '/api/cpcs', { status: 500, contentType: 'text/html; charset=utf-8', text: html });
    expect(err).toMatchObject({ httpStatus: 500, reason: 900, code: 'upstream_error' });
    expect(err.message).toBe('HMC GET /api/cpcs: HTTP 500: Console Configuration Error: Web Services API is not enabled on the HMC');
  });

  it('keeps only the title of other HTML pages (reason 999)', () => {
    const err = errorFromResponse('GET', '/api/cpcs', {
      status: 503,
      contentType: 'text/html',
      text: '<html><title>Console Internal Error</title><pre>stack…</pre></html>',
    });
    expect(err).toMatchObject({ httpStatus: 503, reason: 999, message: 'HMC GET /api/cpcs: HTTP 503: Console Internal Error' });
  });

  it('reads status and reason from JSON error bodies', () => {
    const body = JSON.stringify({ 'http-status': 404, reason: 1, message: 'Unknown resource with URI: /api/partitions/xyz' });
    const err = errorFromResponse('GET', '/api/partitions/xyz', { status: 404, contentType: 'application/json', text: body });
    expect(err).toMatchObject({
      httpStatus: 404,
      reason: 1,
      message: 'HMC GET /api/partitions/xyz: 404,1: Unknown resource with URI: /api/partitions/xyz',
    });
    expect(errorFromResponse('GET', '/x', { status: 502, contentType: '', text: 'garbage' }).message).toBe('HMC GET /x: HTTP 502');
  });
});
