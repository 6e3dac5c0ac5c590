// Capacity planning on a CPC view: the processor usage stacked by partition, partitions picked for
// comparison (top-N table, search box, heatmap) kept in the URL and in an embedded panel, and the
// HMC hardware message drawn as a marker on the CPC's charts (off with ann=off).
import { expect, test, type Page } from '@playwright/test';
import { HardwareMessagesResponseSchema } from '@zlens/shared';
import { baseUrl } from './base-url';
import { inventory, pixelsOfColor } from './helpers';

/** Carbon g10's interactive blue: the colour of an HMC message marker (no usage line uses it). */
const MARKER_BLUE = '#0f62fe';

function picksOf(page: Page): string[] {
  return new URL(page.url()).searchParams.getAll('pick');
}

test('the stacked chart names the largest partitions and "other"; picks go into the comparison and the URL', async ({ page }) => {
  // A dozen views' worth of requests on a machine the other tests share.
  test.setTimeout(240_000);
  const cpc = (await inventory(page)).cpcs.find((c) => c.mode === 'dpm' && c.partitions.length > 10);
  if (!cpc) throw new Error('the demo preset has a DPM CPC with more than 10 partitions');
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc.name)}?range=6h`);

  const stacked = page.locator('[data-panel="processor-by-partition"]');
  const legend = stacked.getByRole('table', { name: 'Legend of Processor usage by partition' });
  // The first request of the view waits for Prometheus on a busy machine: a generous bound.
  await expect(legend.getByRole('row')).toHaveCount(1 + 8 + 1, { timeout: 60_000 });
  await expect(legend.getByRole('button', { name: /^Other \(\d+ partitions\)$/ })).toBeVisible();

  // From the heatmap: a click on a cell of its top row (the busiest partition).
  const heatmap = page.locator('[data-panel="heatmap"] canvas').first();
  await heatmap.scrollIntoViewIfNeeded();
  const box = await heatmap.boundingBox();
  if (!box) throw new Error('the heatmap has no box');
  await page.mouse.click(box.x + box.width * 0.7, box.y + 34);
  await expect.poll(() => picksOf(page).length, { timeout: 30_000 }).toBe(1);
  const [heatmapName = ''] = picksOf(page);

  // From the top partitions table: its first partition not picked yet (once the table shows the pick).
  const topTable = page.locator('[data-panel="top-partitions"]');
  await expect(topTable.getByRole('checkbox', { name: `Compare ${heatmapName}`, exact: true })).toBeChecked();
  const first = topTable.getByRole('checkbox', { checked: false }).first();
  const firstName = (await first.getAttribute('aria-label'))?.replace(/^Compare /, '') ?? '';
  await first.click();
  await expect.poll(() => picksOf(page)).toEqual([heatmapName, firstName]);

  // From the search box: the first match not picked yet.
  const compare = page.locator('[data-panel="compare"]');
  await expect(compare.getByRole('checkbox', { name: `Compare ${firstName}`, exact: true })).toBeChecked();
  await compare.getByRole('searchbox', { name: 'Find a partition' }).fill('0');
  const other = compare.getByRole('list', { name: 'Find a partition' }).getByRole('checkbox', { checked: false }).first();
  const otherName = (await other.getAttribute('aria-label'))?.replace(/^Compare /, '') ?? '';
  await other.click();
  await expect.poll(() => picksOf(page)).toEqual([heatmapName, firstName, otherName]);

  const chart = page.locator('[data-panel="compare-processor-usage-ratio"]');
  for (const name of [heatmapName, firstName, otherName])
    await expect(chart.getByRole('button', { name, exact: true })).toBeVisible({ timeout: 60_000 });

  // A copied link and an embedded panel show the same comparison.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Compared' }).getByRole('listitem')).toHaveCount(3, { timeout: 60_000 });
  const search = new URL(page.url()).search;
  await page.goto(`${baseUrl()}/embed/panel/compare-processor-usage-ratio/cpcs/${encodeURIComponent(cpc.name)}${search}`);
  for (const name of [firstName, otherName]) await expect(page.getByRole('button', { name, exact: true })).toBeVisible({ timeout: 60_000 });
});

test("an HMC hardware message is a marker on the CPC's charts, and ann=off hides it", async ({ page }) => {
  test.setTimeout(180_000);
  const cpc = (await inventory(page)).cpcs[0];
  if (!cpc) throw new Error('no CPC');
  const answer = await page.request.get(`${baseUrl()}/api/v1/cpcs/${encodeURIComponent(cpc.name)}/hardware-messages?from=now-24h&to=now`);
  // The premise: the simulated HMC has a message in the window (its console's "changes available").
  expect(HardwareMessagesResponseSchema.parse(await answer.json()).messages.length).toBeGreaterThan(0);
  const chart = page.locator('[data-panel="cpc-processor-usage-ratio"] [role="img"]').first();

  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc.name)}?range=24h`);
  await expect.poll(() => pixelsOfColor(chart, MARKER_BLUE), { timeout: 60_000 }).toBeGreaterThan(30);

  await page.getByLabel('Markers').selectOption('off');
  await expect.poll(() => new URL(page.url()).searchParams.get('ann')).toBe('off');
  await expect.poll(() => pixelsOfColor(chart, MARKER_BLUE), { timeout: 60_000 }).toBeLessThan(5);
});
