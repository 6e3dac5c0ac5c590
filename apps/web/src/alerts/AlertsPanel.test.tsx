// The alerts panel against the fake BFF: what an operator reads on the fleet view and an object's view.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Alert } from '@zlens/shared';
import { usageChartOption } from '../components/usage-chart-option';
import { alertPeriodsResponse, alertsResponse, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const cpcHot: Alert = {
  name: 'ZhmcCpcProcessorUsageCritical',
  severity: 'critical',
  state: 'firing',
  activeAt: Date.UTC(2026, 11, 3, 8, 0) / 1000,
  object: { cpc: 'P0001', partition: null, adapter: null, channel: null },
  summary: 'CPC P0001: processor usage above 90 % for 15 minutes (95%)',
  summaryZh: 'CPC P0001：处理器使用率超过 90 % 已达 15 分钟（95%）',
  value: 0.95,
  silenced: false,
  inhibited: false,
};
const partitionStopped: Alert = {
  ...cpcHot,
  name: 'ZhmcPartitionNotRunning',
  severity: 'warning',
  object: { cpc: 'P0001', partition: 'DB "prod"/2', adapter: null, channel: null },
  summary: null,
  summaryZh: null,
  silenced: true,
};

function alertsRegion(name: RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('Alerts panel', () => {
  it('lists the firing alerts on the fleet view: severity, summary, a link to the object, since when', async () => {
    const api = installFakeApi();
    const other = api.other;
    api.other = (url) =>
      url.pathname === '/api/v1/alerts'
        ? { status: 200, body: { ...alertsResponse([cpcHot, partitionStopped]), alertmanager: true } }
        : other(url);
    renderApp('/');

    await screen.findByRole('heading', { name: 'Alerts firing (2)' });
    const panel = alertsRegion(/Alerts firing/);
    const rows = within(panel).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText('Critical')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText(cpcHot.summary ?? '')).toBeTruthy();
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'P0001' })
        .getAttribute('href'),
    ).toBe('/cpcs/P0001');
    expect(rows[0]?.textContent).toMatch(/since 2026-12-03/);
    // Without a summary annotation the rule's name stands in; Alertmanager's silence is shown.
    expect(within(rows[1] as HTMLElement).getByText('ZhmcPartitionNotRunning')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Silenced')).toBeTruthy();
    expect(
      within(rows[1] as HTMLElement)
        .getByRole('link', { name: 'P0001 / DB "prod"/2' })
        .getAttribute('href'),
    ).toBe('/cpcs/P0001/partitions/DB%20%22prod%22%2F2');
  });

  it('reads the Chinese summary in zh-CN', async () => {
    const api = installFakeApi();
    const other = api.other;
    api.other = (url) => (url.pathname === '/api/v1/alerts' ? { status: 200, body: alertsResponse([cpcHot]) } : other(url));
    renderApp('/?lang=zh-CN');

    await screen.findByRole('heading', { name: '正在触发的告警（1）' });
    expect(screen.getByText(cpcHot.summaryZh ?? '')).toBeTruthy();
    expect(screen.getByText('严重')).toBeTruthy();
  });

  it('says that no alert fires', async () => {
    installFakeApi();
    renderApp('/');
    await screen.findByText('No alert is firing.');
    expect(screen.getByRole('heading', { name: 'Alerts firing (0)' })).toBeTruthy();
  });

  it('says that alerts need Prometheus in live mode', async () => {
    const api = installFakeApi();
    const other = api.other;
    api.other = (url) =>
      url.pathname === '/api/v1/alerts'
        ? { status: 200, body: { available: false, unavailableReason: 'needs-prometheus', alertmanager: false, alerts: [], stale: false } }
        : other(url);
    renderApp('/');
    await screen.findByText(/Alerts need Prometheus/);
    expect(screen.getByRole('heading', { name: 'Alerts' })).toBeTruthy();
  });

  it('says that alerts need a rules engine when the engine evaluates no alerting rule, not that none fires', async () => {
    const api = installFakeApi();
    const other = api.other;
    api.other = (url) =>
      url.pathname === '/api/v1/alerts'
        ? {
            status: 200,
            body: { available: false, unavailableReason: 'needs-rules-engine', alertmanager: false, alerts: [], stale: false },
          }
        : other(url);
    renderApp('/');
    await screen.findByText(/Alerts need a rules engine/);
    expect(screen.queryByText('No alert is firing.')).toBeNull();
  });
});

describe('alert bands on charts', () => {
  it('draws the periods of the object itself on its charts and says them in words', async () => {
    const api = installFakeApi();
    const other = api.other;
    const object = { cpc: 'P0001', partition: 'LNX1', adapter: null, channel: null };
    api.other = (url) =>
      url.pathname === '/api/v1/alerts/periods'
        ? {
            status: 200,
            body: alertPeriodsResponse([
              { name: 'ZhmcPartitionNotRunning', severity: 'warning', object, from: 1_700_000_600, to: 1_700_001_200 },
              // Firing at the grid's last step: still firing.
              { name: 'ZhmcSomethingElse', severity: 'warning', object, from: 1_700_003_000, to: 1_700_003_600 },
              // Another partition's alert belongs on that partition's charts.
              {
                name: 'ZhmcPartitionStatusError',
                severity: 'critical',
                object: { ...object, partition: 'IDLE' },
                from: 1_700_000_000,
                to: 1_700_000_060,
              },
            ]),
          }
        : other(url);
    renderApp('/cpcs/P0001/partitions/LNX1');
    // The fake grid ends at 1_700_003_600 (step 60): a period that ended at 1_700_001_200 is over.
    const notes = await screen.findAllByText(/^Alert ZhmcPartitionNotRunning fired .* – .* · /);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]?.textContent).toMatch(/ · Alert ZhmcSomethingElse firing since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(screen.queryByText(/ZhmcPartitionStatusError/)).toBeNull();
    // The periods were asked for this partition and the view's window.
    expect(api.calls.some((c) => c.startsWith('/api/v1/alerts/periods?cpc=P0001&partition=LNX1&from=now-1h&to=now'))).toBe(true);
  });

  it('puts a band per period in the chart option: critical red, others yellow, over the period', () => {
    const option = usageChartOption({
      lines: [{ name: 'x', timestamps: [0, 60], values: [0.5, 0.6] }],
      start: 0,
      end: 120,
      alertBands: [
        { from: 60, to: 120, severity: 'critical' },
        { from: 0, to: 30, severity: 'warning' },
      ],
    });
    const series = Array.isArray(option.series) ? option.series : [];
    const bands = series.find((s) => s.name === '__alerts');
    const data = (bands?.markArea?.data ?? []) as [{ xAxis: number; itemStyle: { color: string } }, { xAxis: number }][];
    expect(data.map(([a, b]) => [a.xAxis, b.xAxis])).toEqual([
      [60_000, 120_000],
      [0, 30_000],
    ]);
    expect(data[0]?.[0].itemStyle.color).not.toBe(data[1]?.[0].itemStyle.color);
    expect(series.some((s) => s.name === '__alerts' && Array.isArray(s.data) && s.data.length === 0)).toBe(true);
  });

  it('draws no band where no alert fired', () => {
    const option = usageChartOption({ lines: [{ name: 'x', timestamps: [0], values: [0.5] }], start: 0, end: 60 });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series.some((s) => s.name === '__alerts')).toBe(false);
  });
});
