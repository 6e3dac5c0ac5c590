// GET /api/v1/openapi.json: an OpenAPI 3.1 document generated from the shared zod schemas (zod 4's
// JSON Schema output), so it cannot drift from what the BFF validates and the web parses.
import {
  AdapterDetailSchema,
  AdapterTopQuerySchema,
  AdapterTopResponseSchema,
  FleetPowerQuerySchema,
  FleetPowerResponseSchema,
  ForecastQuerySchema,
  ForecastResponseSchema,
  StackedQuerySchema,
  StackedResponseSchema,
  AlertPeriodsQuerySchema,
  AlertPeriodsResponseSchema,
  AlertsQuerySchema,
  AlertsResponseSchema,
  HardwareMessagesQuerySchema,
  HardwareMessagesResponseSchema,
  HmcHistoryQuerySchema,
  HmcHistoryResponseSchema,
  OsMessagesResponseSchema,
  CpcDetailSchema,
  EmbedConfigSchema,
  ErrorResponseSchema,
  HeatmapQuerySchema,
  HeatmapResponseSchema,
  InventoryResponseSchema,
  LabelValueSchema,
  PartitionDetailSchema,
  SeriesQuerySchema,
  SessionResponseSchema,
  StatusResponseSchema,
  SeriesResponseSchema,
  TopQuerySchema,
  TopResponseSchema,
} from '@zlens/shared';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

function schema(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Refinements (e.g. "no control characters") have no JSON Schema form and are left out.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any' });
  return rest;
}

function queryParameters(query: z.ZodObject): JsonSchema[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const type = field as z.ZodType;
    const optional = type.safeParse(undefined).success;
    return { name, in: 'query', required: !optional, schema: schema(type, 'input') };
  });
}

const pathParameter = (name: string): JsonSchema => ({ name, in: 'path', required: true, schema: schema(LabelValueSchema, 'input') });

const ERROR = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const ok = (response: z.ZodType): JsonSchema => ({ description: 'OK', content: { 'application/json': { schema: schema(response, 'output') } } });
const UNAUTHENTICATED = {
  description: 'not signed in (ZLENS_AUTH proxy or token): no, an expired or an invalid bearer token, or not through the portal proxy; the message says which',
  ...ERROR,
};

/** An endpoint that needs no sign-in and takes no parameters. */
function publicOperation(summary: string, response: z.ZodType): JsonSchema {
  return { get: { tags: ['portal'], summary, security: [], responses: { '200': ok(response) } } };
}

function operation(summary: string, response: z.ZodType, parameters: JsonSchema[]): JsonSchema {
  return {
    get: {
      tags: ['monitoring data'],
      summary,
      parameters,
      responses: {
        '200': ok(response),
        '400': { description: 'a parameter is invalid (the message names it)', ...ERROR },
        '401': UNAUTHENTICATED,
        '404': { description: 'unknown CPC, partition or adapter', ...ERROR },
        '502': { description: 'an upstream failed', ...ERROR },
        '504': { description: 'an upstream did not answer in time', ...ERROR },
      },
    },
  };
}

/** The document for a BFF served under `basePath` ('' at the host root). */
export function openApiDocument(basePath: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'zlens BFF API',
      version: '1',
      description: 'Monitoring data of IBM Z / LinuxONE CPCs, partitions and adapters, from Prometheus (zhmc-prometheus-exporter) and the HMC. Metrics are named by catalog id; the API never accepts PromQL.',
    },
    servers: [{ url: `${basePath}/api/v1` }],
    // With ZLENS_AUTH=token every data endpoint wants `Authorization: Bearer <JWT>`; with proxy
    // the portal's reverse proxy signs requests in, and with none (the demo) nothing is checked.
    security: [{ bearer: [] }],
    paths: {
      '/session': {
        get: {
          tags: ['portal'],
          summary: 'Who the BFF takes the caller to be (the auth mode, and the user; null in mode none)',
          responses: { '200': ok(SessionResponseSchema), '401': UNAUTHENTICATED },
        },
      },
      '/embed-config': publicOperation(
        'The portal origins an embedded page may exchange postMessages with (ZLENS_FRAME_ANCESTORS); needs no sign-in',
        EmbedConfigSchema,
      ),
      '/openapi.json': publicOperation('This document; needs no sign-in (a readable page of it: /docs/)', z.record(z.string(), z.unknown())),
      '/inventory': operation('CPCs with their partitions and adapters, joined from Prometheus and the HMC', InventoryResponseSchema, []),
      '/cpcs/{cpc}': operation('One CPC: properties and processors', CpcDetailSchema, [pathParameter('cpc')]),
      '/cpcs/{cpc}/partitions/{partition}': operation('One partition: properties and the adapters it uses', PartitionDetailSchema, [
        pathParameter('cpc'),
        pathParameter('partition'),
      ]),
      '/cpcs/{cpc}/adapters/{adapter}': operation('One adapter: ports and the partitions that use it', AdapterDetailSchema, [
        pathParameter('cpc'),
        pathParameter('adapter'),
      ]),
      '/series': operation('Time series of one catalog metric on an aligned step grid', SeriesResponseSchema, queryParameters(SeriesQuerySchema)),
      '/top': operation('Top-N series by average and by peak', TopResponseSchema, queryParameters(TopQuerySchema)),
      '/fleet/power': operation(
        "The site's power: per CPC now / average / peak (W) and energy (kWh) over the range, highest first, and the total over time",
        FleetPowerResponseSchema,
        queryParameters(FleetPowerQuerySchema),
      ),
      '/adapters/top': operation('Top-N adapters of one CPC or the fleet by average and by peak usage, optionally of one family', AdapterTopResponseSchema, queryParameters(AdapterTopQuerySchema)),
      '/status': operation("How each configured upstream answers now (ok, slow, down), for the page's banner; no upstream text", StatusResponseSchema, []),
      '/heatmap': operation('Partitions × time of one metric (one CPC or the fleet)', HeatmapResponseSchema, queryParameters(HeatmapQuerySchema)),
      '/stacked': operation(
        "A CPC's processor usage split by partition (usage × logical processors, in proportion, so the parts add up to the CPC's usage): the n largest and the rest as other",
        StackedResponseSchema,
        queryParameters(StackedQuerySchema),
      ),
      '/forecast': operation(
        "Trend and forecast band of a CPC's (or partition's) processor usage: Theil-Sen over daily peaks, band from the residuals' 10th/90th percentiles, days until the critical threshold",
        ForecastResponseSchema,
        queryParameters(ForecastQuerySchema),
      ),
      '/hmc-history': operation(
        "The HMC's own records (its historical sustainability data) of one power, temperature, humidity, heat-load or processor-usage metric of a CPC or partition, for the part of the window zlens' own source does not reach back to; without an HMC, or where its user may not read them: available false",
        HmcHistoryResponseSchema,
        queryParameters(HmcHistoryQuerySchema),
      ),
      '/cpcs/{cpc}/hardware-messages': operation(
        "A CPC's hardware messages and the console's over a range, newest first, read-only from the HMC; without an HMC, or where its user may not read them: available false",
        HardwareMessagesResponseSchema,
        [pathParameter('cpc'), ...queryParameters(HardwareMessagesQuerySchema)],
      ),
      '/cpcs/{cpc}/partitions/{partition}/os-messages': operation(
        "A partition's operating-system messages (the last 100), read-only from the HMC",
        OsMessagesResponseSchema,
        [pathParameter('cpc'), pathParameter('partition')],
      ),
      '/alerts': operation(
        'The alerts the rules engine (Prometheus) evaluates now, for the fleet or one object, with Alertmanager silences and inhibitions when configured; in live mode: available false',
        AlertsResponseSchema,
        queryParameters(AlertsQuerySchema),
      ),
      '/alerts/periods': operation('When alerts fired over a range (the ALERTS series), for bands on charts', AlertPeriodsResponseSchema, queryParameters(AlertPeriodsQuerySchema)),
    },
    tags: [
      { name: 'monitoring data', description: 'CPCs, partitions and adapters, and their time series (sign-in required unless ZLENS_AUTH=none)' },
      { name: 'portal', description: 'What a portal embedding zlens needs: who is signed in, the framing allowlist, this document' },
    ],
    components: {
      schemas: { Error: schema(ErrorResponseSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
