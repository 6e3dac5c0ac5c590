// Integration: live mode serves every catalog metric from the HMC's metric groups — adapters, ports,
// NICs, processors (DPM), channels, crypto adapters, processors (classic) — with the labels and
// values the exporter gives. The simulator's exporter /metrics, read at the same instants as the
// BFF's polls, is the reference: ratios equal, counters turned into the per-second rates
// Prometheus would compute from consecutive scrapes.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@zlens/hmc-sim';
import {
  CATALOG,
  HeatmapResponseSchema,
  METRIC_IDS,
  SeriesResponseSchema,
  TopResponseSchema,
  type MetricId,
  type Series,
} from '@zlens/shared';
import { createApp } from './app.js';
import type { Clock } from './clock.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { sortSeries } from './sources/types.js';
import { parseExposition, type ExpositionSample } from './test/exposition.js';
import { captureLogger, tempFile } from './test/helpers.js';

const SLOT_SECONDS = 15;
const T0 = Math.floor(Date.now() / 1000 / SLOT_SECONDS) * SLOT_SECONDS - 3600;
const POLLS = [0, 1, 2, 3].map((i) => T0 + i * SLOT_SECONDS);
const RANGE = `from=${T0}&to=${T0 + 45}`;
let nowSeconds = T0;
const clock: Clock = { nowMs: () => nowSeconds * 1000 + 500 };

let sim: RunningSimulator;
let built: BuiltDeps;
let agent: ReturnType<typeof request>;
/** The exporter's samples at each poll time. */
const exported = new Map<number, ExpositionSample[]>();

beforeAll(async () => {
  sim = await startSimulator({ credentials: { userid: 'monitor', password: 'pw-live-groups' }, now: () => clock.nowMs() });
  const config = loadConfig({
    ZLENS_HMC_URL: sim.hmcUrl,
    ZLENS_HMC_USERID: 'monitor',
    ZLENS_HMC_PASSWORD: 'pw-live-groups',
    ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
    ZLENS_LIVE_WINDOW: '10m',
  });
  built = buildDeps({ ...config, webDir: null }, captureLogger().logger, { clock, startPolling: false });
  agent = request(createApp(built.deps));
  for (const t of POLLS) {
    nowSeconds = t;
    await built.live?.poll();
    exported.set(t, parseExposition(await (await fetch(sim.metricsUrl)).text()));
  }
}, 30_000);

afterAll(async () => {
  await built?.close();
  await sim?.close();
});

async function series(metric: MetricId, query: string): Promise<Series[]> {
  const res = await agent.get(`/api/v1/series?metric=${metric}&${query}&${RANGE}`);
  expect(res.status, res.text).toBe(200);
  const body = SeriesResponseSchema.parse(res.body);
  expect(body).toMatchObject({ source: 'live', step: SLOT_SECONDS, stale: false });
  return body.series;
}

const matches = (labels: Record<string, string>, match: Record<string, string>): boolean =>
  Object.entries(match).every(([k, v]) => labels[k] === v);

/**
 * What the exporter's samples say for the poll times: gauges as they are; counters as the increase
 * since the previous poll per second (none at the first poll, nor after a counter went backwards).
 */
function expected(metric: MetricId, match: Record<string, string>): Series[] {
  const counter = CATALOG[metric].unit === 'bytes-per-second' || CATALOG[metric].unit === 'packets-per-second';
  const out = new Map<string, Series>();
  POLLS.forEach((t, i) => {
    const previous = new Map(
      (exported.get(t - SLOT_SECONDS) ?? []).filter((s) => s.name === metric).map((s) => [JSON.stringify(s.labels), s.value]),
    );
    for (const sample of exported.get(t) ?? []) {
      if (sample.name !== metric || !matches(sample.labels, match)) continue;
      const key = JSON.stringify(sample.labels);
      const entry = out.get(key) ?? { labels: sample.labels, values: POLLS.map(() => null) };
      const before = previous.get(key);
      entry.values[i] = !counter
        ? sample.value
        : before === undefined || sample.value < before
          ? null
          : (sample.value - before) / SLOT_SECONDS;
      out.set(key, entry);
    }
  });
  return sortSeries([...out.values()].filter((s) => s.values.some((v) => v !== null)));
}

// Resource metrics (memory) are object properties, not metrics-service values: live mode has none.
const LIVE_METRICS = METRIC_IDS.filter((id) => CATALOG[id].unit !== 'status' && !('property' in CATALOG[id]));

describe('live mode, every metric group', () => {
  it('serves port rates and bandwidth of an OSA adapter equal to the exporter over the same polls', async () => {
    const osa = sim.scenario.cpcs.find((c) => c.name === 'ZLX1')?.adapters.find((a) => a.type === 'osd' && a.status === 'active');
    if (!osa) throw new Error('the demo has no active OSA adapter on ZLX1');
    const match = { cpc: 'ZLX1', adapter: osa.name };
    const sent = await series('zhmc_port_bytes_sent_count_total', `cpc=ZLX1&adapter=${encodeURIComponent(osa.name)}`);
    expect(sent.map((s) => s.labels.port)).toEqual(Array.from({ length: osa['port-count'] }, (_, i) => String(i)));
    expect(sent).toEqual(expected('zhmc_port_bytes_sent_count_total', match));
    // No rate at the first poll; positive traffic after it.
    for (const s of sent) expect(s.values[0]).toBeNull();
    expect(sent.some((s) => (s.values[1] ?? 0) > 0)).toBe(true);
    const usage = await series('zhmc_port_bandwidth_usage_ratio', `cpc=ZLX1&adapter=${encodeURIComponent(osa.name)}`);
    expect(usage).toEqual(expected('zhmc_port_bandwidth_usage_ratio', match));
  });

  it('serves NIC rates of a partition labelled with the backing adapter and port', async () => {
    const partition = 'KVM HOST A';
    const received = await series('zhmc_nic_bytes_received_count_total', `cpc=ZLX1&partition=${encodeURIComponent(partition)}`);
    expect(received.length).toBeGreaterThan(1);
    expect(received).toEqual(expected('zhmc_nic_bytes_received_count_total', { cpc: 'ZLX1', partition }));
    for (const s of received) expect(Object.keys(s.labels).sort()).toEqual(['adapter', 'cpc', 'nic', 'partition', 'port']);
  });

  it('serves channel usage of the classic CPC with the exporter labels (CHPID, trimmed LPAR, shared)', async () => {
    const channels = await series('zhmc_channel_usage_ratio', 'cpc=ZOS1');
    expect(channels.length).toBeGreaterThan(0);
    expect(channels).toEqual(expected('zhmc_channel_usage_ratio', { cpc: 'ZOS1' }));
    for (const s of channels) {
      expect(s.labels.partition).toBe(s.labels.partition?.trim());
      expect(['true', 'false']).toContain(s.labels.shared);
    }
  });

  it('serves every catalog metric of every CPC equal to the exporter', async () => {
    let compared = 0;
    for (const cpc of sim.scenario.cpcs) {
      const mode = cpc['dpm-enabled'] ? 'dpm' : 'classic';
      for (const metric of LIVE_METRICS.filter((id) => CATALOG[id].modes.includes(mode))) {
        const want = expected(metric, { cpc: cpc.name });
        expect(await series(metric, `cpc=${encodeURIComponent(cpc.name)}`), `${metric} on ${cpc.name}`).toEqual(want);
        compared += want.length;
      }
    }
    // Every per-object group reported something (not a comparison of empty answers).
    const scopes = new Set(LIVE_METRICS.filter((id) => expected(id, {}).length > 0).map((id) => CATALOG[id].scope));
    expect([...scopes].sort()).toEqual([
      'adapter',
      'channel',
      'cpc',
      'crypto-adapter',
      'line-cord',
      'nic',
      'partition',
      'port',
      'processor',
    ]);
    expect(compared).toBeGreaterThan(100);
  });

  it('ranks ports by rate and maps NIC traffic per partition (summed) over the window held', async () => {
    const top = await agent.get(`/api/v1/top?metric=zhmc_port_bytes_received_count_total&cpc=ZLX1&n=3&${RANGE}`);
    expect(top.status, top.text).toBe(200);
    const ports = expected('zhmc_port_bytes_received_count_total', { cpc: 'ZLX1' });
    const avg = (s: Series): number => {
      const present = s.values.filter((v): v is number => v !== null);
      return present.reduce((a, b) => a + b, 0) / present.length;
    };
    const ranked = [...ports].sort((a, b) => avg(b) - avg(a)).slice(0, 3);
    expect(TopResponseSchema.parse(top.body).byAverage.map((e) => e.labels)).toEqual(ranked.map((s) => s.labels));

    const heatmap = await agent.get(`/api/v1/heatmap?metric=zhmc_nic_bytes_sent_count_total&cpc=ZLX1&${RANGE}`);
    expect(heatmap.status, heatmap.text).toBe(200);
    const body = HeatmapResponseSchema.parse(heatmap.body);
    const nics = expected('zhmc_nic_bytes_sent_count_total', { cpc: 'ZLX1' });
    const row = body.rows.find((r) => r.labels.partition === 'KVM HOST A');
    const mine = nics.filter((s) => s.labels.partition === 'KVM HOST A');
    expect(mine.length).toBeGreaterThan(1);
    expect(row?.values).toEqual(POLLS.map((_, i) => (i === 0 ? null : mine.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))));
    expect(new Set(body.rows.map((r) => r.labels.partition)).size).toBe(body.rows.length);
  });

  it('labels NIC rows from the NICs it knows, without walking the topology again after its TTL', async () => {
    const hmcGets = async (): Promise<number> =>
      (await built.deps.metrics.upstreamRequests.get()).values.find((v) => v.labels.upstream === 'hmc' && v.labels.endpoint === 'GET')
        ?.value ?? 0;
    // Past the inventory and topology TTL (60 s): the inventory is read again, the NICs are not.
    nowSeconds = T0 + 90;
    await built.deps.inventory.refresh();
    const before = await hmcGets();
    await built.live?.poll();
    expect((await hmcGets()) - before).toBe(1); // Get Metrics only
    const res = await agent.get(
      `/api/v1/series?metric=zhmc_nic_bytes_sent_count_total&cpc=ZLX1&partition=KVM%20HOST%20A&from=${T0 + 75}&to=${T0 + 90}`,
    );
    expect(res.status, res.text).toBe(200);
    expect(SeriesResponseSchema.parse(res.body).series.length).toBeGreaterThan(1);
  });
});
