// Submit Requests (`POST /api/services/aggregation/submit`), the bulk operation behind zhmcclient's
// `list(full_properties=True)`: each request is run as if sent alone with the caller's session,
// and answered in order as `{id, status, headers, body}` (zhmcclient `_manager.py`
// `_get_properties_bulk`; its mock's SubmitRequestsHandler). A failed request does not fail the
// others: its body is the HMC's error body. `threads` is accepted and ignored (as the mock does).

import { HmcError, errorBody, missingField, unknownResource } from './hmc-errors.js';
import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import type { ReplyJson } from './json-float.js';
import { isRecord } from '../narrow.js';
import type { Router } from './router.js';

/** More than zhmcclient ever sends in one operation (it splits at ~10 000 URIs' worth of bytes). */
const MAX_REQUESTS = 1000;
const METHODS = ['GET', 'POST', 'DELETE'];

interface SubRequest {
  readonly id: string | undefined;
  readonly method: string;
  readonly uri: string;
  readonly body: unknown;
}

function parseRequests(body: unknown): SubRequest[] {
  if (!isRecord(body) || !Array.isArray(body.requests) || body.requests.length > MAX_REQUESTS) throw missingField('requests');
  return body.requests.map((item, i) => {
    if (
      !isRecord(item) ||
      typeof item.method !== 'string' ||
      !METHODS.includes(item.method) ||
      typeof item.uri !== 'string' ||
      !item.uri.startsWith('/api/')
    ) {
      throw missingField(`requests[${i}] (method GET, POST or DELETE and a /api/ uri)`);
    }
    if (item.id !== undefined && typeof item.id !== 'string') throw missingField(`requests[${i}].id`);
    return { id: item.id, method: item.method, uri: item.uri, body: item.body };
  });
}

function run(router: Router<HmcHandler>, outer: HmcRequest, sub: SubRequest): { status: number; body: ReplyJson } {
  const url = new URL(sub.uri, 'https://hmc.invalid');
  try {
    const route = router.match(sub.method, url.pathname);
    if (route === undefined) throw unknownResource(url.pathname);
    const reply: HmcReply = route.handler.handle({
      method: sub.method,
      path: url.pathname,
      query: url.searchParams,
      params: route.params,
      body: sub.body,
      session: outer.session,
    });
    if ('json' in reply) return { status: reply.status, body: reply.json };
    if ('text' in reply) return { status: reply.status, body: reply.text };
    return { status: reply.status, body: null };
  } catch (error) {
    const hmcError =
      error instanceof HmcError ? error : new HmcError(500, 0, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
    return { status: hmcError.status, body: errorBody(sub.method, url.pathname, hmcError) };
  }
}

export function submitRequests(router: Router<HmcHandler>, request: HmcRequest): HmcReply {
  const responses = parseRequests(request.body).map((sub) => {
    const { status, body } = run(router, request, sub);
    return { ...(sub.id === undefined ? {} : { id: sub.id }), status, headers: [], body };
  });
  return { status: 200, json: responses };
}
