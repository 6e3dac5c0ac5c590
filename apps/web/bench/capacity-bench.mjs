// The browser's side of a 90-day CPC view (`pnpm --filter @zlens/web bench:capacity`, after building
// web and BFF): the same data as the BFF's capacity bench (apps/bff/src/bench/capacity.ts: the demo
// site, 90 days of CPC and partition processor usage at 5-minute resolution, backfilled into a real
// Prometheus), the BFF process serving the built SPA, Chromium opening /cpcs/<cpc>?range=90d.
// Per load: navigation start → `zlens:first-chart` (the first chart drawn with data) and → no panel
// loading any more. The first load finds the BFF's cache empty (Prometheus computes every answer);
// the next ones are cold browsers on a warm BFF (what the next viewer gets), then a reload (warm
// browser). Writes docs/benchmarks.md section `web-capacity`. BENCH_DAYS (90), BENCH_RUNS (5).
import { cpus, loadavg, totalmem } from 'node:os';
import { chromium } from '@playwright/test';
import { writeBenchmarkSection } from '@zlens/hmc-sim';
import { startStack } from './stack.mjs';

const FAMILIES = ['zhmc_cpc_processor_usage_ratio', 'zhmc_partition_processor_usage_ratio'];
const STEP_SECONDS = 300;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
];

/** A positive integer from the bench's environment (its own knobs, not BFF configuration). */
const numberEnv = (name, fallback) => {
  // eslint-disable-next-line no-restricted-syntax -- the bench CLI's own knobs, not BFF configuration
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)}`;

/** Milliseconds from navigation start to the first chart with data, and to no panel loading. */
async function timings(page) {
  await page.waitForFunction(() => performance.getEntriesByName('zlens:first-chart').length > 0, null, { timeout: 300_000 });
  const firstChart = await page.evaluate(() => performance.getEntriesByName('zlens:first-chart')[0].startTime);
  await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, null, { timeout: 300_000, polling: 50 });
  const settled = await page.evaluate(() => performance.now());
  return { firstChart, settled };
}

/** A cold load (new context) and a reload of the view. */
async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  let apiRequests = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('/api/')) apiRequests += 1;
  });
  await page.goto(url, { waitUntil: 'commit' });
  const cold = await timings(page);
  const requests = apiRequests;
  await page.reload({ waitUntil: 'commit' });
  const warm = await timings(page);
  await context.close();
  return { cold, warm, requests };
}

async function main() {
  const days = numberEnv('BENCH_DAYS', 90);
  const runs = numberEnv('BENCH_RUNS', 5);
  const loadAtStart = loadavg();
  const started = new Date();
  console.log(`web capacity bench: ${days} days at ${STEP_SECONDS} s …`);
  const stack = await startStack('demo', days * 24, FAMILIES, { stepSeconds: STEP_SECONDS });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const cpc = stack.scenario.cpcs.reduce((a, b) => (b.partitions.length > a.partitions.length ? b : a));
    const url = `${stack.baseUrl}/cpcs/${encodeURIComponent(cpc.name)}?range=${days}d`;
    const first = await load(browser, url);
    const next = [];
    for (let i = 0; i < runs; i += 1) next.push(await load(browser, url));
    const row = (name, xs) => `| ${name} | ${ms(median(xs.map((x) => x.firstChart)))} | ${ms(median(xs.map((x) => x.settled)))} |`;
    const load3 = (a) => a.map((x) => x.toFixed(1)).join(', ');
    const md = [
      `Data as in “BFF: a 90-day CPC view” (section \`bff-capacity\`): the simulator's \`demo\` site, ${days} days of \`${FAMILIES.join('`, `')}\` at ${STEP_SECONDS / 60}-minute resolution (the view's other charts have no history here and say so), Prometheus and the BFF as their own processes (backfill and start ${Math.round(stack.setupSeconds)} s). Chromium ${browser.version()} (headless, no GPU), 1440×900, opens \`/cpcs/${cpc.name}?range=${days}d\` (${cpc.partitions.length} partitions; ${first.requests} API requests per load). Times from navigation start: the first chart drawn with data (\`zlens:first-chart\`) and no panel loading any more. ${cpus().length} cores / ${Math.round(totalmem() / 2 ** 30)} GiB shared with other engineers' work; load average ${load3(loadAtStart)} at the start, ${load3(loadavg())} at the end (expect noise). Run ${started.toISOString()}.`,
      '',
      '| load | first chart (ms) | all panels loaded (ms) |',
      '| --- | ---: | ---: |',
      row('first viewer: cold browser, empty BFF cache (Prometheus computes every answer)', [first.cold]),
      row(
        `next viewers: cold browser, BFF cache warm (median of ${runs})`,
        next.map((x) => x.cold),
      ),
      row(
        `reload: warm browser (median of ${runs + 1})`,
        [first, ...next].map((x) => x.warm),
      ),
      '',
      'Run: `pnpm --filter @zlens/web build && pnpm --filter @zlens/bff build && pnpm --filter @zlens/web bench:capacity` (BENCH_DAYS, BENCH_RUNS).',
    ].join('\n');
    const file = await writeBenchmarkSection('web-capacity', `Web: a ${days}-day CPC view in the browser — first chart (apps/web)`, md);
    console.log(md);
    console.log(`\nwritten to ${file}`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

await main();
