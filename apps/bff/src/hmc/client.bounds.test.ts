// The HMC client's bounds against an HMC that lies (test/lying-hmc.ts: a real HTTPS server in this
// test, because the simulator never sends 300 MB, trickles, or echoes credentials): bodies are cut
// off at ZLENS_UPSTREAM_MAX_BYTES with memory flat and the process alive; a trickled body times
// out; a timeout starts the back-off; a probe ends it; upstream text is redacted; `null` from
// /api/version is no HMC.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../metrics.js';
import { captureLogger } from '../test/helpers.js';
import { HUGE_BYTES, startLyingHmc, type LyingHmc } from '../test/lying-hmc.js';
import { HMC_PROBE_INTERVAL_MS, HmcClient, HmcError } from './client.js';
import { HmcMetricsContext, MALFORMED_ROW_LOGS } from './metrics-context.js';

const MB = 1024 * 1024;
let lying: LyingHmc;

beforeAll(async () => {
  lying = await startLyingHmc();
}, 30_000);
afterAll(async () => lying?.close());

function client(options: { timeoutMs?: number; maxBodyBytes?: number; nowMs?: () => number; maxInFlight?: number } = {}) {
  const captured = captureLogger();
  const metrics = createMetrics();
  const hmc = new HmcClient({
    config: { url: lying.url, userid: 'monitor', password: 'secret-password', ca: lying.caPem, insecure: false },
    timeoutMs: options.timeoutMs ?? 20_000,
    logger: captured.logger,
    metrics,
    maxBodyBytes: options.maxBodyBytes ?? 4 * MB,
    ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
    ...(options.nowMs === undefined ? {} : { clock: { nowMs: options.nowMs } }),
  });
  return { hmc, captured, metrics };
}

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a failure'),
    (err: unknown) => err,
  );

describe('HMC bodies are bounded', () => {
  for (const path of ['/api/huge-declared', '/api/huge-chunked']) {
    it(`cuts off ${path} (300 MB) at the bound: the call fails readably, memory stays flat`, async () => {
      const { hmc, metrics } = client({ maxBodyBytes: 4 * MB });
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      const streamedBefore = lying.streamedBytes();
      const err = await failure(hmc.getJson(path));
      expect(err).toBeInstanceOf(HmcError);
      expect(err).toMatchObject({
        code: 'upstream_error',
        message: expect.stringMatching(/larger than 4194304 bytes \(ZLENS_UPSTREAM_MAX_BYTES\)/),
      });
      // Buffering the answer whole would have grown the heap by its 300 MB (and turned it into a string).
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
      expect(lying.streamedBytes() - streamedBefore).toBeLessThan(HUGE_BYTES);
      const errors = (await metrics.upstreamErrors.get()).values.find((v) => v.labels.kind === 'too_large');
      expect(errors?.value).toBe(1);
      await hmc.close();
    }, 60_000);
  }

  it('counts the wait for a connection slot inside the deadline, and times only what was sent', async () => {
    const { hmc, metrics } = client({ timeoutMs: 3_000, maxInFlight: 1 });
    const trickles = lying.hits.get('/api/trickle') ?? 0;
    // The trickle holds the only slot for its 3 s deadline; the probe (2 s deadline) waits behind it.
    const held = failure(hmc.getJson('/api/trickle'));
    await vi.waitFor(() => expect(lying.hits.get('/api/trickle')).toBe(trickles + 1));
    const probes = lying.hits.get('/api/version') ?? 0;
    expect(await failure(hmc.version())).toMatchObject({ code: 'upstream_timeout', httpStatus: 504 });
    // It left the queue at its deadline, before the slot was free: never sent, counted or timed.
    expect(lying.hits.get('/api/version') ?? 0).toBe(probes);
    expect(await held).toMatchObject({ code: 'upstream_timeout', httpStatus: 504 });
    const sent = (await metrics.upstreamRequests.get()).values.filter((v) => v.labels.upstream === 'hmc');
    expect(sent.map((v) => [v.labels.endpoint, v.value])).toEqual([
      ['POST', 1],
      ['GET', 1],
    ]);
    const timed = (await metrics.upstreamDuration.get()).values.filter(
      (v) => v.metricName === 'zlens_upstream_request_duration_seconds_count' && v.labels.upstream === 'hmc',
    );
    expect(timed.map((v) => [v.labels.outcome, v.value])).toEqual([
      ['success', 1],
      ['timeout', 1],
    ]);
    // Both timeouts are counted as such.
    const timeouts = (await metrics.upstreamErrors.get()).values.find((v) => v.labels.upstream === 'hmc' && v.labels.kind === 'timeout');
    expect(timeouts?.value).toBe(2);
    await hmc.close();
  });

  it('times out a body trickled byte by byte, and backs off instead of asking again', async () => {
    let nowMs = 1_000_000;
    const { hmc } = client({ timeoutMs: 500, nowMs: () => nowMs });
    const err = await failure(hmc.getJson('/api/trickle'));
    expect(err).toMatchObject({ code: 'upstream_timeout', httpStatus: 504 });
    expect(hmc.health().state).toBe('down');
    const hits = lying.hits.get('/api/trickle');
    // Within the back-off the HMC is not asked: the caller gets an answer at once.
    expect(await failure(hmc.getJson('/api/trickle'))).toMatchObject({ httpStatus: 503, message: expect.stringMatching(/backing off/) });
    expect(lying.hits.get('/api/trickle')).toBe(hits);
    // Each further timeout doubles the back-off (1 s, 2 s, 4 s) ...
    for (const backoffMs of [1000, 2000]) {
      nowMs += backoffMs;
      expect(await failure(hmc.getJson('/api/trickle'))).toMatchObject({ httpStatus: 504 });
    }
    // ... but a probe is due after the probe interval, and its success ends the back-off at once.
    const probesBefore = lying.hits.get('/api/version') ?? 0;
    nowMs += HMC_PROBE_INTERVAL_MS;
    expect(await failure(hmc.getJson('/api/ok'))).toMatchObject({ httpStatus: 503 });
    await hmc.version();
    expect(lying.hits.get('/api/version')).toBe(probesBefore + 1);
    expect(hmc.health().state).toBe('ok');
    await expect(hmc.getJson('/api/ok')).resolves.toEqual({ ok: true });
    await hmc.close();
  });
});

describe('HMC answers that are not what they claim', () => {
  it('keeps only a short, redacted excerpt of an error page that echoes credentials', async () => {
    const { hmc, captured } = client();
    const err = await failure(hmc.getJson('/api/echo-500'));
    expect(err).toBeInstanceOf(HmcError);
    const message = err instanceof Error ? err.message : '';
    expect(message).toMatch(/^HMC GET \/api\/echo-500: HTTP 500: Proxy Error: Authorization: \[redacted\]/);
    expect(message.length).toBeLessThan(220);
    const everything = `${message}${captured.text()}${hmc.health().lastError ?? ''}`;
    expect(everything).not.toContain(Buffer.from('admin:hunter2').toString('base64'));
    expect(everything).not.toContain('lying-session');
    await hmc.close();
  });

  it('does not take `null` from /api/version for an HMC', async () => {
    const { hmc } = client();
    lying.setVersion('null');
    try {
      expect(await failure(hmc.version())).toMatchObject({ message: expect.stringMatching(/not an HMC version object/) });
      expect(hmc.health().state).toBe('down');
    } finally {
      lying.setVersion('{"api-major-version":4,"api-minor-version":10}');
    }
    await expect(hmc.version()).resolves.toMatchObject({ 'api-major-version': 4 });
    expect(hmc.health().state).toBe('ok');
    await hmc.close();
  });
});

describe('live mode: metrics rows with the wrong number of values', () => {
  it('are counted on /metrics every time and logged a bounded number of times', async () => {
    const { hmc, captured, metrics } = client();
    const context = new HmcMetricsContext(hmc, ['partition-usage'], captured.logger, metrics);
    for (let poll = 0; poll < MALFORMED_ROW_LOGS + 3; poll += 1) {
      const values = await context.fetch();
      expect(values[0]?.rows).toEqual([{ 'processor-usage': 10, 'network-usage': 20 }]);
    }
    expect(await metrics.registry.metrics()).toMatch(/^zlens_hmc_metrics_rows_malformed_total\{group="partition-usage"\} 8$/m);
    expect(captured.text().match(/wrong number of values/g)).toHaveLength(MALFORMED_ROW_LOGS);
    await hmc.close();
  });
});
