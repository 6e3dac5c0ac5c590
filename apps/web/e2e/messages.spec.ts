// Links an operator can get wrong, against the real stack, in both languages (issue 16): a CPC name
// in the wrong case, an unknown panel on the one-panel embed page, a window that lies in the future
// (the BFF rejects it; the page says so in its own words, without a Retry that cannot succeed) and
// a `from` that cannot be read (named, never silently replaced).
import { expect, test } from '@playwright/test';
import { baseUrl } from './base-url';
import { inventory } from './helpers';

const WORDS = {
  en: {
    didYouMean: (name: string) => `Did you mean ${name}?`,
    noSuchPanel: 'No such panel',
    notMeasured: 'Nothing has been measured in this time window yet',
    unreadable: 'from=garbage could not be read',
  },
  'zh-CN': {
    didYouMean: (name: string) => `您是想找 ${name} 吗？`,
    noSuchPanel: '没有此面板',
    notMeasured: '此时间范围内还没有测量数据',
    unreadable: '无法读取 from=garbage',
  },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  const words = WORDS[lang];

  test(`plain messages for links that cannot be shown (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const cpc = (await inventory(page)).cpcs.find((c) => c.mode === 'dpm');
    if (!cpc) throw new Error('the demo preset has a DPM CPC');
    const name = cpc.name;

    // The CPC's name in the wrong case: offered, on the same page.
    await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(name.toLowerCase())}?lang=${lang}`);
    await page.getByRole('link', { name: words.didYouMean(name) }).click();
    await expect(page).toHaveURL(new RegExp(`/cpcs/${encodeURIComponent(name)}\\?lang=${lang}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    // An unknown panel id on the one-panel page.
    await page.goto(`${baseUrl()}/embed/panel/no-such-panel/cpcs/${encodeURIComponent(name)}?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1, name: words.noSuchPanel })).toBeVisible();

    // A window entirely in the future: the BFF answers 400; the panel says it plainly, no Retry.
    const dayMs = 86_400_000;
    await page.goto(`${baseUrl()}/cpcs/${encodeURIComponent(name)}?lang=${lang}&from=${Date.now() + dayMs}&to=${Date.now() + 2 * dayMs}`);
    const panel = page.locator('[data-panel="cpc-processor-usage-ratio"]');
    await expect(panel.getByRole('alert')).toContainText(words.notMeasured, { timeout: 60_000 });
    await expect(panel.getByRole('button', { name: /Retry|重试/ })).toHaveCount(0);

    // A `from` that cannot be read: named in a notice, and the page still works.
    await page.goto(`${baseUrl()}/?lang=${lang}&from=garbage`);
    await expect(page.getByRole('status').filter({ hasText: words.unreadable })).toBeVisible();
  });
}
