// Component tests with `fetch` replaced by a fake BFF (test/fake-api.ts) and the ECharts wrapper
// stubbed (happy-dom has no canvas). The browser flows run end to end in Playwright.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INVENTORY, defaultSeries, errorReply, installFakeApi, seriesResponse } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('Fleet view', () => {
  it('shows a loading state, then one card per CPC with its facts and current usage', async () => {
    installFakeApi();
    renderApp('/');
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);

    await screen.findByRole('heading', { name: 'P0001' });
    const dpm = card('P0001');
    expect(within(dpm).getByRole('link', { name: 'P0001' }).getAttribute('href')).toBe('/cpcs/P0001');
    expect(within(dpm).getByText('Active')).toBeTruthy();
    expect(within(dpm).getByText('DPM')).toBeTruthy();
    expect(within(dpm).getByText('Machine 3931 A01')).toBeTruthy();
    await waitFor(() => expect(within(dpm).getAllByText('42.0%')).toHaveLength(3));
    const chart = within(dpm).getByRole('img', { name: 'P0001: usage over time' });
    expect(chart.textContent).toContain('line Processor: 3 points');
    expect(chart.textContent).toContain('line Storage: 3 points');
    expect(document.title).toBe('Fleet · zlens');
  });

  it('shows "—" with a hint, never 0 %, where a metric has no samples or does not apply', async () => {
    const api = installFakeApi();
    api.series = (call) =>
      call.metric === 'zhmc_cpc_processor_usage_ratio'
        ? {
            status: 200,
            body: seriesResponse('zhmc_cpc_processor_usage_ratio', [{ labels: { cpc: call.cpc }, values: [null, null, null] }]),
          }
        : { status: 200, body: seriesResponse('zhmc_cpc_network_adapter_usage_ratio', []) };
    renderApp('/');

    await screen.findByRole('heading', { name: 'CL 2' });
    const classic = card('CL 2');
    expect(within(classic).getByText('Classic')).toBeTruthy();
    // Classic: processor and channel usage, and the card says why there are no adapter figures.
    expect(within(classic).getByText(/so channel usage is shown instead/)).toBeTruthy();
    expect(within(classic).getByText('Channels')).toBeTruthy();
    expect(within(classic).queryByText('Network')).toBeNull();
    await waitFor(() => expect(within(classic).getAllByText('no data')).toHaveLength(2));
    expect(within(classic).queryByText(/0\.0%/)).toBeNull();
    expect(within(classic).getByText('No data')).toBeTruthy();
    // The classic CPC never asks for the DPM-only adapter metrics.
    // (Each for the range's chart and for the latest sample; the fleet's top adapters ask for the
    // sparkline of its crypto adapter, a classic metric.)
    expect([
      ...new Set(
        api.seriesCalls
          .filter((call) => call.cpc === 'CL 2' && call.metric !== 'zhmc_crypto_adapter_usage_ratio')
          .map((call) => call.metric),
      ),
    ]).toEqual(['zhmc_cpc_processor_usage_ratio', 'zhmc_cpc_channel_usage_ratio']);
  });

  it('shows the latest sample as "current", whatever the selected range', async () => {
    const api = installFakeApi();
    // The range's last point is older (a coarse step ends at the last whole step); the last 15
    // minutes at 15 s end at the latest sample.
    api.series = (call) =>
      call.metric === 'zhmc_cpc_processor_usage_ratio'
        ? {
            status: 200,
            body: seriesResponse(call.metric, [{ labels: { cpc: call.cpc }, values: [0.2, 0.21, call.from === 'now-15m' ? 0.23 : 0.21] }]),
          }
        : defaultSeries(call);
    renderApp('/?range=24h');
    await screen.findByRole('heading', { name: 'P0001' });
    const tile = within(card('P0001')).getByText('Processor').closest('div');
    if (tile === null) throw new Error('no processor tile');
    await waitFor(() => expect(within(tile).getByText('23.0%')).toBeTruthy());
    expect(api.seriesCalls.some((call) => call.metric === 'zhmc_cpc_processor_usage_ratio' && call.from === 'now-24h')).toBe(true);
  });

  it('says a status is not exported rather than unknown', async () => {
    const api = installFakeApi();
    api.inventory = () => ({
      status: 200,
      body: { ...INVENTORY, cpcs: INVENTORY.cpcs.map((c) => (c.name === 'CL 2' ? { ...c, status: null, statusNotExported: true } : c)) },
    });
    renderApp('/');
    await screen.findByRole('heading', { name: 'CL 2' });
    expect(within(card('CL 2')).getByText('Status not exported')).toBeTruthy();
    expect(within(card('CL 2')).queryByText('Unknown')).toBeNull();
  });

  it('never says all partitions are healthy when their status is not exported', async () => {
    const api = installFakeApi();
    api.inventory = () => ({
      status: 200,
      body: {
        ...INVENTORY,
        cpcs: INVENTORY.cpcs.map((c) => ({ ...c, partitions: c.partitions.map((p) => ({ ...p, status: null, statusNotExported: true })) })),
      },
    });
    renderApp('/');
    const panel = await screen.findByRole('region', { name: 'Partitions needing attention (0)' });
    expect(
      within(panel).getByText('The exporter does not export the status of 4 partitions, so they cannot be checked here.'),
    ).toBeTruthy();
    expect(within(panel).queryByText(/All partitions are/)).toBeNull();
  });

  it('shows the error with a Retry button that loads the inventory again', async () => {
    const api = installFakeApi();
    api.inventory = () => ({ status: 502, text: '<html>Bad Gateway</html>' });
    renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The data source is unreachable (HTTP 502)');
    api.inventory = () => errorReply(504, 'upstream_timeout', 'Prometheus did not answer within 10 s');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Prometheus did not answer within 10 s'));

    api.inventory = () => ({ status: 200, body: { cpcs: [], stale: true, updatedAt: 1 } });
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('No CPCs');
    expect(screen.getByText('Stale')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns a network failure of a card into an error state with retry, not a crash', async () => {
    const api = installFakeApi();
    api.series = () => 'network-error';
    renderApp('/');
    await screen.findByRole('heading', { name: 'P0001' });
    const alert = await within(card('P0001')).findByRole('alert');
    expect(alert.textContent).toContain('Cannot reach the zlens server');
    expect(within(card('P0001')).getAllByText('unavailable')).toHaveLength(3);
  });
});
