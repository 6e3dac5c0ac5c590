// Sign-in in the app (fake BFF, ECharts stubbed): the token from the link's fragment or from the
// portal, the Authorization header, the "Not signed in" screen on a 401, and what is posted to
// the portal. happy-dom loads no page into an iframe, so a framed page is simulated: window.parent
// is replaced by a MessagePort (a valid message source with a postMessage of its own, spied on).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultOther, errorReply, installFakeApi, type FakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { useAuthStore } from './auth-store';
import { takeFragmentToken } from './fragment-token';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

const PORTAL = 'https://portal.example';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
const EXPIRED = 'The token has expired (exp 2026-11-24T02:00:00Z): sign in to the portal again';
const NO_TOKEN = 'No token: zlens needs Authorization: Bearer <JWT> (ZLENS_AUTH=token)';

/**
 * A BFF in token mode: only `Bearer <accepted>` gets through; everything else is a 401. Without a
 * token it names the reason as code (as zlens's BFF does); for a wrong token it gives only words
 * (as a BFF without reason codes, or a proxy, would).
 */
function installTokenBff(accepted: string = TOKEN): FakeApi {
  const api = installFakeApi();
  api.other = (url) =>
    url.pathname === '/api/v1/embed-config' ? { status: 200, body: { allowedOrigins: [PORTAL], allowSelf: false } } : defaultOther(url);
  api.session = () => ({ status: 200, body: { mode: 'token', user: 'alice' } });
  api.auth = (authorization) => {
    if (authorization === null) return errorReply(401, 'unauthenticated', NO_TOKEN, { reason: 'missing' });
    return authorization === `Bearer ${accepted}` ? null : errorReply(401, 'unauthenticated', EXPIRED);
  };
  return api;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests stop: the count does not move over a quarter second. */
async function settled(api: FakeApi): Promise<number> {
  let before = -1;
  while (before !== api.calls.length) {
    before = api.calls.length;
    await sleep(250);
  }
  return before;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('token from the link', () => {
  it('takes #token= and removes it from the address bar, keeping path, query and other fragment params', () => {
    window.history.replaceState(null, '', `/cpcs/P0001?range=6h#panel=status&token=${TOKEN}&x=1`);
    expect(takeFragmentToken(window.location, window.history)).toBe(TOKEN);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/cpcs/P0001?range=6h#panel=status&x=1');

    window.history.replaceState(null, '', `/?lang=zh-CN#token=${TOKEN}`);
    expect(takeFragmentToken(window.location, window.history)).toBe(TOKEN);
    expect(window.location.href).toBe(`${window.location.origin}/?lang=zh-CN`);
  });

  it('removes an unusable token too, and leaves a fragment without one alone', () => {
    window.history.replaceState(null, '', '/#token=&a=1');
    expect(takeFragmentToken(window.location, window.history)).toBeNull();
    expect(window.location.hash).toBe('#a=1');
    window.history.replaceState(null, '', `/#token=${'x'.repeat(16 * 1024 + 1)}`);
    expect(takeFragmentToken(window.location, window.history)).toBeNull();
    expect(window.location.hash).toBe('');

    window.history.replaceState(null, '', '/cpcs/P0001#section');
    expect(takeFragmentToken(window.location, window.history)).toBeNull();
    expect(window.location.hash).toBe('#section');
  });

  it('sends the token as Authorization: Bearer on every request, and the view renders', async () => {
    const api = installTokenBff();
    window.history.replaceState(null, '', `/cpcs/P0001#token=${TOKEN}`);
    const token = takeFragmentToken(window.location, window.history);
    if (token !== null) useAuthStore.getState().setToken(token);
    renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    await waitFor(() => expect(api.seriesCalls.length).toBeGreaterThan(0));
    const data = api.requests.filter((r) => !r.path.startsWith('/api/v1/embed-config'));
    expect(data.length).toBeGreaterThan(2);
    expect(new Set(data.map((r) => r.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    expect(await screen.findByText('Signed in as alice')).toBeTruthy();
  });

  it('sends no Authorization header without a token (proxy and none mode)', async () => {
    const api = installFakeApi();
    renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    await waitFor(() => expect(api.seriesCalls.length).toBeGreaterThan(0));
    expect(api.requests.filter((r) => r.authorization !== null)).toEqual([]);
  });
});

describe('signed out', () => {
  it('shows "Not signed in" with the BFF’s reason instead of the view, and stops asking', async () => {
    const api = installTokenBff();
    renderApp('/cpcs/P0001');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not signed in' })).toBeTruthy();
    expect(screen.getByText('zlens needs a sign-in token from the portal, and none was sent.')).toBeTruthy();
    expect(screen.getByText('Open zlens through your portal, or sign in to the portal again.')).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'P0001' })).toBeNull();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    // No retry, no loop: the requests of the first render (a handful), then nothing more.
    const first = await settled(api);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(15);
    await sleep(500);
    expect(api.calls.length).toBe(first);

    // Try again asks once more, and lands on the same screen.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 1, name: 'Not signed in' });
    const second = await settled(api);
    expect(second).toBeGreaterThan(first);
    expect(second - first).toBeLessThanOrEqual(first);
  });

  it('says it, with the reason, in Chinese with lang=zh-CN', async () => {
    installTokenBff();
    renderApp('/?lang=zh-CN');
    expect(await screen.findByRole('heading', { level: 1, name: '未登录' })).toBeTruthy();
    expect(screen.getByText('zlens 需要门户提供的登录令牌，但未收到任何令牌。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });

  it('replaces the one-panel page too', async () => {
    installTokenBff();
    renderApp('/embed/panel/status/cpcs/P0001/partitions/LNX1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not signed in' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Status over time' })).toBeNull();
  });
});

describe('signed in as', () => {
  it('shows nobody in auth mode none', async () => {
    const api = installFakeApi();
    renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    await waitFor(() => expect(api.calls).toContain('/api/v1/session'));
    await sleep(50);
    expect(screen.queryByText(/Signed in as/)).toBeNull();
  });

  it('names the user the proxy signed in', async () => {
    const api = installFakeApi();
    api.session = () => ({ status: 200, body: { mode: 'proxy', user: 'OPERATOR1' } });
    renderApp('/');
    expect(await screen.findByText('Signed in as OPERATOR1')).toBeTruthy();
  });
});

describe('framed by a portal', () => {
  let parent: MessagePort;
  /** The arguments of every postMessage to the parent. */
  let posted: unknown[][];
  const ownParent = Object.getOwnPropertyDescriptor(window, 'parent');

  beforeEach(() => {
    parent = new MessageChannel().port1;
    posted = [];
    vi.spyOn(parent, 'postMessage').mockImplementation((...args: unknown[]) => {
      posted.push(args);
    });
    Object.defineProperty(window, 'parent', { configurable: true, get: () => parent });
    vi.spyOn(document, 'referrer', 'get').mockReturnValue(`${PORTAL}/dashboards/ops`);
  });

  afterEach(() => {
    if (ownParent) Object.defineProperty(window, 'parent', ownParent);
    else Reflect.deleteProperty(window, 'parent');
  });

  function send(origin: string, data: unknown, source: MessageEventSource = parent): void {
    act(() => {
      window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
    });
  }

  function authRequired(): unknown[] {
    return posted.filter(
      ([message]) => typeof message === 'object' && message !== null && 'type' in message && message.type === 'zlens:authRequired',
    );
  }

  it('waits for the portal’s token without embed=1, then renders the view with it', async () => {
    const api = installTokenBff();
    renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 1, name: 'Not signed in' });
    expect(screen.getByText('Waiting for the portal to send a sign-in token.')).toBeTruthy();
    await waitFor(() => expect(authRequired()).toEqual([[{ type: 'zlens:authRequired', message: NO_TOKEN, reason: 'missing' }, PORTAL]]));
    await settled(api);
    // The other 401s of the same moment do not post it again.
    expect(authRequired()).toHaveLength(1);

    const before = api.requests.length;
    send(PORTAL, { type: 'zlens:setToken', token: TOKEN });
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    await waitFor(() => expect(api.seriesCalls.length).toBeGreaterThan(0));
    const after = api.requests.slice(before).filter((r) => !r.path.startsWith('/api/v1/embed-config'));
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.map((r) => r.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    expect(screen.queryByRole('heading', { name: 'Not signed in' })).toBeNull();
  });

  it('posts authRequired again each time the page becomes signed out', async () => {
    installTokenBff();
    renderApp('/cpcs/P0001?embed=1');
    await waitFor(() => expect(authRequired()).toHaveLength(1));
    send(PORTAL, { type: 'zlens:setToken', token: TOKEN });
    await screen.findByRole('heading', { level: 1, name: 'P0001' });
    // A token the BFF no longer takes: signed out again, and the portal hears of it once more.
    send(PORTAL, { type: 'zlens:setToken', token: 'stale.token.value' });
    await screen.findByRole('heading', { level: 1, name: 'Not signed in' });
    expect(screen.getByText(EXPIRED)).toBeTruthy();
    await waitFor(() =>
      expect(authRequired()).toEqual([
        [{ type: 'zlens:authRequired', message: NO_TOKEN, reason: 'missing' }, PORTAL],
        [{ type: 'zlens:authRequired', message: EXPIRED, reason: null }, PORTAL],
      ]),
    );
  });

  it('ignores setToken from an origin that is not allowed, or from another frame', async () => {
    const api = installTokenBff();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    renderApp('/cpcs/P0001');
    await screen.findByRole('heading', { level: 1, name: 'Not signed in' });
    await waitFor(() => expect(authRequired()).toHaveLength(1));
    await settled(api);

    send('https://evil.example', { type: 'zlens:setToken', token: TOKEN });
    send(PORTAL, { type: 'zlens:setToken', token: TOKEN }, new MessageChannel().port1);
    send(PORTAL, { type: 'zlens:setToken', token: '' });
    await sleep(300);
    expect(screen.getByRole('heading', { level: 1, name: 'Not signed in' })).toBeTruthy();
    expect(api.requests.filter((r) => r.authorization !== null)).toEqual([]);
    expect(debug.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('origin https://evil.example is not allowed'),
      expect.stringContaining('it does not come from the parent page'),
      expect.stringContaining('not a zlens message zlens accepts'),
    ]);
  });
});
