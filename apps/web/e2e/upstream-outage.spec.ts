// A data source stops answering while a view is open, in Chromium against a stack of its own (the
// other specs share global-setup's, which must keep working): its own simulated HMC, its own real
// Prometheus process, stopped with SIGSTOP and continued with SIGCONT, and its own BFF. The page
// must say so at once in ONE banner for the view (not a spinner per panel), keep its charts with
// their last data marked stale, and recover by itself, without a reload. The same for a hung HMC
// (the simulator's latency fault).
import { readdir, readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { purple70 } from '@carbon/colors';
import { startStack, type RunningStack } from '../bench/stack.mjs';
import { expectLineDrawn } from './helpers';

let stack: RunningStack;
let prometheusPid: number;

/** The Prometheus process whose command line names this data directory. */
async function pidOf(dataDir: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(dataDir) && cmdline.includes('prometheus')) return Number(entry);
  }
  throw new Error(`no Prometheus process with data directory ${dataDir}`);
}

test.beforeAll(async () => {
  // A short upstream timeout, as a site with a slow store would not have: the stale answers come sooner.
  stack = await startStack('demo', 1, undefined, { env: { ZLENS_UPSTREAM_TIMEOUT_MS: '4000' } });
  prometheusPid = await pidOf(stack.prometheusDataDir);
});

test.afterAll(async () => {
  // Never leave a stopped process behind, whatever failed.
  if (prometheusPid) process.kill(prometheusPid, 'SIGCONT');
  stack?.sim.faults.clear();
  await stack?.close();
});

test.setTimeout(120_000);

test('Prometheus stopped on a CPC view: one banner within 5 s, charts keep their last data marked stale; continued: the banner goes and the charts refresh', async ({
  page,
}, testInfo) => {
  await page.goto(`${stack.baseUrl}/cpcs/ZLX1?refresh=15s`);
  const panel = page.getByRole('region', { name: 'Processor usage', exact: true });
  const chart = page.getByRole('img', { name: 'Processor usage', exact: true });
  // A fresh stack on two shared cores: the first load may take a while (not what is measured here).
  await expect(chart).toBeVisible({ timeout: 45_000 });
  await expectLineDrawn(chart, purple70);
  const banner = page.getByTestId('upstream-banner');
  await expect(banner).toHaveCount(0);

  process.kill(prometheusPid, 'SIGSTOP');
  try {
    await expect(banner).toContainText('Prometheus is not answering', { timeout: 5_000 });
    await expect(banner).toHaveCount(1);
    // The next refresh (15 s) answers with the BFF's last answer, marked stale with its age.
    await expect(panel.locator('[data-stale-badge]')).toContainText(/Stale · \d+ (s|min) old/, { timeout: 30_000 });
    await expectLineDrawn(chart, purple70);
    await expect(page.locator('.panel-error')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('prometheus-stopped-1440.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(banner).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('prometheus-stopped-390.png'), fullPage: false });
    await page.setViewportSize({ width: 1440, height: 900 });
  } finally {
    process.kill(prometheusPid, 'SIGCONT');
  }
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(panel.locator('[data-stale-badge]')).toHaveCount(0, { timeout: 30_000 });
  await expectLineDrawn(chart, purple70);
});

test('a hung HMC on a CPC view: one banner within 5 s naming the HMC; it goes when the HMC answers again', async ({ page }) => {
  await page.goto(`${stack.baseUrl}/cpcs/ZLX1?refresh=15s`);
  const banner = page.getByTestId('upstream-banner');
  await expectLineDrawn(page.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await expect(banner).toHaveCount(0);
  stack.sim.faults.set({ latencyMs: 60_000 });
  try {
    await expect(banner).toContainText('The HMC is not answering', { timeout: 5_000 });
    await expect(banner).not.toContainText('Prometheus');
    // The charts do not depend on the HMC: still drawn, no error.
    await expectLineDrawn(page.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  } finally {
    stack.sim.faults.clear();
  }
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
});
