// The interactions of issue 5 as a user drives them, against the fake BFF with the chart
// stubbed: language, theme, zoom (the stub reports a drag like the brush does), thresholds,
// legend, exports, the table fallback, top-N. Real drawing and dragging run in Playwright.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('language and theme', () => {
  it('switches every string and metric title to zh-CN through the URL, and back', async () => {
    installFakeApi();
    const { router } = renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 2, name: 'Processor usage' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(router.state.location.search).toBe('?lang=zh-CN');
    expect(await screen.findByRole('heading', { level: 2, name: '处理器使用率' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '网络适配器使用率' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '时间范围' })).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: '导航路径' }))
        .getByRole('link', { name: '全部 CPC' })
        .getAttribute('href'),
    ).toBe('/?lang=zh-CN');
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('heading', { level: 2, name: 'Processor usage' })).toBeTruthy();
  });

  it('switches to the dark theme through the URL', async () => {
    installFakeApi();
    const { router } = renderApp('/');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'dark');
    expect(router.state.location.search).toBe('?theme=dark');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(document.documentElement.style.getPropertyValue('--zl-background')).toBe('#161616');
  });
});

describe('time range', () => {
  it('zooms to a dragged window (absolute from/to in the URL), zooms out, and goes back', async () => {
    const api = installFakeApi();
    const { router } = renderApp('/cpcs/P0001?range=6h');
    await userEvent.click(await screen.findByRole('button', { name: 'drag-zoom Processor usage' }));
    const zoomed = new URLSearchParams(router.state.location.search);
    const from = Number(zoomed.get('from'));
    const to = Number(zoomed.get('to'));
    expect(to - from).toBeGreaterThanOrEqual(60);
    expect(zoomed.get('range')).toBe('6h');
    await waitFor(() => expect(api.seriesCalls.some((c) => c.from === String(from))).toBe(true));
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Time range' }).value).toBe('custom');

    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    const out = new URLSearchParams(router.state.location.search);
    expect(Number(out.get('to')) - Number(out.get('from'))).toBe(2 * (to - from));

    await act(() => router.navigate(-1));
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?range=6h');
    expect(screen.getByRole('combobox', { name: 'Time range' })).toHaveProperty('value', '6h');
  });

  it('applies an absolute range typed in, and refuses one that ends before it starts', async () => {
    installFakeApi();
    const { router } = renderApp('/');
    await userEvent.click(screen.getByText('Custom range'));
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await userEvent.clear(from);
    await userEvent.type(from, '2026-11-24T10:00');
    await userEvent.clear(to);
    await userEvent.type(to, '2026-11-24T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick a start before the end.');
    expect(router.state.location.search).toBe('');
    await userEvent.clear(to);
    await userEvent.type(to, '2026-11-24T12:00');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const search = new URLSearchParams(router.state.location.search);
    expect(Number(search.get('to')) - Number(search.get('from'))).toBe(7200);
  });

  it('closes the custom range on Escape and gives the focus back to its button', async () => {
    installFakeApi();
    renderApp('/');
    const button = screen.getByText('Custom range');
    await userEvent.click(button);
    const popup = button.closest('details');
    expect(popup?.open).toBe(true);
    await userEvent.click(screen.getByLabelText('From'));
    await userEvent.keyboard('{Escape}');
    expect(popup?.open).toBe(false);
    expect(document.activeElement).toBe(button);
  });
});

describe('chart panels', () => {
  it('keeps thresholds in the URL', async () => {
    installFakeApi();
    const { router } = renderApp('/');
    await userEvent.click(screen.getByText(/Thresholds 70\/90%/));
    const warn = screen.getByLabelText('Warning at %');
    await userEvent.clear(warn);
    await userEvent.type(warn, '60');
    expect(router.state.location.search).toBe('?warn=60');
    expect(screen.getByText(/Thresholds 60\/90%/)).toBeTruthy();
  });

  it('makes one history entry of typing a threshold, and names a warning above critical next to the inputs', async () => {
    installFakeApi();
    const { router } = renderApp('/');
    await userEvent.click(screen.getByText(/Thresholds 70\/90%/));
    const warn = screen.getByLabelText('Warning at %');
    await userEvent.clear(warn);
    await userEvent.type(warn, '65');
    expect(router.state.location.search).toBe('?warn=65');
    // '6' pushed one entry, '5' replaced it: one step back is where the user started.
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await router.navigate(1);
    await waitFor(() => expect(router.state.location.search).toBe('?warn=65'));

    await userEvent.clear(warn);
    await userEvent.type(warn, '95');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'Warning (95 %) is above critical (90 %): the thresholds stay as they were until warning is at or below critical.',
    );
    expect(warn.getAttribute('aria-invalid')).toBe('true');
    expect(warn.getAttribute('aria-describedby')).toBe(alert.id);
    // The last pair that could be used stays in force.
    expect(new URLSearchParams(router.state.location.search).get('warn')).toBe('9');
  });

  it('shows min/max/avg/last in the legend and hides a line on click', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001/partitions/LNX1');
    const panel = await screen.findByRole('region', { name: 'Processor usage: partition and CPC' });
    const legend = await within(panel).findByRole('table', { name: /^Legend of/ });
    const row = within(legend).getByRole('row', { name: /This partition/ });
    // 0.1, 0.2, 0.42: min 10 %, max 42 %, avg 24 %, last 42 %.
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10.0%', '42.0%', '24.0%', '42.0%']);
    const toggle = within(row).getByRole('button', { name: /This partition/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(within(panel).getByRole('img').textContent).toContain('line This partition');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(within(panel).getByRole('img').textContent).not.toContain('line This partition');
    expect(within(panel).getByRole('img').textContent).toContain('line CPC P0001');
  });

  it('exports CSV with the values as sent (gap = empty cell) and offers a table instead of the chart', async () => {
    const api = installFakeApi();
    api.series = (call) =>
      call.metric === 'zhmc_cpc_processor_usage_ratio'
        ? {
            status: 200,
            body: {
              metric: call.metric,
              source: 'prometheus',
              step: 15,
              start: 0,
              end: 30,
              timestamps: [0, 15, 30],
              series: [{ labels: { cpc: call.cpc }, values: [0.5, null, 0] }],
              stale: false,
            },
          }
        : {
            status: 200,
            body: {
              metric: call.metric,
              source: 'prometheus',
              step: 15,
              start: 0,
              end: 30,
              timestamps: [0, 15, 30],
              series: [],
              stale: false,
            },
          };
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:fake'), revokeObjectURL: () => undefined }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/cpcs/P0001?tz=utc');
    const panel = await screen.findByRole('region', { name: 'Processor usage' });
    await userEvent.click(await within(panel).findByRole('button', { name: 'Download Processor usage as CSV' }));
    expect(click).toHaveBeenCalled();
    // Times in the chosen zone (tz=utc: whatever the machine's zone); a ratio as percent, said in the header.
    expect(await blobs[0]?.text()).toBe(
      'Time,Processor usage (%)\r\n1970-01-01T00:00:00.000Z,50\r\n1970-01-01T00:00:15.000Z,\r\n1970-01-01T00:00:30.000Z,0\r\n',
    );

    await userEvent.click(within(panel).getByRole('button', { name: 'Show Processor usage as a table' }));
    const table = within(panel).getByRole('region', { name: 'Processor usage' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['0.0%', '—', '50.0%']);
  });
});

describe('CPC view extras', () => {
  it('ranks top-N partitions with N and ranking in the URL, names linking to partitions', async () => {
    const api = installFakeApi();
    const { router } = renderApp('/cpcs/P0001');
    const top = await screen.findByRole('table', { name: 'Top partitions' });
    await waitFor(() => expect(within(top).getAllByRole('row')).toHaveLength(4));
    expect(
      within(top)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['DB "prod"/2', 'LNX1', '测试 分区']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rank by' }), 'peak');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), '5');
    expect(router.state.location.search).toBe('?topBy=peak&top=5');
    await waitFor(() => expect(api.calls.some((c) => c.startsWith('/api/v1/top?') && c.includes('n=5'))).toBe(true));
    const ranked = await screen.findByRole('table', { name: 'Top partitions' });
    await waitFor(() =>
      expect(
        within(ranked)
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toEqual(['LNX1', 'DB "prod"/2', '测试 分区']),
    );
    expect(within(ranked).getByRole('link', { name: 'LNX1' }).getAttribute('href')).toBe('/cpcs/P0001/partitions/LNX1?topBy=peak&top=5');
  });

  it('lists adapters with type, family and usage, each linking to its adapter view', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001');
    const table = await screen.findByRole('table', { name: 'Adapters (2)' });
    expect(within(table).getByRole('link', { name: 'OSA 1' }).getAttribute('href')).toBe('/cpcs/P0001/adapters/OSA%201');
    expect(within(table).getByText('Network')).toBeTruthy();
    expect(within(table).getByText('fcp')).toBeTruthy();
  });
});

describe('adapter view', () => {
  it('shows properties, usage and port traffic, and the partitions with their share of NIC traffic', async () => {
    const api = installFakeApi();
    renderApp('/cpcs/P0001/adapters/OSA%201');
    expect(await screen.findByRole('heading', { level: 1, name: 'OSA 1' })).toBeTruthy();
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByText('OSA 1').getAttribute('aria-current')).toBe('page');
    expect((await screen.findByLabelText('Adapter properties')).textContent).toContain('osa-express-7s-25gb');
    for (const title of ['Adapter usage', 'Port traffic (bytes/s)', 'Port traffic (packets/s)', 'Dropped packets (packets/s)']) {
      expect(await screen.findByRole('region', { name: title })).toBeTruthy();
    }
    const partitions = await screen.findByRole('table', { name: 'Partitions that use it' });
    expect(within(partitions).getByRole('link', { name: 'DB "prod"/2' }).getAttribute('href')).toBe(
      '/cpcs/P0001/partitions/DB%20%22prod%22%2F2',
    );
    await waitFor(() => expect(api.seriesCalls.some((c) => c.metric === 'zhmc_port_bytes_sent_count_total')).toBe(true));
  });

  it('says an unknown adapter was not found, with a way back to its CPC', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001/adapters/NOPE');
    expect(await screen.findByRole('heading', { name: 'Adapter not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to P0001' }).getAttribute('href')).toBe('/cpcs/P0001');
  });
});

describe('not measured in this mode, and the heatmap as a table', () => {
  it('explains a metric the BFF marks unsupportedInMode instead of drawing an empty chart', async () => {
    const api = installFakeApi();
    api.series = (call) => ({
      status: 200,
      body: {
        metric: call.metric,
        source: 'prometheus',
        step: 15,
        start: 0,
        end: 30,
        timestamps: [0, 15, 30],
        series: [],
        stale: false,
        ...(call.metric === 'zhmc_cpc_storage_adapter_usage_ratio'
          ? { unsupportedInMode: { mode: 'classic', alternative: 'zhmc_cpc_channel_usage_ratio' } }
          : {}),
      },
    });
    renderApp('/cpcs/P0001');
    const panel = await screen.findByRole('region', { name: 'Storage adapter usage' });
    expect(
      await within(panel).findByText(
        /Not measured for Classic CPCs: the HMC reports this only in DPM mode\. Channel usage is shown instead\./,
      ),
    ).toBeTruthy();
    expect(within(panel).queryByRole('img')).toBeNull();
    // Another panel with an empty answer says "No data", not 0 %.
    expect(await within(screen.getByRole('region', { name: 'Processor usage' })).findByText('No data')).toBeTruthy();
  });

  it('lists the heatmap rows as links with their average in the table view', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001?range=24h');
    const panel = await screen.findByRole('region', { name: 'Partition processor usage over time' });
    expect(await within(panel).findByRole('img', { name: /2 partitions, highest average first/ })).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Show Partition processor usage over time as a table' }));
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['DB "prod"/268.0%', 'LNX117.5%']);
    expect(within(panel).getByRole('link', { name: 'LNX1' }).getAttribute('href')).toBe('/cpcs/P0001/partitions/LNX1?range=24h');
  });
});

describe('addressable panels', () => {
  it.each(['/', '/cpcs/P0001', '/cpcs/P0001/partitions/LNX1', '/cpcs/P0001/adapters/OSA%201'])(
    'gives every panel of %s a unique, stable id',
    async (path) => {
      installFakeApi();
      const { container } = renderApp(path);
      await waitFor(() => expect(container.querySelectorAll('section.panel').length).toBeGreaterThan(2));
      await waitFor(() => expect(screen.queryAllByRole('status')).toHaveLength(0));
      const ids = [...container.querySelectorAll('section.panel')].map((section) => section.id);
      expect(ids.every((id) => /^\S+$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});
