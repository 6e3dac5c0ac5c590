// The service's own rules, with the engine and Alertmanager as in-test stand-ins (the integration
// test, app.alerts.test.ts, runs the real Prometheus and Alertmanager): the last answer while the
// engine is away, and what an Alertmanager failure changes.
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { captureLogger } from '../test/helpers.js';
import { AlertsService, type RulesEngine } from './alerts-service.js';
import type { PrometheusAlert } from './upstream-schemas.js';

const firing: PrometheusAlert = {
  labels: { alertname: 'ZhmcCpcNotOperating', severity: 'critical', cpc: 'ZOS1' },
  annotations: {},
  state: 'firing',
  activeAt: '2026-12-03T08:00:00Z',
  value: '2',
};

function engine(answers: (PrometheusAlert[] | Error)[], alertingRules = true): RulesEngine {
  return {
    alerts: () => {
      const next = answers.shift() ?? new Error('no more answers');
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    hasAlertingRules: () => Promise.resolve(alertingRules),
    queryRange: () => Promise.resolve({ result: [], stale: false, fetchedAtMs: 0, partial: false, warnings: [] }),
  };
}

describe('AlertsService', () => {
  it('serves the last answer, marked stale with its time, while the engine is away', async () => {
    let now = Date.UTC(2026, 11, 3, 9, 0);
    const service = new AlertsService({
      engine: engine([[firing], new AppError('upstream_timeout', 'Prometheus did not answer within 10000 ms')]),
      alertmanager: null,
      clock: { nowMs: () => now },
      logger: captureLogger().logger,
    });
    const fresh = await service.current({});
    expect(fresh).toMatchObject({ stale: false, alerts: [{ name: 'ZhmcCpcNotOperating' }] });
    expect(fresh.fetchedAt).toBeUndefined();
    now += 60_000;
    const stale = await service.current({});
    expect(stale).toMatchObject({ stale: true, fetchedAt: Date.UTC(2026, 11, 3, 9, 0) / 1000, alerts: [{ name: 'ZhmcCpcNotOperating' }] });
  });

  it("answers the engine's error when it never answered", async () => {
    const service = new AlertsService({
      engine: engine([new AppError('upstream_error', 'Prometheus is unreachable')]),
      alertmanager: null,
      clock: { nowMs: () => 0 },
      logger: captureLogger().logger,
    });
    await expect(service.current({})).rejects.toMatchObject({ code: 'upstream_error' });
  });

  it('logs an Alertmanager failure and shows the alerts with silences unknown', async () => {
    const log = captureLogger();
    const service = new AlertsService({
      engine: engine([[firing]]),
      alertmanager: { alerts: () => Promise.reject(new AppError('upstream_error', 'Alertmanager is unreachable')) },
      clock: { nowMs: () => 0 },
      logger: log.logger,
    });
    const body = await service.current({});
    expect(body).toMatchObject({ alertmanager: false, alerts: [{ silenced: null, inhibited: null }] });
    expect(log.text()).toContain('alertmanager: silences and inhibitions not read');
  });

  it('says alerts need a rules engine when the engine evaluates no alerting rule, not that none fires', async () => {
    const service = new AlertsService({
      engine: engine([[]], false),
      alertmanager: null,
      clock: { nowMs: () => 0 },
      logger: captureLogger().logger,
    });
    expect(await service.current({})).toEqual({
      available: false,
      unavailableReason: 'needs-rules-engine',
      alertmanager: false,
      alerts: [],
      stale: false,
    });
  });
});
