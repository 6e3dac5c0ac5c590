// Integration: the HMC's own records through the BFF, against the simulated HMC over verified
// HTTPS — a CPC's hardware messages (with the console's) over a range, a partition's OS messages,
// what a user without the permission sees, and what zlens says without an HMC.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHardwareMessages, cpcHardwareMessages, osMessages, startSimulator, type RunningSimulator } from '@zlens/hmc-sim';
import { HardwareMessagesResponseSchema, OsMessagesResponseSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger, closedPort, tempFile } from './test/helpers.js';

/** One fixed moment for the simulator and the BFF, so both know the same messages. */
const NOW_MS = Date.UTC(2026, 11, 3, 10, 0, 0);
const DAY = 86_400;

let sim: RunningSimulator;
const built: BuiltDeps[] = [];

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW_MS });
});

afterAll(async () => {
  await Promise.all(built.map((b) => b.close()));
  await sim?.close();
});

function app(env: Env) {
  const config = loadConfig(env);
  const deps = buildDeps({ ...config, webDir: null }, captureLogger().logger, { startPolling: false, clock: { nowMs: () => NOW_MS } });
  built.push(deps);
  return request(createApp(deps.deps));
}

const hmcEnv = (): Env => ({
  ZLENS_HMC_URL: sim.hmcUrl,
  ZLENS_HMC_USERID: sim.credentials.userid,
  ZLENS_HMC_PASSWORD: sim.credentials.password,
  ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
});

function cpc(name: string) {
  const found = sim.scenario.cpcs.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no CPC ${name}`);
  return found;
}

describe('hardware messages', () => {
  it("lists the CPC's and the console's messages of the range, newest first, as the HMC has them", async () => {
    const agent = app(hmcEnv());
    const from = NOW_MS / 1000 - 30 * DAY;
    const response = await agent.get(`/api/v1/cpcs/ZLX1/hardware-messages?from=${from}&to=${NOW_MS / 1000}`);
    expect(response.status).toBe(200);
    const body = HardwareMessagesResponseSchema.parse(response.body);
    const seed = sim.scenario.seed;
    const expected = [
      ...cpcHardwareMessages(seed, cpc('ZLX1'), NOW_MS).map((m) => ({
        time: Math.floor(Number(m.timestamp) / 1000),
        text: m.text,
        origin: 'cpc',
      })),
      ...consoleHardwareMessages(seed, NOW_MS).map((m) => ({
        time: Math.floor(Number(m.timestamp) / 1000),
        text: m.text,
        origin: 'console',
      })),
    ]
      .filter((m) => m.time >= from)
      .sort((a, b) => b.time - a.time);
    expect(expected.length).toBeGreaterThan(0);
    expect(body).toEqual({ available: true, start: from, end: NOW_MS / 1000, messages: expected });
  });

  it('keeps to the range asked for', async () => {
    const agent = app(hmcEnv());
    const body = HardwareMessagesResponseSchema.parse((await agent.get('/api/v1/cpcs/ZLX1/hardware-messages?from=now-2d')).body);
    expect(body.messages.every((m) => m.time >= NOW_MS / 1000 - 2 * DAY && m.time <= NOW_MS / 1000)).toBe(true);
  });

  it('says the HMC user may not read them (403.1), not an error', async () => {
    const agent = app(hmcEnv());
    await agent.get('/api/v1/inventory').expect(200);
    sim.faults.set({ forbidden: true, pathPattern: 'hardware-messages' });
    try {
      const body = HardwareMessagesResponseSchema.parse((await agent.get('/api/v1/cpcs/ZOS1/hardware-messages')).body);
      expect(body).toMatchObject({ available: false, unavailableReason: 'not-permitted', messages: [] });
    } finally {
      sim.faults.clear();
    }
  });

  it('answers 404 for a CPC no source knows and 400 for a bad range', async () => {
    const agent = app(hmcEnv());
    expect((await agent.get('/api/v1/cpcs/NOPE/hardware-messages')).status).toBe(404);
    const bad = await agent.get('/api/v1/cpcs/ZLX1/hardware-messages?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^from:/);
  });
});

describe('OS messages', () => {
  it("lists a running partition's last messages, newest first", async () => {
    const agent = app(hmcEnv());
    const response = await agent.get(`/api/v1/cpcs/ZLX1/partitions/${encodeURIComponent('LNXPRD01')}/os-messages`);
    expect(response.status).toBe(200);
    const body = OsMessagesResponseSchema.parse(response.body);
    const partition = cpc('ZLX1').partitions.find((p) => p.name === 'LNXPRD01');
    if (partition === undefined) throw new Error('no LNXPRD01');
    const expected = osMessages(sim.scenario.seed, { objectId: partition['object-id'], zos: false }, NOW_MS)
      .map((m) => Number(m['sequence-number']))
      .sort((a, b) => b - a);
    expect(body.available).toBe(true);
    expect(body.messages.map((m) => m.sequence)).toEqual(expected.slice(0, 100));
    expect(body.messages[0]?.text).not.toMatch(/\n$/);
  });

  it('is empty for a stopped partition and 404 for an unknown one', async () => {
    const agent = app(hmcEnv());
    const stopped = OsMessagesResponseSchema.parse((await agent.get('/api/v1/cpcs/ZLX1/partitions/LNXDEV03/os-messages')).body);
    expect(stopped).toEqual({ available: true, messages: [] });
    expect((await agent.get('/api/v1/cpcs/ZLX1/partitions/NOPE/os-messages')).status).toBe(404);
  });
});

describe('without an HMC', () => {
  it('says the messages need the HMC', async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: `http://127.0.0.1:${await closedPort()}` });
    // The inventory is not asked: without an HMC there is nothing to read.
    const hw = HardwareMessagesResponseSchema.parse((await agent.get('/api/v1/cpcs/ZLX1/hardware-messages')).body);
    expect(hw).toMatchObject({ available: false, unavailableReason: 'needs-hmc', messages: [] });
    const os = OsMessagesResponseSchema.parse((await agent.get('/api/v1/cpcs/ZLX1/partitions/P1/os-messages')).body);
    expect(os).toEqual({ available: false, unavailableReason: 'needs-hmc', messages: [] });
  });
});
