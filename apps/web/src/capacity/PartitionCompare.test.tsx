// The partition search of "Compare partitions" on a CPC with many partitions: its first matches
// whole and "Show all N" (no inner scroll box that cuts rows), a search narrows the list, against
// the fake BFF.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INVENTORY, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { SEARCH_FIRST_MATCHES } from './PartitionCompare';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const MANY = 85;

function installManyPartitions() {
  const api = installFakeApi();
  const partitions = Array.from({ length: MANY }, (_, i) => ({
    name: `LP${String(i).padStart(2, '0')}`,
    status: 'active',
    type: 'linux' as const,
    sources: ['prometheus' as const, 'hmc' as const],
    noSeries: false,
  }));
  const [dpm, ...rest] = INVENTORY.cpcs;
  if (!dpm) throw new Error('the fake inventory has no CPC');
  api.inventory = () => ({ status: 200, body: { ...INVENTORY, cpcs: [{ ...dpm, partitions }, ...rest] } });
}

describe('the partition search', () => {
  it('lists its first matches and "Show all N", every match on request, and a search narrows it', async () => {
    installManyPartitions();
    const user = userEvent.setup();
    renderApp('/cpcs/P0001');
    const panel = await screen.findByRole('region', { name: 'Compare partitions' });
    const list = within(panel).getByRole('list', { name: 'Find a partition' });
    expect(within(list).getAllByRole('checkbox')).toHaveLength(SEARCH_FIRST_MATCHES);
    await user.click(within(panel).getByRole('button', { name: `Show all ${MANY}` }));
    expect(within(list).getAllByRole('checkbox')).toHaveLength(MANY);

    await user.type(within(panel).getByRole('searchbox', { name: 'Find a partition' }), 'LP1');
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label')),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `Compare LP1${i}`));
    expect(within(panel).queryByRole('button', { name: /^Show/ })).toBeNull();
  });

  it('says so in zh-CN', async () => {
    installManyPartitions();
    renderApp('/cpcs/P0001?lang=zh-CN');
    const panel = await screen.findByRole('region', { name: '对比分区' });
    expect(within(panel).getByRole('button', { name: `显示全部 ${MANY} 项` })).toBeTruthy();
  });
});
