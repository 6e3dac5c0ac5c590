// The HMC Web Services API operations the simulator answers (hmc-api.md §1–§3, §7). Each handler
// gets the parsed request and returns a reply; errors are thrown as HmcError.

import {
  HmcError,
  loginFailed,
  missingBody,
  missingField,
  unknownResource,
} from './hmc-errors.js';
import {
  cpcListEntry,
  cpcProperties,
  matchesExact,
  matchesRegex,
  parseQuery,
  partitionListEntry,
  partitionProperties,
  selectProperties,
  withAdditional,
  type Json,
  type Properties,
} from './inventory.js';
import { KNOWN_GROUP_NAMES, SUPPORTED_GROUPS, renderMetricsResponse, type MetricGroupInfo } from './metric-groups.js';
import { isRecord } from './narrow.js';
import { Router } from './router.js';
import type { CpcSpec, PartitionSpec, Scenario } from './scenario.js';
import { METRICS_CONTEXT_BASE, type Session, type SessionStore } from './sessions.js';
import { sampleSite, slotStartMs } from './workload.js';

export const METRICS_CONTENT_TYPE = 'application/vnd.ibm-z-zmanager-metrics';

export interface HmcRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  /** The caller's session; undefined only on the routes that need none. */
  readonly session: Session | undefined;
}

export type HmcReply =
  | { readonly status: number; readonly json: Json | Properties }
  | { readonly status: number; readonly text: string; readonly contentType: string }
  | { readonly status: 204 };

export interface HmcHandler {
  readonly auth: boolean;
  handle(request: HmcRequest): HmcReply;
}

export interface HmcRoutesDeps {
  readonly scenario: Scenario;
  readonly credentials: { readonly userid: string; readonly password: string };
  readonly sessions: SessionStore;
  readonly now: () => number;
}

const open = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: false, handle });
const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

function requireSession(request: HmcRequest): Session {
  // The server checks sessions before calling an `authed` handler; this only narrows the type.
  if (request.session === undefined) throw new HmcError(500, 0, 'internal error: no session');
  return request.session;
}

function bodyRecord(request: HmcRequest): Record<string, unknown> {
  if (!isRecord(request.body)) throw missingBody();
  return request.body;
}

function noQuery(request: HmcRequest): void {
  parseQuery(request.query, []);
}

export function hmcRouter(deps: HmcRoutesDeps): Router<HmcHandler> {
  const { scenario, credentials, sessions, now } = deps;
  const cpcById = new Map<string, CpcSpec>(scenario.cpcs.map((cpc) => [cpc['object-id'], cpc]));
  const partitionById = new Map<string, { partition: PartitionSpec; cpc: CpcSpec }>(
    scenario.cpcs.flatMap((cpc) => cpc.partitions.map((partition) => [partition['object-id'], { partition, cpc }] as const)),
  );
  const findCpc = (request: HmcRequest): CpcSpec => {
    const cpc = cpcById.get(request.params.id ?? '');
    if (cpc === undefined) throw unknownResource(request.path);
    return cpc;
  };
  const getProperties = (request: HmcRequest, all: Properties, extraParms: readonly string[]): HmcReply => {
    const query = parseQuery(request.query, ['properties', ...extraParms]);
    const list = query.get('properties');
    return { status: 200, json: list === undefined ? all : selectProperties(all, list.join(','), request.path, 'properties') };
  };

  const router = new Router<HmcHandler>();
  router
    .add('GET', '/api/version', open(() => {
      const { hmc } = scenario;
      return {
        status: 200,
        json: {
          'hmc-name': hmc['hmc-name'],
          'hmc-version': hmc['hmc-version'],
          'api-major-version': hmc['api-major-version'],
          'api-minor-version': hmc['api-minor-version'],
        },
      };
    }))
    .add('POST', '/api/sessions', open((request) => {
      const body = bodyRecord(request);
      const { userid, password } = body;
      if (typeof userid !== 'string') throw missingField('userid');
      if (typeof password !== 'string') throw missingField('password');
      if (userid !== credentials.userid || password !== credentials.password) throw loginFailed();
      const session = sessions.create(userid);
      return {
        status: 200,
        json: {
          'api-session': session.id,
          'notification-topic': session.notificationTopic,
          'job-notification-topic': session.jobNotificationTopic,
          'api-major-version': scenario.hmc['api-major-version'],
          'api-minor-version': scenario.hmc['api-minor-version'],
          'password-expires': -1,
          'session-credential': session.credential,
        },
      };
    }))
    .add('DELETE', '/api/sessions/this-session', authed((request) => {
      sessions.delete(requireSession(request).id);
      return { status: 204 };
    }))
    .add('GET', '/api/sessions/operations/get-notification-topics', authed((request) => {
      const session = requireSession(request);
      return {
        status: 200,
        json: {
          topics: [
            { 'topic-name': session.notificationTopic, 'topic-type': 'object-notification' },
            { 'topic-name': session.jobNotificationTopic, 'topic-type': 'job-notification' },
          ],
        },
      };
    }))
    // No API features are enabled on the simulated console or CPCs (a bare JSON array, §7).
    .add('GET', '/api/console/operations/list-features', authed(() => ({ status: 200, json: [] })))
    .add('GET', '/api/cpcs/:id/operations/list-features', authed((request) => {
      findCpc(request);
      return { status: 200, json: [] };
    }))
    .add('GET', '/api/cpcs', authed((request) => {
      const query = parseQuery(request.query, ['name', 'additional-properties']);
      const names = query.get('name');
      const additional = query.get('additional-properties')?.join(',').split(',');
      const cpcs = scenario.cpcs
        .filter((cpc) => names === undefined || matchesRegex(cpc.name, names, 'name'))
        .map((cpc) => withAdditional(cpcListEntry(cpc), cpcProperties(cpc), additional, request.path));
      return { status: 200, json: { cpcs } };
    }))
    .add('GET', '/api/cpcs/:id', authed((request) => getProperties(request, cpcProperties(findCpc(request)), ['cached-acceptable'])))
    .add('GET', '/api/cpcs/:id/partitions', authed((request) => {
      const cpc = findCpc(request);
      const query = parseQuery(request.query, ['name', 'status', 'type', 'additional-properties']);
      const additional = query.get('additional-properties')?.join(',').split(',');
      const partitions = cpc['dpm-enabled']
        ? cpc.partitions
            .map((partition) => ({ all: partitionProperties(partition, cpc), partition }))
            .filter(({ all }) => {
              const name = query.get('name');
              const status = query.get('status');
              const type = query.get('type');
              return (
                (name === undefined || matchesRegex(all.name, name, 'name')) &&
                (status === undefined || matchesExact(all.status, status)) &&
                (type === undefined || matchesExact(all.type, type))
              );
            })
            .map(({ all, partition }) => withAdditional(partitionListEntry(partition, cpc), all, additional, request.path))
        : [];
      return { status: 200, json: { partitions } };
    }))
    // DPM CPCs have no classic logical partitions: the HMC answers an empty list (§2.4).
    .add('GET', '/api/cpcs/:id/logical-partitions', authed((request) => {
      const cpc = findCpc(request);
      parseQuery(request.query, ['name']);
      if (!cpc['dpm-enabled']) throw new HmcError(404, 1, 'ERROR: found no Images');
      return { status: 200, json: { 'logical-partitions': [] } };
    }))
    .add('GET', '/api/partitions/:id', authed((request) => {
      const found = partitionById.get(request.params.id ?? '');
      if (found === undefined) throw unknownResource(request.path);
      return getProperties(request, partitionProperties(found.partition, found.cpc), []);
    }))
    .add('POST', METRICS_CONTEXT_BASE, authed((request) => {
      noQuery(request);
      const body = bodyRecord(request);
      const frequency = body['anticipated-frequency-seconds'];
      if (typeof frequency !== 'number' || !Number.isInteger(frequency) || frequency <= 0) {
        throw missingField('anticipated-frequency-seconds');
      }
      const groups = requestedGroups(body['metric-groups']);
      const context = sessions.addContext(requireSession(request), groups, frequency);
      return { status: 200, json: { 'metrics-context-uri': context.uri, 'metric-group-infos': groups } };
    }))
    .add('GET', `${METRICS_CONTEXT_BASE}/:n`, authed((request) => {
      noQuery(request);
      const context = requireSession(request).contexts.get(request.path);
      if (context === undefined) throw unknownResource(request.path);
      const site = sampleSite(scenario, now());
      const text = renderMetricsResponse(context.groups, site.cpcs, slotStartMs(site.slot));
      return { status: 200, text, contentType: METRICS_CONTENT_TYPE };
    }))
    .add('DELETE', `${METRICS_CONTEXT_BASE}/:n`, authed((request) => {
      const session = requireSession(request);
      if (!session.contexts.delete(request.path)) throw unknownResource(request.path);
      return { status: 204 };
    }));
  return router;
}

/**
 * The groups of a new context: all supported ones when `metric-groups` is absent or empty (the
 * HMC's "all groups valid for the CPC modes"), otherwise the requested supported ones in request
 * order. Known groups that are not simulated, and unknown names, are dropped, as the mock does.
 */
function requestedGroups(value: unknown): MetricGroupInfo[] {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return [...SUPPORTED_GROUPS];
  if (!Array.isArray(value) || !value.every((name): name is string => typeof name === 'string')) {
    throw missingField('metric-groups');
  }
  const names = new Set(value.filter((name) => KNOWN_GROUP_NAMES.includes(name)));
  return SUPPORTED_GROUPS.filter((group) => names.has(group['group-name'])).sort(
    (a, b) => value.indexOf(a['group-name']) - value.indexOf(b['group-name']),
  );
}
