// Integration: the alerting rules zlens ships (docker/prometheus/rules), evaluated by a real
// Prometheus against the simulator's exporter-format /metrics, routed to a real Alertmanager, and
// read by the BFF. The only change to the shipped rules is `for:` set to 0s, so an alert fires at
// the next evaluation instead of after 1-15 minutes; the expressions are the shipped ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cpcUri,
  partitionUri,
  startPrometheus,
  startSimulator,
  waitForSeries,
  type RunningPrometheus,
  type RunningSimulator,
} from '@zlens/hmc-sim';
import { AlertPeriodsResponseSchema, AlertsResponseSchema, type AlertsResponse } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig, type Env } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { startAlertmanager, type RunningAlertmanager } from './test/alertmanager.js';
import { captureLogger, closedPort, tempFile } from './test/helpers.js';

const RULES_DIR = resolve(import.meta.dirname, '../../../docker/prometheus/rules');
const PARTITION = 'LNXPRD01';
// Driven above 90 % by the last test of the shipped rules (its workload stays so).
const SATURATED_CPC = 'ZLX2';

let sim: RunningSimulator;
let prom: RunningPrometheus;
let alertmanager: RunningAlertmanager;
const built: BuiltDeps[] = [];

beforeAll(async () => {
  sim = await startSimulator();
  alertmanager = await startAlertmanager();
  const ruleFiles = readdirSync(RULES_DIR)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => tempFile(name, readFileSync(join(RULES_DIR, name), 'utf8').replace(/^(\s+for: )\S+$/gm, '$10s')));
  prom = await startPrometheus({
    scrapeTargets: [sim.metricsTarget],
    scrapeIntervalSeconds: 1,
    evaluationIntervalSeconds: 1,
    ruleFiles,
    alertmanagerTargets: [alertmanager.target],
  });
  // The rule "stopped running" needs the partition seen running first.
  await waitForSeries(prom.url, `zlens:partition_running:bool{partition="${PARTITION}"} == 1`, 30_000);
}, 90_000);

afterAll(async () => {
  await Promise.all(built.map((b) => b.close()));
  await prom?.close();
  await alertmanager?.close();
  await sim?.close();
});

function app(env: Env) {
  const config = loadConfig(env);
  const deps = buildDeps({ ...config, webDir: null }, captureLogger().logger, { startPolling: false });
  built.push(deps);
  return request(createApp(deps.deps));
}

/** Polls GET path until `done` holds for its parsed body; the last body when time runs out. */
async function pollAlerts(agent: ReturnType<typeof app>, path: string, done: (body: AlertsResponse) => boolean): Promise<AlertsResponse> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await agent.get(path);
    expect(response.status).toBe(200);
    const body = AlertsResponseSchema.parse(response.body);
    if (done(body) || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function partitionSpec(name: string) {
  const found = sim.scenario.cpcs.flatMap((c) => c.partitions).find((p) => p.name === name);
  if (found === undefined) throw new Error(`no partition ${name} in the demo`);
  return found;
}

describe('alerts from the shipped rules', () => {
  it("shows the demo site's degraded partition as a critical alert, with a link target and both summaries", async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: prom.url });
    const body = await pollAlerts(agent, '/api/v1/alerts', (b) => b.alerts.some((a) => a.name === 'ZhmcPartitionStatusError'));
    const degraded = body.alerts.find((a) => a.name === 'ZhmcPartitionStatusError');
    expect(degraded).toMatchObject({
      severity: 'critical',
      state: 'firing',
      object: { cpc: 'ZLX1', partition: 'LNXPRD04', adapter: null, channel: null },
      summary: 'Partition LNXPRD04 of ZLX1 reports an error status (code 1)',
      summaryZh: 'ZLX1 的分区 LNXPRD04 报告错误状态（代码 1）',
      silenced: null,
      inhibited: null,
    });
    expect(degraded?.activeAt).toBeGreaterThan(Date.now() / 1000 - 600);
    expect(body).toMatchObject({ available: true, alertmanager: false, stale: false });
    // Firing critical alerts come first.
    expect(body.alerts[0]?.severity).toBe('critical');
  }, 90_000);

  it('fires when a partition stops, is filtered per object, shows an Alertmanager silence, and has a period', async () => {
    sim.setStatus(partitionUri(partitionSpec(PARTITION)), 'stopped');
    const agent = app({ ZLENS_PROMETHEUS_URL: prom.url, ZLENS_ALERTMANAGER_URL: alertmanager.url });
    const path = `/api/v1/alerts?cpc=ZLX1&partition=${PARTITION}`;
    let body = await pollAlerts(agent, path, (b) => b.alerts.some((a) => a.name === 'ZhmcPartitionNotRunning'));
    expect(body.alerts.map((a) => [a.name, a.object.partition])).toEqual([['ZhmcPartitionNotRunning', PARTITION]]);
    expect(body.alertmanager).toBe(true);

    // Other objects' alerts stay on their own views.
    const other = AlertsResponseSchema.parse((await agent.get('/api/v1/alerts?cpc=ZLX2')).body);
    expect(other.alerts.every((a) => a.object.cpc === 'ZLX2')).toBe(true);

    // Silence it in Alertmanager (as an operator would in its UI): zlens says so.
    const now = new Date();
    const silence = await fetch(`${alertmanager.url}/api/v2/silences`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        matchers: [
          { name: 'alertname', value: 'ZhmcPartitionNotRunning', isRegex: false, isEqual: true },
          { name: 'partition', value: PARTITION, isRegex: false, isEqual: true },
        ],
        startsAt: now.toISOString(),
        endsAt: new Date(now.getTime() + 3600_000).toISOString(),
        createdBy: 'zlens test',
        comment: 'maintenance',
      }),
    });
    expect(silence.status).toBe(200);
    body = await pollAlerts(agent, path, (b) => b.alerts.some((a) => a.silenced === true));
    expect(body.alerts[0]).toMatchObject({ name: 'ZhmcPartitionNotRunning', silenced: true, inhibited: false });

    // The periods are read on a step grid (15 s here) that ends at the last whole step: poll until
    // the grid reaches the moment the alert began.
    const readPeriods = async () =>
      AlertPeriodsResponseSchema.parse((await agent.get(`/api/v1/alerts/periods?cpc=ZLX1&partition=${PARTITION}&from=now-15m`)).body);
    let periods = await readPeriods();
    for (
      const deadline = Date.now() + 60_000;
      !periods.periods.some((p) => p.name === 'ZhmcPartitionNotRunning') && Date.now() < deadline;
    ) {
      await new Promise((r) => setTimeout(r, 1000));
      periods = await readPeriods();
    }
    expect(periods.available).toBe(true);
    expect(periods.periods.some((p) => p.name === 'ZhmcPartitionNotRunning' && p.object.partition === PARTITION)).toBe(true);
    expect(periods.periods.every((p) => p.object.partition === PARTITION && p.from <= p.to)).toBe(true);
  }, 120_000);

  it('still shows the alerts when Alertmanager is down, with silences unknown', async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: prom.url, ZLENS_ALERTMANAGER_URL: `http://127.0.0.1:${await closedPort()}` });
    const body = AlertsResponseSchema.parse((await agent.get('/api/v1/alerts')).body);
    expect(body.alerts.length).toBeGreaterThan(0);
    expect(body.alertmanager).toBe(false);
    expect(body.alerts.every((a) => a.silenced === null)).toBe(true);
  });

  it('answers a bad range with 400 naming the parameter', async () => {
    const agent = app({ ZLENS_PROMETHEUS_URL: prom.url });
    const response = await agent.get('/api/v1/alerts/periods?from=yesterday');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^from:/);
  });

  it('fires the critical CPC alert when the simulator drives a CPC above 90 %, and Alertmanager receives it', async () => {
    const cpc = sim.scenario.cpcs.find((c) => c.name === SATURATED_CPC);
    if (cpc === undefined) throw new Error(`no CPC ${SATURATED_CPC} in the demo`);
    sim.setWorkload(cpcUri(cpc), 'saturated');
    const agent = app({ ZLENS_PROMETHEUS_URL: prom.url, ZLENS_ALERTMANAGER_URL: alertmanager.url });
    const body = await pollAlerts(agent, `/api/v1/alerts?cpc=${SATURATED_CPC}`, (b) =>
      b.alerts.some((a) => a.name === 'ZhmcCpcProcessorUsageCritical'),
    );
    expect(body.alerts.find((a) => a.name === 'ZhmcCpcProcessorUsageCritical')).toMatchObject({
      severity: 'critical',
      state: 'firing',
      object: { cpc: SATURATED_CPC, partition: null, adapter: null, channel: null },
      silenced: false,
    });
    const received = await fetch(
      `${alertmanager.url}/api/v2/alerts?${new URLSearchParams({ filter: 'alertname="ZhmcCpcProcessorUsageCritical"' }).toString()}`,
    );
    const alerts = (await received.json()) as { labels: Record<string, string> }[];
    expect(alerts.map((a) => a.labels.cpc)).toContain(SATURATED_CPC);
  }, 120_000);
});

describe('alerts in live mode', () => {
  it('says that alerts need Prometheus', async () => {
    const agent = app({
      ZLENS_HMC_URL: sim.hmcUrl,
      ZLENS_HMC_USERID: sim.credentials.userid,
      ZLENS_HMC_PASSWORD: sim.credentials.password,
      ZLENS_HMC_CA_FILE: tempFile('ca.pem', sim.caPem),
    });
    expect((await agent.get('/api/v1/alerts')).body).toEqual({
      available: false,
      unavailableReason: 'needs-prometheus',
      alertmanager: false,
      alerts: [],
      stale: false,
    });
    expect((await agent.get('/api/v1/alerts/periods')).body).toMatchObject({ available: false, periods: [] });
  });
});
