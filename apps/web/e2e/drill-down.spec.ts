// The flow an operator depends on, in Chromium against the real stack (simulated HMC over
// HTTPS, real Prometheus with backfilled history, the BFF serving the built SPA):
// fleet → CPC → partition, with drawn charts, the time range in the URL, and back navigation.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cyan50, purple70, teal70 } from '@carbon/colors';
import { InventoryResponseSchema, type InventoryResponse } from '@zlens/shared';
import { baseUrl } from './base-url';

/** Counts canvas pixels of a series colour: axes and grid lines are grey, so only a drawn line is counted. */
async function pixelsOfColor(chart: Locator, hex: string): Promise<number> {
  return chart.evaluate((element, color) => {
    const target = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    let count = 0;
    for (const canvas of element.querySelectorAll('canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        const close = target.every((c, k) => Math.abs((data[i + k] ?? 0) - c) <= 24);
        if (close && (data[i + 3] ?? 0) > 200) count += 1;
      }
    }
    return count;
  }, hex);
}

async function expectLineDrawn(chart: Locator, hex: string): Promise<void> {
  await expect(chart).toBeVisible();
  // A line across the plot is hundreds of pixels; a legend swatch alone is under 100.
  await expect.poll(() => pixelsOfColor(chart, hex), { message: `a ${hex} line in ${await chart.getAttribute('aria-label')}` }).toBeGreaterThan(150);
}

async function inventory(page: Page): Promise<InventoryResponse> {
  const response = await page.request.get(`${baseUrl()}/api/v1/inventory`);
  expect(response.ok()).toBe(true);
  return InventoryResponseSchema.parse(await response.json());
}

test('fleet → CPC → partition shows drawn usage charts at every level', async ({ page }, testInfo) => {
  const { cpcs } = await inventory(page);
  expect(cpcs.length).toBeGreaterThanOrEqual(2);
  const cpc = cpcs[0];
  if (!cpc) throw new Error('no CPC in the inventory');
  // A running partition whose name has a space: the name must survive links and the URL.
  const partition = cpc.partitions.find((p) => p.status === 'active' && p.name.includes(' '));
  if (!partition) throw new Error(`no active partition with a space in its name on ${cpc.name}`);

  await page.goto(`${baseUrl()}/`);
  await expect(page).toHaveTitle(/Fleet/);
  for (const c of cpcs) await expect(page.getByRole('link', { name: c.name, exact: true })).toBeVisible();
  const card = page.getByRole('img', { name: `${cpc.name}: processor, network and storage usage` });
  await expectLineDrawn(card, purple70);
  await expectLineDrawn(card, cyan50);
  await expectLineDrawn(card, teal70);
  await page.screenshot({ path: testInfo.outputPath('fleet.png'), fullPage: true });

  await page.getByRole('link', { name: cpc.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cpcs/${encodeURIComponent(cpc.name)}$`));
  await expect(page.getByRole('heading', { name: cpc.name })).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: /^Processor usage/ }), purple70);
  await expectLineDrawn(page.getByRole('img', { name: /^Network adapter usage/ }), cyan50);
  await expectLineDrawn(page.getByRole('img', { name: /^Storage adapter usage/ }), teal70);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: partition.name, exact: true }) });
  await expect(row).toContainText('%');
  await page.screenshot({ path: testInfo.outputPath('cpc.png'), fullPage: true });

  await row.getByRole('link', { name: partition.name, exact: true }).click();
  await expect(page).toHaveURL(
    new RegExp(`/cpcs/${encodeURIComponent(cpc.name)}/partitions/${encodeURIComponent(partition.name)}$`),
  );
  await expect(page.getByRole('heading', { name: partition.name })).toBeVisible();
  await expectLineDrawn(page.getByRole('img', { name: /^Processor usage/ }), purple70);
  await expectLineDrawn(page.getByRole('img', { name: /^Network adapter usage/ }), cyan50);
  await expectLineDrawn(page.getByRole('img', { name: /^Storage adapter usage/ }), teal70);
  await page.screenshot({ path: testInfo.outputPath('partition.png'), fullPage: true });

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/cpcs/${encodeURIComponent(cpc.name)}$`));
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Fleet' }).click();
  await expect(page).toHaveTitle(/Fleet/);
});

test('the time range lives in the URL: a copied link opens the same range', async ({ page, context }) => {
  await page.goto(`${baseUrl()}/`);
  await page.getByRole('combobox', { name: 'Time range' }).selectOption('6h');
  await expect(page).toHaveURL(/[?&]range=6h/);
  const link = page.url();

  const colleague = await context.newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole('combobox', { name: 'Time range' })).toHaveValue('6h');

  await page.goBack();
  await expect(page).not.toHaveURL(/range=/);
  await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('1h');
});

test('an unknown CPC or partition shows a clear message, not a blank page', async ({ page }) => {
  const { cpcs } = await inventory(page);
  const cpc = cpcs[0];
  if (!cpc) throw new Error('no CPC in the inventory');

  await page.goto(`${baseUrl()}/cpcs/NO-SUCH-CPC`);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /fleet/i }).first()).toBeVisible();

  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc.name)}/partitions/${encodeURIComponent('NO "SUCH" 分区')}`);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
});
