// Safety property: arbitrary strings in every parameter of every endpoint get only 2xx or 4xx (never
// 5xx) from a BFF in front of a healthy, real Prometheus, and every query that reaches Prometheus is
// one the BFF builds from the catalog: its shape (string literals and integers blanked) is one of
// the builders' shapes, and every string literal in it is a name the inventory knows.
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, ErrorResponseSchema, InventoryResponseSchema, METRIC_IDS, heatmapApplies } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { INVENTORY_METRICS, MODE_MARKERS_QUERY, RECENT_PARTITIONS_QUERY } from './inventory/prometheus-inventory.js';
import { exportedPropertiesQuery } from './sources/exporter-properties.js';
import {
  buildDailyPeakQuery,
  buildHeatmapQuery,
  buildLabelsQuery,
  buildPartitionProcessorsQuery,
  buildRecordedPhaseQuery,
  buildRecordedPresenceQuery,
  buildSeriesQuery,
  buildTopQueries,
  recordedApplies,
  type SeriesSelector,
} from './prometheus/promql.js';
import { captureLogger } from './test/helpers.js';
import { CLASSIC_CPC, DPM_CPC, fixtureEnd, startFixturePrometheus, type FixturePrometheus } from './test/fixture.js';
import { startPromProxy, type PromProxy } from './test/prom-proxy.js';

let fixture: FixturePrometheus;
let proxy: PromProxy;
let built: BuiltDeps;
let agent: ReturnType<typeof request>;
let knownNames: Set<string>;
/** The fixture's last sample: a minute ago, on the 15 s grid. */
const historyEnd = fixtureEnd();

beforeAll(async () => {
  fixture = await startFixturePrometheus('safety', historyEnd);
  proxy = await startPromProxy(fixture.prom.url);
  built = buildDeps({ ...loadConfig({ ZLENS_PROMETHEUS_URL: proxy.url }), webDir: null }, captureLogger().logger);
  agent = request(createApp(built.deps));
  const inventory = InventoryResponseSchema.parse((await agent.get('/api/v1/inventory')).body);
  knownNames = new Set([
    ...inventory.cpcs.flatMap((c) => [c.name, ...c.partitions.map((p) => p.name), ...c.adapters.map((a) => a.name)]),
    ...BFF_BUILT_LITERALS,
  ]);
}, 60_000);

afterAll(async () => {
  await built?.close();
  await proxy?.close();
  await fixture?.close();
});

/** Reads the PromQL double-quoted string literals out of a query; returns them and the query with each blanked to "_". */
function splitLiterals(query: string): { shape: string; literals: string[] } {
  const escapes: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };
  const literals: string[] = [];
  let shape = '';
  let i = 0;
  while (i < query.length) {
    const ch = query[i] ?? '';
    if (ch !== '"') {
      shape += ch;
      i += 1;
      continue;
    }
    let value = '';
    i += 1;
    for (;;) {
      const c = query[i];
      if (c === undefined) throw new Error(`unterminated string in ${query}`);
      if (c === '"') break;
      if (c === '\\') {
        const decoded = escapes[query[i + 1] ?? ''];
        if (decoded === undefined) throw new Error(`unknown escape in ${query}`);
        value += decoded;
        i += 2;
      } else {
        value += c;
        i += 1;
      }
    }
    i += 1;
    literals.push(value);
    shape += '"_"';
  }
  return { shape: shape.replace(/\d+/g, 'N'), literals };
}

/** Every query shape the builders can produce (names blanked, numbers as N). */
function allowedShapes(): Set<string> {
  const shapes = new Set<string>(['N']);
  const add = (query: string): void => void shapes.add(splitLiterals(query).shape);
  const selectors: SeriesSelector[] = [
    {},
    { cpc: 'x' },
    { cpc: 'x', partition: 'x' },
    { cpc: 'x', adapter: 'x' },
    { cpc: 'x', partition: 'x', adapter: 'x' },
  ];
  for (const metric of METRIC_IDS) {
    for (const selector of selectors) {
      try {
        add(buildSeriesQuery(metric, selector, 15));
        add(buildLabelsQuery(metric, selector));
        if (CATALOG[metric].unit === 'ratio') add(buildDailyPeakQuery(metric, selector));
      } catch {
        // this metric lacks one of the selector's labels: no such query
      }
    }
    for (const q of Object.values(buildTopQueries(metric, { cpc: 'x' }, 3600, 15))) add(q);
    // Recorded buckets read as they are (phase 0) or moved to their ends (phase 44.609 s).
    const phases = [
      { phaseMs: 0, later: true },
      { phaseMs: 44_609, later: true },
    ];
    if (recordedApplies(metric, 300))
      for (const phase of phases) for (const q of Object.values(buildTopQueries(metric, { cpc: 'x' }, 3600, 300, phase))) add(q);
    if (heatmapApplies(metric)) {
      // Below a 5-minute step a cell is the sample at its end, from 5 minutes up its step's average.
      for (const step of [15, 300]) {
        add(buildHeatmapQuery(metric, 'x', step));
        add(buildHeatmapQuery(metric, undefined, step));
      }
      if (recordedApplies(metric, 300)) {
        for (const phase of phases) {
          add(buildHeatmapQuery(metric, 'x', 300, phase));
          add(buildHeatmapQuery(metric, undefined, 300, phase));
        }
      }
    }
  }
  for (const metric of INVENTORY_METRICS) add(buildSeriesQuery(metric, {}));
  for (const query of BFF_BUILT_QUERIES) add(query);
  return shapes;
}

/** Queries whose only literals the BFF builds itself (metric-name alternations from the exporter's definitions). */
const BFF_BUILT_QUERIES = [
  MODE_MARKERS_QUERY,
  RECENT_PARTITIONS_QUERY,
  exportedPropertiesQuery('cpc', { cpc: 'x' }),
  exportedPropertiesQuery('partition', { cpc: 'x', partition: 'x' }),
  buildPartitionProcessorsQuery('x'),
  buildRecordedPresenceQuery(),
  buildRecordedPhaseQuery(),
];
const BFF_BUILT_LITERALS = BFF_BUILT_QUERIES.flatMap((query) => splitLiterals(query).literals).filter((literal) => literal !== 'x');

const word = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 300 }),
);
const names = fc.constantFrom(DPM_CPC, CLASSIC_CPC, 'LINUX "A"', 'web/01', '生产 分区', 'idle \\ back', 'OSA 1', 'FCP/2', 'LP1', '01C0');
const cpcs = fc.constantFrom(DPM_CPC, CLASSIC_CPC);
const times = fc.constantFrom('now', 'now-1h', 'now-7d', '0', String(historyEnd), '2026-01-01T00:00:00Z', '99999999999');

function queryString(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return new URLSearchParams(defined).toString();
}

describe('any input', () => {
  const shapes = allowedShapes();
  const checkSent = (mark: number): void => {
    for (const { params } of proxy.requests.slice(mark)) {
      const { shape, literals } = splitLiterals(params.query ?? '');
      expect(shapes, params.query).toContain(shape);
      for (const literal of literals) expect(knownNames, params.query).toContain(literal);
    }
  };
  const checkAnswer = (res: request.Response): void => {
    expect(res.status, res.text).toBeLessThan(500);
    if (res.status >= 400) ErrorResponseSchema.parse(res.body);
  };

  it('gets 2xx/4xx from the query endpoints, and only intended PromQL goes out', async () => {
    // A plausible request, then up to three of its parameters replaced by arbitrary strings or dropped.
    const valid = fc.record({
      endpoint: fc.constantFrom('series', 'top', 'heatmap', 'inventory', 'stacked', 'forecast'),
      metric: fc.oneof(
        fc.constantFrom(...METRIC_IDS),
        fc.constantFrom('zhmc_partition_processor_usage_ratio', 'zhmc_nic_bytes_sent_count_total', 'zhmc_adapter_usage_ratio'),
      ),
      cpc: cpcs,
      partition: fc.option(names, { nil: undefined, freq: 2 }),
      adapter: fc.option(names, { nil: undefined, freq: 2 }),
      from: fc.constantFrom('now-1h', 'now-7d', '0', String(historyEnd - 3600), '2026-01-01T00:00:00Z'),
      to: fc.constantFrom('now', String(historyEnd), '99999999999'),
      maxPoints: fc.constantFrom('2', '100', '11000'),
      n: fc.constantFrom('1', '5', '100'),
    });
    const keys = ['metric', 'cpc', 'partition', 'adapter', 'from', 'to', 'maxPoints', 'n'] as const;
    const changes = fc.array(
      fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.oneof(word, names, times), { nil: undefined }) }),
      { maxLength: 3 },
    );
    const record = fc.tuple(valid, changes).map(([base, edits]) => {
      const params: Record<string, string | undefined> = { ...base };
      for (const { key, value } of edits) params[key] = value;
      return params;
    });
    const start = proxy.requests.length;
    await fc.assert(
      fc.asyncProperty(record, async ({ endpoint: e, ...params }) => {
        const mark = proxy.requests.length;
        const res = await agent.get(`/api/v1/${e}?${queryString(params)}`);
        checkAnswer(res);
        checkSent(mark);
      }),
      { numRuns: 400 },
    );
    // Not vacuous: many of the generated requests were valid enough to reach Prometheus.
    expect(proxy.requests.length - start).toBeGreaterThan(30);
  });

  it('gets 2xx/4xx from the detail endpoints whatever the path segments hold', async () => {
    const cpcSegment = fc.oneof({ arbitrary: cpcs, weight: 3 }, names, word);
    const childSegment = fc.oneof({ arbitrary: names, weight: 3 }, word);
    const kind = fc.constantFrom('', '/partitions/', '/adapters/');
    await fc.assert(
      fc.asyncProperty(cpcSegment, kind, childSegment, async (cpc, k, child) => {
        const mark = proxy.requests.length;
        const path = `/api/v1/cpcs/${encodeURIComponent(cpc)}${k === '' ? '' : `${k}${encodeURIComponent(child)}`}`;
        checkAnswer(await agent.get(path));
        checkSent(mark);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses ranges longer than PromQL durations can hold', async () => {
    const res = await agent.get(
      `/api/v1/top?metric=zhmc_partition_processor_usage_ratio&cpc=${encodeURIComponent(DPM_CPC)}&from=0&to=99999999999`,
    );
    expect(res.status).toBe(400);
    expect(ErrorResponseSchema.parse(res.body).error.message).toMatch(/^from: the range may span at most/);
  });

  it('the shapes check catches a query the BFF would not build', () => {
    expect(shapes).not.toContain(splitLiterals('max by (cpc) (zhmc_cpc_processor_usage_ratio{cpc="x"}) or vector(1)').shape);
    expect(shapes).not.toContain(splitLiterals('max by (cpc) (zhmc_cpc_processor_usage_ratio{cpc=~".*"})').shape);
    expect(shapes).toContain(splitLiterals(buildSeriesQuery('zhmc_nic_bytes_sent_count_total', { cpc: 'a"b', partition: 'c' }, 300)).shape);
  });
});
