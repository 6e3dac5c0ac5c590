// A query layer that lost one of its stores answers with a warning (Thanos Query's partial
// response; test/prom-proxy.ts adds it to a real Prometheus' answers, as a plain Prometheus does not
// warn on demand). Series, top-N and heatmaps say so: `partial: true` and the warning in
// `warnings`, which the page shows in its own words (apps/web PartialNote). Whole answers say
// nothing of the kind.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeatmapResponseSchema, SeriesResponseSchema, TopResponseSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';
import { panelUrls, startFixturePrometheus, type FixturePrometheus } from './test/fixture.js';
import { PARTIAL_WARNING, startPromProxy, type PromProxy } from './test/prom-proxy.js';

let fixture: FixturePrometheus;
let proxy: PromProxy;
let built: BuiltDeps;
let agent: ReturnType<typeof request>;

beforeAll(async () => {
  fixture = await startFixturePrometheus('warnings');
  proxy = await startPromProxy(fixture.prom.url);
  const config = loadConfig({ ZLENS_PROMETHEUS_URL: proxy.url });
  built = buildDeps({ ...config, webDir: null }, captureLogger().logger);
  agent = request(createApp(built.deps));
}, 60_000);

afterAll(async () => {
  await built?.close();
  await proxy?.close();
  await fixture?.close();
});

/** One hour ending `shift` seconds before the history's end: each shift is a new cache key. */
const urls = (shift: number): ReturnType<typeof panelUrls> => panelUrls(fixture.history.end, shift);

describe('an answer Prometheus warned about', () => {
  it('is partial, with the warning, in series, top-N and heatmaps; a whole answer is not', async () => {
    proxy.mode = 'pass';
    await agent.get('/api/v1/inventory').expect(200);
    const whole = urls(600);
    const series = SeriesResponseSchema.parse((await agent.get(whole.series).expect(200)).body);
    expect(series.series.length).toBeGreaterThan(0);
    expect(series.partial).toBeUndefined();
    expect(series.warnings).toBeUndefined();

    proxy.mode = 'warn';
    const warned = urls(300);
    for (const [url, schema] of [
      [warned.series, SeriesResponseSchema],
      [warned.top, TopResponseSchema],
      [warned.heatmap, HeatmapResponseSchema],
    ] as const) {
      const body = schema.parse((await agent.get(url).expect(200)).body);
      expect({ url, partial: body.partial, warnings: body.warnings, stale: body.stale }).toEqual({
        url,
        partial: true,
        warnings: [PARTIAL_WARNING],
        stale: false,
      });
    }
    expect((await agent.get('/metrics')).text).toMatch(/zlens_upstream_warnings_total\{upstream="prometheus",kind="warning"\} [1-9]/);
  }, 60_000);
});
