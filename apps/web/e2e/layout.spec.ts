// Every view at a phone's (390 px) and a tablet's (1024 px) width, in English and zh-CN, in
// Chromium against the real stack (issue 16): the page never scrolls sideways (tables scroll
// inside themselves), the language and theme pickers stay on screen, no chart legend hides a
// row behind a scroll box, and the energy view's legends fit without scrolling sideways.
// Screenshots of each go to the test's output folder.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { baseUrl } from './base-url';
import { settled, viewPaths } from './helpers';

const widths = [390, 1024] as const;
// zh-CN's partition view at 390 px was 423 px wide: its legend's rates read "2.4 M字节/秒" (now
// "2.4 MB/s", as Chinese operators write them). One language in each theme: both themes are laid
// out alike, and the dark one must also leave no light box behind.
const runs = [
  { lang: 'en', theme: 'light' },
  { lang: 'zh-CN', theme: 'dark' },
] as const;

/** Boxes drawn light in the dark theme (a panel, table, tooltip or native control left in light colours). */
async function lightBoxes(page: Page): Promise<string[]> {
  return page.locator('body').evaluate((body) => {
    const luminance = (colour: string): number | null => {
      const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      return a < 0.5 ? null : (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const found = new Set<string>();
    for (const element of body.querySelectorAll<HTMLElement>('*')) {
      const { width, height } = element.getBoundingClientRect();
      const light = luminance(getComputedStyle(element).backgroundColor);
      if (light !== null && light > 0.6 && width > 24 && height > 12) found.add(`${element.tagName.toLowerCase()}.${element.className}`);
    }
    return [...found];
  });
}

/** Legend tables whose rows are cut off: a scroll box shorter than its rows, or a row outside its box. */
async function clippedLegends(page: Page): Promise<string[]> {
  return page.locator('.legend').evaluateAll((legends) =>
    legends.flatMap((legend) => {
      const cut: string[] = [];
      for (const box of legend.querySelectorAll<HTMLElement>('*')) {
        if (box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== 'visible') {
          cut.push(`${legend.textContent?.slice(0, 40) ?? ''}: ${box.scrollHeight} > ${box.clientHeight}`);
        }
      }
      return cut;
    }),
  );
}

/** Legends wider than their box (they scroll sideways: the values at the right are out of sight). */
async function wideLegends(page: Page): Promise<string[]> {
  return page
    .locator('.legend')
    .evaluateAll((legends) =>
      legends
        .filter((legend) => legend.scrollWidth > legend.clientWidth + 1)
        .map(
          (legend) => `${legend.closest('[data-panel]')?.getAttribute('data-panel') ?? '?'}: ${legend.scrollWidth} > ${legend.clientWidth}`,
        ),
    );
}

async function check(page: Page, testInfo: TestInfo, name: string, lang: string, theme: string, width: number): Promise<void> {
  await settled(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  await page.screenshot({ path: testInfo.outputPath(`${name}-${lang}-${theme}-${width}.png`), fullPage: true });
  expect(scrollWidth, `${name} (${lang}) at ${width} px scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  if (theme === 'dark') expect(await lightBoxes(page), `${name} (${lang}) at ${width} px: light boxes in the dark theme`).toEqual([]);
  expect(await clippedLegends(page), `${name} (${lang}) at ${width} px`).toEqual([]);
  // The energy view's legends (the heat load's BTU/h values were 433 px wide at 390 px) fit whole.
  if (name.startsWith('energy'))
    expect(await wideLegends(page), `${name} (${lang}) at ${width} px: legends wider than the page`).toEqual([]);
  // The language and theme pickers stay on screen (not embedded: there is no header there).
  const pickers = page.locator('.app-header-pickers select');
  for (const select of await pickers.all()) {
    const box = await select.boundingBox();
    expect(box, `${name}: a header picker is not laid out`).not.toBeNull();
    if (box) expect(box.x + box.width, `${name}: a header picker is off-screen`).toBeLessThanOrEqual(width);
  }
}

for (const { lang, theme } of runs) {
  test(`every view at 390 and 1024 px in ${lang}, ${theme} theme: no sideways page scroll, no clipped legend`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const views = await viewPaths(page);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const view of views) {
        const sep = view.path.includes('?') ? '&' : '?';
        await page.goto(`${baseUrl()}${view.path}${sep}range=6h&lang=${lang}&theme=${theme}`);
        await expect(page.locator('#root')).not.toBeEmpty();
        await check(page, testInfo, view.name, lang, theme, width);
      }
    }
  });
}
