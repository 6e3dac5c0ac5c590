// A fake BFF for component tests: fetch is replaced so each view's states can be driven
// deterministically. The real BFF, Prometheus and Chromium are exercised end to end by
// Playwright (apps/web/e2e).
import { vi } from 'vitest';
import {
  ADAPTER_FAMILIES,
  isMetricId,
  type AdapterTopResponse,
  type FleetPowerResponse,
  type LineCordsResponse,
  type AdapterDetail,
  type AlertPeriodsResponse,
  type AlertsResponse,
  type CpcDetail,
  type HardwareMessagesResponse,
  type HmcHistoryResponse,
  type OsMessagesResponse,
  type HeatmapResponse,
  type InventoryResponse,
  type PartitionDetail,
  type SeriesResponse,
  type TopResponse,
} from '@zlens/shared';

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
        { name: 'LNX1', status: 'active', type: 'linux', sources: ['prometheus', 'hmc'], noSeries: false },
        { name: 'DB "prod"/2', status: 'active', type: 'linux', sources: ['prometheus', 'hmc'], noSeries: false },
        { name: '测试 分区', status: 'active', type: 'ssc', sources: ['prometheus', 'hmc'], noSeries: false },
        { name: 'IDLE', status: 'stopped', type: 'linux', sources: ['hmc'], noSeries: false },
      ],
      adapters: [
        { name: 'OSA 1', adapterId: '0110', type: 'osd', family: 'network', status: 'active', sources: ['prometheus', 'hmc'] },
        { name: 'FCP A', adapterId: '0120', type: 'fcp', family: 'storage', status: 'active', sources: ['prometheus', 'hmc'] },
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
      adapters: [],
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

export function cpcDetail(cpc: string): CpcDetail {
  const summary = INVENTORY.cpcs.find((c) => c.name === cpc) ?? INVENTORY.cpcs[0];
  if (!summary) throw new Error('no CPC in the fake inventory');
  return { ...summary, seVersion: '2.16.0', processors: { cp: 4, ifl: 12, iip: 2, icf: null, sap: 2 }, memoryMiB: 4_194_304, stale: false };
}

export function partitionDetail(cpc: string, partition: string): PartitionDetail {
  return {
    name: partition,
    status: 'active',
    type: 'linux',
    sources: ['prometheus', 'hmc'],
    noSeries: false,
    cpc,
    cpcMode: 'dpm',
    description: 'Linux production',
    processorMode: 'shared',
    processors: { cp: null, ifl: 4, iip: null, icf: null },
    weights: { cp: null, ifl: 100, iip: null, icf: null },
    memoryMiB: { initial: 16384, maximum: 32768 },
    adapters: [{ adapter: 'OSA 1', adapterId: '0110', type: 'osd', family: 'network', via: 'nic', through: 'eth0', port: 0 }],
    stale: false,
  };
}

export function adapterDetail(cpc: string, adapter: string): AdapterDetail {
  return {
    name: adapter,
    adapterId: '0110',
    type: 'osd',
    family: 'network',
    status: 'active',
    sources: ['prometheus', 'hmc'],
    cpc,
    detectedCardType: 'osa-express-7s-25gb',
    ports: [{ index: 0, name: 'Port 0' }],
    partitions: [
      { partition: 'LNX1', via: 'nic', through: 'eth0', port: 0 },
      { partition: 'DB "prod"/2', via: 'nic', through: 'eth1', port: 0 },
    ],
    stale: false,
  };
}

export function topResponse(cpc: string, n: number): TopResponse {
  const entries = [
    { labels: { cpc, partition: 'DB "prod"/2' }, avg: 0.68, peak: 0.81 },
    { labels: { cpc, partition: 'LNX1' }, avg: 0.18, peak: 0.95 },
    { labels: { cpc, partition: '测试 分区' }, avg: 0.17, peak: 0.3 },
  ].slice(0, n);
  return {
    metric: 'zhmc_partition_processor_usage_ratio',
    source: 'prometheus',
    start: 1_700_000_000,
    end: 1_700_003_600,
    n,
    byAverage: entries,
    byPeak: [...entries].sort((a, b) => (b.peak ?? 0) - (a.peak ?? 0)),
    stale: false,
  };
}

/** The site's power: two CPCs report it (P0001 the busier), the classic one does not. */
/** GET /api/v1/line-cords: the given phases (default: cord 1's three phases carry power) on a 3-point grid. */
export function lineCordsResponse(phases?: LineCordsResponse['phases']): LineCordsResponse {
  const start = 1_700_000_000;
  return {
    source: 'prometheus',
    step: 15,
    start,
    end: start + 30,
    timestamps: [start, start + 15, start + 30],
    phases: phases ?? [
      { metric: 'zhmc_cpc_power_cord1_phase_a_watt', values: [1500, 1510, 1520] },
      { metric: 'zhmc_cpc_power_cord1_phase_b_watt', values: [1400, 1410, 1420] },
      { metric: 'zhmc_cpc_power_cord1_phase_c_watt', values: [1300, 1310, null] },
    ],
    stale: false,
  };
}

export function fleetPowerResponse(): FleetPowerResponse {
  const start = 1_700_000_000;
  const p1 = [10_000, 12_000, 11_000];
  const p2 = [4_000, 5_000, null];
  return {
    source: 'prometheus',
    step: 1800,
    start,
    end: start + 3600,
    timestamps: [start, start + 1800, start + 3600],
    total: [14_000, 17_000, null],
    now: 17_000,
    avg: 15_500,
    peak: 17_000,
    energyKWh: 16.5,
    cpcs: [
      { cpc: 'P0001', mode: 'dpm', now: 11_000, avg: 11_000, peak: 12_000, energyKWh: 16.5, values: p1 },
      { cpc: 'P0002', mode: 'dpm', now: 5_000, avg: 4_500, peak: 5_000, energyKWh: 6.75, values: p2 },
    ],
    missing: ['CL 2'],
    stale: false,
  };
}

/** Top adapters: two DPM adapters of P0001 and a classic crypto adapter of CL 2 (by PCHID). */
export function adapterTopResponse(cpc: string | null, family: string | null): AdapterTopResponse {
  const all: AdapterTopResponse['byAverage'] = [
    {
      cpc: 'P0001',
      adapter: 'FCP A',
      metric: 'zhmc_adapter_usage_ratio',
      adapterId: '0120',
      type: 'fcp',
      family: 'storage',
      hasView: true,
      avg: 0.61,
      peak: 0.7,
    },
    {
      cpc: 'P0001',
      adapter: 'OSA 1',
      metric: 'zhmc_adapter_usage_ratio',
      adapterId: '0110',
      type: 'osd',
      family: 'network',
      hasView: true,
      avg: 0.42,
      peak: 0.97,
    },
    {
      cpc: 'CL 2',
      adapter: '1C0',
      metric: 'zhmc_crypto_adapter_usage_ratio',
      adapterId: '1C0',
      type: null,
      family: 'crypto',
      hasView: false,
      avg: 0.1,
      peak: 0.2,
    },
  ];
  const kept = all.filter((e) => (cpc === null || e.cpc === cpc) && (family === null || e.family === family));
  return {
    source: 'prometheus',
    start: 1_700_000_000,
    end: 1_700_003_600,
    n: 5,
    family: ADAPTER_FAMILIES.find((f) => f === family) ?? null,
    byAverage: kept,
    byPeak: [...kept].sort((a, b) => (b.peak ?? 0) - (a.peak ?? 0)),
    stale: false,
  };
}

export function heatmapResponse(cpc: string | null): HeatmapResponse {
  const start = 1_700_000_000;
  const c = cpc ?? 'P0001';
  return {
    metric: 'zhmc_partition_processor_usage_ratio',
    source: 'prometheus',
    step: 60,
    start,
    end: start + 120,
    timestamps: [start, start + 60, start + 120],
    rows: [
      { labels: { cpc: c, partition: 'DB "prod"/2' }, values: [0.5, 0.72, 0.81], avg: 0.68 },
      { labels: { cpc: c, partition: 'LNX1' }, values: [0.1, 0.25, null], avg: 0.175 },
    ],
    stale: false,
  };
}

/** The HMC's messages by default: one hardware message of the CPC, one of the console; two OS messages. */
export function hardwareMessagesResponse(): HardwareMessagesResponse {
  return {
    available: true,
    start: 1_700_000_000,
    end: 1_700_003_600,
    messages: [
      { time: 1_700_003_000, text: 'A spare processor was invoked to replace a failing processor.', origin: 'cpc' },
      { time: 1_700_001_000, text: 'The HMC certificate expires in 30 days.', origin: 'console' },
    ],
  };
}

export function osMessagesResponse(): OsMessagesResponse {
  return {
    available: true,
    messages: [
      { sequence: 8, time: 1_700_003_000, text: '*07 IEE094D SPECIFY OPERAND(S) FOR DUMP COMMAND', held: true, priority: true },
      { sequence: 7, time: 1_700_002_580, text: 'systemd[1]: Started Daily rotation of log files.', held: false, priority: false },
    ],
  };
}

/** The HMC's own history by default: none (a BFF without an HMC). */
export function hmcHistoryResponse(metric: HmcHistoryResponse['metric']): HmcHistoryResponse {
  return {
    metric,
    available: false,
    unavailableReason: 'needs-hmc',
    start: 1_700_000_000,
    end: 1_700_003_600,
    primaryFrom: null,
    timestamps: [],
    values: [],
    stale: false,
  };
}

/** What /api/v1/alerts answers by default: no alert firing (with Prometheus, without Alertmanager). */
export function alertsResponse(alerts: AlertsResponse['alerts'] = []): AlertsResponse {
  return { available: true, alertmanager: false, alerts, stale: false };
}

export function alertPeriodsResponse(periods: AlertPeriodsResponse['periods'] = []): AlertPeriodsResponse {
  return { available: true, start: 1_700_000_000, end: 1_700_003_600, step: 60, periods, stale: false };
}

export interface FakeRequest {
  /** Path and query as requested, the base path included. */
  path: string;
  /** The Authorization header sent, null without one. */
  authorization: string | null;
}

export interface FakeApi {
  inventory: () => Reply;
  series: (call: SeriesCall) => Reply;
  /** GET /api/v1/session: auth mode none (no user) by default. */
  session: () => Reply;
  /** /cpcs/..., /top, /heatmap, /alerts, /embed-config: the path and query; answers from the fixtures above by default. */
  other: (url: URL) => Reply;
  /**
   * The BFF's sign-in check, before every endpoint but the public /embed-config: a reply (a 401)
   * refuses the request. Lets everything through by default (auth mode none).
   */
  auth: (authorization: string | null) => Reply | null;
  /** The path zlens is served under ('/' or '/zlens/'): requests outside `<basePath>api/v1` get an HTML 404. */
  basePath: string;
  calls: string[];
  requests: FakeRequest[];
  seriesCalls: SeriesCall[];
}

function authorizationOf(init: RequestInit | undefined): string | null {
  return new Headers(init?.headers).get('Authorization');
}

/** Installs a fake `fetch` answering /api/v1/inventory and /api/v1/series; returns its handlers to swap. */
export function installFakeApi(): FakeApi {
  const api: FakeApi = {
    inventory: () => ({ status: 200, body: INVENTORY }),
    series: defaultSeries,
    session: () => ({ status: 200, body: { mode: 'none', user: null } }),
    other: defaultOther,
    auth: () => null,
    basePath: '/',
    calls: [],
    requests: [],
    seriesCalls: [],
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const requested = new URL(input instanceof Request ? input.url : input, 'http://localhost');
      api.calls.push(`${requested.pathname}${requested.search}`);
      api.requests.push({ path: `${requested.pathname}${requested.search}`, authorization: authorizationOf(init) });
      // The handlers below see the path as the BFF's router does: without the base path.
      const underBase = requested.pathname.startsWith(`${api.basePath}api/v1/`);
      const url = new URL(`/${requested.pathname.slice(api.basePath.length)}${requested.search}`, 'http://localhost');
      const refused = url.pathname === '/api/v1/embed-config' ? null : api.auth(authorizationOf(init));
      let reply: Reply;
      if (!underBase) reply = { status: 404, text: '<html>not under the base path</html>' };
      else if (refused !== null) reply = refused;
      else if (url.pathname === '/api/v1/inventory') reply = api.inventory();
      else if (url.pathname === '/api/v1/session') reply = api.session();
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
      } else reply = api.other(url);
      if (reply === 'network-error') throw new TypeError('Failed to fetch');
      const body = 'body' in reply ? JSON.stringify(reply.body) : reply.text;
      return new Response(body, { status: reply.status });
    }),
  );
  return api;
}

/** The detail, top-N, heatmap and alert endpoints, answered from the fixtures. */
export function defaultOther(url: URL): Reply {
  const parts = url.pathname.split('/').slice(3).map(decodeURIComponent);
  const q = url.searchParams;
  if (parts[0] === 'cpcs' && parts[1] !== undefined) {
    if (parts.length === 2) return { status: 200, body: cpcDetail(parts[1]) };
    if (parts[2] === 'hardware-messages') return { status: 200, body: hardwareMessagesResponse() };
    if (parts[2] === 'partitions' && parts[4] === 'os-messages') return { status: 200, body: osMessagesResponse() };
    if (parts[2] === 'partitions' && parts[3] !== undefined) return { status: 200, body: partitionDetail(parts[1], parts[3]) };
    if (parts[2] === 'adapters' && parts[3] !== undefined) return { status: 200, body: adapterDetail(parts[1], parts[3]) };
  }
  if (parts[0] === 'fleet' && parts[1] === 'power') return { status: 200, body: fleetPowerResponse() };
  if (parts[0] === 'line-cords') return { status: 200, body: lineCordsResponse() };
  if (parts[0] === 'adapters' && parts[1] === 'top') return { status: 200, body: adapterTopResponse(q.get('cpc'), q.get('family')) };
  if (parts[0] === 'top') return { status: 200, body: topResponse(q.get('cpc') ?? '', Number(q.get('n') ?? 10)) };
  const metric = q.get('metric');
  if (parts[0] === 'hmc-history' && metric !== null && isMetricId(metric)) return { status: 200, body: hmcHistoryResponse(metric) };
  if (parts[0] === 'heatmap') return { status: 200, body: heatmapResponse(q.get('cpc')) };
  if (parts[0] === 'alerts' && parts[1] === 'periods') return { status: 200, body: alertPeriodsResponse() };
  if (parts[0] === 'alerts') return { status: 200, body: alertsResponse() };
  return { status: 404, text: '<html>nope</html>' };
}

export const errorReply = (status: number, code: string, message: string, details?: unknown): Reply => ({
  status,
  body: { error: details === undefined ? { code, message } : { code, message, details } },
});
