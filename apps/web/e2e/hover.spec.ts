// Hover over one chart of a view whose charts follow the pointer together (echarts.connect): the
// tooltip shows on the chart under the pointer only; the others show the crosshair (issue 16).
import { expect, test } from '@playwright/test';
import { baseUrl } from './base-url';
import { inventory } from './helpers';

test('one tooltip, on the chart under the pointer', async ({ page }) => {
  const { cpcs } = await inventory(page);
  const classic = cpcs.find((c) => c.mode === 'classic');
  if (!classic) throw new Error('the stack has no classic CPC');
  await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(classic.name)}?range=6h`);
  const chart = page.getByRole('img', { name: 'Processor usage', exact: true });
  await expect(page.getByRole('img', { name: 'Channel usage', exact: true })).toBeVisible();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.4, { steps: 3 });
  // ECharts' tooltip is a div in the chart's container; count those on screen, by chart.
  const shown = () =>
    page
      .locator('.chart')
      .evaluateAll((charts) =>
        charts
          .filter((c) =>
            [...c.querySelectorAll('div')].some(
              (d) =>
                d.style.zIndex === '9999999' &&
                getComputedStyle(d).display !== 'none' &&
                d.style.visibility !== 'hidden' &&
                d.style.opacity !== '0',
            ),
          )
          .map((c) => c.getAttribute('aria-label')),
      );
  await expect.poll(shown).toEqual(['Processor usage']);
});
