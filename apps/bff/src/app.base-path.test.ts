// Serving under a path prefix (ZLENS_BASE_PATH) behind a reverse proxy that passes the path on
// unchanged: the SPA, its assets and /api/v1 under the prefix, index.html with the <base> the SPA
// reads, the probes and /metrics at the root.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';

/** A built SPA as Vite writes it with `base: './'`: relative asset URLs. */
function webDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zlens-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <head>\n    <script type="module" src="./assets/index-AbCd1234.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
  );
  writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), 'console.log("zlens");\n');
  return dir;
}

function agentFor(env: Env) {
  const config = loadConfig({ ZLENS_PROMETHEUS_URL: 'http://127.0.0.1:9/', ZLENS_WEB_DIR: webDir(), ...env });
  return request(createApp(buildDeps(config, captureLogger().logger).deps));
}

describe('ZLENS_BASE_PATH=/tools/zlens', () => {
  const agent = agentFor({ ZLENS_BASE_PATH: '/tools/zlens/' });

  it('serves index.html with its base, for the root and for every client-side route', async () => {
    for (const path of ['/tools/zlens/', '/tools/zlens/cpcs/ZLX1/partitions/LINUX%201', '/tools/zlens/index.html']) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(200);
      expect(res.type).toBe('text/html');
      expect(res.text, path).toContain('<head>\n    <base href="/tools/zlens/" />');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the prefix without its slash to the prefix with it', async () => {
    const res = await agent.get('/tools/zlens');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/tools/zlens/');
  });

  it('serves the assets and the API under the prefix only', async () => {
    const asset = await agent.get('/tools/zlens/assets/index-AbCd1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await agent.get('/tools/zlens/api/v1/embed-config')).status).toBe(200);
    expect((await agent.get('/api/v1/embed-config')).status).toBe(404);
    expect((await agent.get('/assets/index-AbCd1234.js')).status).toBe(404);
  });

  it('names the prefixed API in the OpenAPI document', async () => {
    const doc = (await agent.get('/tools/zlens/api/v1/openapi.json')).body as { servers: { url: string }[] };
    expect(doc.servers).toEqual([{ url: '/tools/zlens/api/v1' }]);
  });

  it('serves the readable API page (Swagger UI on the OpenAPI document) under the prefix', async () => {
    const bare = await agent.get('/tools/zlens/api/v1/docs');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/tools/zlens/api/v1/docs/');
    const page = await agent.get('/tools/zlens/api/v1/docs/');
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('<script src="swagger-ui-bundle.js"></script>');
    // Its script is a file of its own: the page runs under the CSP's script-src 'self'.
    expect(page.text).not.toMatch(/<script>/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const init = await agent.get('/tools/zlens/api/v1/docs/init.js');
    expect(init.text).toContain("url: '../openapi.json'");
    const bundle = await agent.get('/tools/zlens/api/v1/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.type).toMatch(/javascript/);
    expect(bundle.text.length).toBeGreaterThan(100_000);
    expect((await agent.get('/tools/zlens/api/v1/docs/swagger-ui.css')).type).toBe('text/css');
  });

  it('answers an unknown API route under the prefix with JSON, not the SPA', async () => {
    const res = await agent.get('/tools/zlens/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'no API route GET /tools/zlens/api/v1/nothing' } });
  });

  it('keeps the probes and /metrics at the root, and sends the root to the prefix', async () => {
    expect((await agent.get('/healthz')).status).toBe(200);
    expect((await agent.get('/metrics')).status).toBe(200);
    const root = await agent.get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/tools/zlens/');
  });
});

describe('without a base path', () => {
  it('serves index.html with <base href="/">', async () => {
    const res = await agentFor({}).get('/cpcs/ZLX1');
    expect(res.text).toContain('<base href="/" />');
  });
});
