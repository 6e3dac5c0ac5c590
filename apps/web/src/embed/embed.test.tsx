// Embed mode in the app (fake BFF, ECharts stubbed): chrome hidden, the one-panel page, the copy
// link, and the postMessage handler: accepted from allowed origins only. The browser side (a real
// portal on another origin, frame-ancestors) is in e2e/embedding.spec.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultOther, installFakeApi, type FakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

const PORTAL = 'https://portal.example';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function installWithEmbedConfig(allowedOrigins: string[] = [PORTAL]): FakeApi {
  const api = installFakeApi();
  api.other = (url) =>
    url.pathname === '/api/v1/embed-config' ? { status: 200, body: { allowedOrigins, allowSelf: true } } : defaultOther(url);
  return api;
}

function send(origin: string, data: unknown): void {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source: window }));
  });
}

function searchOf(router: ReturnType<typeof renderApp>['router']): URLSearchParams {
  return new URLSearchParams(router.state.location.search);
}

describe('embed mode', () => {
  it('drops the header and breadcrumbs, keeps the time and refresh pickers', async () => {
    installWithEmbedConfig();
    renderApp('/cpcs/P0001?embed=1');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    expect(screen.queryByRole('link', { name: 'zlens' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Breadcrumb' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Time range' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Refresh' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Copy the embed link/ })).toBeNull();
  });

  it('hides single controls with hideTimePicker, hideRefresh and hideBreadcrumbs', async () => {
    installWithEmbedConfig();
    const first = renderApp('/cpcs/P0001?embed=1&hideTimePicker=1');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    expect(screen.queryByRole('combobox', { name: 'Time range' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Refresh' })).toBeTruthy();
    first.unmount();

    renderApp('/cpcs/P0001?embed=1&hideRefresh=true');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    expect(screen.getByRole('combobox', { name: 'Time range' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Refresh' })).toBeNull();
  });

  it('hides only the breadcrumbs outside embed mode with hideBreadcrumbs', async () => {
    installWithEmbedConfig();
    renderApp('/cpcs/P0001?hideBreadcrumbs=1');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    expect(screen.getByRole('link', { name: 'zlens' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Breadcrumb' })).toBeNull();
  });

  it('shows one panel of a view on /embed/panel/<panel id>/<view path>, and fetches only its series', async () => {
    const api = installWithEmbedConfig();
    renderApp('/embed/panel/status/cpcs/P0001/partitions/LNX1?range=6h');
    await screen.findByRole('region', { name: 'Status over time' });
    await waitFor(() => expect(api.seriesCalls.length).toBeGreaterThan(0));
    expect(screen.getAllByRole('region')).toHaveLength(1);
    expect(screen.queryByRole('combobox', { name: 'Time range' })).toBeNull();
    expect(new Set(api.seriesCalls.map((c) => c.metric))).toEqual(new Set(['zhmc_partition_status_int']));
  });

  it('redirects the query form /embed/panel/<view>/<panel id>?cpc=..&partition=.. to the path form', async () => {
    installWithEmbedConfig();
    const { router } = renderApp('/embed/panel/partition/status?cpc=P0001&partition=LNX1&range=6h');
    await screen.findByRole('region', { name: 'Status over time' });
    expect(router.state.location.pathname).toBe('/embed/panel/status/cpcs/P0001/partitions/LNX1');
    expect(router.state.location.search).toBe('?range=6h');
  });

  it('copies a panel’s embed link from the panel', async () => {
    installWithEmbedConfig();
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    renderApp('/cpcs/P0001/partitions/LNX1?range=6h');
    const panel = await screen.findByRole('region', { name: 'Status over time' });
    const button = panel.querySelector('button[aria-label="Copy the embed link of “Status over time”"]');
    if (!(button instanceof HTMLElement)) throw new Error('no copy button on the panel');
    await user.click(button);
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/embed/panel/status/cpcs/P0001/partitions/LNX1?range=6h`);
    await waitFor(() => expect(button.textContent).toBe('Copied'));
  });
});

describe('embed messages', () => {
  it('applies setRange (a preset or from/to) from an allowed origin', async () => {
    installWithEmbedConfig();
    const { router } = renderApp('/cpcs/P0001?embed=1');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    await waitFor(() => {
      send(PORTAL, { type: 'zlens:setRange', range: '6h' });
      expect(searchOf(router).get('range')).toBe('6h');
    });
    expect(screen.getByRole('combobox', { name: 'Time range' })).toHaveProperty('value', '6h');
    send(PORTAL, { type: 'zlens:setRange', from: 1_700_000_000, to: 1_700_003_600 });
    await waitFor(() => expect(searchOf(router).get('from')).toBe('1700000000'));
    expect(searchOf(router).get('to')).toBe('1700003600');
    expect(searchOf(router).get('embed')).toBe('1');
  });

  it('applies setTheme and setLanguage from an allowed origin', async () => {
    installWithEmbedConfig();
    const { router } = renderApp('/cpcs/P0001?embed=1');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    await waitFor(() => {
      send(PORTAL, { type: 'zlens:setTheme', theme: 'dark' });
      expect(searchOf(router).get('theme')).toBe('dark');
    });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    send(PORTAL, { type: 'zlens:setLanguage', language: 'zh-CN' });
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
  });

  it('ignores messages from other origins and malformed ones, logging them at debug level', async () => {
    installWithEmbedConfig();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { router } = renderApp('/cpcs/P0001?embed=1&range=1h');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    // Wait until the configuration is loaded: an allowed message is applied.
    await waitFor(() => {
      send(PORTAL, { type: 'zlens:setRange', range: '24h' });
      expect(searchOf(router).get('range')).toBe('24h');
    });
    debug.mockClear();
    send('https://evil.example', { type: 'zlens:setRange', range: '7d' });
    send(`${PORTAL}:444`, { type: 'zlens:setTheme', theme: 'dark' });
    send(PORTAL, { type: 'zlens:setRange', range: '3y' });
    send(PORTAL, { type: 'zlens:setRange', from: 1_700_000_000, to: 1_700_000_010 });
    send(PORTAL, { hello: 'not ours' });
    await new Promise((r) => setTimeout(r, 50));
    expect(searchOf(router).get('range')).toBe('24h');
    expect(searchOf(router).get('theme')).toBeNull();
    expect(searchOf(router).get('from')).toBeNull();
    expect(debug.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('https://evil.example ignored: origin https://evil.example is not allowed'),
      expect.stringContaining(`${PORTAL}:444 ignored: origin`),
      expect.stringContaining('not a zlens message zlens accepts'),
      expect.stringContaining('not a zlens message zlens accepts'),
    ]);
  });

  it('ignores zlens messages outside embed mode', async () => {
    installWithEmbedConfig();
    const { router } = renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    send(PORTAL, { type: 'zlens:setRange', range: '6h' });
    await new Promise((r) => setTimeout(r, 50));
    expect(searchOf(router).get('range')).toBeNull();
  });
});
