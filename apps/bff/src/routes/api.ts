// /api/v1: thin routes. Each is an entry of API_ROUTES (api-routes.ts): its query parsed with the
// entry's schema, a service called, the answer of the entry's response type returned.
import { Router, type Request, type Response } from 'express';
import { LabelValueSchema, type SeriesResponse } from '@zlens/shared';
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
import { API_ROUTES, type ApiRoute } from './api-routes.js';

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
    throw badRequest(describeIssues(parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
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

type QueryOf<R extends ApiRoute> = R extends { query: infer Q extends z.ZodObject } ? z.output<Q> : undefined;

/** What a handler gets: the request (path parameters), the response (the signed-in user) and the parsed query. */
interface Call<R extends ApiRoute> {
  req: Request;
  res: Response;
  query: QueryOf<R>;
}

/**
 * GET `route.path` on `router`: the query parsed with the route's schema (a 400 naming the
 * parameter when it does not fit), the handler's answer sent as JSON (or by `send`).
 */
export function get<R extends ApiRoute>(
  router: Router,
  route: R,
  handle: (call: Call<R>) => Promise<z.output<R['response']>> | z.output<R['response']>,
  send: (res: Response, body: z.output<R['response']>) => void = (res, body) => void res.json(body),
): void {
  router.get(route.path, async (req, res) => {
    // A route without a query schema has no query type to parse into: its handler gets undefined.
    const query = (route.query === undefined ? undefined : parse(route.query, req.query)) as QueryOf<R>;
    send(res, await handle({ req, res, query }));
  });
}

export function apiRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(deps.auth.middleware);
  const physical = new PhysicalService(deps.queries);
  const capacity = new CapacityService(deps.queries);
  const R = API_ROUTES;

  get(router, R.session, ({ res }) => ({ mode: deps.auth.mode, user: userOf(res) }));
  get(router, R.inventory, () => deps.inventory.get());
  get(router, R.cpc, ({ req }) => deps.details.cpc(pathName(req, 'cpc')));
  get(router, R.partition, ({ req }) => deps.details.partition(pathName(req, 'cpc'), pathName(req, 'partition')));
  get(router, R.adapter, ({ req }) => deps.details.adapter(pathName(req, 'cpc'), pathName(req, 'adapter')));
  get(router, R.hardwareMessages, ({ req, query }) => deps.hmcMessages.hardwareMessages(pathName(req, 'cpc'), query.from, query.to));
  get(router, R.osMessages, ({ req }) => deps.hmcMessages.osMessages(pathName(req, 'cpc'), pathName(req, 'partition')));
  get(router, R.hmcHistory, ({ query }) => deps.hmcHistory.fill(query));
  get(
    router,
    R.series,
    ({ query }) => deps.queries.series(query),
    (res, body) => void res.type('json').send(serializeSeries(body)),
  );
  get(router, R.top, ({ query }) => deps.queries.top(query));
  get(router, R.heatmap, ({ query }) => deps.queries.heatmap(query));
  get(router, R.fleetPower, ({ query }) => physical.fleetPower(query));
  get(router, R.adaptersTop, ({ query }) => physical.topAdapters(query));
  get(router, R.lineCords, ({ query }) => physical.lineCords(query));
  get(router, R.stacked, ({ query }) => capacity.stacked(query));
  get(router, R.forecast, ({ query }) => capacity.forecast(query));
  get(router, R.alerts, ({ query }) => deps.alerts.current(query));
  get(router, R.alertPeriods, ({ query }) => deps.alerts.periods(query));
  get(router, R.status, () => deps.health.status());

  router.all('/{*rest}', (req) => {
    const allow = allowedMethods(router, req.path);
    if (allow.length > 0) throw methodNotAllowed(req.method, `${req.baseUrl}${req.path}`, allow);
    throw notFound(`no API route ${req.method} ${req.baseUrl}${req.path}`);
  });

  return router;
}
