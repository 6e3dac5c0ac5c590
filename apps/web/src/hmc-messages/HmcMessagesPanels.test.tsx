// The HMC's messages on the CPC and partition views, against the fake BFF.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hardwareMessagesResponse, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('hardware messages on the CPC view', () => {
  it("lists them newest first with their time and where they came from, for the view's window", async () => {
    const api = installFakeApi();
    renderApp('/cpcs/P0001?range=24h');
    const panel = await screen.findByRole('region', { name: 'Hardware messages (2)' });
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/P0001A spare processor was invoked/),
      expect.stringMatching(/HMC consoleThe HMC certificate expires in 30 days\./),
    ]);
    expect(api.calls.some((c) => c === '/api/v1/cpcs/P0001/hardware-messages?from=now-24h&to=now')).toBe(true);
    expect(within(panel).getByText(/never acknowledges or deletes/)).toBeTruthy();
  });

  it('shows ten and "show all" when there are more', async () => {
    const api = installFakeApi();
    const other = api.other;
    const many = {
      ...hardwareMessagesResponse(),
      messages: Array.from({ length: 12 }, (_, i) => ({ time: 1_700_000_000 + i, text: `message ${i}`, origin: 'cpc' as const })),
    };
    api.other = (url) => (url.pathname.endsWith('/hardware-messages') ? { status: 200, body: many } : other(url));
    const user = userEvent.setup();
    renderApp('/cpcs/P0001');
    const panel = await screen.findByRole('region', { name: 'Hardware messages (12)' });
    expect(within(panel).getAllByRole('row')).toHaveLength(11);
    await user.click(within(panel).getByRole('button', { name: 'Show all 12' }));
    expect(within(panel).getAllByRole('row')).toHaveLength(13);
  });

  it('says why there are none: no HMC, or the HMC user may not read them (in Chinese too)', async () => {
    const api = installFakeApi();
    const other = api.other;
    api.other = (url) =>
      url.pathname.endsWith('/hardware-messages')
        ? { status: 200, body: { available: false, unavailableReason: 'not-permitted', start: 0, end: 1, messages: [] } }
        : other(url);
    renderApp('/cpcs/P0001?lang=zh-CN');
    await screen.findByText('zlens 登录所用的 HMC 用户无权读取这些消息。');
  });
});

describe('OS messages on the partition view', () => {
  it('lists them newest first, held ones marked', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001/partitions/LNX1');
    const panel = await screen.findByRole('region', { name: 'Operating system messages' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(/Held.*IEE094D/);
    expect(items[1]?.textContent).toMatch(/systemd/);
  });
});
