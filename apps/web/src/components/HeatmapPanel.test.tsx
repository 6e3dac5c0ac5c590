// The heatmap's row labels are drawn on a canvas that only a mouse can use: the same rows must be
// links a keyboard reaches right after the chart. The chart is stubbed (happy-dom has no canvas).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultOther, heatmapResponse, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { HEATMAP_ROW_LIMIT } from './HeatmapPanel';

vi.mock('./EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('heatmap row links', () => {
  it('are next in the tab order after the chart, keep the view params, and open the partition on Enter', async () => {
    installFakeApi();
    const { router } = renderApp('/cpcs/P0001?range=24h&theme=dark');
    // The CPC view renders a dozen panels before this one: more than findBy's 1 s on a busy machine.
    const panel = await screen.findByRole('region', { name: 'Partition processor usage over time' }, { timeout: 10_000 });
    // The chart keeps its own name; the links are a list named after it.
    expect(await within(panel).findByRole('img', { name: /2 partitions, highest average first/ }, { timeout: 10_000 })).toBeTruthy();
    const list = within(panel).getByRole('list', { name: 'Partitions of Partition processor usage over time' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['DB "prod"/2', 'LNX1']);

    // The chart has no tab stop of its own: from the panel's last control before it, the next is the first row's link.
    const before = [...panel.querySelectorAll<HTMLElement>('button, a, [tabindex="0"]')].filter(
      (el) => !list.contains(el) && (el.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    before.at(-1)?.focus();
    await userEvent.tab();
    const first = within(list).getByRole('link', { name: 'DB "prod"/2' });
    expect(document.activeElement).toBe(first);
    expect(first.getAttribute('href')).toBe('/cpcs/P0001/partitions/DB%20%22prod%22%2F2?range=24h&theme=dark');

    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/cpcs/P0001/partitions/DB%20%22prod%22%2F2'));
    expect(router.state.location.search).toBe('?range=24h&theme=dark');
    expect(await screen.findByRole('heading', { level: 1, name: /DB "prod"\/2/ })).toBeTruthy();
  });

  it('name the CPC too in the fleet view, and are named in zh-CN', async () => {
    installFakeApi();
    renderApp('/?lang=zh-CN');
    const list = await screen.findByRole('list', { name: '全部分区的处理器使用率中的分区' });
    const link = within(list).getByRole('link', { name: 'P0001 / LNX1' });
    expect(link.getAttribute('href')).toBe('/cpcs/P0001/partitions/LNX1?lang=zh-CN');
  });

  it('give hidden rows no link until "show all"', async () => {
    const api = installFakeApi();
    const base = heatmapResponse('P0001');
    const rows = Array.from({ length: HEATMAP_ROW_LIMIT + 5 }, (_, i) => ({
      labels: { cpc: 'P0001', partition: `LP${String(i).padStart(3, '0')}` },
      values: [0.9, 0.9, 0.9],
      avg: 0.9 - i / 1000,
    }));
    api.other = (url) => (url.pathname === '/api/v1/heatmap' ? { status: 200, body: { ...base, rows } } : defaultOther(url));
    renderApp('/cpcs/P0001');
    const list = await screen.findByRole('list', { name: 'Partitions of Partition processor usage over time' });
    const names = within(list)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(names).toHaveLength(HEATMAP_ROW_LIMIT);
    expect(names.at(-1)).toBe(`LP${String(HEATMAP_ROW_LIMIT - 1).padStart(3, '0')}`);
    expect(screen.queryByRole('link', { name: `LP${String(HEATMAP_ROW_LIMIT).padStart(3, '0')}` })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: `Show all ${HEATMAP_ROW_LIMIT + 5}` }));
    expect(await within(list).findByRole('link', { name: `LP${String(HEATMAP_ROW_LIMIT + 4).padStart(3, '0')}` })).toBeTruthy();
  });

  it('are not drawn twice in the table view, which has its own links', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001');
    const panel = await screen.findByRole('region', { name: 'Partition processor usage over time' });
    await within(panel).findByRole('list', { name: 'Partitions of Partition processor usage over time' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Show Partition processor usage over time as a table' }));
    expect(within(panel).queryByRole('list')).toBeNull();
    expect(within(panel).getAllByRole('link', { name: 'LNX1' })).toHaveLength(1);
  });
});
