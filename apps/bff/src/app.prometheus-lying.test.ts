// A Prometheus, or a proxy in front of it, that answers an HTML error page echoing the request's
// headers (test/lying-prometheus.ts: a real HTTP server in this test, because a real Prometheus
// does not do this on demand). Neither the API's answers, the unauthenticated /readyz nor the logs
// may carry the configured credentials; the messages are the BFF's own words.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';
import { startLyingPrometheus, type LyingPrometheus } from './test/lying-prometheus.js';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-secret`;
let lying: LyingPrometheus;
let built: BuiltDeps;

beforeAll(async () => {
  lying = await startLyingPrometheus('echo-html');
});
afterAll(async () => {
  await built?.close();
  await lying?.close();
});

describe('a Prometheus that echoes the request headers', () => {
  it('never passes its page on: not to clients, not to /readyz, not to the logs', async () => {
    const captured = captureLogger();
    const config = loadConfig({ ZLENS_PROMETHEUS_URL: lying.url, ZLENS_PROMETHEUS_USERNAME: 'zlens', ZLENS_PROMETHEUS_PASSWORD: PASSWORD });
    built = buildDeps({ ...config, webDir: null }, captured.logger);
    const agent = request(createApp(built.deps));
    const inventory = await agent.get('/api/v1/inventory');
    expect(inventory.status).toBeGreaterThanOrEqual(500);
    const ready = await agent.get('/readyz');
    const status = await agent.get('/api/v1/status');
    const everything = [inventory.text, ready.text, status.text, captured.text()].join('\n');
    expect(lying.requests).toBeGreaterThan(0);
    // The page was read (the log has a redacted excerpt of it) ...
    expect(captured.text()).toContain('502 Bad Gateway');
    // ... but the credentials it echoed went nowhere.
    for (const secret of [PASSWORD, Buffer.from(`zlens:${PASSWORD}`).toString('base64')]) expect(everything).not.toContain(secret);
    expect(inventory.text).not.toContain('Bad Gateway');
    expect(ready.text).not.toContain('Bad Gateway');
  });
});
