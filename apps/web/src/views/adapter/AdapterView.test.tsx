// Component tests with `fetch` replaced by a fake BFF (test/fake-api.ts) and the ECharts wrapper
// stubbed (happy-dom has no canvas). The browser flows run end to end in Playwright.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { INVENTORY, defaultSeries, installFakeApi, seriesResponse } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Adapter view', () => {
  it('lists the partitions that use it with their average NIC traffic in the range, share and trend', async () => {
    const api = installFakeApi();
    api.series = (call) =>
      call.metric === 'zhmc_nic_bytes_sent_count_total'
        ? {
            status: 200,
            body: seriesResponse(call.metric, [
              { labels: { cpc: call.cpc, partition: 'LNX1', nic: 'eth0', adapter: 'OSA 1', port: '0' }, values: [100, 300, null] },
              { labels: { cpc: call.cpc, partition: 'DB "prod"/2', nic: 'eth1', adapter: 'OSA 1', port: '0' }, values: [600, null, 600] },
            ]),
          }
        : call.metric === 'zhmc_nic_bytes_received_count_total'
          ? { status: 200, body: seriesResponse(call.metric, []) }
          : defaultSeries(call);
    renderApp('/cpcs/P0001/adapters/OSA%201');
    const table = await screen.findByRole('table', { name: 'Partitions that use it' });
    expect(within(table).getByRole('columnheader', { name: 'Average NIC traffic in the range' })).toBeTruthy();
    // LNX1: 100 and 300 B/s → 200 B/s on average (its last sample, 300, is not what is shown); 25 %.
    const lnx1 = within(table).getByRole('row', { name: /LNX1/ });
    await waitFor(() => expect(lnx1.textContent).toContain('200'));
    expect(lnx1.textContent).toContain('25.0%');
    const db = within(table).getByRole('row', { name: /DB "prod"\/2/ });
    expect(db.textContent).toContain('600');
    expect(db.textContent).toContain('75.0%');
  });

  it("shows a classic crypto adapter's usage (crypto-usage by PCHID), and its status as not exported", async () => {
    const api = installFakeApi();
    api.inventory = () => ({
      status: 200,
      body: {
        ...INVENTORY,
        cpcs: INVENTORY.cpcs.map((c) =>
          c.name === 'CL 2'
            ? {
                ...c,
                adapters: [
                  {
                    name: '01C0',
                    adapterId: '01C0',
                    type: null,
                    family: 'crypto',
                    status: null,
                    sources: ['prometheus'],
                    statusNotExported: true,
                  },
                ],
              }
            : c,
        ),
      },
    });
    renderApp('/cpcs/CL%202/adapters/01C0');
    expect(await screen.findByRole('heading', { level: 1, name: '01C0' })).toBeTruthy();
    expect((await screen.findAllByText('Status not exported')).length).toBeGreaterThan(0);
    await waitFor(() => expect(api.seriesCalls.map((call) => call.metric)).toContain('zhmc_crypto_adapter_usage_ratio'));
    expect(api.seriesCalls.map((call) => call.metric)).not.toContain('zhmc_adapter_usage_ratio');
    expect(screen.queryByText(/Not measured/)).toBeNull();
  });
});
