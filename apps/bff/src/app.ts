// createApp(deps): the Express app, built only from explicit dependencies, so tests drive it with
// supertest against real or simulated upstreams and server.ts only listens.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type ErrorRequestHandler, type Express, type Request, type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { UPSTREAMS, type ErrorResponse, type ReadyResponse } from '@zlens/shared';
import type { Clock } from './clock.js';
import type { TopologyCache } from './hmc/topology-cache.js';
import type { Config } from './config.js';
import { AlertsService, rulesEngineOf, type AlertRouter } from './alerts/alerts-service.js';
import { createAuthenticator } from './auth/authenticate.js';
import { AppError, methodNotAllowed } from './errors.js';
import { UpstreamHealth } from './health.js';
import { allowedMethods } from './routes/allowed-methods.js';
import type { HmcClient } from './hmc/client.js';
import type { InventoryService } from './inventory/service.js';
import type { Logger } from './logger.js';
import type { AppMetrics } from './metrics.js';
import type { PrometheusClient } from './prometheus/client.js';
import { apiRouter } from './routes/api.js';
import { publicRouter } from './routes/public.js';
import { DetailService } from './services/detail-service.js';
import { HmcHistoryService } from './services/hmc-history-service.js';
import { HmcMessagesService } from './services/hmc-messages-service.js';
import { HmcHistorySource } from './sources/hmc-history-source.js';
import { QueryService } from './services/query-service.js';
import { PrometheusSource } from './sources/prometheus-source.js';
import type { TimeSeriesSource } from './sources/types.js';

export interface AppDeps {
  config: Config;
  source: TimeSeriesSource;
  inventory: InventoryService;
  /** The upstream clients, for the readiness checks (null when not configured). */
  prometheus: PrometheusClient | null;
  hmc: HmcClient | null;
  /** Silences and inhibitions of the firing alerts (null without ZLENS_ALERTMANAGER_URL). */
  alertmanager: AlertRouter | null;
  /** The HMC's DPM topology, walked once per CPC per inventory TTL (null without an HMC). */
  topology: TopologyCache | null;
  clock: Clock;
  logger: Logger;
  metrics: AppMetrics;
}

/** Responses that sent a file of the SPA: the request metrics label them `static`. */
const STATIC_RESPONSES = new WeakSet<object>();

/** Vite names built assets by content hash, so they may be cached for good (their .br/.gz copies too). */
const HASHED_ASSET = /[.-][A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|svg|png|jpg|webp|map)(?:\.br|\.gz)?$/;

/** The pattern of the route that matched (`/api/v1/cpcs/:cpc`), if one did; Express types it `any`. */
function routePattern(req: Request): string | undefined {
  const route: unknown = req.route;
  return typeof route === 'object' && route !== null && 'path' in route && typeof route.path === 'string' ? route.path : undefined;
}

function requestMetrics(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    const end = deps.metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      // The route pattern, never the raw URL: label values must stay few.
      const pattern = routePattern(req);
      const route = pattern !== undefined ? `${req.baseUrl}${pattern}` : STATIC_RESPONSES.has(res) ? 'static' : 'unmatched';
      end({ route, status_code: String(res.statusCode) });
    });
    next();
  };
}

/**
 * index.html with `<base href="<base path>/">`: Vite builds with relative asset URLs, so the one
 * build works at the host root and under any prefix, and the SPA reads its base from this tag.
 * Read again when the file changes: a BFF started while the SPA was being built (Vite empties
 * dist/ first), or a web build replaced under a running BFF, must not keep sending a page whose
 * scripts are gone.
 */
function indexReader(indexFile: string, basePath: string): () => string | null {
  let read: { mtimeMs: number; html: string } | null = null;
  return () => {
    const mtimeMs = statSync(indexFile, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return null;
    if (read?.mtimeMs !== mtimeMs) {
      read = { mtimeMs, html: readFileSync(indexFile, 'utf8').replace(/<head>/i, `<head>\n    <base href="${basePath}/" />`) };
    }
    return read.html;
  };
}

function serveWeb(site: Router, webDir: string, basePath: string): void {
  const currentIndex = indexReader(join(webDir, 'index.html'), basePath);
  const sendIndex: RequestHandler = (req, res, next) => {
    if (req.path.startsWith('/assets/')) {
      // A built file that is not there (a tab of an older build asks for its chunks): 404, never
      // the SPA's page in its place — and without the Content-Encoding the precompressed lookup set.
      res.removeHeader('content-encoding');
      res.status(404).type('text').send('not found');
      return;
    }
    const index = currentIndex();
    if (index === null || req.path.startsWith('/api/') || req.path === '/api') {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(index);
  };
  // The file as built has no <base>: it is only ever sent rewritten.
  site.get('/index.html', sendIndex);
  // The build leaves brotli and gzip copies beside the scripts and styles (vite.config.ts): the
  // copy the browser accepts is sent, with Vary: Accept-Encoding; no compression work per request.
  site.use(
    expressStaticGzip(webDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, path) => {
          STATIC_RESPONSES.add(res);
          res.setHeader('cache-control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  );
  // Client-side routes: any other GET that is not an API call gets the SPA's index.html.
  site.get('/{*path}', sendIndex);
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No ETag on API answers: hashing a megabyte of JSON per response costs more than it saves (the
  // SPA never revalidates); static files keep theirs (serve-static).
  app.set('etag', false);
  app.use(requestMetrics(deps));
  app.use(
    helmet({
      // Framing is governed by CSP frame-ancestors alone: an X-Frame-Options of SAMEORIGIN would
      // contradict an allowed portal origin (and browsers that know CSP ignore it anyway).
      frameguard: false,
      // zlens speaks plain HTTP; TLS, and with it HSTS and upgrading requests, belong to whatever
      // terminates TLS in front of it. upgrade-insecure-requests on a page served over HTTP from a
      // non-loopback address makes the browser fetch its scripts over https: a blank page. And an
      // HSTS header with includeSubDomains, passed through a portal's proxy, would bind the whole
      // portal domain.
      strictTransportSecurity: false,
      contentSecurityPolicy: { directives: { 'frame-ancestors': [...deps.config.frameAncestors], 'upgrade-insecure-requests': null } },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Ready means "this replica can serve": it has an inventory (answers may be stale), or an
  // upstream answers now. An upstream outage shows in `degraded` and zlens_upstream_up, not as 503,
  // which would take every replica out of service at once. The probes are bounded (health.ts).
  const health = new UpstreamHealth({ prometheus: deps.prometheus, hmc: deps.hmc, clock: deps.clock, metrics: deps.metrics });
  app.get('/readyz', async (_req, res) => {
    const checks = await health.checks();
    const degraded = UPSTREAMS.filter((name) => checks[name]?.ok === false);
    const ready = deps.inventory.known || UPSTREAMS.some((name) => checks[name]?.ok === true);
    const body: ReadyResponse = { ready, mode: deps.source.kind, checks: {}, degraded, inventory: deps.inventory.known };
    for (const name of UPSTREAMS) {
      const check = checks[name];
      if (check !== undefined)
        body.checks[name] = {
          ok: check.ok,
          latencyMs: check.latencyMs,
          ...(check.message === undefined ? {} : { message: check.message }),
        };
    }
    res.status(ready ? 200 : 503).json(body);
  });

  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });

  const queries = new QueryService({ inventory: deps.inventory, source: deps.source, clock: deps.clock });
  const details = new DetailService({
    inventory: deps.inventory,
    // With Prometheus configured, the source is Prometheus (deps.ts): its label sets and properties.
    prometheus: deps.source instanceof PrometheusSource ? deps.source : null,
    hmc: deps.hmc,
    logger: deps.logger,
    topology: deps.topology,
    clock: deps.clock,
    hmcTtlMs: deps.config.inventoryTtlSeconds * 1000,
  });
  const auth = createAuthenticator(deps.config.auth, deps.metrics, deps.logger);
  // Everything a browser asks for lives under the base path (ZLENS_BASE_PATH); the probes and
  // /metrics above stay at the root, where orchestrators and Prometheus look for them.
  const { basePath } = deps.config;
  const site = Router();
  site.use('/api/v1', publicRouter(deps.config));
  const alerts = new AlertsService({
    engine: deps.prometheus === null ? null : rulesEngineOf(deps.prometheus),
    alertmanager: deps.alertmanager,
    clock: deps.clock,
    logger: deps.logger,
  });
  const hmcMessages = new HmcMessagesService({ hmc: deps.hmc, inventory: deps.inventory, clock: deps.clock });
  const hmcHistory = new HmcHistoryService({
    queries,
    inventory: deps.inventory,
    history: deps.hmc === null ? null : new HmcHistorySource(deps.hmc, deps.clock),
    clock: deps.clock,
  });
  site.use('/api/v1', apiRouter({ auth, inventory: deps.inventory, queries, details, alerts, health, hmcMessages, hmcHistory }));
  site.all('/api/{*rest}', (req) => {
    throw new AppError('not_found', `no API route ${req.method} ${req.baseUrl}${req.path}`);
  });
  if (deps.config.webDir !== null) serveWeb(site, deps.config.webDir, basePath);
  if (basePath === '') {
    app.use(site);
  } else {
    app.use(basePath, site);
    app.get('/', (_req, res) => {
      res.redirect(302, `${basePath}/`);
    });
  }

  app.use((req, _res, next) => {
    // A known path asked with another method: 405 with Allow, not 404 (the probes, /metrics).
    const allow = allowedMethods(app.router, req.path);
    next(
      allow.length > 0 ? methodNotAllowed(req.method, req.path, allow) : new AppError('not_found', `nothing at ${req.method} ${req.path}`),
    );
  });

  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    let appError: AppError;
    if (err instanceof AppError) {
      appError = err;
    } else if (isHttpError(err) && err.status < 500) {
      // Errors from Express itself with a 4xx status are the client's: say so, without a stack
      // (a malformed URL, e.g. a broken percent-escape in a path parameter). Their messages name the
      // problem and carry no secrets.
      appError = new AppError(err.status === 404 ? 'not_found' : 'bad_request', `bad request: ${err.message}`);
    } else {
      appError = new AppError('internal', 'internal error');
    }
    const log = {
      method: req.method,
      route: routePattern(req) ?? req.path,
      status: appError.status,
      err: err instanceof Error ? err.message : String(err),
    };
    if (appError.status >= 500) deps.logger.error(log, 'request failed');
    else deps.logger.debug(log, 'request rejected');
    const body: ErrorResponse = { error: { code: appError.code, message: appError.message } };
    for (const [name, value] of Object.entries(appError.headers)) res.setHeader(name, value);
    if (appError.details !== undefined) body.error.details = appError.details;
    res.status(appError.status).json(body);
  };
  app.use(onError);
  return app;
}

function isHttpError(err: unknown): err is Error & { status: number } {
  return err instanceof Error && 'status' in err && typeof err.status === 'number';
}
