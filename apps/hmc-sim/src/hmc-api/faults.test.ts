import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { hmcRequest, type HmcResponse } from '../test/hmc-client.js';
import { field, stringField } from '../test/json.js';

let sim: RunningSimulator;
const call = (method: string, path: string, session?: string, body?: unknown): Promise<HmcResponse> =>
  hmcRequest(sim.hmcUrl, method, path, {
    ca: sim.caPem,
    ...(session === undefined ? {} : { session }),
    ...(body === undefined ? {} : { body }),
  });
const logon = (): Promise<HmcResponse> => call('POST', '/api/sessions', undefined, sim.credentials);
const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${sim.adminUrl ?? ''}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect({ path, status: response.status }).toEqual({ path, status: 200 });
  return response.json();
};
const reasonOf = (response: HmcResponse): [number, unknown] => [response.status, field(response.json(), 'reason')];

beforeAll(async () => {
  sim = await startSimulator({ adminPort: 0 });
});
afterAll(async () => {
  await sim.close();
});

describe('faults through the admin endpoint', () => {
  it('is off unless enabled', async () => {
    const plain = await startSimulator();
    expect(plain.adminUrl).toBeUndefined();
    await plain.close();
    expect(sim.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses logon with 403.0, or with 400.13 for max sessions, until cleared', async () => {
    await admin('PUT', '/admin/faults', { refuseLogon: true });
    expect(reasonOf(await logon())).toEqual([403, 0]);
    await admin('PUT', '/admin/faults', { maxSessions: true });
    expect(reasonOf(await logon())).toEqual([400, 13]);
    expect(await admin('DELETE', '/admin/faults')).toEqual({});
    expect((await logon()).status).toBe(200);
  });

  it('answers 409.2 busy for matching paths, the given number of times', async () => {
    const session = stringField((await logon()).json(), 'api-session');
    expect(await admin('PUT', '/admin/faults', { busy: true, pathPattern: '^/api/cpcs$', times: 2 })).toEqual({
      busy: true,
      pathPattern: '^/api/cpcs$',
      times: 2,
    });
    expect((await call('GET', '/api/version')).status).toBe(200);
    expect(reasonOf(await call('GET', '/api/cpcs', session))).toEqual([409, 2]);
    expect(reasonOf(await call('GET', '/api/cpcs', session))).toEqual([409, 2]);
    expect((await call('GET', '/api/cpcs', session)).status).toBe(200);
    expect(await admin('GET', '/admin/faults')).toEqual({});
  });

  it("answers 500 with the HMC's HTML page", async () => {
    await admin('PUT', '/admin/faults', { htmlError: true, times: 1 });
    const response = await call('GET', '/api/version');
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<title>Console Internal Error</title>');
    expect(response.text).toContain('javax.servlet.ServletException: Web Services are not enabled.');
  });

  it('drops the connection without an answer', async () => {
    await admin('PUT', '/admin/faults', { dropConnection: true, times: 1 });
    await expect(call('GET', '/api/version')).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await call('GET', '/api/version')).status).toBe(200);
  });

  it('delays answers by the latency (a lower bound, which a timer guarantees)', async () => {
    await admin('PUT', '/admin/faults', { latencyMs: 300, times: 1 });
    const start = performance.now();
    expect((await call('GET', '/api/version')).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(290);
  });

  it('expires every session: 403.5 next, old metrics contexts 404.1 after a new logon', async () => {
    const session = stringField((await logon()).json(), 'api-session');
    const context = stringField(
      (await call('POST', '/api/services/metrics/context', session, { 'anticipated-frequency-seconds': 15 })).json(),
      'metrics-context-uri',
    );
    await admin('POST', '/admin/expire-sessions');
    expect(reasonOf(await call('GET', context, session))).toEqual([403, 5]);
    const again = stringField((await logon()).json(), 'api-session');
    expect(reasonOf(await call('GET', context, again))).toEqual([404, 1]);
  });

  it('goes down (connections refused) and comes back with sessions lost', async () => {
    const session = stringField((await logon()).json(), 'api-session');
    await admin('POST', '/admin/down');
    await expect(call('GET', '/api/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await admin('POST', '/admin/up');
    expect((await call('GET', '/api/version')).status).toBe(200);
    expect(reasonOf(await call('GET', '/api/cpcs', session))).toEqual([403, 5]);
  });

  it('comes back by itself after the given time', async () => {
    await sim.faults.goDown(200);
    await expect(call('GET', '/api/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await call('GET', '/api/version').then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
  });

  it('changes a status, and rejects bad input with 400', async () => {
    const lpar = sim.scenario.cpcs.find((c) => !c['dpm-enabled'])?.['logical-partitions'][0];
    if (lpar === undefined) throw new Error('no LPAR');
    const uri = `/api/logical-partitions/${lpar['object-id']}`;
    expect(await admin('POST', '/admin/status', { uri, status: 'not-operating' })).toMatchObject({
      class: 'logical-partition',
      oldStatus: 'operating',
      newStatus: 'not-operating',
    });
    expect(await (await fetch(sim.metricsUrl)).text()).toContain(
      `zhmc_partition_lpar_status_int{cpc="ZOS1",partition="${lpar.name}",value="not-operating"} 1.0`,
    );
    const bad = await fetch(`${sim.adminUrl ?? ''}/admin/status`, { method: 'POST', body: JSON.stringify({ uri, status: 'sleeping' }) });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${sim.adminUrl ?? ''}/admin/faults`, { method: 'PUT', body: JSON.stringify({ explode: true }) });
    expect([unknown.status, await unknown.json()]).toEqual([400, { error: expect.stringMatching(/unknown fault "explode"/) }]);
  });

  it('drives a CPC above 90 % by saturating its running partitions, and rejects bad input with 400', async () => {
    const cpc = sim.scenario.cpcs.find((c) => c['dpm-enabled']);
    if (cpc === undefined) throw new Error('no DPM CPC');
    const usage = async (): Promise<number> => {
      const line = (await (await fetch(sim.metricsUrl)).text())
        .split('\n')
        .find((l) => l.startsWith(`zhmc_cpc_processor_usage_ratio{cpc="${cpc.name}"}`));
      return Number(line?.split(' ')[1]);
    };
    expect(await usage()).toBeLessThan(0.9);
    const running = cpc.partitions.filter((p) => p.workload !== 'stopped').length;
    const uri = `/api/cpcs/${cpc['object-id']}`;
    expect(await admin('POST', '/admin/workload', { uri, workload: 'saturated' })).toEqual({
      uri,
      workload: 'saturated',
      changed: running,
    });
    expect(await usage()).toBeGreaterThan(0.9);
    // Stopped partitions stay stopped.
    expect(sim.scenario.cpcs.find((c) => c.name === cpc.name)?.partitions.filter((p) => p.workload === 'stopped')).toHaveLength(
      cpc.partitions.length - running,
    );
    const post = (body: unknown): Promise<Response> =>
      fetch(`${sim.adminUrl ?? ''}/admin/workload`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ uri, workload: 'frantic' })).status).toBe(400);
    expect((await post({ uri, workload: 'stopped' })).status).toBe(400);
    expect((await post({ uri: '/api/cpcs/nope', workload: 'steady' })).status).toBe(400);
    await admin('POST', '/admin/workload', { uri, workload: 'steady' });
    expect(await usage()).toBeLessThan(0.9);
  });
});
