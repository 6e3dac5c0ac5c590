// zlens under a path prefix (the BFF injects <base href="/zlens/">): the API URLs, the router and
// the copied embed links carry it; without a <base> (Vite's dev server) zlens lives at '/'.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { apiBase, appRoot, basePath, routerBasename } from './base-path';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

function setBase(href: string): void {
  const base = document.createElement('base');
  base.setAttribute('href', href);
  document.head.append(base);
}

afterEach(() => {
  document.head.querySelectorAll('base').forEach((base) => base.remove());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('basePath', () => {
  it('is / without a <base> element or with an empty one', () => {
    expect(basePath()).toBe('/');
    expect(routerBasename()).toBe('/');
    expect(apiBase()).toBe('/api/v1');
    expect(appRoot('https://z.example')).toBe('https://z.example');
    setBase('');
    expect(basePath()).toBe('/');
  });

  it('reads the path of <base href>, starting and ending with /', () => {
    setBase('/zlens/');
    expect(basePath()).toBe('/zlens/');
    expect(routerBasename()).toBe('/zlens');
    expect(apiBase()).toBe('/zlens/api/v1');
    expect(appRoot('https://portal.example')).toBe('https://portal.example/zlens');
    for (const href of ['/zlens', 'zlens', 'https://portal.example/zlens/']) {
      document.head.querySelectorAll('base').forEach((base) => base.remove());
      setBase(href);
      expect(basePath()).toBe('/zlens/');
    }
    document.head.querySelectorAll('base').forEach((base) => base.remove());
    setBase('/tools/z%20lens/');
    expect(basePath()).toBe('/tools/z%20lens/');
  });
});

describe('the app under a prefix', () => {
  it('asks the API under the prefix, links within it, and copies embed links that carry it', async () => {
    setBase('/zlens/');
    const api = installFakeApi();
    // Answers only under /zlens/api/v1 (an HTML 404 elsewhere), like the BFF behind the proxy.
    api.basePath = '/zlens/';
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    renderApp('/zlens/cpcs/P0001/partitions/LNX1?range=6h', { basename: routerBasename() });

    const panel = await screen.findByRole('region', { name: 'Status over time' });
    await waitFor(() => expect(api.seriesCalls.length).toBeGreaterThan(0));
    expect(api.calls.filter((path) => !path.startsWith('/zlens/api/v1/'))).toEqual([]);
    expect(screen.getByRole('link', { name: 'zlens' }).getAttribute('href')).toBe('/zlens?range=6h');
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'P0001' }).getAttribute('href')).toBe('/zlens/cpcs/P0001?range=6h');

    const button = panel.querySelector('button[aria-label="Copy the embed link of “Status over time”"]');
    if (!(button instanceof HTMLElement)) throw new Error('no copy button on the panel');
    await user.click(button);
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/zlens/embed/panel/status/cpcs/P0001/partitions/LNX1?range=6h`);
  });
});
