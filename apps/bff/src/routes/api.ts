// /api/v1: thin routes. Parse with the shared schema, call a service, return.
import { Router, type Request } from 'express';
import {
  AlertPeriodsQuerySchema,
  AlertsQuerySchema,
  HardwareMessagesQuerySchema,
  AdapterTopQuerySchema,
  FleetPowerQuerySchema,
  ForecastQuerySchema,
  HeatmapQuerySchema,
  HmcHistoryQuerySchema,
  LabelValueSchema,
  SeriesQuerySchema,
  StackedQuerySchema,
  TopQuerySchema,
  type AdapterDetail,
  type AlertPeriodsResponse,
  type AlertsResponse,
  type HardwareMessagesResponse,
  type OsMessagesResponse,
  type CpcDetail,
  type HeatmapResponse,
  type HmcHistoryResponse,
  type InventoryResponse,
  type PartitionDetail,
  type SessionResponse,
  type SeriesResponse,
  type StatusResponse,
  type TopResponse,
} from '@zlens/shared';
import type { z } from 'zod';
import type { AlertsService } from '../alerts/alerts-service.js';
import { userOf, type Authenticator } from '../auth/authenticate.js';
import { badRequest, methodNotAllowed, notFound } from '../errors.js';
import type { UpstreamHealth } from '../health.js';
import type { InventoryService } from '../inventory/service.js';
import { CapacityService } from '../services/capacity-service.js';
import type { DetailService } from '../services/detail-service.js';
import type { HmcHistoryService } from '../services/hmc-history-service.js';
import type { HmcMessagesService } from '../services/hmc-messages-service.js';
import { PhysicalService } from '../services/physical-service.js';
import type { QueryService } from '../services/query-service.js';
import { allowedMethods } from './allowed-methods.js';

export interface ApiDeps {
  /** Runs before every route here: the caller must be signed in (ZLENS_AUTH). */
  auth: Authenticator;
  inventory: InventoryService;
  queries: QueryService;
  details: DetailService;
  /** How the upstreams answer now (GET /status, for the page's banner). */
  health: UpstreamHealth;
  alerts: AlertsService;
  hmcMessages: HmcMessagesService;
  hmcHistory: HmcHistoryService;
}

/** `from: must be unix seconds, …; metric: Invalid option …`: every issue names its parameter. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'query';
      const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
      return `${where}: ${message}`;
    })
    .join('; ');
}

/**
 * Query parameters given more than once (`?cpc=A&cpc=B` parses to an array): said as such, rather
 * than as the schema's "expected string" or "is required" about a parameter that was given.
 */
function repeatedParameters(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value)
    .filter(([, v]) => Array.isArray(v))
    .map(([name]) => name);
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const repeated = repeatedParameters(value);
  if (repeated.length > 0) {
    throw badRequest(repeated.map((name) => `${name}: given more than once; give each parameter once`).join('; '), { repeated });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw badRequest(describeIssues(parsed.error), { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
  }
  return parsed.data;
}

/** A path parameter (already percent-decoded by Express), checked like a query label value. */
function pathName(req: Request, name: string): string {
  return parse(LabelValueSchema, req.params[name]);
}

/**
 * A cached upstream answer maps to the same series array every time (PrometheusSource), and that
 * array fixes metric, range and grid; so its JSON is kept beside it (per stale flag), and a cache
 * hit costs no serialisation. Entries go when the cached answer does.
 */
const serialized = new WeakMap<SeriesResponse['series'], { stale: boolean; fetchedAt: number | undefined; json: string }[]>();

function serializeSeries(body: SeriesResponse): string {
  if (body.series.length === 0) return JSON.stringify(body);
  const known = serialized.get(body.series) ?? [];
  const hit = known.find((k) => k.stale === body.stale && k.fetchedAt === body.fetchedAt);
  if (hit !== undefined) return hit.json;
  const json = JSON.stringify(body);
  serialized.set(body.series, [...known, { stale: body.stale, fetchedAt: body.fetchedAt, json }]);
  return json;
}

export function apiRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(deps.auth.middleware);

  router.get('/session', (_req, res) => {
    const body: SessionResponse = { mode: deps.auth.mode, user: userOf(res) };
    res.json(body);
  });

  router.get('/inventory', async (_req, res) => {
    const body: InventoryResponse = await deps.inventory.get();
    res.json(body);
  });

  router.get('/cpcs/:cpc', async (req, res) => {
    const body: CpcDetail = await deps.details.cpc(pathName(req, 'cpc'));
    res.json(body);
  });

  router.get('/cpcs/:cpc/partitions/:partition', async (req, res) => {
    const body: PartitionDetail = await deps.details.partition(pathName(req, 'cpc'), pathName(req, 'partition'));
    res.json(body);
  });

  router.get('/cpcs/:cpc/hardware-messages', async (req, res) => {
    const { from, to } = parse(HardwareMessagesQuerySchema, req.query);
    const body: HardwareMessagesResponse = await deps.hmcMessages.hardwareMessages(pathName(req, 'cpc'), from, to);
    res.json(body);
  });

  router.get('/hmc-history', async (req, res) => {
    const body: HmcHistoryResponse = await deps.hmcHistory.fill(parse(HmcHistoryQuerySchema, req.query));
    res.json(body);
  });

  router.get('/cpcs/:cpc/partitions/:partition/os-messages', async (req, res) => {
    const body: OsMessagesResponse = await deps.hmcMessages.osMessages(pathName(req, 'cpc'), pathName(req, 'partition'));
    res.json(body);
  });

  router.get('/cpcs/:cpc/adapters/:adapter', async (req, res) => {
    const body: AdapterDetail = await deps.details.adapter(pathName(req, 'cpc'), pathName(req, 'adapter'));
    res.json(body);
  });

  router.get('/series', async (req, res) => {
    const body: SeriesResponse = await deps.queries.series(parse(SeriesQuerySchema, req.query));
    res.type('json').send(serializeSeries(body));
  });

  router.get('/top', async (req, res) => {
    const body: TopResponse = await deps.queries.top(parse(TopQuerySchema, req.query));
    res.json(body);
  });

  const physical = new PhysicalService(deps.queries);
  router.get('/fleet/power', async (req, res) => {
    res.json(await physical.fleetPower(parse(FleetPowerQuerySchema, req.query)));
  });

  router.get('/adapters/top', async (req, res) => {
    res.json(await physical.topAdapters(parse(AdapterTopQuerySchema, req.query)));
  });

  const capacity = new CapacityService(deps.queries);
  router.get('/stacked', async (req, res) => {
    res.json(await capacity.stacked(parse(StackedQuerySchema, req.query)));
  });

  router.get('/forecast', async (req, res) => {
    res.json(await capacity.forecast(parse(ForecastQuerySchema, req.query)));
  });

  router.get('/heatmap', async (req, res) => {
    const body: HeatmapResponse = await deps.queries.heatmap(parse(HeatmapQuerySchema, req.query));
    res.json(body);
  });

  router.get('/alerts', async (req, res) => {
    const body: AlertsResponse = await deps.alerts.current(parse(AlertsQuerySchema, req.query));
    res.json(body);
  });

  router.get('/alerts/periods', async (req, res) => {
    const body: AlertPeriodsResponse = await deps.alerts.periods(parse(AlertPeriodsQuerySchema, req.query));
    res.json(body);
  });

  router.get('/status', async (_req, res) => {
    const body: StatusResponse = await deps.health.status();
    res.json(body);
  });

  router.all('/{*rest}', (req) => {
    const allow = allowedMethods(router, req.path);
    if (allow.length > 0) throw methodNotAllowed(req.method, `${req.baseUrl}${req.path}`, allow);
    throw notFound(`no API route ${req.method} ${req.baseUrl}${req.path}`);
  });

  return router;
}
