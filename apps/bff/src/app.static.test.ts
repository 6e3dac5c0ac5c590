// The SPA's files as a browser gets them: the brotli or gzip copy the build left beside a script
// when the browser accepts it (never compressed per request), the plain file otherwise, hashed
// assets cached for good either way.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps } from './deps.js';
import { captureLogger, closedPort, tempFile } from './test/helpers.js';

const SCRIPT = `console.log(${JSON.stringify('zlens '.repeat(400))});`;

async function agentWithWeb() {
  const index = tempFile('index.html', '<!doctype html><title>zlens</title>');
  const webDir = dirname(index);
  mkdirSync(join(webDir, 'assets'));
  const file = join(webDir, 'assets', 'index-Dq5fxaHw.js');
  writeFileSync(file, SCRIPT);
  writeFileSync(`${file}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${file}.gz`, gzipSync(SCRIPT));
  // No upstream is asked for a file: a closed port stands for Prometheus.
  const config = loadConfig({ ZLENS_PROMETHEUS_URL: `http://127.0.0.1:${await closedPort()}`, ZLENS_WEB_DIR: webDir });
  return request(createApp(buildDeps(config, captureLogger().logger, { startPolling: false }).deps));
}

describe('the SPA files', () => {
  it('sends the brotli copy to a browser that accepts it, then gzip, then the file itself', async () => {
    const agent = await agentWithWeb();
    const br = await agent.get('/assets/index-Dq5fxaHw.js').set('accept-encoding', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The bytes on the wire are the small copy; the client decodes them to the script.
    expect(Number(br.headers['content-length'])).toBeLessThan(SCRIPT.length / 5);
    expect(br.text).toBe(SCRIPT);

    const gzip = await agent.get('/assets/index-Dq5fxaHw.js').set('accept-encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gzip.text).toBe(SCRIPT);

    const plain = await agent.get('/assets/index-Dq5fxaHw.js').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);

    const metrics = await agent.get('/metrics');
    expect(metrics.text).toMatch(/zlens_http_request_duration_seconds_count\{method="GET",route="static",status_code="200"\} 3/);
  });

  it('still answers index.html for client-side routes and 404 for a missing file under /api', async () => {
    const agent = await agentWithWeb();
    const route = await agent.get('/cpcs/ZLX1').set('accept-encoding', 'br');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>zlens</title>');
    expect(route.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a built file that is not there, not the page with a compressed header', async () => {
    const agent = await agentWithWeb();
    // A tab of an older build asks for its chunk after a new build replaced it.
    const gone = await agent.get('/assets/index-OldBuild1.js').set('accept-encoding', 'gzip, deflate, br');
    expect(gone.status).toBe(404);
    expect(gone.headers['content-encoding']).toBeUndefined();
    expect(gone.text).not.toContain('<title>');
  });

  it('sends the new index.html once a build replaced it under the running BFF', async () => {
    const index = tempFile('index.html', '<!doctype html><title>zlens</title><script src="assets/index-Build0001.js"></script>');
    const config = loadConfig({ ZLENS_PROMETHEUS_URL: `http://127.0.0.1:${await closedPort()}`, ZLENS_WEB_DIR: dirname(index) });
    const agent = request(createApp(buildDeps(config, captureLogger().logger, { startPolling: false }).deps));
    expect((await agent.get('/cpcs/ZOS1')).text).toContain('index-Build0001.js');
    writeFileSync(index, '<!doctype html><title>zlens</title><script src="assets/index-Build0002.js"></script>');
    utimesSync(index, new Date(), new Date(Date.now() + 5000));
    const route = await agent.get('/cpcs/ZOS1');
    expect(route.text).toContain('index-Build0002.js');
    expect(route.text).not.toContain('index-Build0001.js');
  });

  it('serves index.html that appears after start (a build finishing while the BFF starts)', async () => {
    const webDir = dirname(tempFile('placeholder', ''));
    const config = loadConfig({ ZLENS_PROMETHEUS_URL: `http://127.0.0.1:${await closedPort()}`, ZLENS_WEB_DIR: webDir });
    const agent = request(createApp(buildDeps(config, captureLogger().logger, { startPolling: false }).deps));
    expect((await agent.get('/cpcs/ZOS1')).status).toBe(404);
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>zlens</title>');
    const route = await agent.get('/cpcs/ZOS1');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>zlens</title>');
  });
});
