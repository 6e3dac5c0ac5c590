import { describe, expect, it } from 'vitest';
import { compareAlerts, concerns, firingPeriods, toAlert } from './alert-model.js';
import type { AlertmanagerAlert, PrometheusAlert } from './upstream-schemas.js';

const stopped: PrometheusAlert = {
  labels: { alertname: 'ZhmcPartitionNotRunning', severity: 'warning', cpc: 'ZLX1', partition: '测试 "1"', mode: 'dpm' },
  annotations: { summary: 'Partition stopped', summary_zh: '分区已停止' },
  state: 'firing',
  activeAt: '2026-12-03T08:00:00.5Z',
  value: '0e+00',
};

function routed(labels: Record<string, string>, silencedBy: string[] = [], inhibitedBy: string[] = []): AlertmanagerAlert {
  return { labels, status: { state: silencedBy.length + inhibitedBy.length > 0 ? 'suppressed' : 'active', silencedBy, inhibitedBy } };
}

describe('toAlert', () => {
  it('names the object from the exporter labels and keeps both summaries', () => {
    const alert = toAlert(stopped, null);
    expect(alert).toEqual({
      name: 'ZhmcPartitionNotRunning',
      severity: 'warning',
      state: 'firing',
      activeAt: Date.parse('2026-12-03T08:00:00Z') / 1000,
      object: { cpc: 'ZLX1', partition: '测试 "1"', adapter: null, channel: null },
      summary: 'Partition stopped',
      summaryZh: '分区已停止',
      value: 0,
      silenced: null,
      inhibited: null,
    });
  });

  it('takes the adapter from adapter_pchid (classic crypto) and the channel from channel_css_chpid', () => {
    expect(toAlert({ ...stopped, labels: { alertname: 'A', cpc: 'ZOS1', adapter_pchid: '1C0' } }, null).object.adapter).toBe('1C0');
    expect(toAlert({ ...stopped, labels: { alertname: 'A', cpc: 'ZOS1', channel_css_chpid: '0.40' } }, null).object.channel).toBe('0.40');
  });

  it('joins Alertmanager state by labels; Alertmanager adds external labels of its own', () => {
    const silenced = routed({ ...stopped.labels, site: 'a' }, ['silence-1']);
    expect(toAlert(stopped, [silenced])).toMatchObject({ silenced: true, inhibited: false });
    const inhibited = routed({ ...stopped.labels }, [], ['fp']);
    expect(toAlert(stopped, [inhibited])).toMatchObject({ silenced: false, inhibited: true });
    // Another partition's silence does not count; an alert Alertmanager has not seen is neither.
    const other = routed({ ...stopped.labels, partition: 'other' }, ['silence-2']);
    expect(toAlert(stopped, [other])).toMatchObject({ silenced: false, inhibited: false });
  });

  it('reads a pending alert, a zero activeAt and a NaN value as what they are', () => {
    const alert = toAlert({ ...stopped, state: 'pending', activeAt: '0001-01-01T00:00:00Z', value: 'NaN' }, null);
    expect(alert).toMatchObject({ state: 'pending', activeAt: null, value: null });
  });
});

describe('concerns', () => {
  const object = { cpc: 'ZLX1', partition: 'P1', adapter: null, channel: null };
  it('matches every given filter and ignores the others', () => {
    expect(concerns(object, {})).toBe(true);
    expect(concerns(object, { cpc: 'ZLX1' })).toBe(true);
    expect(concerns(object, { cpc: 'ZLX1', partition: 'P1' })).toBe(true);
    expect(concerns(object, { cpc: 'ZLX1', partition: 'P2' })).toBe(false);
    expect(concerns(object, { cpc: 'ZLX1', adapter: 'A' })).toBe(false);
  });
});

describe('compareAlerts', () => {
  it('puts firing before pending, critical before warning, the longest active first', () => {
    const base = toAlert(stopped, null);
    const alerts = [
      { ...base, name: 'pending-critical', state: 'pending' as const, severity: 'critical' },
      { ...base, name: 'warning-old', activeAt: 100 },
      { ...base, name: 'critical-new', severity: 'critical', activeAt: 300 },
      { ...base, name: 'critical-old', severity: 'critical', activeAt: 200 },
      { ...base, name: 'odd-severity', severity: 'page' },
    ];
    expect(alerts.sort(compareAlerts).map((a) => a.name)).toEqual([
      'critical-old',
      'critical-new',
      'warning-old',
      'odd-severity',
      'pending-critical',
    ]);
  });
});

describe('firingPeriods', () => {
  const labels = { alertname: 'ZhmcCpcProcessorUsageCritical', severity: 'critical', cpc: 'ZLX1' };
  it('joins consecutive steps into one period and splits at a gap', () => {
    const points: [number, string][] = [
      [600, '1'],
      [660, '1'],
      [720, '1'],
      [900, '1'],
      [960, '1'],
    ];
    expect(firingPeriods(labels, points, 60).map((p) => [p.from, p.to])).toEqual([
      [600, 720],
      [900, 960],
    ]);
  });

  it('gives one-sample periods and nothing for no samples', () => {
    expect(firingPeriods(labels, [[600, '1']], 60)).toEqual([
      {
        name: 'ZhmcCpcProcessorUsageCritical',
        severity: 'critical',
        object: { cpc: 'ZLX1', partition: null, adapter: null, channel: null },
        from: 600,
        to: 600,
      },
    ]);
    expect(firingPeriods(labels, [], 60)).toEqual([]);
  });
});
