// Channels of a classic CPC: the CPC's channel table, the channel view and the LPAR's channel list,
// with `fetch` replaced by a fake BFF (test/fake-api.ts) and the ECharts wrapper stubbed (happy-dom
// has no canvas). Chromium draws the channel chart in e2e/physical.spec.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InventoryResponse } from '@zlens/shared';
import { INVENTORY, defaultOther, defaultSeries, errorReply, installFakeApi, seriesResponse, type FakeApi } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const CLASSIC: InventoryResponse = {
  ...INVENTORY,
  cpcs: [
    ...INVENTORY.cpcs.filter((c) => c.mode !== 'classic'),
    {
      name: 'ZOS1',
      mode: 'classic',
      status: 'operating',
      machineType: '3931',
      machineModel: 'A01',
      sources: ['prometheus', 'hmc'],
      partitions: [
        { name: 'PRD1', status: 'operating', type: 'zos', sources: ['prometheus', 'hmc'], noSeries: false },
        { name: 'DEV 1', status: 'operating', type: 'zos', sources: ['prometheus', 'hmc'], noSeries: false },
      ],
      adapters: [],
    },
  ],
};

const channel = (chpid: string, partition: string, shared: boolean, values: (number | null)[]) => ({
  labels: { cpc: 'ZOS1', channel_css_chpid: chpid, partition, shared: String(shared) },
  values,
});

function classicApi(): FakeApi {
  const api = installFakeApi();
  api.inventory = () => ({ status: 200, body: CLASSIC });
  api.series = (call) =>
    call.metric === 'zhmc_channel_usage_ratio' && call.partition === null
      ? {
          status: 200,
          body: seriesResponse('zhmc_channel_usage_ratio', [
            channel('0.40', '', true, [0.1, 0.2, 0.3]),
            channel('0.45', 'PRD1', false, [0.5, 0.6, null]),
            channel('0.48', 'DEV 1', false, [0.05, 0.07, 0.06]),
          ]),
        }
      : defaultSeries(call);
  api.other = (url) =>
    url.pathname === '/api/v1/top' && url.searchParams.get('metric') === 'zhmc_channel_usage_ratio'
      ? {
          status: 200,
          body: {
            metric: 'zhmc_channel_usage_ratio',
            source: 'prometheus',
            start: 1_700_000_000,
            end: 1_700_003_600,
            n: 100,
            byAverage: [{ labels: { cpc: 'ZOS1', channel_css_chpid: '0.45', partition: 'PRD1', shared: 'false' }, avg: 0.55, peak: 0.93 }],
            byPeak: [],
            stale: false,
          },
        }
      : defaultOther(url);
  return api;
}

// The CPC view renders a dozen panels in happy-dom; on a shared 2-core machine a test that opens it
// and navigates twice can take longer than vitest's default 5 s. A bound, not a speed measurement.
const VIEW_TEST_TIMEOUT_MS = 20_000;

describe('channels of a classic CPC', () => {
  it(
    'lists every channel on the CPC view: CHPID, type not reported, shared, LPARs, now / average / peak',
    async () => {
      classicApi();
      renderApp('/cpcs/ZOS1');
      const table = await screen.findByRole('table', { name: 'Channels (3)' });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['0.40', '0.45', '0.48']);
      const dedicated = rows[1];
      if (!dedicated) throw new Error('no row for 0.45');
      // Now is the last sample (the trailing gap is no sample), average and peak the BFF's ranking.
      expect(
        within(dedicated)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['not reported', 'dedicated', 'PRD1', '60.0%', '55.0%', '93.0%', '']);
      expect(within(rows[0] ?? table).getByText('shared, LPARs not named')).toBeTruthy();
      expect(screen.getByText(/neither the exporter nor the HMC API reports it/)).toBeTruthy();
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it(
    'opens a channel from the table, charts it stacked by LPAR and links its LPAR both ways',
    async () => {
      classicApi();
      const { router } = renderApp('/cpcs/ZOS1');
      await userEvent.click(await screen.findByRole('link', { name: '0.45' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Channel 0.45' })).toBeTruthy();
      expect(router.state.location.pathname).toBe('/cpcs/ZOS1/channels/0.45');
      const title = 'Usage of 0.45 by LPAR';
      await within(screen.getByRole('region', { name: title })).findByRole('img', { name: title });
      // The legend names the LPAR (the chart keeps only this CHPID's series).
      expect(
        within(screen.getByRole('table', { name: `Legend of ${title}` }))
          .getAllByRole('rowheader')
          .map((r) => r.textContent),
      ).toEqual(['PRD1']);
      await userEvent.click(within(screen.getByLabelText('Channel')).getByRole('link', { name: 'PRD1' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'PRD1' })).toBeTruthy();
      const list = await screen.findByRole('table', { name: 'Channels of this LPAR' });
      expect(
        within(list)
          .getAllByRole('rowheader')
          .map((r) => r.textContent),
      ).toEqual(['0.45']);
      await userEvent.click(within(list).getByRole('link', { name: '0.45' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Channel 0.45' })).toBeTruthy();
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it(
    'shows a classic LPAR its processor usage by type',
    async () => {
      const api = classicApi();
      renderApp(`/cpcs/ZOS1/partitions/${encodeURIComponent('DEV 1')}`);
      expect(await screen.findByRole('region', { name: 'Processor usage by type' })).toBeTruthy();
      await waitFor(() =>
        expect(
          api.seriesCalls
            .filter((c) => c.partition === 'DEV 1' && /_(cp|iip|ifl|icf)_processor/.test(c.metric))
            .map((c) => c.metric)
            .sort(),
        ).toEqual([
          'zhmc_partition_cp_processor_usage_ratio',
          'zhmc_partition_icf_processor_usage_ratio',
          'zhmc_partition_ifl_processor_usage_ratio',
          'zhmc_partition_iip_processor_usage_ratio',
        ]),
      );
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it(
    'says a channel the CPC does not report is not found, with the way back',
    async () => {
      classicApi();
      renderApp('/cpcs/ZOS1/channels/0.99');
      expect(await screen.findByText('CPC “ZOS1” reports no channel “0.99” in this time range.')).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Back to ZOS1' })).toBeTruthy();
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it(
    'shows the upstream error with Retry instead of an empty table, and recovers',
    async () => {
      const api = classicApi();
      const good = api.series;
      api.series = (call) =>
        call.metric === 'zhmc_channel_usage_ratio' ? errorReply(502, 'upstream_error', 'Prometheus answered 503') : good(call);
      renderApp('/cpcs/ZOS1');
      const panel = await screen.findByRole('region', { name: /^Channels/ });
      const retry = await within(panel).findByRole('button', { name: 'Retry' });
      api.series = good;
      await userEvent.click(retry);
      expect(await screen.findByRole('table', { name: 'Channels (3)' })).toBeTruthy();
    },
    VIEW_TEST_TIMEOUT_MS,
  );

  it('speaks Chinese', async () => {
    classicApi();
    renderApp('/cpcs/ZOS1/channels/0.40?lang=zh-CN');
    expect(await screen.findByRole('heading', { level: 1, name: '通道 0.40' })).toBeTruthy();
    expect(await screen.findByText('共享，未列出 LPAR')).toBeTruthy();
  });
});
