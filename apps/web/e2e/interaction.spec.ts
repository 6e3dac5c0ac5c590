// Time range, zoom, refresh, language, theme, export and shared links in Chromium against the
// real stack. Every state under test lives in the URL, so each step checks the URL and what
// the page shows for it.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { baseUrl } from './base-url';
import { dragAcross, expectLineDrawn, inventory, settled } from './helpers';
import { purple70 } from '@carbon/colors';

async function dpmCpc(page: Parameters<typeof inventory>[0]): Promise<string> {
  const cpc = (await inventory(page)).cpcs.find((c) => c.mode === 'dpm');
  if (!cpc) throw new Error('no DPM CPC in the inventory');
  return cpc.name;
}

test('zoom by dragging across a chart, zoom out, and back through the history', async ({ page }) => {
  const cpc = await dpmCpc(page);
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc)}?range=6h`);
  const chart = page.getByRole('img', { name: 'Processor usage', exact: true });
  await expectLineDrawn(chart, purple70);

  const zoomed = page.waitForResponse((r) => r.url().includes('/api/v1/series') && /from=\d+/.test(r.url()));
  await dragAcross(page, chart, 0.4, 0.7);
  await expect(page).toHaveURL(/[?&]from=\d+&to=\d+/);
  await zoomed;
  const search = new URL(page.url()).searchParams;
  const span = Number(search.get('to')) - Number(search.get('from'));
  // 30 % of a 6 h axis (the plot is a little narrower than the box): about 1.5 to 2 h.
  expect(span).toBeGreaterThan(3600);
  expect(span).toBeLessThan(3 * 3600);
  await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('custom');
  await expectLineDrawn(chart, purple70);

  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect
    .poll(() => {
      const s = new URL(page.url()).searchParams;
      return Number(s.get('to')) - Number(s.get('from'));
    })
    .toBe(2 * span);

  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\?range=6h$/);
  await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('6h');
});

test('change the range and the refresh: the URL and the queries follow', async ({ page }) => {
  const cpc = await dpmCpc(page);
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc)}`);
  await expectLineDrawn(page.getByRole('img', { name: 'Processor usage', exact: true }), purple70);

  const sixHours = page.waitForResponse((r) => r.url().includes('/api/v1/series') && r.url().includes('from=now-6h'));
  await page.getByRole('combobox', { name: 'Time range' }).selectOption('6h');
  await expect(page).toHaveURL(/[?&]range=6h/);
  expect((await sixHours).ok()).toBe(true);

  await page.getByRole('combobox', { name: 'Refresh' }).selectOption('15s');
  await expect(page).toHaveURL(/[?&]refresh=15s/);
  // With a 15 s refresh the charts ask again by themselves.
  const again = await page.waitForResponse((r) => r.url().includes('/api/v1/series') && r.url().includes('from=now-6h'), {
    timeout: 30_000,
  });
  expect(again.ok()).toBe(true);
});

test('switch language and theme; the whole view follows and a screenshot shows it', async ({ page }, testInfo) => {
  const cpc = await dpmCpc(page);
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc)}`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page).toHaveURL(/[?&]lang=zh-CN/);
  await expect(page.getByRole('heading', { level: 2, name: '处理器使用率', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await expect(page).toHaveURL(/[?&]theme=dark/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(22, 22, 22)');
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('cpc-zh-CN-dark.png'), fullPage: true });

  await page.goto(`${baseUrl()}/?lang=zh-CN&theme=dark`);
  await expect(page.getByRole('heading', { level: 1, name: '全部 CPC' })).toBeVisible();
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('fleet-zh-CN-dark.png'), fullPage: true });
});

test('export a panel as CSV and as PNG: named by object and range, the PNG framed by title, range and legend', async ({ page }) => {
  const cpc = await dpmCpc(page);
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc)}?tz=utc`);
  const panel = page.getByRole('region', { name: 'Processor usage', exact: true });
  const chart = panel.getByRole('img');
  await expectLineDrawn(chart, purple70);
  const stamp = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}`;
  const named = (extension: string) => new RegExp(`^${cpc}-processor-usage-${stamp}_${stamp}\\.${extension}$`);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download Processor usage as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(named('csv'));
  const text = await readFile(await csv.path(), 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('Time,Processor usage (%)');
  // About one row per pixel of the chart over the hour, each an ISO time in the chosen zone (UTC) and a percentage (or empty).
  expect(lines.length).toBeGreaterThan(100);
  expect(lines.slice(1).every((line) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z,(\d{1,3}(\.\d+)?)?$/.test(line))).toBe(true);

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download Processor usage as PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(named('png'));
  const bytes = await readFile(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  // Chromium decodes it; the frame's header band (title, object and range) and the band under the
  // chart (the legend) have ink, not only the background.
  const decoded = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(image, 0, 0);
    const ink = (top: number, height: number) => {
      const { data } = ctx.getImageData(0, top, canvas.width, height);
      const [r, g, b] = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) > 60) count += 1;
      return count;
    };
    return { width: image.naturalWidth, height: image.naturalHeight, header: ink(0, 80), footer: ink(image.naturalHeight - 80, 80) };
  }, bytes.toString('base64'));
  // Two device pixels per CSS pixel of the chart, taller than the chart by the frame.
  expect(Math.abs(decoded.width - 2 * box.width)).toBeLessThanOrEqual(2);
  expect(decoded.height).toBeGreaterThan(2 * box.height + 100);
  expect(decoded.header).toBeGreaterThan(300);
  expect(decoded.footer).toBeGreaterThan(50);
});

test('a copied link opens the same view: range, zoom, language, theme, thresholds, top-N', async ({ page, context }) => {
  const cpc = await dpmCpc(page);
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(cpc)}`);
  await page.getByRole('combobox', { name: 'Time range' }).selectOption('24h');
  await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('5');
  await page.getByText(/Thresholds 70\/90%/).click();
  await page.getByLabel('Warning at %').fill('60');
  // Each choice must be in the URL before the next one, or the copied link could miss it.
  await expect(page).toHaveURL(/[?&]warn=60/);
  await expect(page).toHaveURL(/[?&]range=24h/);
  await expect(page).toHaveURL(/[?&]top=5/);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page).toHaveURL(/[?&]theme=dark/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page).toHaveURL(/lang=zh-CN/);
  const link = page.url();

  const colleague = await context.newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole('combobox', { name: '时间范围' })).toHaveValue('24h');
  await expect(colleague.getByRole('combobox', { name: '显示', exact: true })).toHaveValue('5');
  await expect(colleague.getByText(/阈值 60\/90%/)).toBeVisible();
  await expect(colleague.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(colleague.getByRole('table', { name: '使用率最高的分区' }).getByRole('row')).toHaveCount(6);
});

test('controls are reachable from the keyboard with a visible focus', async ({ page }, testInfo) => {
  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole('img', { name: /usage over time$/ }).first()).toBeVisible();
  const seen: string[] = [];
  // The skip link, the header's and the toolbar's controls: about twenty stops.
  for (let i = 0; i < 24; i += 1) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    // Carbon's focus ring: a 2 px solid outline on whatever has keyboard focus.
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    seen.push(
      await focused.evaluate((el) => {
        const labelled = (el as HTMLSelectElement).labels?.[0]?.textContent;
        return (labelled ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
      }),
    );
  }
  for (const control of ['zlens', 'Language', 'Theme', 'Time range', 'Zoom out', 'Custom range', 'Refresh'])
    expect(seen).toContain(control);

  // The heatmap's row labels are canvas text: after the chart (which has no tab stop of its own:
  // its rows are drawn whole, no scroll box) come the same rows as links, next after the panel's
  // last control.
  const heatmap = 'Partition processor usage across the fleet';
  await page
    .locator('#heatmap')
    .getByRole('button', { name: `Copy the embed link of “${heatmap}”` })
    .focus();
  await page.keyboard.press('Tab');
  const first = page
    .getByRole('list', { name: `Partitions of ${heatmap}` })
    .getByRole('link')
    .first();
  await expect(first).toBeFocused();
  expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.locator('#heatmap').screenshot({ path: testInfo.outputPath('heatmap-focus.png') });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cpcs\/[^/]+\/partitions\/[^/?]+$/);
});
