// The partitions table's sorting as a user drives it: header buttons, aria-sort, the visible
// order. Fetch is the fake BFF (test/fake-api.ts); the ECharts wrapper is stubbed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { usePartitionSortStore } from './partition-sort-store';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
  usePartitionSortStore.setState(usePartitionSortStore.getInitialState(), true);
});

/** The table once the usage has arrived (DB "prod"/2 at 81 %, LNX1 25 %, 测试 分区 5 %, IDLE stopped). */
async function loadedTable(path = '/cpcs/P0001') {
  installFakeApi();
  const rendered = renderApp(path);
  const table = await screen.findByRole('table', { name: /^Partitions/ });
  await waitFor(() => expect(within(table).getByText('81.0%')).toBeTruthy());
  return { ...rendered, table };
}

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);

const header = (table: HTMLElement, name: string) => within(table).getByRole('columnheader', { name });
const sortButton = (table: HTMLElement, name: string) => within(header(table, name)).getByRole('button', { name });

describe('Partition table sorting', () => {
  it('starts busiest first, shown by aria-sort on the usage header only', async () => {
    const { table } = await loadedTable();
    expect(rowNames(table)).toEqual(['DB "prod"/2', 'LNX1', '测试 分区', 'IDLE']);
    expect(header(table, 'Processor usage (now)').getAttribute('aria-sort')).toBe('descending');
    for (const name of ['Partition', 'Status', 'Type']) expect(header(table, name).hasAttribute('aria-sort')).toBe(false);
  });

  it('sorts by partition name when its header is clicked, and reverses on a second click', async () => {
    const { table } = await loadedTable();
    await userEvent.click(sortButton(table, 'Partition'));
    expect(rowNames(table)).toEqual(['DB "prod"/2', 'IDLE', 'LNX1', '测试 分区']);
    expect(header(table, 'Partition').getAttribute('aria-sort')).toBe('ascending');
    expect(header(table, 'Processor usage (now)').hasAttribute('aria-sort')).toBe(false);

    await userEvent.click(sortButton(table, 'Partition'));
    expect(rowNames(table)).toEqual(['测试 分区', 'LNX1', 'IDLE', 'DB "prod"/2']);
    expect(header(table, 'Partition').getAttribute('aria-sort')).toBe('descending');
  });

  it('keeps the stopped partition last when usage is sorted least busy first', async () => {
    const { table } = await loadedTable();
    await userEvent.click(sortButton(table, 'Processor usage (now)'));
    expect(header(table, 'Processor usage (now)').getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames(table)).toEqual(['测试 分区', 'LNX1', 'DB "prod"/2', 'IDLE']);
    // The usage cell (the last one is the Compare checkbox).
    const usageColumn = within(table).getAllByRole('columnheader').indexOf(header(table, 'Processor usage (now)'));
    const last = within(table).getAllByRole('row').at(-1);
    expect(last?.children[usageColumn]?.textContent).toBe('— not running');
  });

  it('sorts by status and by type, equal values by name', async () => {
    const { table } = await loadedTable();
    await userEvent.click(sortButton(table, 'Status'));
    expect(rowNames(table)).toEqual(['DB "prod"/2', 'LNX1', '测试 分区', 'IDLE']);
    await userEvent.click(sortButton(table, 'Status'));
    expect(rowNames(table)).toEqual(['IDLE', 'DB "prod"/2', 'LNX1', '测试 分区']);

    await userEvent.click(sortButton(table, 'Type'));
    expect(header(table, 'Type').getAttribute('aria-sort')).toBe('ascending');
    expect(header(table, 'Status').hasAttribute('aria-sort')).toBe(false);
    expect(rowNames(table)).toEqual(['DB "prod"/2', 'IDLE', 'LNX1', '测试 分区']);
    await userEvent.click(sortButton(table, 'Type'));
    expect(rowNames(table)).toEqual(['测试 分区', 'DB "prod"/2', 'IDLE', 'LNX1']);
  });

  it('sorts from the keyboard with Enter and Space', async () => {
    const { table } = await loadedTable();
    const user = userEvent.setup();
    sortButton(table, 'Partition').focus();
    await user.keyboard('{Enter}');
    expect(header(table, 'Partition').getAttribute('aria-sort')).toBe('ascending');
    await user.keyboard(' ');
    expect(header(table, 'Partition').getAttribute('aria-sort')).toBe('descending');
    expect(rowNames(table)).toEqual(['测试 分区', 'LNX1', 'IDLE', 'DB "prod"/2']);
  });

  it('keeps the chosen order after opening a partition and going back', async () => {
    const { table, router } = await loadedTable();
    await userEvent.click(sortButton(table, 'Partition'));
    await userEvent.click(within(table).getByRole('link', { name: 'LNX1' }));
    await screen.findByRole('heading', { level: 1, name: 'LNX1' });

    await router.navigate(-1);
    const again = await screen.findByRole('table', { name: /^Partitions/ });
    expect(header(again, 'Partition').getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames(again)).toEqual(['DB "prod"/2', 'IDLE', 'LNX1', '测试 分区']);
  });
});
