// Pure functions from the upstreams' alerts to zlens' Alert: which object an alert is about,
// Alertmanager's silenced / inhibited state joined by labels, filtering and ordering for a view,
// and alert periods from the ALERTS series over a range.
import { ALERT_SEVERITIES, type Alert, type AlertObject, type AlertPeriod, type AlertsQuery } from '@zlens/shared';
import type { AlertmanagerAlert, PrometheusAlert } from './upstream-schemas.js';

export function alertObject(labels: Readonly<Record<string, string>>): AlertObject {
  return {
    cpc: labels.cpc ?? null,
    partition: labels.partition ?? null,
    adapter: labels.adapter ?? labels.adapter_pchid ?? null,
    channel: labels.channel_css_chpid ?? null,
  };
}

/** Prometheus formats values like "9.5e-01"; anything that is not a finite number is no value. */
function numberOrNull(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function secondsOrNull(rfc3339: string | undefined): number | null {
  if (rfc3339 === undefined) return null;
  const ms = Date.parse(rfc3339);
  // Prometheus reports a never-active alert's time as the zero time (0001-01-01).
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : null;
}

/**
 * The Alertmanager alert that is this Prometheus alert: Alertmanager holds the rule's labels plus
 * the sender's external labels, so its labels contain every label of the Prometheus alert.
 */
function matching(alert: PrometheusAlert, routed: readonly AlertmanagerAlert[]): AlertmanagerAlert | undefined {
  const entries = Object.entries(alert.labels);
  return routed.find((r) => entries.every(([k, v]) => r.labels[k] === v));
}

export function toAlert(alert: PrometheusAlert, routed: readonly AlertmanagerAlert[] | null): Alert {
  const state = alert.state === 'firing' ? 'firing' : 'pending';
  const match = routed === null ? undefined : matching(alert, routed);
  return {
    name: alert.labels.alertname ?? '',
    severity: alert.labels.severity ?? '',
    state,
    activeAt: secondsOrNull(alert.activeAt),
    object: alertObject(alert.labels),
    summary: alert.annotations.summary ?? null,
    summaryZh: alert.annotations.summary_zh ?? null,
    value: numberOrNull(alert.value),
    // Without Alertmanager nobody knows; a firing alert Alertmanager has not received yet is neither.
    silenced: routed === null ? null : (match?.status.silencedBy.length ?? 0) > 0,
    inhibited: routed === null ? null : (match?.status.inhibitedBy.length ?? 0) > 0,
  };
}

/** Whether an alert concerns the object a view shows: every given filter must match. */
export function concerns(object: AlertObject, filter: AlertsQuery): boolean {
  return (
    (filter.cpc === undefined || object.cpc === filter.cpc) &&
    (filter.partition === undefined || object.partition === filter.partition) &&
    (filter.adapter === undefined || object.adapter === filter.adapter) &&
    (filter.channel === undefined || object.channel === filter.channel)
  );
}

function severityRank(severity: string): number {
  const rank = (ALERT_SEVERITIES as readonly string[]).indexOf(severity);
  return rank === -1 ? ALERT_SEVERITIES.length : rank;
}

/** Firing before pending, then the most severe, then the longest active, then by name and object. */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    Number(a.state !== 'firing') - Number(b.state !== 'firing') ||
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.activeAt ?? Number.POSITIVE_INFINITY) - (b.activeAt ?? Number.POSITIVE_INFINITY) ||
    a.name.localeCompare(b.name) ||
    JSON.stringify(a.object).localeCompare(JSON.stringify(b.object))
  );
}

/**
 * Periods in which one ALERTS series was firing: runs of consecutive samples on the step grid.
 * A gap of one step or more ends a period (the alert was not firing at that evaluation).
 */
export function firingPeriods(labels: Readonly<Record<string, string>>, points: readonly [number, unknown][], step: number): AlertPeriod[] {
  const base = { name: labels.alertname ?? '', severity: labels.severity ?? '', object: alertObject(labels) };
  const periods: AlertPeriod[] = [];
  let current: AlertPeriod | null = null;
  for (const [time] of points) {
    if (current !== null && time - current.to <= step) {
      current.to = time;
    } else {
      current = { ...base, from: time, to: time };
      periods.push(current);
    }
  }
  return periods;
}
