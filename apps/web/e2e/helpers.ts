import { expect, type Locator, type Page } from '@playwright/test';
import { InventoryResponseSchema, type InventoryResponse } from '@zlens/shared';
import { baseUrl } from './base-url';

/** Counts canvas pixels of a series colour: axes and grid lines are grey, so only a drawn line is counted. */
export async function pixelsOfColor(chart: Locator, hex: string): Promise<number> {
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

export async function expectLineDrawn(chart: Locator, hex: string): Promise<void> {
  await expect(chart).toBeVisible();
  // A line across the plot is hundreds of pixels; a dot or a swatch is far fewer.
  await expect
    .poll(() => pixelsOfColor(chart, hex), { message: `a ${hex} line in ${await chart.getAttribute('aria-label')}` })
    .toBeGreaterThan(150);
}

export async function inventory(page: Page): Promise<InventoryResponse> {
  const response = await page.request.get(`${baseUrl()}/api/v1/inventory`);
  expect(response.ok()).toBe(true);
  return InventoryResponseSchema.parse(await response.json());
}

/** Drags across the middle of a time chart's plot, from `fromFraction` to `toFraction` of its width. */
export async function dragAcross(page: Page, chart: Locator, fromFraction: number, toFraction: number): Promise<void> {
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * fromFraction, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((fromFraction + toFraction) / 2), y, { steps: 5 });
  await page.mouse.move(box.x + box.width * toFraction, y, { steps: 5 });
  await page.mouse.up();
}

/** Waits until no chart or panel is loading, so a screenshot shows the view as an operator sees it. */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveCount(0);
}

/** The views an operator uses, as paths (fleet, a CPC of each mode, partition, adapter, channel, embed). */
export async function viewPaths(page: Page): Promise<{ name: string; path: string }[]> {
  const { cpcs } = await inventory(page);
  const dpm = cpcs.find((c) => c.mode === 'dpm' && c.partitions.length > 0 && c.adapters.length > 0);
  const classic = cpcs.find((c) => c.mode === 'classic' && c.partitions.length > 0);
  if (!dpm || !classic) throw new Error('the demo inventory has no DPM and no classic CPC with partitions');
  const enc = encodeURIComponent;
  const partition = dpm.partitions[0]?.name ?? '';
  const adapter = dpm.adapters[0]?.name ?? '';
  // A channel: the first row of the classic CPC's channel table (the inventory does not list channels).
  await page.goto(`${baseUrl()}/cpcs/${enc(classic.name)}?range=6h`);
  const channels = page.getByRole('table', { name: /^Channels \(\d+\)$/ });
  await expect(channels.getByRole('row')).not.toHaveCount(1);
  const chpid = (await channels.getByRole('row').nth(1).getByRole('rowheader').textContent()) ?? '';
  const channel = `/cpcs/${enc(classic.name)}/channels/${enc(chpid)}`;
  return [
    { name: 'fleet', path: '/' },
    { name: 'cpc-dpm', path: `/cpcs/${enc(dpm.name)}` },
    { name: 'cpc-classic', path: `/cpcs/${enc(classic.name)}` },
    { name: 'partition', path: `/cpcs/${enc(dpm.name)}/partitions/${enc(partition)}` },
    { name: 'lpar', path: `/cpcs/${enc(classic.name)}/partitions/${enc(classic.partitions[0]?.name ?? '')}` },
    { name: 'adapter', path: `/cpcs/${enc(dpm.name)}/adapters/${enc(adapter)}` },
    { name: 'channel', path: channel },
    // Energy: power, temperatures, heat load (its legend's BTU/h values were the widest), line cords, memory.
    { name: 'energy-dpm', path: `/cpcs/${enc(dpm.name)}/energy` },
    { name: 'energy-classic', path: `/cpcs/${enc(classic.name)}/energy` },
    { name: 'embed-panel', path: `/embed/panel/cpc-processor-usage-ratio/cpcs/${enc(classic.name)}` },
    { name: 'embed-view', path: `/cpcs/${enc(dpm.name)}?embed=1` },
  ];
}
