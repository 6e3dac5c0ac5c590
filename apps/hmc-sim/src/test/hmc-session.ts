// A logged-on HMC session for the tests, over real HTTPS verified against the simulator's CA.

import { expect } from 'vitest';
import type { RunningSimulator } from '../simulator.js';
import { hmcRequest, type HmcResponse } from './hmc-client.js';
import { field, stringField } from './json.js';

export interface TestSession {
  readonly id: string;
  call(method: string, path: string, body?: unknown): Promise<HmcResponse>;
  /** GET (or POST with a body) that must answer 200; the parsed JSON. */
  ok(path: string, body?: unknown): Promise<unknown>;
  /** The status and reason code of a request that must fail. */
  error(path: string, method?: string, body?: unknown): Promise<[number, unknown]>;
}

export async function logOn(sim: RunningSimulator): Promise<TestSession> {
  const logon = await hmcRequest(sim.hmcUrl, 'POST', '/api/sessions', { ca: sim.caPem, body: sim.credentials });
  const id = stringField(logon.json(), 'api-session');
  const call = (method: string, path: string, body?: unknown): Promise<HmcResponse> =>
    hmcRequest(sim.hmcUrl, method, path, { ca: sim.caPem, session: id, ...(body === undefined ? {} : { body }) });
  return {
    id,
    call,
    ok: async (path, body) => {
      const response = await call(body === undefined ? 'GET' : 'POST', path, body);
      expect({ path, status: response.status, body: response.status === 200 ? '' : response.text }).toEqual({
        path,
        status: 200,
        body: '',
      });
      return response.json();
    },
    error: async (path, method = 'GET', body) => {
      const response = await call(method, path, body);
      return [response.status, field(response.json(), 'reason')];
    },
  };
}
