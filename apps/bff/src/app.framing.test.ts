// Framing policy: CSP frame-ancestors from ZLENS_FRAME_ANCESTORS, no contradicting
// X-Frame-Options, the other helmet headers kept; and the embed config the web reads.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps } from './deps.js';
import { EmbedConfigSchema } from '@zlens/shared';
import { captureLogger } from './test/helpers.js';

// A Prometheus nobody asks: these routes never reach an upstream.
const PROM: Env = { ZLENS_PROMETHEUS_URL: 'http://127.0.0.1:9/' };

function agentFor(env: Env) {
  const built = buildDeps({ ...loadConfig({ ...PROM, ...env }), webDir: null }, captureLogger().logger);
  return request(createApp(built.deps));
}

function frameAncestors(csp: string | undefined): string | undefined {
  return csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors'));
}

describe('framing policy', () => {
  it("allows only zlens's own origin by default", async () => {
    const res = await agentFor({}).get('/healthz');
    expect(frameAncestors(res.headers['content-security-policy'])).toBe("frame-ancestors 'self'");
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('names exactly the configured portal origins', async () => {
    const res = await agentFor({ ZLENS_FRAME_ANCESTORS: "https://portal.example:8443, 'self' http://intranet.local" }).get('/healthz');
    expect(frameAncestors(res.headers['content-security-policy'])).toBe(
      "frame-ancestors https://portal.example:8443 'self' http://intranet.local",
    );
    expect(res.headers['content-security-policy']).not.toMatch(/frame-ancestors[^;]*\*/);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('sends the policy on API answers and errors too', async () => {
    const agent = agentFor({ ZLENS_FRAME_ANCESTORS: 'https://portal.example' });
    for (const path of ['/api/v1/embed-config', '/api/v1/nothing-here']) {
      const res = await agent.get(path);
      expect(frameAncestors(res.headers['content-security-policy'])).toBe('frame-ancestors https://portal.example');
    }
  });

  it('keeps the other helmet headers', async () => {
    const res = await agentFor({ ZLENS_FRAME_ANCESTORS: 'https://portal.example' }).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Not these two: zlens serves plain HTTP (see app.ts); over HTTP from another machine
    // upgrade-insecure-requests left Chromium with a blank page (its scripts fetched over https).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it("'none' forbids framing altogether", async () => {
    const res = await agentFor({ ZLENS_FRAME_ANCESTORS: "'none'" }).get('/healthz');
    expect(frameAncestors(res.headers['content-security-policy'])).toBe("frame-ancestors 'none'");
  });
});

describe('GET /api/v1/embed-config', () => {
  it('lists the allowed parent origins', async () => {
    const res = await agentFor({ ZLENS_FRAME_ANCESTORS: "https://portal.example:8443 'self'" }).get('/api/v1/embed-config');
    expect(res.status).toBe(200);
    expect(EmbedConfigSchema.parse(res.body)).toEqual({ allowedOrigins: ['https://portal.example:8443'], allowSelf: true });
  });

  it('lists none by default, only self', async () => {
    const res = await agentFor({}).get('/api/v1/embed-config');
    expect(res.body).toEqual({ allowedOrigins: [], allowSelf: true });
  });
});
