// The Prometheus client against a Prometheus that lies (test/lying-prometheus.ts: a real HTTP server
// in this test, because a real Prometheus never sends 300 MB, trickles, or echoes credentials on
// demand): bodies are cut off at ZLENS_UPSTREAM_MAX_BYTES with memory flat; a trickled body times
// out; the wait for a slot counts inside the deadline; the circuit opens when Prometheus stops
// answering and a probe closes it; upstream text never reaches an error message or a log whole;
// warnings and infos are passed on, counted and logged.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMetrics, type AppMetrics } from '../metrics.js';
import { captureLogger, type CapturedLogger } from '../test/helpers.js';
import { HUGE_BYTES, INFO, WARNING, startLyingPrometheus, type LyingPrometheus } from '../test/lying-prometheus.js';
import { PrometheusClient, PrometheusError } from './client.js';

const MB = 1024 * 1024;
const BASIC = `Basic ${Buffer.from('admin:hunter2-secret').toString('base64')}`;
let lying: LyingPrometheus;

beforeAll(async () => {
  lying = await startLyingPrometheus();
});
afterAll(async () => lying?.close());

interface Built {
  client: PrometheusClient;
  metrics: AppMetrics;
  captured: CapturedLogger;
  clock: { nowMs: () => number; advance: (ms: number) => void };
}

function build(options: { timeoutMs?: number; maxInFlight?: number; maxBodyBytes?: number } = {}): Built {
  let now = 1_000_000_000;
  const clock = { nowMs: () => now, advance: (ms: number) => void (now += ms) };
  const metrics = createMetrics();
  const captured = captureLogger();
  const client = new PrometheusClient({
    config: { url: `${lying.url}/`, headers: { authorization: BASIC, 'x-scope-orgid': 'tenant-7f3a9' } },
    timeoutMs: options.timeoutMs ?? 5_000,
    maxInFlight: options.maxInFlight ?? 8,
    maxBodyBytes: options.maxBodyBytes ?? 4 * MB,
    metrics,
    logger: captured.logger,
    clock,
  });
  return { client, metrics, captured, clock };
}

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a failure'),
    (err: unknown) => err,
  );

async function counter(
  metrics: AppMetrics,
  name: 'upstreamErrors' | 'upstreamWarnings' | 'upstreamCircuitRejections',
  labels: Record<string, string>,
): Promise<number> {
  const values = (await metrics[name].get()).values;
  const matches = (have: object): boolean =>
    Object.entries(labels).every(([k, l]) => Object.entries(have).some(([hk, hl]) => hk === k && hl === l));
  return values.find((v) => matches(v.labels))?.value ?? 0;
}

async function circuitGauge(metrics: AppMetrics): Promise<number | undefined> {
  return (await metrics.upstreamCircuitState.get()).values.find((v) => v.labels.upstream === 'prometheus')?.value;
}

describe('Prometheus answers are bounded', () => {
  it('cuts off a 300 MB answer at ZLENS_UPSTREAM_MAX_BYTES: 502 in its own words, memory flat, the rest never read', async () => {
    lying.mode = 'huge';
    const { client, metrics } = build({ maxBodyBytes: 4 * MB });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const streamedBefore = lying.streamedBytes();
    const err = await failure(client.query('up'));
    expect(err).toBeInstanceOf(PrometheusError);
    expect(err).toMatchObject({
      code: 'upstream_error',
      status: 502,
      message: "Prometheus's answer was too large (more than 4194304 bytes, ZLENS_UPSTREAM_MAX_BYTES)",
    });
    // response.text() would have buffered all 300 MB (and made a string of it).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
    expect(lying.streamedBytes() - streamedBefore).toBeLessThan(HUGE_BYTES / 2);
    expect(await counter(metrics, 'upstreamErrors', { upstream: 'prometheus', kind: 'too_large' })).toBe(1);
  }, 60_000);

  it('times out a body trickled a byte at a time', async () => {
    lying.mode = 'trickle';
    const { client } = build({ timeoutMs: 300 });
    expect(await failure(client.query('up'))).toMatchObject({ code: 'upstream_timeout', status: 504 });
  });
});

describe('one deadline and a circuit breaker', () => {
  it('counts the wait for a connection slot inside the deadline: queued queries whose time is up are never sent', async () => {
    lying.mode = 'hang';
    const { client } = build({ timeoutMs: 400, maxInFlight: 1 });
    const before = lying.requests;
    // One query holds the only slot; twenty wait behind it. Before, each waiter got its own
    // timeout once it had the slot, so all 21 went out, one after another (8.4 s in all).
    const errors = await Promise.all(Array.from({ length: 21 }, (_, i) => failure(client.query(`q${i}`))));
    for (const err of errors) expect(err).toBeInstanceOf(PrometheusError);
    expect(lying.requests - before).toBeLessThan(5);
  });

  it('stops sending queries when a timed-out query and the liveness check find Prometheus hung, answers at once, and closes after a probe succeeds', async () => {
    lying.mode = 'hang';
    const { client, metrics, clock } = build({ timeoutMs: 300 });
    // It times out; on a machine stalled for seconds (a load of 15 on 2 cores did it once) the
    // liveness check may find Prometheus hung first, and the trip ends the query instead.
    const first = await failure(client.query('a'));
    expect(first).toBeInstanceOf(PrometheusError);
    const { code, message } = first as PrometheusError;
    expect(code === 'upstream_timeout' || message === 'Prometheus is not answering (stopped waiting for it)', message).toBe(true);
    // The timeout alone does not open it: the breaker asks for `1`, which hangs too.
    await vi.waitFor(() => expect(client.circuit).toBe('open'));
    expect(await circuitGauge(metrics)).toBe(2);
    const sent = lying.requests;
    const rejected = await failure(client.query('c'));
    expect(rejected).toMatchObject({
      code: 'upstream_error',
      kind: 'circuit_open',
      message: expect.stringMatching(/^Prometheus is not answering/),
    });
    expect(lying.requests).toBe(sent);
    expect(await counter(metrics, 'upstreamCircuitRejections', { upstream: 'prometheus' })).toBe(1);
    // Prometheus is back; after the back-off one probe (`1`) goes first, then the query itself.
    lying.mode = 'ok';
    clock.advance(500);
    await expect(client.query('c')).resolves.toHaveLength(1);
    expect(lying.requests).toBe(sent + 2);
    expect(client.circuit).toBe('closed');
    expect(await circuitGauge(metrics)).toBe(0);
  });

  it('keeps the circuit closed while heavy queries time out on a busy Prometheus that still answers `1`', async () => {
    lying.mode = 'busy';
    const { client, metrics } = build({ timeoutMs: 300 });
    const sent: string[] = [];
    client.observe((_path, params) => sent.push(params.query ?? ''));
    // Before, two timeouts in a row opened the circuit: every later panel got 502 "not answering".
    for (const promql of ['heavy_a', 'heavy_b', 'heavy_c']) {
      expect(await failure(client.query(promql))).toMatchObject({ code: 'upstream_timeout', kind: 'timeout' });
      // Each timeout makes the breaker ask for `1`, which Prometheus answers.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(client.circuit).toBe('closed');
    }
    // Every query still went to Prometheus.
    expect(sent).toEqual(['heavy_a', 'heavy_b', 'heavy_c']);
    expect(await counter(metrics, 'upstreamCircuitRejections', { upstream: 'prometheus' })).toBe(0);
    lying.mode = 'ok';
    await expect(client.query('light')).resolves.toHaveLength(1);
  });

  it('does not take its own stalled event loop for a Prometheus that does not answer', async () => {
    lying.mode = 'ok';
    const { client } = build({ timeoutMs: 5_000 });
    const ping = client.ping();
    // The BFF is busy for 3 s (a large answer parsed on a starved CPU): longer than the 2.5 s the
    // liveness check waits. Before, its timer fired first once the loop was free and the circuit
    // opened, though Prometheus had answered at once.
    const until = performance.now() + 3_000;
    while (performance.now() < until) {
      // busy
    }
    await expect(ping).resolves.toBeUndefined();
    expect(client.circuit).toBe('closed');
  });

  it('ends the queries in flight when a probe finds Prometheus hung, instead of letting each wait out its timeout', async () => {
    lying.mode = 'hang';
    const { client } = build({ timeoutMs: 60_000 });
    const inFlight = [failure(client.query('x')), failure(client.query('y'))];
    // The readiness probe asks for `1` with a short timeout; its failure opens the circuit.
    expect(await failure(client.ping())).toMatchObject({ code: 'upstream_timeout' });
    expect(client.circuit).toBe('open');
    for (const err of await Promise.all(inFlight)) {
      expect(err).toMatchObject({ kind: 'circuit_open', message: 'Prometheus is not answering (stopped waiting for it)' });
    }
  }, 30_000);
});

describe('what Prometheus says', () => {
  it('never repeats an error page that echoes the credentials: the message is the BFF’s, the log a redacted excerpt', async () => {
    lying.mode = 'echo-html';
    const { client, captured } = build();
    const err = await failure(client.query('up'));
    expect(err).toMatchObject({ code: 'upstream_error', message: 'Prometheus answered HTTP 502 with a body that is not JSON' });
    const pingErr = await failure(client.ping());
    const log = captured.text();
    expect(log).toContain('502 Bad Gateway');
    for (const secret of ['hunter2-secret', BASIC.slice(6), 'tenant-7f3a9']) {
      expect(log).not.toContain(secret);
      expect(String(pingErr)).not.toContain(secret);
    }
  });

  it('passes warnings and infos on (partial), counts them and logs them', async () => {
    lying.mode = 'warnings';
    const { client, metrics, captured } = build();
    const answer = await client.queryAnswer('up', 1_000);
    expect(answer).toMatchObject({ stale: false, partial: true, warnings: [WARNING, `info: ${INFO}`] });
    expect(await counter(metrics, 'upstreamWarnings', { upstream: 'prometheus', kind: 'warning' })).toBe(1);
    expect(await counter(metrics, 'upstreamWarnings', { upstream: 'prometheus', kind: 'info' })).toBe(1);
    expect(captured.text()).toContain('mix of histograms and floats');
  });
});
