// Component tests with `fetch` replaced by a fake BFF (test/fake-api.ts) and the ECharts wrapper
// stubbed (happy-dom has no canvas). The browser flows run end to end in Playwright.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isMetricId } from '@zlens/shared';
import { cpcDetail, defaultOther, defaultSeries, errorReply, installFakeApi, seriesResponse } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { usePartitionSortStore } from './partition-sort-store';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
  usePartitionSortStore.setState(usePartitionSortStore.getInitialState(), true);
});

describe('CPC view', () => {
  it('shows the three usage charts titled from the catalog, and the CPC facts', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    for (const title of ['Processor usage', 'Network adapter usage', 'Storage adapter usage']) {
      const panel = screen.getByRole('region', { name: title });
      expect((await within(panel).findByRole('img', { name: title })).textContent).toContain('3 points');
    }
    await waitFor(() => expect(document.title).toBe('P0001 · CPC · zlens'));
  });

  it('gives each panel its own loading, error-with-retry, no-data and stale states', async () => {
    const api = installFakeApi();
    let networkFails = true;
    api.series = (call) => {
      if (call.metric === 'zhmc_cpc_network_adapter_usage_ratio') {
        return networkFails
          ? errorReply(502, 'upstream_error', 'Prometheus is unreachable')
          : {
              status: 200,
              body: seriesResponse('zhmc_cpc_network_adapter_usage_ratio', [{ labels: { cpc: 'P0001' }, values: [0.3, 0.3, 0.3] }]),
            };
      }
      if (call.metric === 'zhmc_cpc_storage_adapter_usage_ratio') {
        return {
          status: 200,
          body: seriesResponse('zhmc_cpc_storage_adapter_usage_ratio', [{ labels: { cpc: 'P0001' }, values: [null, null, null] }]),
        };
      }
      if (call.metric === 'zhmc_cpc_processor_usage_ratio') {
        return {
          status: 200,
          body: seriesResponse('zhmc_cpc_processor_usage_ratio', [{ labels: { cpc: 'P0001' }, values: [0.5, 0.6, 0.7] }], true),
        };
      }
      return { status: 200, body: seriesResponse('zhmc_partition_processor_usage_ratio', []) };
    };
    renderApp('/cpcs/P0001');

    const processor = await screen.findByRole('region', { name: /^Processor usage/ });
    const network = screen.getByRole('region', { name: /^Network adapter usage/ });
    const storage = screen.getByRole('region', { name: /^Storage adapter usage/ });
    expect(within(network).getByRole('status').textContent).toMatch(/Loading/);

    await within(processor).findByRole('img');
    expect(within(processor).getByText('Stale')).toBeTruthy();
    expect(await within(storage).findByText('No data')).toBeTruthy();
    expect(within(storage).queryByRole('img')).toBeNull();
    const alert = await within(network).findByRole('alert');
    expect(alert.textContent).toContain('Prometheus is unreachable');
    expect(within(network).queryByText('Stale')).toBeNull();

    networkFails = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(network).findByRole('img', { name: 'Network adapter usage' })).toBeTruthy();
    expect(within(network).queryByRole('alert')).toBeNull();
  });

  it('lists partitions busiest first, stopped ones with a dash, names encoded in links', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001?range=6h');
    const table = await screen.findByRole('table', { name: /^Partitions/ });
    await waitFor(() => expect(within(table).getByText('81.0%')).toBeTruthy());
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['DB "prod"/2', 'LNX1', '测试 分区', 'IDLE']);
    const [db, lnx, cjk, idle] = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    // The last cell is the Compare checkbox (no text).
    expect(db).toEqual(['Active', 'linux', '81.0%', '']);
    expect(cjk?.[2]).toBe('5.0%');
    expect(lnx?.[2]).toBe('25.0%');
    expect(idle).toEqual(['Stopped', 'linux', '— not running', '']);
    expect(within(table).getByRole('link', { name: 'DB "prod"/2' }).getAttribute('href')).toBe(
      '/cpcs/P0001/partitions/DB%20%22prod%22%2F2?range=6h',
    );
    expect(within(table).getByRole('link', { name: '测试 分区' }).getAttribute('href')).toBe(
      `/cpcs/P0001/partitions/${encodeURIComponent('测试 分区')}?range=6h`,
    );
  });

  it('explains that adapter usage is not measured for a classic CPC instead of querying it', async () => {
    const api = installFakeApi();
    renderApp('/cpcs/CL%202');
    // Channel usage instead of the adapter charts, with the reason, on the chart and on the adapters table.
    const notes = await screen.findAllByText(/channel usage shows the I\/O load instead/);
    expect(notes).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Channel usage' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Network adapter usage' })).toBeNull();
    expect(screen.getByText('This CPC has no partitions.')).toBeTruthy();
    await waitFor(() => expect(api.seriesCalls.some((call) => call.metric === 'zhmc_cpc_processor_usage_ratio')).toBe(true));
    // Classic crypto adapters do report usage (the top adapters' sparklines); DPM adapter metrics are never asked.
    expect(api.seriesCalls.some((call) => call.metric.includes('adapter') && call.metric !== 'zhmc_crypto_adapter_usage_ratio')).toBe(
      false,
    );
  });

  it('draws a classic CPC’s shared or dedicated part only where its LPARs have such processors, and says what it left out', async () => {
    const api = installFakeApi();
    // The LPARs' CPs are all shared, the ICFs all dedicated; how the zIIPs are used is unknown.
    api.other = (url) =>
      url.pathname === '/api/v1/cpcs/CL 2' || url.pathname === '/api/v1/cpcs/CL%202'
        ? {
            status: 200,
            body: {
              ...cpcDetail('CL 2'),
              processors: { cp: 4, ifl: 0, iip: 2, icf: 2, sap: 2 },
              processorsByMode: { shared: { cp: 4, ifl: 0, iip: null, icf: 0 }, dedicated: { cp: 0, ifl: 0, iip: null, icf: 2 } },
            },
          }
        : defaultOther(url);
    const zero = new Set(['zhmc_cpc_iip_dedicated_processor_usage_ratio', 'zhmc_cpc_icf_dedicated_processor_usage_ratio']);
    api.series = (call) =>
      zero.has(call.metric) && isMetricId(call.metric)
        ? { status: 200, body: seriesResponse(call.metric, [{ labels: { cpc: call.cpc }, values: [0, 0, null] }]) }
        : defaultSeries(call);
    renderApp('/cpcs/CL%202?lang=zh-CN');
    const panel = await screen.findByRole('region', { name: /^按处理器类型的使用率/ });
    await within(panel).findByText(/未绘制（在整个时间范围内均为零）：专用 zIIP 处理器使用率。/);
    expect(
      within(panel).getByText('未绘制（LPAR 在该模式下没有该类型的处理器）：专用 CP 处理器使用率和共享 ICF 处理器使用率。'),
    ).toBeTruthy();
    const asked = new Set(api.seriesCalls.map((call) => call.metric));
    expect(asked.has('zhmc_cpc_cp_dedicated_processor_usage_ratio')).toBe(false);
    expect(asked.has('zhmc_cpc_icf_shared_processor_usage_ratio')).toBe(false);
    // Known dedicated ICFs stay drawn even at zero; the zIIPs' unknown modes leave only their non-zero part.
    const chart = within(panel).getByRole('img');
    expect(chart.textContent).toContain('专用 ICF 处理器使用率');
    expect(chart.textContent).toContain('共享 zIIP 处理器使用率');
    expect(chart.textContent).not.toContain('专用 zIIP');
  });

  it('says a CPC that is not in the inventory was not found, with a way back', async () => {
    const api = installFakeApi();
    api.series = () => errorReply(404, 'not_found', 'Unknown CPC');
    renderApp('/cpcs/NOPE?range=24h');
    expect(await screen.findByRole('heading', { name: 'CPC not found' })).toBeTruthy();
    expect(screen.getByText(/There is no CPC named “NOPE”/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the fleet' }).getAttribute('href')).toBe('/?range=24h');
  });
});
