// The one list of /api/v1 routes: the routers (routes/api.ts, routes/public.ts) register exactly
// these paths with these schemas, the OpenAPI document (openapi.ts) is generated from it, and the
// route test (app.api.test.ts) checks the two against it. A new endpoint is an entry here, then its
// handler in the router: the handler's answer must have the entry's response type.
import {
  AdapterDetailSchema,
  AdapterTopQuerySchema,
  AdapterTopResponseSchema,
  AlertPeriodsQuerySchema,
  AlertPeriodsResponseSchema,
  AlertsQuerySchema,
  AlertsResponseSchema,
  CpcDetailSchema,
  EmbedConfigSchema,
  FleetPowerQuerySchema,
  FleetPowerResponseSchema,
  ForecastQuerySchema,
  ForecastResponseSchema,
  HardwareMessagesQuerySchema,
  HardwareMessagesResponseSchema,
  HeatmapQuerySchema,
  HeatmapResponseSchema,
  HmcHistoryQuerySchema,
  HmcHistoryResponseSchema,
  InventoryResponseSchema,
  LineCordsQuerySchema,
  LineCordsResponseSchema,
  OsMessagesResponseSchema,
  PartitionDetailSchema,
  SeriesQuerySchema,
  SeriesResponseSchema,
  SessionResponseSchema,
  StackedQuerySchema,
  StackedResponseSchema,
  StatusResponseSchema,
  TopQuerySchema,
  TopResponseSchema,
} from '@zlens/shared';
import { z } from 'zod';

export interface ApiRoute {
  /** Under /api/v1, in Express form: `:name` is a path parameter (a label value). */
  readonly path: string;
  /** What it answers, for the OpenAPI document. */
  readonly summary: string;
  readonly response: z.ZodType;
  /** The query parameters, parsed with this schema; none when absent. */
  readonly query?: z.ZodObject;
  /**
   * `data` (default): monitoring data, behind the sign-in (routes/api.ts); `session`: who is signed
   * in, behind the sign-in; `public`: no sign-in and no monitoring data (routes/public.ts).
   */
  readonly access?: 'session' | 'public';
}

export const API_ROUTES = {
  session: {
    path: '/session',
    summary: 'Who the BFF takes the caller to be (the auth mode, and the user; null in mode none)',
    response: SessionResponseSchema,
    access: 'session',
  },
  embedConfig: {
    path: '/embed-config',
    summary: 'The portal origins an embedded page may exchange postMessages with (ZLENS_FRAME_ANCESTORS); needs no sign-in',
    response: EmbedConfigSchema,
    access: 'public',
  },
  openApi: {
    path: '/openapi.json',
    summary: 'This document; needs no sign-in (a readable page of it: /docs/)',
    response: z.record(z.string(), z.unknown()),
    access: 'public',
  },
  inventory: {
    path: '/inventory',
    summary: 'CPCs with their partitions and adapters, joined from Prometheus and the HMC',
    response: InventoryResponseSchema,
  },
  cpc: { path: '/cpcs/:cpc', summary: 'One CPC: properties and processors', response: CpcDetailSchema },
  partition: {
    path: '/cpcs/:cpc/partitions/:partition',
    summary: 'One partition: properties and the adapters it uses',
    response: PartitionDetailSchema,
  },
  adapter: {
    path: '/cpcs/:cpc/adapters/:adapter',
    summary: 'One adapter: ports and the partitions that use it',
    response: AdapterDetailSchema,
  },
  series: {
    path: '/series',
    summary: 'Time series of one catalog metric on an aligned step grid',
    response: SeriesResponseSchema,
    query: SeriesQuerySchema,
  },
  top: { path: '/top', summary: 'Top-N series by average and by peak', response: TopResponseSchema, query: TopQuerySchema },
  fleetPower: {
    path: '/fleet/power',
    summary: "The site's power: per CPC now / average / peak (W) and energy (kWh) over the range, highest first, and the total over time",
    response: FleetPowerResponseSchema,
    query: FleetPowerQuerySchema,
  },
  adaptersTop: {
    path: '/adapters/top',
    summary: 'Top-N adapters of one CPC or the fleet by average and by peak usage, optionally of one family',
    response: AdapterTopResponseSchema,
    query: AdapterTopQuerySchema,
  },
  lineCords: {
    path: '/line-cords',
    summary: "A CPC's 24 line-cord phase powers (W) on one grid, in one answer (the energy view's line-cord chart)",
    response: LineCordsResponseSchema,
    query: LineCordsQuerySchema,
  },
  status: {
    path: '/status',
    summary: "How each configured upstream answers now (ok, slow, down), for the page's banner; no upstream text",
    response: StatusResponseSchema,
  },
  heatmap: {
    path: '/heatmap',
    summary: 'Partitions × time of one metric (one CPC or the fleet)',
    response: HeatmapResponseSchema,
    query: HeatmapQuerySchema,
  },
  stacked: {
    path: '/stacked',
    summary:
      "A CPC's processor usage split by partition (usage × logical processors, in proportion, so the parts add up to the CPC's usage): the n largest and the rest as other",
    response: StackedResponseSchema,
    query: StackedQuerySchema,
  },
  forecast: {
    path: '/forecast',
    summary:
      "Trend and forecast band of a CPC's (or partition's) processor usage: Theil-Sen over daily peaks, band from the residuals' 10th/90th percentiles, days until the critical threshold",
    response: ForecastResponseSchema,
    query: ForecastQuerySchema,
  },
  hmcHistory: {
    path: '/hmc-history',
    summary:
      "The HMC's own records (its historical sustainability data) of one power, temperature, humidity, heat-load or processor-usage metric of a CPC or partition, for the part of the window zlens' own source does not reach back to; without an HMC, or where its user may not read them: available false",
    response: HmcHistoryResponseSchema,
    query: HmcHistoryQuerySchema,
  },
  hardwareMessages: {
    path: '/cpcs/:cpc/hardware-messages',
    summary:
      "A CPC's hardware messages and the console's over a range, newest first, read-only from the HMC; without an HMC, or where its user may not read them: available false",
    response: HardwareMessagesResponseSchema,
    query: HardwareMessagesQuerySchema,
  },
  osMessages: {
    path: '/cpcs/:cpc/partitions/:partition/os-messages',
    summary: "A partition's operating-system messages (the last 100), read-only from the HMC",
    response: OsMessagesResponseSchema,
  },
  alerts: {
    path: '/alerts',
    summary:
      'The alerts the rules engine (Prometheus) evaluates now, for the fleet or one object, with Alertmanager silences and inhibitions when configured; in live mode: available false',
    response: AlertsResponseSchema,
    query: AlertsQuerySchema,
  },
  alertPeriods: {
    path: '/alerts/periods',
    summary: 'When alerts fired over a range (the ALERTS series), for bands on charts',
    response: AlertPeriodsResponseSchema,
    query: AlertPeriodsQuerySchema,
  },
} as const satisfies Record<string, ApiRoute>;

/** The path parameters of a route (`/cpcs/:cpc` → ['cpc']). */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
}

/** A route's path as OpenAPI writes it (`/cpcs/{cpc}`). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}
