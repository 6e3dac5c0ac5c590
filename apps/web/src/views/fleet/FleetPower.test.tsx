// The physical-layer panels (site power, top adapters, CPC energy and memory, partition memory and
// power, the adapter's traffic by partition) with `fetch` replaced by a fake BFF (test/fake-api.ts)
// and the ECharts wrapper stubbed (happy-dom has no canvas). Chromium draws them in e2e/physical.spec.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultOther, errorReply, installFakeApi } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

// Views with a dozen panels in happy-dom, on a shared 2-core machine, can outlast vitest's default
// 5 s when a test navigates between them. A bound, not a speed measurement.
const VIEW_TEST_TIMEOUT_MS = 20_000;

describe('site power on the fleet view', () => {
  it(
    'shows power now / average / peak and the energy of the range, and ranks the CPCs by power',
    async () => {
      installFakeApi();
      renderApp('/');
      const panel = await screen.findByRole('region', { name: 'Site power and energy' });
      const tiles = await within(panel).findByLabelText('Site power and energy', { selector: 'dl' });
      expect(tiles.textContent).toContain('Power now17.0 kW');
      expect(tiles.textContent).toContain('Energy over the range16.5 kWh');
      const ranking = within(panel).getByRole('table', { name: 'CPCs by power' });
      const rows = within(ranking).getAllByRole('row').slice(1);
      expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['P0001', 'P0002']);
      expect(
        within(rows[1] ?? ranking)
          .getAllByRole('cell')
          .map((c) => c.textContent)
          .slice(0, 4),
      ).toEqual(['5.0 kW', '4.5 kW', '5.0 kW', '6.8 kWh']);
      // The classic CPC has no power metric: named, not counted as 0 W.
      expect(within(panel).getByText(/^1 CPC reports no power and is not counted\. CL 2$/)).toBeTruthy();
      await within(panel).findByRole('img', { name: 'Total site power' });
      // A CPC in the ranking opens its energy view.
      expect(
        within(rows[0] ?? ranking)
          .getByRole('link', { name: 'P0001' })
          .getAttribute('href'),
      ).toBe('/cpcs/P0001/energy');
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it(
    'says the units in Chinese',
    async () => {
      installFakeApi();
      renderApp('/?lang=zh-CN');
      const panel = await screen.findByRole('region', { name: '站点功耗与能耗' });
      expect((await within(panel).findByLabelText('站点功耗与能耗', { selector: 'dl' })).textContent).toContain('16.5 千瓦时');
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it('shows the error with Retry when the BFF fails, the rest of the fleet view still there', async () => {
    const api = installFakeApi();
    api.other = (url) =>
      url.pathname === '/api/v1/fleet/power' ? errorReply(504, 'upstream_timeout', 'Prometheus did not answer in 10 s') : defaultOther(url);
    renderApp('/');
    const panel = await screen.findByRole('region', { name: 'Site power and energy' });
    expect(await within(panel).findByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Top adapters in the fleet' })).toBeTruthy();
  });
});

describe('top adapters', () => {
  it(
    'ranks the fleet’s adapters with their CPC; a DPM adapter links to its view, a classic crypto adapter is named by PCHID',
    async () => {
      const api = installFakeApi();
      const { router } = renderApp('/');
      const table = await screen.findByRole('table', { name: 'Top adapters in the fleet' });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['FCP A', 'OSA 1', '1C0']);
      expect(within(rows[2] ?? table).queryByRole('link', { name: '1C0' })).toBeNull();
      expect(within(rows[2] ?? table).getByText('Crypto')).toBeTruthy();
      // Ranking by peak puts the OSA first; a family asks the BFF for that family only.
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rank adapters by' }), 'peak');
      expect(within(table).getAllByRole('rowheader')[0]?.textContent).toBe('OSA 1');
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Family' }), 'network');
      await waitFor(() => expect(api.calls.some((c) => c.startsWith('/api/v1/adapters/top?') && c.includes('family=network'))).toBe(true));
      await userEvent.click(await screen.findByRole('link', { name: 'OSA 1' }));
      expect(router.state.location.pathname).toBe('/cpcs/P0001/adapters/OSA%201');
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it('ranks one CPC’s adapters on its view, with the CPC in the request', async () => {
    const api = installFakeApi();
    renderApp('/cpcs/P0001');
    const table = await screen.findByRole('table', { name: 'Top adapters' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['FCP A', 'OSA 1']);
    expect(api.calls.some((c) => c.startsWith('/api/v1/adapters/top?') && c.includes('cpc=P0001'))).toBe(true);
  });
});

describe('energy, environment and memory of a CPC and a partition', () => {
  it(
    'opens the energy view from the CPC view and charts power, temperature, humidity, heat load and memory',
    async () => {
      const api = installFakeApi();
      const { router } = renderApp('/cpcs/P0001');
      await userEvent.click(await screen.findByRole('link', { name: 'Energy and environment' }));
      expect(router.state.location.pathname).toBe('/cpcs/P0001/energy');
      expect(await screen.findByRole('heading', { level: 1, name: 'Energy and environment of P0001' })).toBeTruthy();
      for (const title of ['Power', 'Temperature', 'Humidity', 'Heat load', 'Memory']) {
        await within(await screen.findByRole('region', { name: title })).findByRole('img', { name: title });
      }
      const asked = new Set(api.seriesCalls.map((c) => c.metric));
      for (const metric of [
        'zhmc_cpc_power_watt',
        'zhmc_cpc_exhaust_temperature_celsius',
        'zhmc_cpc_humidity_percent',
        'zhmc_cpc_heat_load_water_btu_per_hour',
        'zhmc_cpc_hsa_memory_mib',
      ]) {
        expect(asked.has(metric), metric).toBe(true);
      }
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it(
    'shows a DPM partition its memory, and says plainly that the exporter has no DPM partition power',
    async () => {
      installFakeApi();
      renderApp('/cpcs/P0001/partitions/LNX1');
      expect(await screen.findByRole('region', { name: 'Memory allocation' })).toBeTruthy();
      const power = await screen.findByRole('region', { name: 'Partition power' });
      expect(
        within(power).getByText(/^The exporter has no power metric of DPM partitions: what is shown comes from the HMC's own records/),
      ).toBeTruthy();
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it('stacks a network adapter’s NIC traffic by partition and NIC', async () => {
    const api = installFakeApi();
    const good = api.series;
    api.series = (call) =>
      call.metric === 'zhmc_nic_bytes_sent_count_total'
        ? {
            status: 200,
            body: {
              metric: call.metric,
              source: 'prometheus',
              step: 15,
              start: 1_700_000_000,
              end: 1_700_000_030,
              timestamps: [1_700_000_000, 1_700_000_015, 1_700_000_030],
              series: [
                { labels: { cpc: 'P0001', partition: 'LNX1', nic: 'eth0', adapter: 'OSA 1', port: '0' }, values: [100, 200, 300] },
                { labels: { cpc: 'P0001', partition: 'DB "prod"/2', nic: 'eth1', adapter: 'OSA 1', port: '0' }, values: [50, null, 70] },
              ],
              stale: false,
            },
          }
        : good(call);
    renderApp('/cpcs/P0001/adapters/OSA%201');
    const title = 'NIC traffic by partition: NIC bytes sent';
    const panel = await screen.findByRole('region', { name: title });
    await within(panel).findByRole('img', { name: title });
    const legend = within(panel).getByRole('table', { name: `Legend of ${title}` });
    expect(
      within(legend)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['LNX1 · eth0', 'DB "prod"/2 · eth1']);
  });
});
