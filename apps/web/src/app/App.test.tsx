// The app shell with `fetch` replaced by a fake BFF (test/fake-api.ts) and the ECharts wrapper
// stubbed (happy-dom has no canvas). The browser flows run end to end in Playwright.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('app shell', () => {
  it('has the product name and breadcrumbs down to the partition, links keeping the query string', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001/partitions/LNX1?range=7d&refresh=1m');
    expect(screen.getByRole('link', { name: 'zlens' }).getAttribute('href')).toBe('/?range=7d&refresh=1m');
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('link', { name: 'Fleet' }).getAttribute('href')).toBe('/?range=7d&refresh=1m');
    expect(within(crumbs).getByRole('link', { name: 'P0001' }).getAttribute('href')).toBe('/cpcs/P0001?range=7d&refresh=1m');
    expect(within(crumbs).getByText('LNX1').getAttribute('aria-current')).toBe('page');
    await screen.findByRole('heading', { level: 1, name: 'LNX1' });
  });

  it('reads the range and refresh from the URL, falling back to defaults for bad values', async () => {
    const api = installFakeApi();
    renderApp('/cpcs/P0001?range=2y&refresh=off');
    expect(screen.getByRole('combobox', { name: 'Time range' })).toHaveProperty('value', '1h');
    expect(screen.getByRole('combobox', { name: 'Refresh' })).toHaveProperty('value', 'off');
    await waitFor(() => expect(api.seriesCalls.some((call) => call.metric === 'zhmc_cpc_processor_usage_ratio')).toBe(true));
    expect(api.seriesCalls.find((call) => call.metric === 'zhmc_cpc_processor_usage_ratio')?.from).toBe('now-1h');
  });

  it("shows a Grafana link's from=now-30d&to=now as the 30 d preset in the picker, the range the charts ask for", async () => {
    const api = installFakeApi();
    renderApp('/cpcs/P0001?from=now-30d&to=now');
    expect(screen.getByRole('combobox', { name: 'Time range' })).toHaveProperty('value', '30d');
    await waitFor(() => expect(api.seriesCalls.some((call) => call.metric === 'zhmc_cpc_processor_usage_ratio')).toBe(true));
    expect(api.seriesCalls.find((call) => call.metric === 'zhmc_cpc_processor_usage_ratio')?.from).toBe('now-30d');
  });

  it('changes the range through the URL, as a history entry that back undoes', async () => {
    const api = installFakeApi();
    const { router } = renderApp('/cpcs/P0001');
    await screen.findByRole('img', { name: 'Processor usage' });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Time range' }), 'Last 7 days');
    expect(router.state.location.search).toBe('?range=7d');
    await waitFor(() => expect(api.seriesCalls.some((call) => call.from === 'now-7d')).toBe(true));
    const weekly = api.seriesCalls.find((call) => call.from === 'now-7d' && call.metric === 'zhmc_cpc_processor_usage_ratio');
    // At most one point per pixel: a week over the 640 px fallback width is 945 s per pixel,
    // rounded up the step ladder to 30 minutes, so 336 points.
    expect(weekly?.maxPoints).toBe(336);
    expect(screen.getByRole('link', { name: 'Fleet' }).getAttribute('href')).toBe('/?range=7d');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Refresh' }), 'Every 5 min');
    expect(router.state.location.search).toBe('?range=7d&refresh=5m');

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?range=7d');
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('combobox', { name: 'Time range' })).toHaveProperty('value', '1h');
  });

  it('shows a not-found page for an unknown route, with a way back', async () => {
    installFakeApi();
    renderApp('/no/such/page?range=6h');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the fleet' }).getAttribute('href')).toBe('/?range=6h');
    await waitFor(() => expect(document.title).toBe('Page not found · zlens'));
  });
});
