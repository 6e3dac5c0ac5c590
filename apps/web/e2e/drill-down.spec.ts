// The flows an operator depends on, in Chromium against the real stack (simulated HMC over
// HTTPS, real Prometheus with backfilled history, the BFF serving the built SPA): fleet → CPC →
// partition → adapter and back, with drawn charts and a screenshot of each view at 1440×900.
import { expect, test } from '@playwright/test';
import { cyan50, magenta70, purple70, teal70 } from '@carbon/colors';
import { baseUrl } from './base-url';
import { expectLineDrawn, inventory, settled } from './helpers';

test('fleet → CPC → partition → adapter and back, charts drawn at every level', async ({ page }, testInfo) => {
  const { cpcs } = await inventory(page);
  expect(cpcs.length).toBeGreaterThanOrEqual(2);
  const cpc = cpcs.find((c) => c.mode === 'dpm');
  if (!cpc) throw new Error('no DPM CPC in the inventory');
  // A running partition whose name has a space: the name must survive links and the URL.
  const partition = cpc.partitions.find((p) => p.status === 'active' && p.name.includes(' '));
  if (!partition) throw new Error(`no active partition with a space in its name on ${cpc.name}`);

  await page.goto(`${baseUrl()}/`);
  await expect(page).toHaveTitle(/Fleet/);
  for (const c of cpcs) await expect(page.getByRole('link', { name: c.name, exact: true }).first()).toBeVisible();
  const card = page.getByRole('img', { name: `${cpc.name}: usage over time` });
  await expectLineDrawn(card, purple70);
  await expectLineDrawn(card, cyan50);
  await expectLineDrawn(card, teal70);
  await expect(page.getByRole('img', { name: /^Partition processor usage across the fleet/ })).toBeVisible();
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('fleet.png'), fullPage: true });

  await page.getByRole('link', { name: cpc.name, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/cpcs/${encodeURIComponent(cpc.name)}$`));
  await expect(page.getByRole('heading', { level: 1, name: cpc.name })).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await expectLineDrawn(page.getByRole('img', { name: 'Network adapter usage', exact: true }), cyan50);
  await expectLineDrawn(page.getByRole('img', { name: 'Storage adapter usage', exact: true }), teal70);
  await expect(page.getByRole('table', { name: 'Top partitions' }).getByRole('row')).not.toHaveCount(0);
  await expect(page.getByRole('img', { name: /^Partition processor usage over time/ })).toBeVisible();
  const partitions = page.getByRole('table', { name: /^Partitions/ });
  const row = partitions.getByRole('row').filter({ has: page.getByRole('link', { name: partition.name, exact: true }) });
  await expect(row).toContainText('%');
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('cpc.png'), fullPage: true });

  await row.getByRole('link', { name: partition.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cpcs/${encodeURIComponent(cpc.name)}/partitions/${encodeURIComponent(partition.name)}$`));
  await expect(page.getByRole('heading', { level: 1, name: partition.name })).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: 'Processor usage: partition and CPC' }), purple70);
  await expectLineDrawn(page.getByRole('img', { name: 'Network adapter usage: partition and CPC' }), cyan50);
  await expect(page.getByLabel('Partition properties')).toContainText(partition.type ?? '');
  const adapters = page.getByRole('table', { name: 'Adapters it uses' });
  await expect(adapters.getByRole('link').first()).toBeVisible();
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('partition.png'), fullPage: true });

  const adapterLink = adapters.getByRole('link').first();
  const adapterName = (await adapterLink.textContent()) ?? '';
  await adapterLink.click();
  await expect(page).toHaveURL(new RegExp(`/cpcs/${encodeURIComponent(cpc.name)}/adapters/${encodeURIComponent(adapterName)}$`));
  await expect(page.getByRole('heading', { level: 1, name: adapterName })).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: 'Adapter usage', exact: true }), purple70);
  await expect(
    page.getByRole('table', { name: 'Partitions that use it' }).getByRole('link', { name: partition.name, exact: true }),
  ).toBeVisible();
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('adapter.png'), fullPage: true });

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: partition.name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: cpc.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: cpc.name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Fleet' }).click();
  await expect(page).toHaveTitle(/Fleet/);
});

test('a classic CPC shows channel usage and says why', async ({ page }, testInfo) => {
  const { cpcs } = await inventory(page);
  const classic = cpcs.find((c) => c.mode === 'classic');
  if (!classic) throw new Error('no classic CPC in the inventory');
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(classic.name)}`);
  await expectLineDrawn(page.getByRole('img', { name: 'Channel usage', exact: true }), magenta70);
  await expect(page.getByText(/channel usage shows the I\/O load instead/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network adapter usage' })).toHaveCount(0);
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('cpc-classic.png'), fullPage: true });
});

test('an unknown CPC, partition or adapter shows a clear message, not a blank page', async ({ page }) => {
  const { cpcs } = await inventory(page);
  const cpc = cpcs[0];
  if (!cpc) throw new Error('no CPC in the inventory');

  await page.goto(`${baseUrl()}/cpcs/NO-SUCH-CPC`);
  await expect(page.getByRole('heading', { name: 'CPC not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the fleet' })).toBeVisible();

  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc.name)}/partitions/${encodeURIComponent('NO "SUCH" 分区')}`);
  await expect(page.getByRole('heading', { name: 'Partition not found' })).toBeVisible();
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc.name)}/adapters/NOPE`);
  await expect(page.getByRole('heading', { name: 'Adapter not found' })).toBeVisible();
});
