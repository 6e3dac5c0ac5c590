// Keyboard users skip the header and pickers with the first Tab; embedded views have no header to skip.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('skip link', () => {
  it('is the first Tab stop and moves the focus to the view, staying on the view', async () => {
    installFakeApi();
    const user = userEvent.setup();
    const { router } = renderApp('/cpcs/P0001?range=6h');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to the content' });
    expect(document.activeElement).toBe(skip);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(router.state.location.pathname).toBe('/cpcs/P0001');
  });

  it('is not there when embedded', async () => {
    installFakeApi();
    renderApp('/cpcs/P0001?embed=1');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    expect(screen.queryByRole('link', { name: 'Skip to the content' })).toBeNull();
  });
});
