// Alerts in Chromium against the real stack: Prometheus evaluates the rules zlens ships (with
// `for:` 0s, see global-setup) against the simulated demo site, whose partition LNXPRD04 is
// degraded. The fleet view lists the alert first, links to the partition, and the partition's
// charts carry the alert's period as a band, named under the chart.
import { expect, test } from '@playwright/test';
import { baseUrl } from './base-url';
import { settled } from './helpers';

test('a firing alert is listed on the fleet view, links to its partition, and is a band on its charts', async ({ page }, testInfo) => {
  // It waits for Prometheus twice (the first rule evaluation, then the ALERTS series on the chart's
  // step grid): on a loaded machine that alone can take most of the default 60 s.
  test.setTimeout(240_000);
  const alerts = page.getByRole('region', { name: /^Alerts firing/ });
  const row = alerts.getByRole('listitem').filter({ hasText: 'LNXPRD04' });
  // Rules are evaluated every 15 s from Prometheus' start; reload until the first evaluation is in.
  await expect(async () => {
    await page.goto(`${baseUrl()}/`);
    await expect(row).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  await expect(row).toContainText('Critical');
  await expect(row).toContainText('Partition LNXPRD04 of ZLX1 reports an error status (code 1)');
  await expect(row).toContainText(/since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  // Firing alerts come before the partitions needing attention and the CPC cards.
  const top = await alerts.boundingBox();
  const cards = await page.getByRole('region', { name: /^Partitions needing attention/ }).boundingBox();
  expect(top && cards ? top.y < cards.y : false).toBe(true);
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('fleet-alerts.png'), fullPage: true });

  await row.getByRole('link', { name: 'ZLX1 / LNXPRD04' }).click();
  await expect(page).toHaveURL(/\/cpcs\/ZLX1\/partitions\/LNXPRD04/);
  await expect(page.getByRole('region', { name: /^Alerts firing/ })).toContainText('reports an error status');
  // The period reaches the chart's step grid within a step or two of the first firing evaluation.
  const note = page.getByText(/^Alert ZhmcPartitionStatusError firing since /).first();
  await expect(async () => {
    await page.reload();
    await expect(note).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 120_000 });
  await settled(page);
  await page.screenshot({ path: testInfo.outputPath('partition-alert-band.png'), fullPage: true });
});

test('alerts read in Chinese', async ({ page }) => {
  await page.goto(`${baseUrl()}/?lang=zh-CN`);
  const alerts = page.getByRole('region', { name: /^正在触发的告警/ });
  await expect(alerts.getByRole('listitem').filter({ hasText: 'LNXPRD04' })).toContainText('ZLX1 的分区 LNXPRD04 报告错误状态（代码 1）', {
    timeout: 30_000,
  });
  await expect(alerts).toContainText('严重');
});
