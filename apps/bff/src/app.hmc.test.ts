// Integration: Prometheus and the simulated HMC together (the simulator's demo site: two DPM CPCs and
// one classic CPC). Properties and topology from the HMC, both modes, and the HMC's failures:
// expired session, HTML 500, busy (409), down, each answered with data (stale where it must be).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPrometheus, startSimulator, writeHistory, type CpcSpec, type RunningPrometheus, type RunningSimulator } from '@zlens/hmc-sim';
import { AdapterDetailSchema, CpcDetailSchema, InventoryResponseSchema, PartitionDetailSchema, SeriesResponseSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { HMC_BACKOFF_MAX_MS } from './hmc/breaker.js';
import { INVENTORY_RETRY_MS } from './inventory/service.js';
import { captureLogger, tempFile, type CapturedLogger } from './test/helpers.js';
import { expectedUsers, expectedUses } from './test/topology.js';

const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-secret`;
const historyFile = join(tmpdir(), `zlens-bff-hmc-history-${process.pid}.om`);
let sim: RunningSimulator;
let prom: RunningPrometheus;
let built: BuiltDeps;
let captured: CapturedLogger;
let agent: ReturnType<typeof request>;
let historyEnd: number;
const bodies: string[] = [];
/** The BFF's clock: TTLs, back-offs and probe intervals pass when a test moves it, not by sleeping. */
let nowMs = Date.now();

beforeAll(async () => {
  sim = await startSimulator({ credentials: { userid: 'monitor', password: PASSWORD } });
  const startMs = Date.now();
  const stats = await writeHistory(sim.scenario, { startMs: startMs - 3600_000, endMs: startMs - 30_000 }, historyFile);
  historyEnd = stats.lastMs / 1000;
  prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile });
  captured = captureLogger();
  const config = loadConfig({
    ZLENS_PROMETHEUS_URL: prom.url,
    ZLENS_HMC_URL: sim.hmcUrl,
    ZLENS_HMC_USERID: 'monitor',
    ZLENS_HMC_PASSWORD: PASSWORD,
    ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
    ZLENS_INVENTORY_TTL_SECONDS: '1',
    ZLENS_UPSTREAM_TIMEOUT_MS: '3000',
  });
  built = buildDeps({ ...config, webDir: null }, captured.logger, { clock: { nowMs: () => nowMs } });
  agent = request(createApp(built.deps));
}, 90_000);

afterAll(async () => {
  await built?.close();
  await prom?.close();
  await sim?.close();
  rmSync(historyFile, { force: true });
});

async function getJson(url: string, status = 200): Promise<unknown> {
  const res = await agent.get(url);
  bodies.push(res.text);
  expect(res.status, res.text).toBe(status);
  return res.body;
}

const spec = (name: string): CpcSpec => {
  const cpc = sim.scenario.cpcs.find((c) => c.name === name);
  if (!cpc) throw new Error(`no CPC ${name}`);
  return cpc;
};
/** HMC requests sent and not yet answered: each is counted when sent and timed when it ends. */
const hmcInFlight = async (): Promise<number> => {
  const sent = await hmcRequests();
  const ended = (await built.deps.metrics.upstreamDuration.get()).values
    .filter((v) => v.metricName === 'zlens_upstream_request_duration_seconds_count' && v.labels.upstream === 'hmc')
    .reduce((n, v) => n + v.value, 0);
  return sent - ended;
};
const hmcRequests = async (): Promise<number> =>
  (await built.deps.metrics.upstreamRequests.get()).values.filter((v) => v.labels.upstream === 'hmc').reduce((n, v) => n + v.value, 0);

describe('with Prometheus and the HMC', () => {
  // Each test starts whole, whatever ran before it: no HMC request of an earlier test still in flight
  // (a walk finishing in the background would end a back-off the test counts on), no fault set, the
  // longest HMC back-off over on the BFF's clock, and an inventory read afresh (a success, which
  // also resets the back-off).
  beforeEach(async () => {
    await vi.waitFor(async () => expect(await hmcInFlight()).toBe(0), { timeout: 10_000, interval: 50 });
    sim.faults.clear();
    nowMs += HMC_BACKOFF_MAX_MS;
    await built.deps.inventory.refresh();
  });

  it('serves CPC properties and adapters from the HMC', async () => {
    const zlx1 = spec('ZLX1');
    const cpc = CpcDetailSchema.parse(await getJson('/api/v1/cpcs/ZLX1'));
    expect(cpc).toMatchObject({
      mode: 'dpm',
      seVersion: zlx1['se-version'],
      machineType: zlx1['machine-type'],
      memoryMiB: zlx1['storage-total-installed'],
      processors: { ifl: zlx1['processor-count-ifl'], sap: zlx1['processor-count-service-assist'] },
      sources: ['prometheus', 'hmc'],
      stale: false,
    });
    expect(cpc.adapters.map((a) => a.name).sort()).toEqual(zlx1.adapters.map((a) => a.name).sort());
    const fcp = zlx1.adapters.find((a) => a.type === 'fcp');
    expect(cpc.adapters.find((a) => a.name === fcp?.name)).toMatchObject({
      type: 'fcp',
      family: 'storage',
      adapterId: fcp?.['adapter-id'],
    });
  });

  it('serves a classic CPC’s processors by mode, added up from its activated LPARs', async () => {
    const lpars = spec('ZOS1')['logical-partitions'].filter((l) => l.status !== 'not-activated');
    const sum = (
      mode: string,
      key: 'number-general-purpose-processors' | 'number-ifl-processors' | 'number-ziip-processors' | 'number-icf-processors',
    ) => lpars.filter((l) => l['processor-usage'] === mode).reduce((n, l) => n + l[key], 0);
    const counts = (mode: string) => ({
      cp: sum(mode, 'number-general-purpose-processors'),
      ifl: sum(mode, 'number-ifl-processors'),
      iip: sum(mode, 'number-ziip-processors'),
      icf: sum(mode, 'number-icf-processors'),
    });
    const cpc = CpcDetailSchema.parse(await getJson('/api/v1/cpcs/ZOS1'));
    expect(cpc.processorsByMode).toEqual({ shared: counts('shared'), dedicated: counts('dedicated') });
    // The demo's classic CPC has types with no processors in one mode (its CPs are all shared).
    expect(cpc.processorsByMode?.dedicated.cp).toBe(0);
    expect(cpc.processorsByMode?.dedicated.icf).toBeGreaterThan(0);
    // A DPM CPC has no such sums (its partitions are not read for the CPC's detail).
    expect(CpcDetailSchema.parse(await getJson('/api/v1/cpcs/ZLX1')).processorsByMode).toBeUndefined();
  });

  it('serves a DPM partition with NIC → virtual switch / port → adapter and storage group → adapter', async () => {
    const zlx1 = spec('ZLX1');
    const partition = zlx1.partitions.find((p) => p.nics.length > 0 && p['storage-groups'].length > 0);
    if (!partition) throw new Error('the demo has no partition with NICs and storage groups');
    const body = PartitionDetailSchema.parse(await getJson(`/api/v1/cpcs/ZLX1/partitions/${encodeURIComponent(partition.name)}`));
    expect(body).toMatchObject({
      cpcMode: 'dpm',
      processorMode: partition['processor-mode'],
      processors: { ifl: partition['ifl-processors'] },
      memoryMiB: { initial: partition['initial-memory'], maximum: partition['maximum-memory'] },
      stale: false,
    });
    const uses = body.adapters.map(({ adapter, via, through, port }) => ({ adapter, via, through, port }));
    const expected = expectedUses(zlx1, partition.name);
    expect(expected.length).toBeGreaterThan(1);
    expect(uses).toEqual(expect.arrayContaining(expected));
    for (const use of body.adapters) expect(use.family, JSON.stringify(use)).not.toBeNull();
  });

  it('serves an adapter with its ports and card type', async () => {
    const zlx1 = spec('ZLX1');
    const osa = zlx1.adapters.find((a) => a.type === 'osd');
    if (!osa) throw new Error('no OSA adapter');
    const body = AdapterDetailSchema.parse(await getJson(`/api/v1/cpcs/ZLX1/adapters/${encodeURIComponent(osa.name)}`));
    expect(body).toMatchObject({ name: osa.name, detectedCardType: osa['detected-card-type'], family: 'network', stale: false });
    expect(body.ports.map((p) => p.index)).toEqual(Array.from({ length: osa['port-count'] }, (_, i) => i));
    // Prometheus's NIC labels and the HMC's topology agree, so each NIC is listed once.
    const users = expectedUsers(zlx1, osa.name);
    expect(users.length).toBeGreaterThan(1);
    expect(body.partitions).toEqual(users);
  });

  it('lists the partitions whose storage groups an FCP adapter serves (no series name them)', async () => {
    const zlx1 = spec('ZLX1');
    for (const fcp of zlx1.adapters.filter((a) => a.type === 'fcp')) {
      const body = AdapterDetailSchema.parse(await getJson(`/api/v1/cpcs/ZLX1/adapters/${encodeURIComponent(fcp.name)}`));
      expect(body.partitions, fcp.name).toEqual(expectedUsers(zlx1, fcp.name));
    }
    const served = zlx1.adapters.filter((a) => a.type === 'fcp' && expectedUsers(zlx1, a.name).length > 0);
    expect(served.length).toBeGreaterThan(0);
  });

  it('serves the last topology walk, marked stale, when a new walk fails', async () => {
    const zlx1 = spec('ZLX1');
    const fcp = zlx1.adapters.find((a) => a.type === 'fcp' && expectedUsers(zlx1, a.name).length > 0);
    if (!fcp) throw new Error('no FCP adapter in use');
    const url = `/api/v1/cpcs/ZLX1/adapters/${encodeURIComponent(fcp.name)}`;
    expect(AdapterDetailSchema.parse(await getJson(url)).stale).toBe(false); // a walk is kept
    nowMs += 1100; // past the 1 s TTL of the walk
    sim.faults.set({ htmlError: true, pathPattern: '/api/partitions/', times: 1 });
    const body = AdapterDetailSchema.parse(await getJson(url));
    expect(body.stale).toBe(true);
    expect(body.partitions).toEqual(expectedUsers(zlx1, fcp.name));
  });

  it('serves a classic LPAR with its channels, and marks DPM-only metrics unsupported on the classic CPC', async () => {
    const zos1 = spec('ZOS1');
    const lpar = zos1['logical-partitions'].find((l) => l.status === 'operating' && zos1.channels.length > 0);
    if (!lpar) throw new Error('no operating LPAR');
    expect(lpar['activation-mode']).toBeTruthy();
    const body = PartitionDetailSchema.parse(await getJson(`/api/v1/cpcs/ZOS1/partitions/${encodeURIComponent(lpar.name)}`));
    expect(body).toMatchObject({
      cpcMode: 'classic',
      // The LPAR's activation mode is its type, its processor-usage its processor mode.
      type: lpar['activation-mode'],
      processorMode: lpar['processor-usage'],
      processors: { cp: lpar['number-general-purpose-processors'], iip: lpar['number-ziip-processors'] },
      stale: false,
    });
    const channels = body.adapters.filter((a) => a.via === 'channel');
    expect(channels.length).toBeGreaterThan(0);

    const from = historyEnd - 600;
    const unsupported = SeriesResponseSchema.parse(
      await getJson(
        `/api/v1/series?metric=zhmc_partition_network_adapter_usage_ratio&cpc=ZOS1&partition=${encodeURIComponent(lpar.name)}&from=${from}&to=${historyEnd}`,
      ),
    );
    expect(unsupported.unsupportedInMode).toEqual({ mode: 'classic', alternative: 'zhmc_channel_usage_ratio' });
    const channel = SeriesResponseSchema.parse(
      await getJson(
        `/api/v1/series?metric=zhmc_channel_usage_ratio&cpc=ZOS1&partition=${encodeURIComponent(lpar.name)}&from=${from}&to=${historyEnd}`,
      ),
    );
    expect(channel.series.map((s) => s.labels.channel_css_chpid).sort()).toEqual(channels.map((c) => c.through).sort());
  });

  it('logs on again after the HMC expired every session', async () => {
    const logons = async (): Promise<number> => (await built.deps.metrics.hmcLogons.get()).values[0]?.value ?? 0;
    const before = await logons();
    sim.faults.expireAllSessions();
    const body = CpcDetailSchema.parse(await getJson('/api/v1/cpcs/ZLX2'));
    const partition = PartitionDetailSchema.parse(await getJson('/api/v1/cpcs/ZLX2/partitions/SSC%20HSM'));
    expect(body.stale).toBe(false);
    expect(partition.stale).toBe(false);
    expect(await logons()).toBe(before + 1);
  });

  it('answers an HMC HTML 500 with Prometheus data marked stale, backs off, then recovers', async () => {
    sim.faults.set({ htmlError: true, pathPattern: '/api/partitions/', times: 1 });
    const degraded = PartitionDetailSchema.parse(await getJson('/api/v1/cpcs/ZLX1/partitions/LNXPRD01'));
    // Properties from Prometheus (the exporter's resource metrics, once scraped) or none: not the HMC's.
    expect(degraded).toMatchObject({ name: 'LNXPRD01', stale: true });
    expect(degraded.propertiesSource).not.toBe('hmc');
    expect(captured.text()).toMatch(/HMC GET \/api\/partitions\/[^ ]+: HTTP 500: /);
    // Within the back-off the HMC gets no request at all.
    const sent = await hmcRequests();
    const during = PartitionDetailSchema.parse(await getJson('/api/v1/cpcs/ZLX1/partitions/LNXPRD01'));
    expect(during.stale).toBe(true);
    expect(captured.text()).toMatch(/backing off after errors/);
    expect(await hmcRequests()).toBe(sent);
    nowMs += 1100; // the back-off (1 s after one failure) is over
    const after = PartitionDetailSchema.parse(await getJson('/api/v1/cpcs/ZLX1/partitions/LNXPRD01'));
    expect(after.stale).toBe(false);
    expect(after.propertiesSource).toBe('hmc');
  });

  it('backs off when the HMC is busy (409)', async () => {
    sim.faults.set({ busy: true, pathPattern: '/api/adapters/', times: 1 });
    const busy = AdapterDetailSchema.parse(
      await getJson(`/api/v1/cpcs/ZLX1/adapters/${encodeURIComponent(spec('ZLX1').adapters[0]?.name ?? '')}`),
    );
    expect(busy.stale).toBe(true);
    expect(captured.text()).toMatch(/409,2/);
    sim.faults.clear();
  });

  it('serves the last inventory marked stale while the HMC is down, keeps serving series, and is whole again within seconds', async () => {
    nowMs += 2100; // past the inventory TTL: the next request starts a re-read
    await sim.faults.goDown();
    try {
      // A request starts the re-read and answers at once with what is known; the re-read fails.
      InventoryResponseSchema.parse(await getJson('/api/v1/inventory'));
      await built.deps.inventory.refresh();
      const inventory = InventoryResponseSchema.parse(await getJson('/api/v1/inventory'));
      expect(inventory.stale).toBe(true);
      expect(inventory.cpcs.find((c) => c.name === 'ZOS1')).toMatchObject({
        mode: 'classic',
        machineType: spec('ZOS1')['machine-type'],
        sources: ['prometheus', 'hmc'],
      });
      const series = SeriesResponseSchema.parse(
        await getJson(`/api/v1/series?metric=zhmc_cpc_processor_usage_ratio&cpc=ZLX1&from=${historyEnd - 300}&to=${historyEnd}`),
      );
      expect(series.series).toHaveLength(1);
      expect(series.stale).toBe(true);
    } finally {
      await sim.faults.comeBack();
    }
    // The retry interval (2 s), not a 32-60 s back-off, later the inventory is read again and whole.
    nowMs += INVENTORY_RETRY_MS;
    InventoryResponseSchema.parse(await getJson('/api/v1/inventory'));
    await built.deps.inventory.refresh();
    const back = InventoryResponseSchema.parse(await getJson('/api/v1/inventory'));
    expect(back.stale).toBe(false);
  });

  it('never puts the HMC password in responses or logs', () => {
    const everything = [...bodies, captured.text()].join('\n');
    expect(everything).toContain('logged on to the HMC');
    expect(everything).not.toContain(PASSWORD);
  });
});

describe('partition reads from the HMC', () => {
  it('are shared by every viewer for the inventory TTL, then read again', async () => {
    let nowMs = Date.now();
    const config = loadConfig({
      ZLENS_PROMETHEUS_URL: prom.url,
      ZLENS_HMC_URL: sim.hmcUrl,
      ZLENS_HMC_USERID: 'monitor',
      ZLENS_HMC_PASSWORD: PASSWORD,
      ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
      ZLENS_INVENTORY_TTL_SECONDS: '60',
    });
    const own = buildDeps({ ...config, webDir: null }, captured.logger, { clock: { nowMs: () => nowMs } });
    try {
      const ownAgent = request(createApp(own.deps));
      const partition = async (name: string) => {
        const res = await ownAgent.get(`/api/v1/cpcs/ZLX1/partitions/${encodeURIComponent(name)}`);
        expect(res.status, res.text).toBe(200);
        return PartitionDetailSchema.parse(res.body);
      };
      const first = await partition('LNXDB01');
      expect(first.stale).toBe(false);
      // Every partition read now fails at the HMC: a kept read does not reach it, a new one does.
      sim.faults.set({ htmlError: true, pathPattern: '/api/partitions/' });
      const viewers = await Promise.all([1, 2, 3, 4, 5].map(() => partition('LNXDB01')));
      for (const view of viewers) expect(view).toEqual(first);
      expect((await partition('LNXDB02')).stale).toBe(true);
      // Past the TTL (and the client's back-off) it is read again, and the failure shows.
      nowMs += 61_000;
      const later = await partition('LNXDB01');
      expect(later.stale).toBe(true);
      expect(later.propertiesSource).not.toBe('hmc');
    } finally {
      sim.faults.clear();
      await own.close();
    }
  });
});
