// Component tests with `fetch` replaced by a fake BFF (test/fake-api.ts) and the ECharts wrapper
// stubbed (happy-dom has no canvas). The browser flows run end to end in Playwright.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INVENTORY, defaultOther, errorReply, installFakeApi, partitionDetail } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Partition view', () => {
  it('opens from the CPC table for a name with quotes and a slash, and shows its charts and facts', async () => {
    const api = installFakeApi();
    const { router } = renderApp('/cpcs/P0001');
    await userEvent.click(await screen.findByRole('link', { name: 'DB "prod"/2' }, { timeout: 10_000 }));

    expect(await screen.findByRole('heading', { level: 1, name: 'DB "prod"/2' }, { timeout: 10_000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/cpcs/P0001/partitions/DB%20%22prod%22%2F2');
    const properties = screen.getByLabelText('Partition properties');
    expect(properties?.textContent).toContain('linux');
    expect(properties?.textContent).toContain('DPM');
    for (const title of [
      'Processor usage: partition and CPC',
      'Network adapter usage: partition and CPC',
      'Storage adapter usage: partition and CPC',
    ]) {
      await within(screen.getByRole('region', { name: title })).findByRole('img', { name: title });
    }
    await waitFor(() =>
      expect(
        api.seriesCalls
          .filter((call) => call.partition === 'DB "prod"/2')
          .map((call) => call.metric)
          .sort(),
      ).toEqual([
        'zhmc_nic_bytes_received_count_total',
        'zhmc_nic_bytes_sent_count_total',
        'zhmc_partition_initial_memory_mib',
        'zhmc_partition_maximum_memory_mib',
        'zhmc_partition_network_adapter_usage_ratio',
        // The power panel (PartitionPhysical), once: the exporter's line, the HMC's records beside it.
        'zhmc_partition_power_watt',
        'zhmc_partition_processor_usage_ratio',
        'zhmc_partition_reserved_memory_mib',
        'zhmc_partition_status_int',
        'zhmc_partition_storage_adapter_usage_ratio',
      ]),
    );
    expect(document.title).toBe('DB "prod"/2 · P0001 · zlens');
  });

  it("Prometheus only: names the properties' source, lists what the exporter exports, says a status is not exported", async () => {
    const api = installFakeApi();
    api.inventory = () => ({
      status: 200,
      body: {
        ...INVENTORY,
        cpcs: INVENTORY.cpcs.map((c) =>
          c.name === 'P0001'
            ? {
                ...c,
                partitions: c.partitions.map((p) =>
                  p.name === 'LNX1' ? { ...p, status: null, statusNotExported: true, noRecentData: true } : p,
                ),
              }
            : c,
        ),
      },
    });
    api.other = (url) =>
      url.pathname.endsWith('/partitions/LNX1')
        ? {
            status: 200,
            body: {
              ...partitionDetail('P0001', 'LNX1'),
              status: null,
              statusNotExported: true,
              propertiesSource: 'prometheus',
              exported: [
                { metric: 'zhmc_partition_description', help: 'Description of the partition', value: 0, text: 'Linux production' },
                { metric: 'zhmc_partition_ifl_processor_count', help: 'Number of IFL processors', value: 4, text: null },
              ],
            },
          }
        : defaultOther(url);
    renderApp('/cpcs/P0001/partitions/LNX1');
    const properties = await screen.findByLabelText('Partition properties');
    await waitFor(() => expect(properties.textContent).toContain('Prometheus (IBM zhmc exporter)'));
    expect(within(properties).getByText('Status not exported')).toBeTruthy();
    expect(screen.queryByText('Unknown')).toBeNull();
    expect(screen.getByText('Everything the exporter exports (2)')).toBeTruthy();
    expect(screen.getByText('zhmc_partition_ifl_processor_count')).toBeTruthy();
    expect(screen.getAllByText('No recent data').length).toBeGreaterThan(0);
    // The status chart says why it has nothing to draw.
    expect(within(screen.getByRole('region', { name: 'Status over time' })).getByText(/does not export this status/)).toBeTruthy();
  });

  it('decodes a Chinese name from the URL', async () => {
    installFakeApi();
    renderApp(`/cpcs/P0001/partitions/${encodeURIComponent('测试 分区')}`);
    expect(await screen.findByRole('heading', { level: 1, name: '测试 分区' })).toBeTruthy();
    expect(await screen.findByText('ssc')).toBeTruthy();
  });

  it('says an unknown partition was not found, with a link back to its CPC', async () => {
    const api = installFakeApi();
    api.series = () => errorReply(404, 'not_found', 'Unknown partition');
    renderApp('/cpcs/P0001/partitions/GHOST?refresh=off');
    expect(await screen.findByRole('heading', { name: 'Partition not found' })).toBeTruthy();
    expect(screen.getByText('CPC “P0001” has no partition named “GHOST”.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to P0001' }).getAttribute('href')).toBe('/cpcs/P0001?refresh=off');
  });

  it('says an unknown CPC was not found on a partition URL too', async () => {
    installFakeApi();
    renderApp('/cpcs/NOPE/partitions/LNX1');
    expect(await screen.findByRole('heading', { name: 'CPC not found' })).toBeTruthy();
  });
});
