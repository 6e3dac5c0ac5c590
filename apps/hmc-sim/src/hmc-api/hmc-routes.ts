// The HMC Web Services API operations the simulator answers (hmc-api.md §1–§3, §7). Each handler
// gets the parsed request and returns a reply; errors are thrown as HmcError.

import { HmcError, loginFailed, missingBody, missingField, unknownResource } from './hmc-errors.js';
import { submitRequests } from './aggregation.js';
import { addAssignedPartitionsRoute } from './assigned-partitions.js';
import { addConsoleRoutes } from './console-routes.js';
import { addInventoryRoutes } from './hmc-inventory-routes.js';
import { addMessageRoutes } from './messages.js';
import { addProfileRoutes } from './profiles.js';
import { addSustainabilityRoutes } from './sustainability.js';
import { addStorageVolumeRoutes } from './storage-volumes.js';
import { addVirtualStorageResourceRoutes } from './virtual-storage-resources.js';
import { matchesRegex, parseQuery, selectProperties, type Properties } from './inventory.js';
import type { ReplyJson } from './json-float.js';
import { renderMetricsResponse, selectGroups } from '../metrics-service/metric-groups.js';
import { isRecord } from '../narrow.js';
import { Router } from './router.js';
import type { Scenario } from '../scenario/scenario.js';
import { HMC_API_FEATURES } from '../scenario/builders.js';
import { METRICS_CONTEXT_BASE, type Session, type SessionStore } from './sessions.js';
import { slotOf, slotStartMs } from '../workload/workload.js';

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
  | { readonly status: number; readonly json: ReplyJson }
  | { readonly status: number; readonly text: string; readonly contentType: string }
  | { readonly status: 204 };

export interface HmcHandler {
  readonly auth: boolean;
  handle(request: HmcRequest): HmcReply;
}

export interface HmcRoutesDeps {
  /** The site as it is now (statuses can change at runtime). */
  readonly scenario: () => Scenario;
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
  const { credentials, sessions, now } = deps;
  const scenario = deps.scenario;

  const router = new Router<HmcHandler>();
  router
    .add(
      'GET',
      '/api/version',
      open((request) => {
        noQuery(request);
        const { hmc } = scenario();
        return {
          status: 200,
          json: {
            'hmc-name': hmc['hmc-name'],
            'hmc-version': hmc['hmc-version'],
            'api-major-version': hmc['api-major-version'],
            'api-minor-version': hmc['api-minor-version'],
          },
        };
      }),
    )
    .add(
      'POST',
      '/api/sessions',
      open((request) => {
        const body = bodyRecord(request);
        const { userid, password } = body;
        if (typeof userid !== 'string') throw missingField('userid');
        if (typeof password !== 'string') throw missingField('password');
        if (userid !== credentials.userid || password !== credentials.password) throw loginFailed();
        const session = sessions.create(userid);
        const { hmc } = scenario();
        return {
          status: 200,
          json: {
            'api-session': session.id,
            'notification-topic': session.notificationTopic,
            'job-notification-topic': session.jobNotificationTopic,
            'api-major-version': hmc['api-major-version'],
            'api-minor-version': hmc['api-minor-version'],
            'password-expires': -1,
            'session-credential': session.credential,
          },
        };
      }),
    )
    .add(
      'DELETE',
      '/api/sessions/this-session',
      authed((request) => {
        sessions.delete(requireSession(request).id);
        return { status: 204 };
      }),
    )
    .add(
      'GET',
      '/api/sessions/operations/get-notification-topics',
      authed((request) => {
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
      }),
    )
    // zhmcclient's "am I logged on?" probe (hmc-api.md §1.3).
    .add(
      'GET',
      '/api/console',
      authed((request) => {
        const { hmc } = scenario();
        const all: Properties = {
          'object-uri': '/api/console',
          'object-id': 'console',
          class: 'console',
          parent: null,
          name: hmc['hmc-name'],
          description: `Hardware Management Console ${hmc['hmc-name']}`,
          version: hmc['hmc-version'],
          'machine-type': '7382',
          'machine-model': '410',
        };
        const query = parseQuery(request.query, ['properties']);
        const list = query.get('properties');
        return { status: 200, json: list === undefined ? all : selectProperties(all, list.join(','), request.path, 'properties') };
      }),
    )
    // API features are a bare JSON array of names (§7): the console those of an HMC 2.16, a CPC those of its scenario.
    .add(
      'GET',
      '/api/console/operations/list-features',
      authed((request) => {
        const names = parseQuery(request.query, ['name']).get('name');
        return { status: 200, json: HMC_API_FEATURES.filter((feature) => names === undefined || matchesRegex(feature, names, 'name')) };
      }),
    )
    .add(
      'GET',
      '/api/cpcs/:id/operations/list-features',
      authed((request) => {
        const cpc = scenario().cpcs.find((c) => c['object-id'] === request.params.id);
        if (cpc === undefined) throw unknownResource(request.path);
        const names = parseQuery(request.query, ['name']).get('name');
        return { status: 200, json: cpc['api-features'].filter((feature) => names === undefined || matchesRegex(feature, names, 'name')) };
      }),
    );
  // Before the inventory's `/api/adapters/:id/:kind/:port`, which would take its path.
  addAssignedPartitionsRoute(router, scenario);
  addInventoryRoutes(router, scenario);
  addConsoleRoutes(router, scenario);
  addMessageRoutes(router, scenario, now);
  addProfileRoutes(router, scenario);
  addSustainabilityRoutes(router, scenario, now);
  router.add(
    'POST',
    '/api/services/aggregation/submit',
    authed((request) => {
      noQuery(request);
      return submitRequests(router, request);
    }),
  );
  addStorageVolumeRoutes(router, scenario);
  addVirtualStorageResourceRoutes(router, scenario);
  router
    .add(
      'POST',
      METRICS_CONTEXT_BASE,
      authed((request) => {
        noQuery(request);
        const body = bodyRecord(request);
        const frequency = body['anticipated-frequency-seconds'];
        if (typeof frequency !== 'number' || !Number.isInteger(frequency) || frequency <= 0) {
          throw missingField('anticipated-frequency-seconds');
        }
        const groups = selectGroups(scenario(), requestedNames(body['metric-groups']));
        const context = sessions.addContext(requireSession(request), groups, frequency);
        return { status: 200, json: { 'metrics-context-uri': context.uri, 'metric-group-infos': groups } };
      }),
    )
    .add(
      'GET',
      `${METRICS_CONTEXT_BASE}/:n`,
      authed((request) => {
        noQuery(request);
        const context = requireSession(request).contexts.get(request.path);
        if (context === undefined) throw unknownResource(request.path);
        const slot = slotOf(now());
        const text = renderMetricsResponse(scenario(), context.groups, slot, slotStartMs(slot));
        return { status: 200, text, contentType: METRICS_CONTENT_TYPE };
      }),
    )
    .add(
      'DELETE',
      `${METRICS_CONTEXT_BASE}/:n`,
      authed((request) => {
        const session = requireSession(request);
        if (!session.contexts.delete(request.path)) throw unknownResource(request.path);
        return { status: 204 };
      }),
    );
  return router;
}

/** The `metric-groups` of a Create Metrics Context request (absent = all). */
function requestedNames(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((name): name is string => typeof name === 'string')) {
    throw missingField('metric-groups');
  }
  return value;
}
