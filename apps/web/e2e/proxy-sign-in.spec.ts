// The portal's reverse proxy in front of zlens, as docs/deploy.md §6 and §6a set it up with nginx:
// zlens under /zlens on the portal's own origin, the proxy passing the path on unchanged and
// naming the signed-in user in X-Forwarded-User (overwriting whatever the browser sent). The BFF
// (ZLENS_AUTH=proxy, global-setup) believes only connections from 127.0.0.2; this proxy binds that
// source address, while the browser itself connects from 127.0.0.1.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { purple70 } from '@carbon/colors';
import { expectLineDrawn } from './helpers';

function proxiedBff(): URL {
  // eslint-disable-next-line no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment
  const value = process.env.ZLENS_E2E_PROXY_MODE_URL;
  if (value === undefined) throw new Error('ZLENS_E2E_PROXY_MODE_URL is not set: run through `playwright test`, which runs global-setup');
  return new URL(value);
}

const USER = 'erin.ops';
let portal: Server | null = null;
let portalUrl = '';

test.beforeAll(async () => {
  const bff = proxiedBff();
  portal = createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith('/zlens')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('the portal itself');
      return;
    }
    // The portal has signed the user in; the header the browser may have sent is replaced.
    const headers = { ...req.headers, host: bff.host, 'x-forwarded-user': USER };
    const upstream = httpRequest(
      { host: bff.hostname, port: bff.port, path, method: req.method, headers, localAddress: '127.0.0.2' },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => portal?.listen(0, '127.0.0.1', resolve));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (portal ? portal.close(() => resolve()) : resolve()));
});

test('through the portal proxy under /zlens the user is signed in; around it, not', async ({ browser }) => {
  // A browser that forges the header: through the proxy it is overwritten, around it it is ignored.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-user': 'mallory' } });
  const page = await context.newPage();
  await page.goto(`${portalUrl}/zlens/cpcs/ZLX1`);
  await expect(page.getByText(`Signed in as ${USER}`)).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await page.getByRole('link', { name: 'Fleet', exact: true }).click();
  // The router's root under its basename is /zlens (a reload gets a redirect to /zlens/).
  await expect(page).toHaveURL(`${portalUrl}/zlens`);
  await expect(page.getByRole('heading', { level: 1, name: /Fleet/ })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(`${portalUrl}/zlens/`);
  await expect(page.getByText(`Signed in as ${USER}`)).toBeVisible();

  await page.goto(`${proxiedBff().origin}/zlens/cpcs/ZLX1`);
  await expect(page.getByRole('heading', { name: 'Not signed in' })).toBeVisible();
  await expect(page.getByText('This connection does not come through the portal.')).toBeVisible();
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);
  await context.close();
});
