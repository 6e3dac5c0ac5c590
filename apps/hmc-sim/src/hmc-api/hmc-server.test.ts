import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTITION_USAGE } from '../metrics-service/metric-groups.js';
import { isRunning } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { hmcRequest, type HmcResponse } from '../test/hmc-client.js';
import { arrayField, field, keysOf, stringField } from '../test/json.js';
import { checkRows, parseMetricsResponse } from '../test/metrics-parser.js';

// A fixed clock: 2025-03-10 14:07:22.5 UTC, inside the 15 s slot that starts at 14:07:15.
const NOW = Date.UTC(2025, 2, 10, 14, 7, 22, 500);
const SLOT_START = Date.UTC(2025, 2, 10, 14, 7, 15);

let sim: RunningSimulator;
let clock = NOW;

const call = (method: string, path: string, session?: string, body?: unknown): Promise<HmcResponse> =>
  hmcRequest(sim.hmcUrl, method, path, {
    ca: sim.caPem,
    ...(session === undefined ? {} : { session }),
    ...(body === undefined ? {} : { body }),
  });

async function logon(): Promise<string> {
  const response = await call('POST', '/api/sessions', undefined, sim.credentials);
  expect(response.status).toBe(200);
  return stringField(response.json(), 'api-session');
}

function expectError(response: HmcResponse, status: number, reason: number, method: string, uri: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json();
  // The HMC's error body: exactly these five fields (hmc-api.md §1.6).
  expect(keysOf(body)).toEqual(['request-method', 'request-uri', 'http-status', 'reason', 'message']);
  expect(body).toMatchObject({ 'request-method': method, 'request-uri': uri, 'http-status': status, reason });
  expect(stringField(body, 'message')).not.toBe('');
}

beforeAll(async () => {
  sim = await startSimulator({ now: () => clock, sessionIdleTimeoutMs: 60 * 60_000 });
});

afterAll(async () => {
  await sim.close();
});

describe('TLS', () => {
  it('verifies against the returned CA PEM', async () => {
    const response = await call('GET', '/api/version');
    expect(response.status).toBe(200);
  });

  it('is rejected by a client that does not trust the CA', async () => {
    await expect(hmcRequest(sim.hmcUrl, 'GET', '/api/version')).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/),
    });
  });

  it('is valid for localhost as well as 127.0.0.1', async () => {
    const localhostUrl = sim.hmcUrl.replace('127.0.0.1', 'localhost');
    const response = await hmcRequest(localhostUrl, 'GET', '/api/version', { ca: sim.caPem });
    expect(response.status).toBe(200);
  });
});

describe('sessions', () => {
  it('answers Query API Version without a session', async () => {
    const response = await call('GET', '/api/version');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ 'hmc-name': 'HMC1', 'hmc-version': '2.16.0', 'api-major-version': 4, 'api-minor-version': 10 });
  });

  it('logs on with the fields zhmcclient reads', async () => {
    const response = await call('POST', '/api/sessions', undefined, sim.credentials);
    expect(response.status).toBe(200);
    const body = response.json();
    for (const key of ['api-session', 'session-credential', 'notification-topic', 'job-notification-topic']) {
      expect(stringField(body, key)).not.toBe('');
    }
    expect(body).toMatchObject({ 'api-major-version': 4, 'api-minor-version': 10, 'password-expires': -1 });
  });

  it('rejects a wrong password with 403.0 "Login failed"', async () => {
    const response = await call('POST', '/api/sessions', undefined, { userid: sim.credentials.userid, password: 'nope' });
    expectError(response, 403, 0, 'POST', '/api/sessions');
    expect(stringField(response.json(), 'message')).toBe('Login failed');
  });

  it('rejects a logon without body (400.3) or without password (400.5)', async () => {
    expectError(await call('POST', '/api/sessions'), 400, 3, 'POST', '/api/sessions');
    expectError(await call('POST', '/api/sessions', undefined, { userid: 'x' }), 400, 5, 'POST', '/api/sessions');
  });

  it('answers 403.4 without X-API-Session and 403.5 for an unknown one', async () => {
    const missing = await call('GET', '/api/cpcs');
    expectError(missing, 403, 4, 'GET', '/api/cpcs');
    expect(stringField(missing.json(), 'message')).toBe('No session id was provided (must login)');
    expectError(await call('GET', '/api/cpcs', 'not-a-session'), 403, 5, 'GET', '/api/cpcs');
  });

  it('logs off with 204, after which the session is invalid', async () => {
    const session = await logon();
    const response = await call('DELETE', '/api/sessions/this-session', session);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expectError(await call('GET', '/api/cpcs', session), 403, 5, 'GET', '/api/cpcs');
  });

  it('after expireAllSessions: 403.5, the old context is 404.1, and a new logon works', async () => {
    const session = await logon();
    const created = await call('POST', '/api/services/metrics/context', session, { 'anticipated-frequency-seconds': 15 });
    const contextUri = stringField(created.json(), 'metrics-context-uri');
    expect((await call('GET', contextUri, session)).status).toBe(200);

    sim.expireAllSessions();
    expectError(await call('GET', contextUri, session), 403, 5, 'GET', contextUri);

    const fresh = await logon();
    expectError(await call('GET', contextUri, fresh), 404, 1, 'GET', contextUri);
    expectError(await call('DELETE', contextUri, fresh), 404, 1, 'DELETE', contextUri);
    const again = await call('POST', '/api/services/metrics/context', fresh, { 'anticipated-frequency-seconds': 15 });
    const newUri = stringField(again.json(), 'metrics-context-uri');
    expect(newUri).not.toBe(contextUri);
    expect((await call('GET', newUri, fresh)).status).toBe(200);
  });

  it('expires a session that was idle longer than the idle timeout', async () => {
    const session = await logon();
    clock = NOW + 61 * 60_000;
    try {
      expectError(await call('GET', '/api/cpcs', session), 403, 5, 'GET', '/api/cpcs');
    } finally {
      clock = NOW;
    }
  });
});

describe('inventory', () => {
  let session: string;
  beforeAll(async () => {
    session = await logon();
  });

  it('lists CPCs with the list properties, filtered by an anchored name regex', async () => {
    const all = arrayField((await call('GET', '/api/cpcs', session)).json(), 'cpcs');
    expect(all.map((c) => field(c, 'name'))).toEqual(['ZLX1', 'ZLX2', 'ZOS1']);
    expect(all.map((c) => field(c, 'dpm-enabled'))).toEqual([true, true, false]);
    expect(keysOf(all[0]).sort()).toEqual(['dpm-enabled', 'has-unacceptable-status', 'name', 'object-uri', 'se-version', 'status'].sort());
    const one = arrayField((await call('GET', '/api/cpcs?name=ZLX2', session)).json(), 'cpcs');
    expect(one.map((c) => field(c, 'name'))).toEqual(['ZLX2']);
    // Anchored at both ends: "ZLX" alone matches neither CPC.
    expect(arrayField((await call('GET', '/api/cpcs?name=ZLX', session)).json(), 'cpcs')).toEqual([]);
    expect(arrayField((await call('GET', '/api/cpcs?name=ZLX.', session)).json(), 'cpcs')).toHaveLength(2);
  });

  it('returns full CPC properties and a properties= subset; 400.14 for an unknown property', async () => {
    const cpc = sim.scenario.cpcs[0];
    if (cpc === undefined) throw new Error('no CPC');
    const uri = `/api/cpcs/${cpc['object-id']}`;
    const full = (await call('GET', uri, session)).json();
    expect(full).toMatchObject({
      'object-uri': uri,
      name: 'ZLX1',
      'dpm-enabled': true,
      'machine-type': '3931',
      'se-version': '2.16.0',
      'storage-total-installed': cpc['storage-total-installed'],
    });
    const subset = (await call('GET', `${uri}?properties=name,machine-model`, session)).json();
    expect(subset).toEqual({ name: 'ZLX1', 'machine-model': 'A01' });
    expectError(await call('GET', `${uri}?properties=name,foo`, session), 400, 14, 'GET', uri);
  });

  it('lists partitions with filters and additional-properties; 400.1 for an unknown query parameter', async () => {
    const cpc = sim.scenario.cpcs[0];
    if (cpc === undefined) throw new Error('no CPC');
    const base = `/api/cpcs/${cpc['object-id']}/partitions`;
    const all = arrayField((await call('GET', base, session)).json(), 'partitions');
    expect(all).toHaveLength(cpc.partitions.length);
    expect(keysOf(all[0]).sort()).toEqual(['name', 'object-uri', 'status', 'type']);

    const stopped = arrayField((await call('GET', `${base}?status=stopped`, session)).json(), 'partitions');
    expect(stopped.map((p) => field(p, 'name'))).toEqual(cpc.partitions.filter((p) => p.status === 'stopped').map((p) => p.name));

    // A name with a space, URI-escaped, as a regex.
    const zvm = arrayField((await call('GET', `${base}?name=${encodeURIComponent('ZVM .*')}`, session)).json(), 'partitions');
    expect(zvm.map((p) => field(p, 'name'))).toEqual(['ZVM PROD 1', 'ZVM TEST 1']);

    const extra = arrayField(
      (await call('GET', `${base}?name=LNXPRD01&additional-properties=ifl-processors,initial-memory`, session)).json(),
      'partitions',
    );
    expect(extra).toEqual([expect.objectContaining({ name: 'LNXPRD01', 'ifl-processors': 16, 'initial-memory': 262144 })]);
    expectError(await call('GET', `${base}?colour=blue`, session), 400, 1, 'GET', base);
  });

  it('returns partition properties by URI and 404.1 for unknown ones', async () => {
    const partition = sim.scenario.cpcs[0]?.partitions.find((p) => p.name === 'SSC BLOCKCHAIN');
    if (partition === undefined) throw new Error('no SSC partition');
    const uri = `/api/partitions/${partition['object-id']}`;
    expect((await call('GET', uri, session)).json()).toMatchObject({
      'object-uri': uri,
      class: 'partition',
      name: 'SSC BLOCKCHAIN',
      type: 'ssc',
      status: 'active',
      'processor-mode': 'shared',
      'ifl-processors': partition['ifl-processors'],
      'initial-memory': partition['initial-memory'],
      'maximum-memory': partition['maximum-memory'],
    });
    expect((await call('GET', `${uri}?properties=status`, session)).json()).toEqual({ status: 'active' });
    expectError(await call('GET', '/api/partitions/xyz', session), 404, 1, 'GET', '/api/partitions/xyz');
    expectError(await call('GET', '/api/no-such-thing', session), 404, 1, 'GET', '/api/no-such-thing');
    expectError(await call('PUT', '/api/cpcs', session), 404, 1, 'PUT', '/api/cpcs');
  });
});

describe('metrics service', () => {
  let session: string;
  beforeAll(async () => {
    session = await logon();
  });

  it('creates a context for all groups when none are named, with metric-infos in the HMC order', async () => {
    const response = await call('POST', '/api/services/metrics/context', session, { 'anticipated-frequency-seconds': 15 });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json();
    expect(stringField(body, 'metrics-context-uri')).toMatch(/^\/api\/services\/metrics\/context\/\d+$/);
    const infos = arrayField(body, 'metric-group-infos');
    // The demo site has both modes, so every served group of both (hmc-api.md §3.2).
    expect(infos.map((g) => field(g, 'group-name'))).toEqual([
      'dpm-system-usage-overview',
      'partition-usage',
      'adapter-usage',
      'network-physical-adapter-port',
      'partition-attached-network-interface',
      'cpc-usage-overview',
      'logical-partition-usage',
      'channel-usage',
      'crypto-usage',
      'flash-memory-usage',
      'roce-usage',
      'zcpc-environmentals-and-power',
      'zcpc-processor-usage',
      'environmental-power-status',
    ]);
    expect(arrayField(infos[0], 'metric-infos').map((m) => field(m, 'metric-name'))).toEqual([
      'processor-usage',
      'network-usage',
      'storage-usage',
      'accelerator-usage',
      'crypto-usage',
      'power-consumption-watts',
      'temperature-celsius',
      'cp-shared-processor-usage',
      'cp-dedicated-processor-usage',
      'ifl-shared-processor-usage',
      'ifl-dedicated-processor-usage',
      // The three the exporter also reads (dpm-all-processor-usage, on by default).
      'all-shared-processor-usage',
      'cp-all-processor-usage',
      'ifl-all-processor-usage',
    ]);
    expect(arrayField(infos[1], 'metric-infos')).toEqual(PARTITION_USAGE['metric-infos']);
  });

  it('keeps the requested order and drops groups it does not simulate', async () => {
    const response = await call('POST', '/api/services/metrics/context', session, {
      'anticipated-frequency-seconds': 15,
      'metric-groups': ['partition-usage', 'environmental-power-status', 'channel-usage', 'dpm-system-usage-overview', 'no-such-group'],
    });
    const infos = arrayField(response.json(), 'metric-group-infos');
    expect(infos.map((g) => field(g, 'group-name'))).toEqual([
      'partition-usage',
      'environmental-power-status',
      'channel-usage',
      'dpm-system-usage-overview',
    ]);
  });

  it('requires anticipated-frequency-seconds (400.5)', async () => {
    const uri = '/api/services/metrics/context';
    expectError(await call('POST', uri, session, { 'metric-groups': ['partition-usage'] }), 400, 5, 'POST', uri);
  });

  it('serves Get Metrics in the §3.4 format: every CPC and every running partition, one slot', async () => {
    const created = (
      await call('POST', '/api/services/metrics/context', session, {
        'anticipated-frequency-seconds': 15,
        'metric-groups': ['dpm-system-usage-overview', 'partition-usage'],
      })
    ).json();
    const uri = stringField(created, 'metrics-context-uri');
    const response = await call('GET', uri, session);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.ibm-z-zmanager-metrics');

    const groups = parseMetricsResponse(response.text);
    expect(groups.map((g) => g.name)).toEqual(['dpm-system-usage-overview', 'partition-usage']);
    const overviewInfos = arrayField(arrayField(created, 'metric-group-infos')[0], 'metric-infos').flatMap((m) =>
      typeof field(m, 'metric-name') === 'string'
        ? [{ 'metric-name': stringField(m, 'metric-name'), 'metric-type': stringField(m, 'metric-type') }]
        : [],
    );
    const [overview, partitions] = groups;
    if (overview === undefined || partitions === undefined) throw new Error('groups missing');
    checkRows(overview, overviewInfos);
    checkRows(partitions, PARTITION_USAGE['metric-infos']);

    // DPM groups report on DPM CPCs only.
    const dpm = sim.scenario.cpcs.filter((c) => c['dpm-enabled']);
    expect(overview.objects.map((o) => o.uri)).toEqual(dpm.map((c) => `/api/cpcs/${c['object-id']}`));
    const running = sim.scenario.cpcs.flatMap((c) => c.partitions.filter(isRunning));
    expect(running.length).toBeLessThan(sim.scenario.cpcs.flatMap((c) => c.partitions).length);
    expect(partitions.objects.map((o) => o.uri)).toEqual(running.map((p) => `/api/partitions/${p['object-id']}`));

    for (const object of [...overview.objects, ...partitions.objects]) {
      expect(object.timestamp).toBe(SLOT_START);
      expect(object.rows).toHaveLength(1);
    }
    // Usage columns are integer percents 0..100 (all partition-usage columns; CPC columns but watts/°C).
    const usageColumns = (row: readonly string[], group: string): string[] =>
      group === 'partition-usage' ? [...row] : row.filter((_, i) => i !== 5 && i !== 6);
    for (const group of groups) {
      for (const object of group.objects) {
        for (const value of usageColumns(object.rows[0] ?? [], group.name)) {
          expect(Number(value)).toBeGreaterThanOrEqual(0);
          expect(Number(value)).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it('deletes a context with 204; it is then 404.1', async () => {
    const created = (await call('POST', '/api/services/metrics/context', session, { 'anticipated-frequency-seconds': 15 })).json();
    const uri = stringField(created, 'metrics-context-uri');
    expect((await call('DELETE', uri, session)).status).toBe(204);
    expectError(await call('GET', uri, session), 404, 1, 'GET', uri);
  });

  it('does not show one session the contexts of another', async () => {
    const created = (await call('POST', '/api/services/metrics/context', session, { 'anticipated-frequency-seconds': 15 })).json();
    const uri = stringField(created, 'metrics-context-uri');
    const other = await logon();
    expectError(await call('GET', uri, other), 404, 1, 'GET', uri);
  });
});
