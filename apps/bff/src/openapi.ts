// GET /api/v1/openapi.json: an OpenAPI 3.1 document generated from the shared zod schemas (zod 4's
// JSON Schema output) and the one route list (routes/api-routes.ts), so it cannot drift from what
// the BFF routes and validates and the web parses.
import { ErrorResponseSchema, LabelValueSchema } from '@zlens/shared';
import { z } from 'zod';
import { API_ROUTES, openApiPath, pathParameters, type ApiRoute } from './routes/api-routes.js';

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
const ok = (response: z.ZodType): JsonSchema => ({
  description: 'OK',
  content: { 'application/json': { schema: schema(response, 'output') } },
});
const UNAUTHENTICATED = {
  description:
    'not signed in (ZLENS_AUTH proxy or token): no, an expired or an invalid bearer token, or not through the portal proxy; the message says which',
  ...ERROR,
};

/** An endpoint that needs no sign-in and takes no parameters. */
function publicOperation(summary: string, response: z.ZodType): JsonSchema {
  return { get: { tags: ['portal'], summary, security: [], responses: { '200': ok(response) } } };
}

/** Who is signed in: the portal's, behind the sign-in. */
function sessionOperation(summary: string, response: z.ZodType): JsonSchema {
  return { get: { tags: ['portal'], summary, responses: { '200': ok(response), '401': UNAUTHENTICATED } } };
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

function routeOperation(route: ApiRoute): JsonSchema {
  if (route.access === 'public') return publicOperation(route.summary, route.response);
  if (route.access === 'session') return sessionOperation(route.summary, route.response);
  const parameters = [...pathParameters(route.path).map(pathParameter), ...(route.query === undefined ? [] : queryParameters(route.query))];
  return operation(route.summary, route.response, parameters);
}

/** The document for a BFF served under `basePath` ('' at the host root). */
export function openApiDocument(basePath: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'zlens BFF API',
      version: '1',
      description:
        'Monitoring data of IBM Z / LinuxONE CPCs, partitions and adapters, from Prometheus (zhmc-prometheus-exporter) and the HMC. Metrics are named by catalog id; the API never accepts PromQL.',
    },
    servers: [{ url: `${basePath}/api/v1` }],
    // With ZLENS_AUTH=token every data endpoint wants `Authorization: Bearer <JWT>`; with proxy
    // the portal's reverse proxy signs requests in, and with none (the demo) nothing is checked.
    security: [{ bearer: [] }],
    paths: Object.fromEntries(Object.values(API_ROUTES).map((route: ApiRoute) => [openApiPath(route.path), routeOperation(route)])),
    tags: [
      {
        name: 'monitoring data',
        description: 'CPCs, partitions and adapters, and their time series (sign-in required unless ZLENS_AUTH=none)',
      },
      { name: 'portal', description: 'What a portal embedding zlens needs: who is signed in, the framing allowlist, this document' },
    ],
    components: {
      schemas: { Error: schema(ErrorResponseSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
