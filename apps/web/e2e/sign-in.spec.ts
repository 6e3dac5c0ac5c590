// Sign-in in an iframe, in Chromium against a BFF with ZLENS_AUTH=token under the path prefix
// /zlens (global-setup), as a site behind a portal runs it. The portal hands zlens a JWT in the
// iframe URL's fragment, or by postMessage when a frame asks for one (zlens:authRequired); never
// a cookie. Without a token the page says it is not signed in, once, and does not loop.
import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { purple70 } from '@carbon/colors';
import { SignJWT } from 'jose';
import { expectLineDrawn } from './helpers';

function env(name: 'ZLENS_E2E_TOKEN_URL' | 'ZLENS_E2E_TOKEN_SECRET' | 'ZLENS_E2E_PORTAL_PORT'): string {
  // eslint-disable-next-line no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: run through \`playwright test\`, which runs global-setup`);
  return value;
}

/** The BFF's URL with its prefix: http://127.0.0.1:<port>/zlens */
const zlens = () => env('ZLENS_E2E_TOKEN_URL');
const zlensOrigin = () => new URL(zlens()).origin;
const portal = () => `http://127.0.0.1:${env('ZLENS_E2E_PORTAL_PORT')}`;
const CPC = 'ZLX1';

/** A token as the portal's identity provider would mint it (HS256 with the shared secret). */
function token(user: string, expiresAt: number = Math.floor(Date.now() / 1000) + 600): Promise<string> {
  return new SignJWT({ sub: user, aud: 'zlens' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(env('ZLENS_E2E_TOKEN_SECRET')));
}

/**
 * The portal: one panel that gets its token in the URL fragment, and one whole view that gets
 * none and is answered by postMessage when it posts zlens:authRequired.
 */
function portalPage(panelToken: string, viewToken: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Ops portal</title><style>
    body { font-family: sans-serif; margin: 16px; background: #e8e8e8; }
    iframe { display: block; width: 100%; height: 120px; border: 1px solid #999; background: #fff; margin-bottom: 12px; }
  </style></head><body><h1>Ops portal (signed in as alice)</h1>
    <iframe id="panel" title="Processor" src="${zlens()}/embed/panel/cpc-processor-usage-ratio/cpcs/${CPC}#token=${panelToken}"></iframe>
    <iframe id="view" title="CPC" src="${zlens()}/cpcs/${CPC}?embed=1"></iframe>
    <script>
      const ZLENS = ${JSON.stringify(zlensOrigin())};
      window.received = [];
      addEventListener('message', (event) => {
        if (event.origin !== ZLENS) return;
        const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
        window.received.push({ id: frame ? frame.id : null, type: event.data && event.data.type });
        if (!frame || !event.data) return;
        if (event.data.type === 'zlens:resize') frame.style.height = event.data.height + 'px';
        if (event.data.type === 'zlens:authRequired') frame.contentWindow.postMessage({ type: 'zlens:setToken', token: ${JSON.stringify(viewToken)} }, ZLENS);
      });
    </script></body></html>`;
}

let server: Server | null = null;
let page_: string | null = null;

test.beforeAll(async () => {
  page_ = portalPage(await token('alice'), await token('alice'));
  server = createServer((req, res) => {
    const found = req.url === '/' && page_ !== null;
    res.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(found ? page_ : 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server?.once('error', reject);
    server?.listen(Number(env('ZLENS_E2E_PORTAL_PORT')), '127.0.0.1', resolve);
  });
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Every /api request the page (and its frames) sends, with the Authorization it carried. */
function recordApi(page: Page): { url: string; authorization: string | undefined }[] {
  const seen: { url: string; authorization: string | undefined }[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${zlens()}/api/`)) seen.push({ url: r.url(), authorization: r.headers().authorization });
  });
  return seen;
}

test('a portal signs in a panel by the URL fragment and a whole view by postMessage', async ({ page }, testInfo) => {
  const api = recordApi(page);
  await page.goto(`${portal()}/`);
  const panel = page.frameLocator('#panel');
  const view = page.frameLocator('#view');
  await expectLineDrawn(panel.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await expectLineDrawn(view.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await expect(view.getByRole('heading', { level: 1, name: CPC })).toBeVisible();
  await expect(view.getByRole('heading', { name: 'Not signed in' })).toHaveCount(0);

  // The view asked for a token, exactly once; the panel, which had one, never did.
  const received = await page.evaluate(() => (window as unknown as { received: { id: string; type: string }[] }).received);
  expect(received.filter((m) => m.type === 'zlens:authRequired').map((m) => m.id)).toEqual(['view']);
  // Data requests succeeded with the bearer token, and the token left the panel's address bar.
  const data = api.filter((r) => r.url.includes('/api/v1/series'));
  expect(data.length).toBeGreaterThan(2);
  expect(data.filter((r) => r.authorization?.startsWith('Bearer ey')).length).toBeGreaterThan(2);
  const panelFrame = page.frames().find((f) => f.url().includes('/embed/panel/'));
  expect(panelFrame?.url()).not.toContain('token=');
  // Never as a cookie.
  expect(await page.context().cookies(zlens())).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('portal-signed-in.png'), fullPage: true });
});

test('without a token the page says it is not signed in, and stops asking', async ({ page }, testInfo) => {
  const api = recordApi(page);
  await page.goto(`${zlens()}/cpcs/${CPC}`);
  await expect(page.getByRole('heading', { name: 'Not signed in' })).toBeVisible();
  await expect(page.getByText('zlens needs a sign-in token from the portal, and none was sent.')).toBeVisible();
  await expect(page.getByText('Open zlens through your portal, or sign in to the portal again.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Processor usage', exact: true })).toHaveCount(0);
  // No loop: after the first refusals nothing more is asked while the page sits there.
  await page.waitForTimeout(1500);
  const settled = api.length;
  await page.waitForTimeout(4000);
  expect(api.length).toBe(settled);
  expect(settled).toBeLessThan(15);
  expect(page.url()).toBe(`${zlens()}/cpcs/${CPC}`);
  await page.screenshot({ path: testInfo.outputPath('signed-out.png') });

  // An expired token is named as such.
  await page.goto(`${zlens()}/cpcs/${CPC}#token=${await token('alice', Math.floor(Date.now() / 1000) - 3600)}`);
  await expect(page.getByRole('heading', { name: 'Not signed in' })).toBeVisible();
  await expect(page.getByText('The sign-in token has expired; the portal must send a new one.')).toBeVisible();
  // In Chinese too: the reason comes as a code and is said in the page's language.
  await page.goto(`${zlens()}/cpcs/${CPC}?lang=zh-CN#token=${await token('alice', Math.floor(Date.now() / 1000) - 3600)}`);
  await expect(page.getByText('登录令牌已过期，门户需要发送新的令牌。')).toBeVisible();
});

test('opened directly with a token under the /zlens prefix: links keep the prefix, the user is named', async ({ page }) => {
  await page.goto(`${zlens()}/#token=${await token('bob')}`);
  await expect(page.getByText('Signed in as bob')).toBeVisible();
  expect(page.url()).toBe(`${zlens()}/`);
  await page.getByRole('link', { name: CPC, exact: true }).first().click();
  await expect(page).toHaveURL(`${zlens()}/cpcs/${CPC}`);
  await expectLineDrawn(page.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  // A reload keeps nothing: the token lived in memory only.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Not signed in' })).toBeVisible();
});
