// Alert state for the views: what fires now (Prometheus' /api/v1/alerts, joined with Alertmanager's
// silences and inhibitions when ZLENS_ALERTMANAGER_URL is set) and when alerts fired over a range
// (the ALERTS series). zlens evaluates and routes nothing itself. Live mode has no rules engine:
// its answers say that alerts need Prometheus.
import { alignRange, type AlertPeriodsQuery, type AlertPeriodsResponse, type AlertsQuery, type AlertsResponse } from '@zlens/shared';
import type { Clock } from '../clock.js';
import { parseTimeRange } from '../time-range.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Answer, PrometheusClient } from '../prometheus/client.js';
import { escapeLabelValue } from '../prometheus/promql.js';
import { compareAlerts, concerns, firingPeriods, toAlert } from './alert-model.js';
import { PrometheusAlertsDataSchema, PrometheusRulesDataSchema, type AlertmanagerAlert, type PrometheusAlert } from './upstream-schemas.js';

/** What the service needs from the PromQL engine. */
export interface RulesEngine {
  alerts(): Promise<PrometheusAlert[]>;
  /**
   * Whether the engine evaluates any alerting rule. VictoriaMetrics without vmalert answers
   * /api/v1/alerts with an empty list, as a Prometheus without rule files does: then an empty list
   * means "nothing is evaluated", not "nothing fires".
   */
  hasAlertingRules(): Promise<boolean>;
  /** With its freshness: while the engine fails, the panel's last answer marked stale (PrometheusClient). */
  queryRange(
    promql: string,
    start: number,
    end: number,
    step: number,
  ): Promise<Answer<{ metric: Record<string, string>; values: [number, string][] }[]>>;
}

export interface AlertRouter {
  alerts(): Promise<AlertmanagerAlert[]>;
}

export interface AlertsServiceDeps {
  /** Null in live mode. */
  engine: RulesEngine | null;
  /** Null without ZLENS_ALERTMANAGER_URL. */
  alertmanager: AlertRouter | null;
  clock: Clock;
  logger: Logger;
}

/** Alert bands are drawn at chart resolution: about this many evaluations across a range. */
const PERIOD_POINTS = 500;

interface Snapshot {
  alerts: PrometheusAlert[];
  hasAlertingRules: boolean;
  routed: AlertmanagerAlert[] | null;
  fetchedAtMs: number;
}

export class AlertsService {
  /** The last answer both upstreams gave: served, marked stale, while the engine is away. */
  private last: Snapshot | null = null;

  constructor(private readonly deps: AlertsServiceDeps) {}

  async current(filter: AlertsQuery): Promise<AlertsResponse> {
    if (this.deps.engine === null) {
      return { available: false, unavailableReason: 'needs-prometheus', alertmanager: false, alerts: [], stale: false };
    }
    let snapshot: Snapshot;
    let stale = false;
    try {
      snapshot = await this.read(this.deps.engine);
      this.last = snapshot;
    } catch (err) {
      if (this.last === null) throw err;
      snapshot = this.last;
      stale = true;
    }
    const freshness = { stale, ...(stale ? { fetchedAt: Math.floor(snapshot.fetchedAtMs / 1000) } : {}) };
    if (!snapshot.hasAlertingRules) {
      return {
        available: false,
        unavailableReason: 'needs-rules-engine',
        alertmanager: snapshot.routed !== null,
        alerts: [],
        ...freshness,
      };
    }
    const alerts = snapshot.alerts
      .map((a) => toAlert(a, snapshot.routed))
      .filter((a) => concerns(a.object, filter))
      .sort(compareAlerts);
    return {
      available: true,
      alertmanager: snapshot.routed !== null,
      alerts,
      ...freshness,
    };
  }

  async periods(query: AlertPeriodsQuery): Promise<AlertPeriodsResponse> {
    const nowSeconds = Math.floor(this.deps.clock.nowMs() / 1000);
    const { from, to } = parseTimeRange(query.from, query.to, nowSeconds);
    const range = alignRange(from, to, PERIOD_POINTS);
    const base = { start: range.start, end: range.end, step: range.step, stale: false };
    if (this.deps.engine === null) return { ...base, available: false, unavailableReason: 'needs-prometheus', periods: [] };
    // ALERTS has a sample at each rule evaluation while an alert fires; the max over each step
    // keeps an alert that fired between two grid points.
    const cpc = query.cpc === undefined ? '' : `,cpc="${escapeLabelValue(query.cpc)}"`;
    const promql = `max_over_time(ALERTS{alertstate="firing"${cpc}}[${range.step}s])`;
    const answer = await this.deps.engine.queryRange(promql, range.start, range.end, range.step);
    const periods = answer.result
      .flatMap((s) => firingPeriods(s.metric, s.values, range.step))
      .filter((p) => concerns(p.object, query))
      .sort((a, b) => a.from - b.from || a.name.localeCompare(b.name));
    // A stale answer's periods end where it was read: what fired since is not known.
    const freshness = answer.stale ? { stale: true, fetchedAt: Math.floor(answer.fetchedAtMs / 1000) } : {};
    return { ...base, ...freshness, available: true, periods };
  }

  private async read(engine: RulesEngine): Promise<Snapshot> {
    const router = this.deps.alertmanager;
    const [alerts, hasAlertingRules, routed] = await Promise.all([
      engine.alerts(),
      engine.hasAlertingRules(),
      // Without Alertmanager's answer the alerts are still worth showing; silences are then unknown.
      router === null
        ? null
        : router.alerts().catch((err: unknown) => {
            this.deps.logger.warn({ err }, 'alertmanager: silences and inhibitions not read');
            return null;
          }),
    ]);
    return { alerts, hasAlertingRules, routed, fetchedAtMs: this.deps.clock.nowMs() };
  }
}

/** The PromQL engine as a rules engine: its alerts endpoint, validated, and range queries. */
export function rulesEngineOf(prometheus: PrometheusClient): RulesEngine {
  return {
    alerts: async () => {
      const parsed = PrometheusAlertsDataSchema.safeParse(await prometheus.alerts());
      if (!parsed.success) throw new AppError('upstream_error', 'Prometheus: unexpected response shape from api/v1/alerts');
      return parsed.data.alerts;
    },
    hasAlertingRules: async () => {
      const parsed = PrometheusRulesDataSchema.safeParse(await prometheus.rules());
      if (!parsed.success) throw new AppError('upstream_error', 'Prometheus: unexpected response shape from api/v1/rules');
      return parsed.data.groups.some((group) => group.rules.some((rule) => rule.type === 'alerting'));
    },
    queryRange: (promql, start, end, step) => prometheus.queryRangeAnswer(promql, start, end, step),
  };
}
