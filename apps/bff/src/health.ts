// How the upstreams answer now, for /readyz, /api/v1/status and the zlens_upstream_up gauge. A
// check never waits on a hung upstream: each probe is bounded by PROBE_BOUND_MS, and one round of
// probes is shared by every caller within HEALTH_REUSE_MS, so a hundred browsers polling the banner
// status cost each upstream about one cheap request a second.
import type { StatusResponse, UpstreamName, UpstreamState } from '@zlens/shared';
import type { Clock } from './clock.js';
import { describeError, upstreamExcerpt } from './errors.js';
import type { HmcClient } from './hmc/client.js';
import type { AppMetrics } from './metrics.js';
import type { PrometheusClient } from './prometheus/client.js';

/** A probe that has not answered by now counts as slow: /readyz answers within about this. */
export const PROBE_BOUND_MS = 1_500;
export const HEALTH_REUSE_MS = 1_000;

export interface UpstreamCheck {
  ok: boolean;
  state: UpstreamState;
  /** Redacted and bounded: it is shown on the unauthenticated /readyz. */
  message?: string;
  latencyMs: number;
  lastOkMs: number | null;
}

export type HealthChecks = Partial<Record<UpstreamName, UpstreamCheck>>;

export interface UpstreamHealthOptions {
  prometheus: PrometheusClient | null;
  hmc: HmcClient | null;
  clock: Clock;
  metrics: AppMetrics;
  /** PROBE_BOUND_MS unless set (tests). */
  probeBoundMs?: number;
}

class SlowProbe extends Error {}

async function probe(run: () => Promise<unknown>, boundMs: number): Promise<Omit<UpstreamCheck, 'lastOkMs'>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SlowProbe()), boundMs);
  });
  const pending = run();
  pending.catch(() => undefined);
  try {
    await Promise.race([pending, slow]);
    return { ok: true, state: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    const latencyMs = Math.round(performance.now() - started);
    if (err instanceof SlowProbe) return { ok: false, state: 'slow', message: `no answer within ${boundMs} ms`, latencyMs };
    return { ok: false, state: 'down', message: upstreamExcerpt(describeError(err)), latencyMs };
  } finally {
    clearTimeout(timer);
  }
}

export class UpstreamHealth {
  private last: { atMs: number; checks: Promise<HealthChecks> } | null = null;
  private readonly lastOkMs: Partial<Record<UpstreamName, number>> = {};

  constructor(private readonly options: UpstreamHealthOptions) {}

  /** The checks of every configured upstream, probed at most once per HEALTH_REUSE_MS. */
  checks(): Promise<HealthChecks> {
    const now = this.options.clock.nowMs();
    if (this.last === null || now - this.last.atMs >= HEALTH_REUSE_MS) this.last = { atMs: now, checks: this.probeAll() };
    return this.last.checks;
  }

  async status(): Promise<StatusResponse> {
    const checks = await this.checks();
    const upstreams: StatusResponse['upstreams'] = [];
    for (const name of ['prometheus', 'hmc'] as const) {
      const check = checks[name];
      if (check === undefined) continue;
      upstreams.push({ name, state: check.state, lastOkAt: check.lastOkMs === null ? null : Math.floor(check.lastOkMs / 1000) });
    }
    return { upstreams };
  }

  private async probeAll(): Promise<HealthChecks> {
    const { prometheus, hmc, metrics } = this.options;
    const bound = this.options.probeBoundMs ?? PROBE_BOUND_MS;
    const [p, h] = await Promise.all([
      prometheus ? probe(() => prometheus.ping(), bound) : null,
      // The HMC client's probe: GET /api/version, no session, must be a version object.
      hmc ? probe(() => hmc.version(), bound) : null,
    ]);
    const checks: HealthChecks = {};
    for (const [name, check] of [
      ['prometheus', p],
      ['hmc', h],
    ] as const) {
      if (check === null) continue;
      if (check.ok) this.lastOkMs[name] = this.options.clock.nowMs();
      if (name === 'hmc' && hmc !== null) this.lastOkMs.hmc = hmc.health().lastOkMs ?? this.lastOkMs.hmc;
      metrics.upstreamUp.set({ upstream: name }, check.ok ? 1 : 0);
      checks[name] = { ...check, lastOkMs: this.lastOkMs[name] ?? null };
    }
    return checks;
  }
}
