// /api/v1: thin routes. Parse with the shared schema, call a service, return.
import { Router } from 'express';
import { CATALOG, SeriesQuerySchema, alignRange, gridTimestamps, parseTimeExpression } from '@zlens/shared';
import type { InventoryResponse, SeriesResponse } from '@zlens/shared';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import { badRequest, notFound } from '../errors.js';
import type { InventoryService } from '../inventory/service.js';
import type { TimeSeriesSource } from '../sources/types.js';

export interface ApiDeps {
  inventory: InventoryService;
  source: TimeSeriesSource;
  clock: Clock;
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

export function apiRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/inventory', async (_req, res) => {
    const body: InventoryResponse = await deps.inventory.get();
    res.json(body);
  });

  router.get('/series', async (req, res) => {
    const parsed = SeriesQuerySchema.safeParse(req.query);
    if (!parsed.success) throw badRequest(describeIssues(parsed.error), { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
    const query = parsed.data;
    const nowSeconds = Math.floor(deps.clock.nowMs() / 1000);
    const from = parseTimeExpression(query.from, nowSeconds);
    const to = parseTimeExpression(query.to, nowSeconds);
    if (from === null) throw badRequest('from: must be unix seconds, RFC 3339, "now" or "now-<n><s|m|h|d|w>"');
    if (to === null) throw badRequest('to: must be unix seconds, RFC 3339, "now" or "now-<n><s|m|h|d|w>"');
    if (from >= to) throw badRequest(`from: must be before to (from=${from}, to=${to})`);
    const metric = CATALOG[query.metric];
    if (metric.scope === 'cpc' && query.partition !== undefined) {
      throw badRequest(`partition: ${query.metric} is a CPC metric and takes no partition`);
    }

    // Label values from the URL must name something the inventory knows (design.md "Query hygiene").
    const inventory = await deps.inventory.get();
    const cpc = inventory.cpcs.find((c) => c.name === query.cpc);
    if (cpc === undefined) throw notFound(`cpc: no CPC named "${query.cpc}"`);
    if (query.partition !== undefined && !cpc.partitions.some((p) => p.name === query.partition)) {
      throw notFound(`partition: CPC "${query.cpc}" has no partition named "${query.partition}"`);
    }

    const range = alignRange(from, to, query.maxPoints);
    const result = await deps.source.series({
      metric: query.metric,
      cpc: query.cpc,
      range,
      ...(query.partition === undefined ? {} : { partition: query.partition }),
    });
    const body: SeriesResponse = {
      metric: query.metric,
      source: deps.source.kind,
      step: range.step,
      start: range.start,
      end: range.end,
      timestamps: gridTimestamps(range),
      series: result.series,
      stale: result.stale || inventory.stale,
    };
    res.json(body);
  });

  router.all('/{*rest}', (req) => {
    throw notFound(`no API route ${req.method} ${req.baseUrl}${req.path}`);
  });

  return router;
}
