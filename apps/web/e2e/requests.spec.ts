// One page load asks the BFF once for each thing it shows (issue 16): no request is started and
// then aborted (a chart used to ask at a fallback width before it was measured, then again at its
// real width) and no URL is asked twice. Every view at a phone's and a desktop's width; the
// per-view counts go into the test's annotations.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl } from './base-url';
import { settled, viewPaths } from './helpers';

interface Load {
  requests: number;
  aborted: string[];
  twice: string[];
}

/** The API requests of one load of `path` until every panel has drawn. */
async function load(page: Page, path: string): Promise<Load> {
  const asked = new Map<string, number>();
  const failedFirst = new Set<string>();
  const aborted: string[] = [];
  const api = (url: string) => new URL(url).pathname.includes('/api/');
  const onRequest = (request: { url: () => string }) => {
    if (api(request.url())) asked.set(request.url(), (asked.get(request.url()) ?? 0) + 1);
  };
  const onFailed = (request: { url: () => string; failure: () => { errorText: string } | null }) => {
    if (api(request.url())) aborted.push(`${request.failure()?.errorText ?? '?'} ${request.url()}`);
  };
  // A request the BFF answered with an error may be retried: that is no duplicate.
  const onResponse = (response: { url: () => string; ok: () => boolean }) => {
    if (api(response.url()) && !response.ok()) failedFirst.add(response.url());
  };
  // Off the previous page first: leaving it aborts what it still had in flight.
  await page.goto('about:blank');
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  const sep = path.includes('?') ? '&' : '?';
  await page.goto(`${baseUrl()}${path}${sep}range=6h`);
  await expect(page.locator('#root')).not.toBeEmpty();
  await settled(page);
  page.off('request', onRequest);
  page.off('requestfailed', onFailed);
  page.off('response', onResponse);
  // The upstream banner polls /status on purpose.
  const twice = [...asked]
    .filter(([url, n]) => n > 1 && !url.endsWith('/api/v1/status') && !failedFirst.has(url))
    .map(([url, n]) => `${n}× ${url}`);
  return { requests: [...asked.values()].reduce((a, b) => a + b, 0), aborted, twice };
}

for (const width of [390, 1440] as const) {
  test(`every view at ${width} px asks for each thing once and aborts nothing`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const views = await viewPaths(page);
    await page.setViewportSize({ width, height: 900 });
    for (const view of views) {
      const { requests, aborted, twice } = await load(page, view.path);
      testInfo.annotations.push({ type: 'api requests', description: `${view.name} at ${width} px: ${requests}` });
      expect(aborted, `${view.name} at ${width} px: aborted requests`).toEqual([]);
      expect(twice, `${view.name} at ${width} px: URLs asked twice`).toEqual([]);
      expect(requests, `${view.name} at ${width} px asked the BFF for nothing`).toBeGreaterThan(0);
    }
  });
}
