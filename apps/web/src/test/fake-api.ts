// A fake BFF for component tests: fetch is replaced so each view's states can be driven
// deterministically. The real BFF, Prometheus and Chromium are exercised end to end by
// Playwright (apps/web/e2e).
import { vi } from 'vitest';
import { isMetricId, type InventoryResponse, type SeriesResponse } from '@zlens/shared';

export const INVENTORY: InventoryResponse = {
  stale: false,
  updatedAt: 1_700_000_000,
  cpcs: [
    {
      name: 'P0001',
      mode: 'dpm',
      status: 'active',
      machineType: '3931',
      machineModel: 'A01',
      sources: ['prometheus', 'hmc'],
      partitions: [
        { name: 'LNX1', status: 'active', type: 'linux', sources: ['prometheus', 'hmc'] },
        { name: 'DB "prod"/2', status: 'active', type: 'linux', sources: ['prometheus', 'hmc'] },
        { name: '测试 分区', status: 'active', type: 'ssc', sources: ['prometheus', 'hmc'] },
        { name: 'IDLE', status: 'stopped', type: 'linux', sources: ['hmc'] },
      ],
    },
    {
      name: 'CL 2',
      mode: 'classic',
      status: 'degraded',
      machineType: '8562',
      machineModel: null,
      sources: ['prometheus'],
      partitions: [],
    },
  ],
};

export type Reply = { status: number; body: unknown } | { status: number; text: string } | 'network-error';

export interface SeriesCall {
  metric: string;
  cpc: string;
  partition: string | null;
  from: string;
  maxPoints: number;
}

export function seriesResponse(
  metric: SeriesResponse['metric'],
  series: { labels: Record<string, string>; values: (number | null)[] }[],
  stale = false,
): SeriesResponse {
  const length = series[0]?.values.length ?? 3;
  const start = 1_700_000_000;
  return {
    metric,
    source: 'prometheus',
    step: 15,
    start,
    end: start + 15 * (length - 1),
    timestamps: Array.from({ length }, (_, i) => start + 15 * i),
    series,
    stale,
  };
}

/** Usage that exists for every query: 0.1, 0.2, <value>; the partition table gets one series per partition. */
export function defaultSeries(call: SeriesCall): Reply {
  if (!isMetricId(call.metric)) return { status: 400, body: { error: { code: 'bad_request', message: 'unknown metric' } } };
  const metric = call.metric;
  if (call.metric === 'zhmc_partition_processor_usage_ratio' && call.partition === null) {
    return {
      status: 200,
      body: seriesResponse(metric, [
        { labels: { cpc: call.cpc, partition: 'LNX1' }, values: [0.1, 0.25, null] },
        { labels: { cpc: call.cpc, partition: 'DB "prod"/2' }, values: [0.5, 0.72, 0.81] },
        { labels: { cpc: call.cpc, partition: '测试 分区' }, values: [0.3, null, 0.05] },
      ]),
    };
  }
  const labels: Record<string, string> = { cpc: call.cpc };
  if (call.partition !== null) labels.partition = call.partition;
  return { status: 200, body: seriesResponse(metric, [{ labels, values: [0.1, 0.2, 0.42] }]) };
}

export interface FakeApi {
  inventory: () => Reply;
  series: (call: SeriesCall) => Reply;
  calls: string[];
  seriesCalls: SeriesCall[];
}

/** Installs a fake `fetch` answering /api/v1/inventory and /api/v1/series; returns its handlers to swap. */
export function installFakeApi(): FakeApi {
  const api: FakeApi = {
    inventory: () => ({ status: 200, body: INVENTORY }),
    series: defaultSeries,
    calls: [],
    seriesCalls: [],
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      api.calls.push(`${url.pathname}${url.search}`);
      let reply: Reply;
      if (url.pathname === '/api/v1/inventory') reply = api.inventory();
      else if (url.pathname === '/api/v1/series') {
        const call: SeriesCall = {
          metric: url.searchParams.get('metric') ?? '',
          cpc: url.searchParams.get('cpc') ?? '',
          partition: url.searchParams.get('partition'),
          from: url.searchParams.get('from') ?? '',
          maxPoints: Number(url.searchParams.get('maxPoints')),
        };
        api.seriesCalls.push(call);
        reply = api.series(call);
      } else reply = { status: 404, text: '<html>nope</html>' };
      if (reply === 'network-error') throw new TypeError('Failed to fetch');
      const body = 'body' in reply ? JSON.stringify(reply.body) : reply.text;
      return new Response(body, { status: reply.status });
    }),
  );
  return api;
}

export const errorReply = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
});
