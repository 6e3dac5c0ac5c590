// A real Prometheus that misbehaves as it does in production: stopped with SIGSTOP (hung: it
// accepts connections and never answers), continued with SIGCONT, then killed. While it is hung or
// gone, series, top-N and heatmaps serve the panel's last answer marked stale with `fetchedAt`
// (the newer points gaps), a panel never answered before gets 502/504, and once the circuit is
// open nothing waits on Prometheus; after SIGCONT the answers are fresh again without a restart.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HeatmapResponseSchema, SeriesResponseSchema, TopResponseSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';
import { DPM_CPC, panelUrls, startFixturePrometheus, type FixturePrometheus } from './test/fixture.js';
import { pidOfPrometheus } from './bench/prometheus-process.js';

let fixture: FixturePrometheus;
let pid: number;
let built: BuiltDeps;
let agent: ReturnType<typeof request>;
let end: number;

beforeAll(async () => {
  fixture = await startFixturePrometheus('faults');
  end = fixture.history.end;
  pid = pidOfPrometheus(fixture.prom.dataDir);
  const config = loadConfig({ ZLENS_PROMETHEUS_URL: fixture.prom.url, ZLENS_UPSTREAM_TIMEOUT_MS: '1500' });
  built = buildDeps({ ...config, webDir: null }, captureLogger().logger);
  agent = request(createApp(built.deps));
}, 60_000);

afterAll(async () => {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // already killed by the last test
  }
  await built?.close();
  await fixture?.close();
});

/** A one-hour panel `shift` seconds earlier than the history's end (a range that moves). */
const urls = (shift: number): ReturnType<typeof panelUrls> => panelUrls(end, shift);

async function metricsText(): Promise<string> {
  return (await agent.get('/metrics')).text;
}

describe('Prometheus hung (SIGSTOP), continued, killed', () => {
  it('serves the last answer of each panel marked stale while Prometheus is hung, and fresh answers after SIGCONT', async () => {
    // Known answers, then the ranges move on by one minute (as a chart's do) while Prometheus hangs.
    const before = urls(120);
    const fresh = SeriesResponseSchema.parse((await agent.get(before.series).expect(200)).body);
    expect(fresh.stale).toBe(false);
    expect(fresh.fetchedAt).toBeUndefined();
    TopResponseSchema.parse((await agent.get(before.top).expect(200)).body);
    HeatmapResponseSchema.parse((await agent.get(before.heatmap).expect(200)).body);
    await agent.get('/api/v1/inventory').expect(200);

    process.kill(pid, 'SIGSTOP');
    const moved = urls(60);
    const series = SeriesResponseSchema.parse((await agent.get(moved.series).expect(200)).body);
    expect(series).toMatchObject({ stale: true, start: fresh.start + 60, end: fresh.end + 60 });
    expect(series.fetchedAt).toBeGreaterThan(end);
    // The old answer on the new grid: its points where they were, the minute after it gaps.
    const oldValues = fresh.series[0]?.values ?? [];
    const staleValues = series.series.find((s) => s.labels.partition === fresh.series[0]?.labels.partition)?.values ?? [];
    expect(staleValues.slice(0, -4)).toEqual(oldValues.slice(4));
    expect(staleValues.slice(-4)).toEqual([null, null, null, null]);
    const top = TopResponseSchema.parse((await agent.get(moved.top).expect(200)).body);
    expect(top.stale).toBe(true);
    expect(top.byAverage.length).toBeGreaterThan(0);
    const heatmap = HeatmapResponseSchema.parse((await agent.get(moved.heatmap).expect(200)).body);
    expect(heatmap.stale).toBe(true);
    expect(heatmap.rows.length).toBeGreaterThan(0);

    // The circuit is open: a panel never answered before fails at once, nothing more is sent.
    const text = await metricsText();
    expect(text).toMatch(/zlens_upstream_circuit_state\{upstream="prometheus"\} 2/);
    expect(text).toMatch(/zlens_stale_answers_total\{upstream="prometheus"\} [1-9]/);
    const unknown = await agent.get(
      `/api/v1/series?${new URLSearchParams({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: DPM_CPC, from: String(end - 7200), to: String(end) }).toString()}`,
    );
    expect([502, 504]).toContain(unknown.status);
    expect(unknown.body).toMatchObject({ error: { code: expect.stringMatching(/^upstream_(error|timeout)$/) } });
    expect(await metricsText()).toMatch(/zlens_upstream_circuit_rejections_total\{upstream="prometheus"\} [1-9]/);

    process.kill(pid, 'SIGCONT');
    const back = await vi.waitFor(
      async () => {
        const body = SeriesResponseSchema.parse((await agent.get(moved.series).expect(200)).body);
        expect(body.stale).toBe(false);
        return body;
      },
      { timeout: 20_000, interval: 250 },
    );
    expect(back.fetchedAt).toBeUndefined();
    expect(back.series[0]?.values.at(-1)).not.toBeNull();
    expect(await metricsText()).toMatch(/zlens_upstream_circuit_state\{upstream="prometheus"\} 0/);
  }, 60_000);

  it('serves stale answers at once when Prometheus is killed (connection refused opens the circuit)', async () => {
    const known = urls(30);
    await agent.get(known.series).expect(200);
    // A panel at a 60 s step: "the last hour" spans 60 s less when asked in the first 15 s of a
    // minute (its end is the newest final step). Its last answer must still be its panel's.
    const minutely = (from: number): string =>
      `/api/v1/series?${new URLSearchParams({ metric: 'zhmc_partition_processor_usage_ratio', cpc: DPM_CPC, from: String(from), to: String(end), maxPoints: '60' }).toString()}`;
    const hour = SeriesResponseSchema.parse((await agent.get(minutely(end - 3600)).expect(200)).body);
    expect(hour.step).toBe(60);
    process.kill(pid, 'SIGKILL');
    const moved = urls(15);
    const series = SeriesResponseSchema.parse((await agent.get(moved.series).expect(200)).body);
    expect(series.stale).toBe(true);
    expect(await metricsText()).toMatch(/zlens_upstream_circuit_state\{upstream="prometheus"\} 2/);
    const shorter = SeriesResponseSchema.parse((await agent.get(minutely(end - 3540)).expect(200)).body);
    expect(shorter).toMatchObject({ stale: true, step: 60, start: hour.start + 60, end: hour.end });
    expect(shorter.series[0]?.values).toEqual(hour.series[0]?.values.slice(1));
  }, 30_000);
});
