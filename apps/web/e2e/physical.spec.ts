// The physical layer in Chromium against the real stack (simulated HMC over HTTPS, Prometheus with
// the simulator's backfilled history, the BFF serving the built SPA): a classic CPC's channel
// table → a channel view with its chart drawn → its LPAR and back; the site's power on the fleet
// view → a CPC's energy view with its power chart drawn. Screenshots at 1440 and 390 px wide.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { purple70 } from '@carbon/colors';
import { baseUrl } from './base-url';
import { expectLineDrawn, inventory, settled } from './helpers';

async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath(`${name}-1440.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('classic CPC → channel table → channel view drawn → its LPAR → back to the channel', async ({ page }, testInfo) => {
  const { cpcs } = await inventory(page);
  const classic = cpcs.find((c) => c.mode === 'classic');
  if (!classic) throw new Error('no classic CPC in the inventory');

  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(classic.name)}?range=6h`);
  const table = page.getByRole('table', { name: /^Channels \(\d+\)$/ });
  await expect(table.getByRole('row')).not.toHaveCount(1);
  // A dedicated channel: its row names its LPAR.
  const dedicated = table.getByRole('row').filter({ hasText: 'dedicated' }).first();
  const chpid = (await dedicated.getByRole('rowheader').textContent()) ?? '';
  const lpar = (await dedicated.getByRole('link').nth(1).textContent()) ?? '';
  await expect(dedicated).toContainText('%');
  await dedicated.getByRole('link', { name: chpid, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/cpcs/${encodeURIComponent(classic.name)}/channels/${encodeURIComponent(chpid)}\\?`));
  await expect(page.getByRole('heading', { level: 1, name: `Channel ${chpid}` })).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: `Usage of ${chpid} by LPAR` }), purple70);
  await screenshots(page, testInfo, 'channel');

  await page.getByLabel('Channel', { exact: true }).getByRole('link', { name: lpar, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: lpar })).toBeVisible();
  const channels = page.getByRole('table', { name: 'Channels of this LPAR' });
  await channels.getByRole('link', { name: chpid, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Channel ${chpid}` })).toBeVisible();
});

test('fleet → site power drawn and CPCs ranked → a CPC’s energy view with its power chart drawn', async ({ page }, testInfo) => {
  await page.goto(`${baseUrl()}/?range=6h`);
  const panel = page.getByRole('region', { name: 'Site power and energy' });
  await expectLineDrawn(panel.getByRole('img', { name: 'Total site power' }), '#8a3ffc');
  await expect(panel.getByLabel('Site power and energy', { exact: true })).toContainText('kWh');
  const ranking = panel.getByRole('table', { name: 'CPCs by power' });
  await expect(ranking.getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Top adapters in the fleet' }).getByRole('row')).not.toHaveCount(1);
  await screenshots(page, testInfo, 'fleet-power');

  const first = ranking.getByRole('row').nth(1).getByRole('link');
  const cpc = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: `Energy and environment of ${cpc}` })).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: 'Power', exact: true }), purple70);
  await expect(page.getByRole('img', { name: 'Temperature', exact: true })).toBeVisible();
  await screenshots(page, testInfo, 'energy');
});
