// The readable API page a portal team builds on: Swagger UI over /api/v1/openapi.json, served by
// the BFF under its CSP. Against the token-mode BFF under /zlens (global-setup): the page needs no
// sign-in, and "Try it out" with a bearer token reaches the API under the prefix.
import { expect, test } from '@playwright/test';
import { SignJWT } from 'jose';

function env(name: 'ZLENS_E2E_TOKEN_URL' | 'ZLENS_E2E_TOKEN_SECRET'): string {
  // eslint-disable-next-line no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: run through \`playwright test\`, which runs global-setup`);
  return value;
}

test('the API page lists every endpoint and calls the API with a bearer token', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${env('ZLENS_E2E_TOKEN_URL')}/api/v1/docs/`);
  await expect(page.getByRole('heading', { name: /zlens BFF API/ })).toBeVisible();
  for (const path of ['/inventory', '/series', '/top', '/heatmap', '/session', '/embed-config']) {
    await expect(page.locator('.opblock-summary-path', { hasText: new RegExp(`^${path}$`) })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('api-docs.png') });

  const token = await new SignJWT({ sub: 'portal-dev', aud: 'zlens' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(env('ZLENS_E2E_TOKEN_SECRET')));
  await page
    .getByRole('button', { name: /Authorize/ })
    .first()
    .click();
  const dialog = page.locator('.dialog-ux');
  await dialog.locator('.auth-container input').fill(token);
  await dialog.getByRole('button', { name: 'Apply credentials' }).click();
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  const session = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/session$/ }) });
  await session.locator('.opblock-summary').click();
  await session.getByRole('button', { name: 'Try it out' }).click();
  const answered = page.waitForResponse((r) => r.url() === `${env('ZLENS_E2E_TOKEN_URL')}/api/v1/session`);
  await session.getByRole('button', { name: 'Execute' }).click();
  expect((await answered).status()).toBe(200);
  await expect(session.locator('.live-responses-table')).toContainText('"user": "portal-dev"');
  expect(problems).toEqual([]);
});
