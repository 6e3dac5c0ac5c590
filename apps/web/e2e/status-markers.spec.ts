// A partition's status changes in the running simulator (its admin endpoint, POST /admin/status):
// once Prometheus has scraped the change, the partition's charts carry a ▲ marker (a dashed line
// in the error colour, from its *_status_int series) whose tooltip names the old and the new
// status; ann=off hides it, and a reload keeps it hidden. A stack of its own (the other specs share
// global-setup's, whose statuses must not change under them), with the admin endpoint on.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { purple70 } from '@carbon/colors';
import { partitionUri } from '@zlens/hmc-sim';
import { startStack, type RunningStack } from '../bench/stack.mjs';
import { expectLineDrawn, pixelsOfColor } from './helpers';

/** Carbon g10's support-error red: a status marker's colour (no line of these charts uses it; the stack has no alert rules). */
const MARKER_RED = '#da1e28';

let stack: RunningStack;

test.beforeAll(async () => {
  stack = await startStack('demo', 1, undefined, { admin: true });
});

test.afterAll(async () => {
  await stack?.close();
});

/** The first active partition of a DPM CPC of the stack's site. */
function activePartition(): { cpc: string; name: string; uri: string } {
  for (const cpc of stack.scenario.cpcs) {
    if (!cpc['dpm-enabled']) continue;
    const partition = cpc.partitions.find((p) => p.status === 'active');
    if (partition) return { cpc: cpc.name, name: partition.name, uri: partitionUri(partition) };
  }
  throw new Error('the demo preset has no active DPM partition');
}

/** The text of the chart's tooltip where the pointer finds a status marker, scanning the plot's right part; '' when none. */
async function markerTooltip(page: Page, chart: Locator): Promise<string> {
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  // ECharts draws its tooltip as a div inside the chart's container.
  const tooltip = chart.locator('.zl-tt');
  for (let x = box.x + box.width - 4; x > box.x + box.width * 0.6; x -= 3) {
    await page.mouse.move(x, box.y + box.height * 0.5);
    const texts = await tooltip.allInnerTexts();
    const found = texts.find((text) => text.includes('▲'));
    if (found) return found;
  }
  return '';
}

test('a status change is a ▲ marker with old and new status on hover; ann=off hides it and the URL keeps it', async ({ page }) => {
  // A fresh stack on a shared machine, then a scrape and a refresh before the marker can show.
  test.setTimeout(360_000);
  const adminUrl = stack.sim.adminUrl;
  if (adminUrl === undefined) throw new Error('the stack was started without its admin endpoint');
  const partition = activePartition();
  await page.goto(
    `${stack.baseUrl}/cpcs/${encodeURIComponent(partition.cpc)}/partitions/${encodeURIComponent(partition.name)}?range=6h&refresh=15s`,
  );
  const chart = page.locator('[data-panel="status"] [role="img"]').first();
  await expect(chart).toBeVisible({ timeout: 60_000 });
  // The premise: no status change within the window before this test changes one.
  expect(await pixelsOfColor(chart, MARKER_RED)).toBeLessThan(5);

  const answer = await fetch(`${adminUrl}/admin/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ uri: partition.uri, status: 'degraded' }),
  });
  expect(answer.status).toBe(200);

  // Prometheus scrapes every 15 s, the BFF answers up to the newest step one scrape old, the page
  // refreshes every 15 s: poll until the marker is drawn.
  await expect.poll(() => pixelsOfColor(chart, MARKER_RED), { timeout: 180_000, intervals: [2_000] }).toBeGreaterThan(30);
  // The processor chart of the same partition has it too, and its tooltip names both statuses.
  const usage = page.getByRole('img', { name: 'Processor usage: partition and CPC', exact: true });
  await expect.poll(() => pixelsOfColor(usage, MARKER_RED), { timeout: 30_000 }).toBeGreaterThan(30);
  await expect.poll(() => markerTooltip(page, usage), { timeout: 30_000 }).toContain('Status: Active → Degraded');

  await page.mouse.move(0, 0);
  const before = new URL(page.url()).searchParams;
  await page.getByLabel('Markers').selectOption('off');
  await expect.poll(() => pixelsOfColor(usage, MARKER_RED), { timeout: 30_000 }).toBeLessThan(5);
  await expect.poll(() => new URL(page.url()).searchParams.get('ann')).toBe('off');
  // The rest of the URL as it was.
  const after = new URL(page.url()).searchParams;
  after.delete('ann');
  expect(after.toString()).toBe(before.toString());
  await expect.poll(() => pixelsOfColor(chart, MARKER_RED), { timeout: 30_000 }).toBeLessThan(5);

  await page.reload();
  await expect(page.getByLabel('Markers')).toHaveValue('off');
  // Drawn again (the partition's purple line), without the marker.
  await expectLineDrawn(usage, purple70);
  expect(await pixelsOfColor(usage, MARKER_RED)).toBeLessThan(5);
});
