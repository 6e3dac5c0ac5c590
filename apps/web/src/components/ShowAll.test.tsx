// Long lists show their first rows whole and "Show all N" (components/ShowAll.tsx): the CPC's
// adapters table, against the fake BFF, in both languages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INVENTORY, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { ADAPTER_ROW_LIMIT } from '../views/cpc/AdaptersTable';

vi.mock('./EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const MANY = ADAPTER_ROW_LIMIT + 5;

function installManyAdapters() {
  const api = installFakeApi();
  const adapters = Array.from({ length: MANY }, (_, i) => ({
    name: `OSA ${String(i).padStart(2, '0')}`,
    adapterId: String(0x100 + i),
    type: 'osd',
    family: 'network' as const,
    status: 'active',
    sources: ['prometheus' as const, 'hmc' as const],
  }));
  const [dpm, ...rest] = INVENTORY.cpcs;
  if (!dpm) throw new Error('the fake inventory has no CPC');
  api.inventory = () => ({ status: 200, body: { ...INVENTORY, cpcs: [{ ...dpm, adapters }, ...rest] } });
  return api;
}

describe('a long list', () => {
  it('shows its first rows and "Show all N", then every row and "Show the first N"', async () => {
    installManyAdapters();
    const user = userEvent.setup();
    renderApp('/cpcs/P0001');
    const table = await screen.findByRole('table', { name: `Adapters (${MANY})` });
    // A header row and the first rows, no more.
    expect(within(table).getAllByRole('row')).toHaveLength(ADAPTER_ROW_LIMIT + 1);
    const more = screen.getByRole('button', { name: `Show all ${MANY}` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(within(table).getAllByRole('row')).toHaveLength(MANY + 1);
    const fewer = screen.getByRole('button', { name: `Show the first ${ADAPTER_ROW_LIMIT}` });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    await user.click(fewer);
    expect(within(table).getAllByRole('row')).toHaveLength(ADAPTER_ROW_LIMIT + 1);
  });

  it('says so in zh-CN', async () => {
    installManyAdapters();
    renderApp('/cpcs/P0001?lang=zh-CN');
    expect(await screen.findByRole('button', { name: `显示全部 ${MANY} 项` })).toBeTruthy();
  });

  it('that fits shows no button', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001');
    await screen.findByRole('table', { name: 'Adapters (2)' });
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
  });
});
