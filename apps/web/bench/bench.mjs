// `pnpm --filter @zlens/web bench`: the web's speed, measured (never asserted) and written to
// docs/benchmarks.md (section `web`). Each stack is the real pipeline the e2e tests use: the
// simulated HMC over HTTPS, Prometheus with backfilled history, the BFF process serving the
// built SPA (run `pnpm turbo run build --filter=@zlens/web...` first), Debian's Chromium.
//
//  1. First chart of the fleet view (`demo` preset): navigation start → the first chart's
//     `zlens:first-chart` performance mark (ECharts' `finished` after data), cold and warm, with
//     and without compression, on loopback and on an emulated intranet link.
//  2. CPC view of an 85-partition CPC (`large` preset): the longest task (PerformanceObserver
//     `longtask`, i.e. anything over 50 ms) while hovering the charts and the heatmap, and while
//     zooming by drag (the zoom includes fetching and drawing the new window).
//  3. Initial JS: the scripts the browser loads for the fleet view, gzip -9 of the built files.
//  4. API requests per page load of each view (demo preset) at 390 and 1440 px, counted as
//     e2e/requests.spec.ts counts them (that test asserts none is aborted or asked twice).
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { writeBenchmarkSection } from '@zlens/hmc-sim';
import { DIST, startStack } from './stack.mjs';
const RUNS = 7;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the CPC view reads: enough history for its charts without gigabytes for 680 partitions. */
const CPC_VIEW_FAMILIES = [
  'zhmc_cpc_status_int',
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
  'zhmc_cpc_channel_usage_ratio',
  'zhmc_cpc_cp_processor_usage_ratio',
  'zhmc_cpc_cp_shared_processor_usage_ratio',
  'zhmc_cpc_ifl_processor_usage_ratio',
  'zhmc_cpc_ifl_shared_processor_usage_ratio',
  'zhmc_partition_status_int',
  'zhmc_partition_lpar_status_int',
  'zhmc_partition_processor_usage_ratio',
  'zhmc_adapter_usage_ratio',
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)}`;

async function firstChartMark(page) {
  await page.waitForFunction(() => performance.getEntriesByName('zlens:first-chart').length > 0, null, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('zlens:first-chart')[0].startTime);
}

/**
 * How the SPA reaches the browser, to show what compression buys: as served (the BFF sends the
 * build's precompressed brotli/gzip files), or with `Accept-Encoding: identity` (what it cost before
 * compression); over loopback, and over an emulated intranet link (Chromium's network emulation).
 */
const ENCODINGS = [
  { name: 'compressed (as served)', headers: {} },
  { name: 'uncompressed (Accept-Encoding: identity)', headers: { 'Accept-Encoding': 'identity' } },
];
const LINKS = [
  { name: 'loopback', conditions: undefined },
  // 20 Mbit/s with 20 ms round trips: a branch office reaching the intranet portal.
  {
    name: 'intranet link (20 Mbit/s, 20 ms RTT)',
    conditions: { offline: false, latency: 20, downloadThroughput: 2_500_000, uploadThroughput: 2_500_000 },
  },
];

/** One cold load (new context, empty cache) and a reload; the bytes the wire carried. */
async function loadFleet(browser, baseUrl, encoding, link) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setExtraHTTPHeaders', { headers: encoding.headers });
  if (link.conditions) await cdp.send('Network.emulateNetworkConditions', link.conditions);
  const scripts = [];
  let wireBytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    wireBytes += event.encodedDataLength;
  });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
  const cold = await firstChartMark(page);
  const coldBytes = wireBytes;
  await page.reload({ waitUntil: 'commit' });
  const warm = await firstChartMark(page);
  await context.close();
  return { cold, warm, coldBytes, scripts: [...new Set(scripts)] };
}

/** 1 and 3: the fleet view on the demo preset. */
async function benchFleet(browser, baseUrl) {
  const runs = [];
  let scripts = [];
  for (const link of LINKS) {
    for (const encoding of ENCODINGS) {
      const loads = [];
      for (let i = 0; i < RUNS; i += 1) loads.push(await loadFleet(browser, baseUrl, encoding, link));
      scripts = loads[0].scripts;
      runs.push({ link: link.name, encoding: encoding.name, loads });
    }
  }
  const files = await Promise.all(
    scripts.map(async (path) => {
      const bytes = await readFile(join(DIST, path));
      return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  return { runs, files };
}

/** The views an operator opens, as e2e/helpers.ts' viewPaths lists them, plus the energy view. */
async function viewPaths(baseUrl) {
  const { cpcs } = await (await fetch(`${baseUrl}/api/v1/inventory`)).json();
  const dpm = cpcs.find((c) => c.mode === 'dpm' && c.partitions.length > 0 && c.adapters.length > 0);
  const classic = cpcs.find((c) => c.mode === 'classic' && c.partitions.length > 0);
  const enc = encodeURIComponent;
  // A channel the classic CPC reports usage for (the inventory does not list channels).
  const channels = await (
    await fetch(`${baseUrl}/api/v1/series?metric=zhmc_channel_usage_ratio&cpc=${enc(classic.name)}&from=now-1h&to=now`)
  ).json();
  const chpid = channels.series[0]?.labels.channel_css_chpid ?? '';
  return [
    { name: 'fleet', path: '/' },
    { name: 'CPC (DPM)', path: `/cpcs/${enc(dpm.name)}` },
    { name: 'CPC (classic)', path: `/cpcs/${enc(classic.name)}` },
    { name: 'partition', path: `/cpcs/${enc(dpm.name)}/partitions/${enc(dpm.partitions[0].name)}` },
    { name: 'LPAR', path: `/cpcs/${enc(classic.name)}/partitions/${enc(classic.partitions[0].name)}` },
    { name: 'adapter', path: `/cpcs/${enc(dpm.name)}/adapters/${enc(dpm.adapters[0].name)}` },
    { name: 'channel', path: `/cpcs/${enc(classic.name)}/channels/${enc(chpid)}` },
    { name: 'energy', path: `/cpcs/${enc(dpm.name)}/energy` },
    { name: 'embedded panel', path: `/embed/panel/cpc-processor-usage-ratio/cpcs/${enc(classic.name)}` },
    { name: 'embedded view', path: `/cpcs/${enc(dpm.name)}?embed=1` },
  ];
}

/** 4: the API requests of one load of each view, until no panel is loading. */
async function benchRequests(browser, baseUrl) {
  const views = await viewPaths(baseUrl);
  const rows = [];
  for (const view of views) {
    const row = { name: view.name, path: view.path };
    for (const width of [390, 1440]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      let requests = 0;
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.includes('/api/')) requests += 1;
      });
      const sep = view.path.includes('?') ? '&' : '?';
      await page.goto(`${baseUrl}${view.path}${sep}range=6h`);
      await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, null, { timeout: 60_000 });
      row[width] = requests;
      await context.close();
    }
    rows.push(row);
  }
  return rows;
}

/** 2: hover and zoom on the CPC view of an 85-partition CPC. */
async function benchCpc(browser, baseUrl, cpc) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/cpcs/${encodeURIComponent(cpc)}`);
  const chart = page.getByRole('img', { name: 'Processor usage', exact: true });
  await chart.waitFor();
  await page.getByRole('img', { name: /^Partition processor usage over time/ }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const loadTasks = await page.evaluate(() => window.__longTasks.splice(0));

  const rounds = [];
  for (let round = 0; round < 3; round += 1) {
    // Hover: across the three usage charts (shared crosshair, tooltips) and down the heatmap.
    for (const name of ['Processor usage', 'Network adapter usage', 'Storage adapter usage']) {
      const box = await page.getByRole('img', { name, exact: true }).boundingBox();
      for (let step = 0; step <= 40; step += 1) await page.mouse.move(box.x + 50 + ((box.width - 70) * step) / 40, box.y + box.height / 2);
    }
    const heatmap = page.getByRole('img', { name: /^Partition processor usage over time/ });
    await heatmap.scrollIntoViewIfNeeded();
    const hb = await heatmap.boundingBox();
    for (let step = 0; step <= 60; step += 1)
      await page.mouse.move(hb.x + 150 + ((hb.width - 180) * step) / 60, hb.y + 60 + Math.min(400, hb.height - 80) * (step / 60));
    const hover = await page.evaluate(() => window.__longTasks.splice(0));

    // Zoom: drag across the processor chart; the view fetches and draws the new window.
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    const before = page.url();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 10 });
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction((url) => location.href !== url, before);
    await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const zoom = await page.evaluate(() => window.__longTasks.splice(0));
    // Back to the preset for the next round (a history step, as an operator would).
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const back = await page.evaluate(() => window.__longTasks.splice(0));
    rounds.push({ hover, zoom, back });
  }
  await context.close();
  return { loadTasks, rounds };
}

const maxOf = (xs) => (xs.length === 0 ? 0 : Math.max(...xs));
const describeTasks = (xs) => (xs.length === 0 ? 'none over 50 ms' : `${xs.length} long tasks, longest ${ms(maxOf(xs))} ms`);

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const started = new Date();
  const loadAtStart = loadavg();
  let demo;
  let large;
  try {
    console.log('web bench: demo stack …');
    demo = await startStack('demo', 6, 'catalog');
    const fleet = await benchFleet(browser, demo.baseUrl);
    const requests = await benchRequests(browser, demo.baseUrl);
    await demo.close();
    demo = undefined;

    console.log('web bench: large stack (6 DPM + 2 classic CPCs × 85 partitions) …');
    large = await startStack('large', 6, CPC_VIEW_FAMILIES);
    const inventory = await (await fetch(`${large.baseUrl}/api/v1/inventory`)).json();
    const big = inventory.cpcs.find((c) => c.mode === 'dpm' && c.partitions.length >= 85) ?? inventory.cpcs[0];
    const cpc = await benchCpc(browser, large.baseUrl, big.name);
    const largeSetup = large.setupSeconds;
    await large.close();
    large = undefined;

    const initial = fleet.files.reduce((sum, f) => sum + f.gzip, 0);
    const hoverAll = cpc.rounds.flatMap((r) => r.hover);
    const zoomAll = cpc.rounds.flatMap((r) => r.zoom);
    const backAll = cpc.rounds.flatMap((r) => r.back);
    const chromiumVersion = browser.version();
    const load = (averages) => averages.map((x) => x.toFixed(1)).join(', ');
    const md = [
      `Run ${started.toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, Chromium ${chromiumVersion} (headless, no GPU), viewport 1440×900. Load average (1, 5, 15 min) ${load(loadAtStart)} at the start, ${load(loadavg())} at the end${loadAtStart[0] > cpus().length ? ` (above the ${cpus().length} cores: times are dominated by waiting for a core, high and spread; compare rows of this run, not runs)` : ''}. Measured, not asserted: \`pnpm --filter @zlens/web bench\`.`,
      '',
      `**(1) First chart of the fleet view** (\`demo\` preset: 2 DPM + 1 classic CPC, 43 partitions, 6 h of history): navigation start → \`zlens:first-chart\` (ECharts \`finished\` after the first data). ${RUNS} runs per row, each in a new browser context (cold: empty HTTP cache), then a reload (warm). Compressed vs uncompressed is the same build served with and without \`Accept-Encoding\` (the BFF sends the precompressed brotli/gzip files the build wrote); "wire" is what the cold load carried (every request, data included). Target ≤ 1000 ms cold (issue 17).`,
      '',
      '| link | assets | cold median ms (min-max) | warm median ms | wire kB, cold |',
      '| --- | --- | --- | --- | --- |',
      ...fleet.runs.map(({ link, encoding, loads }) => {
        const cold = loads.map((l) => l.cold);
        return `| ${link} | ${encoding} | ${ms(median(cold))} (${ms(Math.min(...cold))}-${ms(Math.max(...cold))}) | ${ms(median(loads.map((l) => l.warm)))} | ${(median(loads.map((l) => l.coldBytes)) / 1024).toFixed(0)} |`;
      }),
      '',
      `**(2) CPC view of an 85-partition CPC** (\`large\` preset, CPC ${big.name}: ${big.partitions.length} partitions, ${big.adapters.length} adapters; 6 h of the view's ${CPC_VIEW_FAMILIES.length} metric families, stack set up in ${Math.round(largeSetup)} s). Long tasks (> 50 ms, PerformanceObserver \`longtask\`) over 3 rounds of: hovering across the three usage charts (shared crosshair and tooltips, 41 positions each) and 61 positions down the 85-row heatmap; a drag-zoom on the processor chart until the new window is drawn; back to the preset. Target: no task over 200 ms.`,
      '',
      '| phase | long tasks |',
      '| --- | --- |',
      `| first load of the view | ${describeTasks(cpc.loadTasks)} |`,
      `| hovering (3 × 184 pointer positions) | ${describeTasks(hoverAll)} |`,
      `| zoom by drag, until drawn (3×) | ${describeTasks(zoomAll)} |`,
      `| back to the preset (3×) | ${describeTasks(backAll)} |`,
      '',
      `**(3) Initial JS of the fleet view** (every script the browser loads for \`/\`): **${(initial / 1024).toFixed(1)} kB gzip** (${(fleet.files.reduce((s, f) => s + f.raw, 0) / 1024).toFixed(0)} kB minified). Target < 350 kB. ECharts is tree-shaken (line, heatmap; grid, tooltip, mark area, brush; canvas) in its own cached chunk; each view is its own chunk.`,
      '',
      '| script | minified kB | gzip kB |',
      '| --- | --- | --- |',
      ...fleet.files
        .sort((a, b) => b.gzip - a.gzip)
        .map((f) => `| \`${f.path.replace(/-[\w-]{8}\.js$/, '.js')}\` | ${(f.raw / 1024).toFixed(1)} | ${(f.gzip / 1024).toFixed(1)} |`),
      '',
      `**(4) API requests per page load** (\`demo\` preset, \`range=6h\`, a new browser context each): every request to \`/api/\` from navigation until no panel is loading (the upstream banner's \`/status\` included). Each chart, sparkline and table asks once at its measured width; none is started at a fallback width and aborted, and no URL is asked twice (\`e2e/requests.spec.ts\` fails otherwise).`,
      '',
      '| view | path | requests at 390 px | at 1440 px |',
      '| --- | --- | --- | --- |',
      ...requests.map((r) => `| ${r.name} | \`${r.path}\` | ${r[390]} | ${r[1440]} |`),
    ].join('\n');
    const file = await writeBenchmarkSection(
      'web',
      'Web: fleet first chart, CPC view responsiveness, initial JS, requests per view (apps/web)',
      md,
    );
    console.log(md);
    console.log(`\nwritten to ${file}`);
  } finally {
    await demo?.close();
    await large?.close();
    await browser.close();
  }
}

await main();
