// How far zlens' answers from VictoriaMetrics lie from its answers from Prometheus, for counter
// rates (NIC and port traffic), where the engines' semantics differ (docs/deploy.md §7): the same
// simulator history (15 s samples, 7 s past the quarter minute as scrapes fall) in a real
// Prometheus, a VictoriaMetrics with the flags docs/deploy.md asks for and one with its own lookback;
// one BFF in front of each, asked the same series and top-N. Writes docs/benchmarks.md section
// `bff-engines`. Environment: BENCH_HOURS (6).
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawnSync } from 'node:child_process';
import { defaultScenario, startPrometheus, startVictoriaMetrics, writeBenchmarkSection, writeHistory } from '@zlens/hmc-sim';
import { SeriesResponseSchema, TopResponseSchema, type SeriesResponse, type TopResponse } from '@zlens/shared';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildDeps, type BuiltDeps } from '../deps.js';
import { createLogger } from '../logger.js';
import { percentile } from './measure.js';
import { numberEnv } from './stack.js';

const PHASE = 7;
const FAMILIES = [
  'zhmc_cpc_status_int',
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_partition_status_int',
  'zhmc_partition_processor_usage_ratio',
  'zhmc_adapter_status_int',
  'zhmc_adapter_usage_ratio',
  'zhmc_nic_bytes_sent_count_total',
  'zhmc_port_bytes_received_count_total',
];
const COUNTERS = ['zhmc_nic_bytes_sent_count_total', 'zhmc_port_bytes_received_count_total'];

/** The history with every sample time moved by PHASE. */
async function offGrid(from: string, to: string): Promise<void> {
  const out = createWriteStream(to);
  for await (const line of createInterface({ input: createReadStream(from, 'utf8'), crlfDelay: Infinity })) {
    const cut = line.lastIndexOf(' ');
    const text = line.startsWith('#') ? line : `${line.slice(0, cut)} ${Number(line.slice(cut + 1)) + PHASE}`;
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const key = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).sort());

/** Relative differences (%) where both have a value, and how many points only one has. */
function compare(a: SeriesResponse, b: SeriesResponse): { relative: number[]; oneOnly: number } {
  const other = new Map(b.series.map((s) => [key(s.labels), s.values]));
  const relative: number[] = [];
  let oneOnly = 0;
  for (const series of a.series) {
    const values = other.get(key(series.labels)) ?? [];
    series.values.forEach((x, i) => {
      const y = values[i] ?? null;
      if ((x === null) !== (y === null)) oneOnly += 1;
      else if (x !== null && y !== null && x > 0) relative.push((Math.abs(x - y) / x) * 100);
    });
  }
  return { relative, oneOnly };
}

function summary({ relative, oneOnly }: { relative: number[]; oneOnly: number }): string {
  const pct = (p: number): string => percentile(relative, p).toFixed(2);
  return `${pct(50)} / ${pct(95)} / ${Math.max(...relative).toFixed(1)} | ${oneOnly}`;
}

async function main(): Promise<void> {
  const hours = numberEnv('BENCH_HOURS', 6);
  const scenario = defaultScenario();
  const work = mkdtempSync(join(tmpdir(), 'zlens-bench-engines-'));
  const nowS = Math.floor(Date.now() / 1000);
  const end = Math.floor((nowS - 60) / 300) * 300;
  const written = join(work, 'written.om');
  const historyFile = join(work, 'history.om');
  const stats = await writeHistory(
    scenario,
    { startMs: (nowS - hours * 3600) * 1000, endMs: (nowS - 30) * 1000, families: FAMILIES },
    written,
  );
  await offGrid(written, historyFile);
  const engines = await Promise.all([
    startPrometheus({ scrapeTargets: [], historyFile, readyTimeoutMs: 600_000 }),
    startVictoriaMetrics({ historyFile, readyTimeoutMs: 120_000 }),
    startVictoriaMetrics({ historyFile, readyTimeoutMs: 120_000, prometheusLookback: false }),
  ]);
  const bffs: BuiltDeps[] = engines.map(({ url }) =>
    buildDeps({ ...loadConfig({ ZLENS_PROMETHEUS_URL: url, ZLENS_RECORDED_SERIES: 'off' }), webDir: null }, createLogger('warn'), {
      startPolling: false,
    }),
  );
  const servers: Server[] = bffs.map((bff) => createApp(bff.deps).listen(0, '127.0.0.1'));
  await Promise.all(servers.map((server) => once(server, 'listening')));
  const bases = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    return `http://127.0.0.1:${address.port}`;
  });
  try {
    const cpc = scenario.cpcs.find((c) => c['dpm-enabled'] && c.partitions.length > 0)?.name ?? '';
    const ask = async (path: string): Promise<unknown[]> =>
      Promise.all(
        bases.map(async (base) => {
          const res = await fetch(`${base}${path}`);
          if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
          return res.json();
        }),
      );
    const views: [string, number, number][] = [
      ['1 h', 3600, 240],
      // From 20 minutes after the history's start: no window reaches before it.
      [`${hours} h`, hours * 3600 - 1200, 360],
      [`${hours} h`, hours * 3600 - 1200, 72],
    ];
    const rows: string[] = [];
    for (const metric of COUNTERS) {
      for (const [label, seconds, maxPoints] of views) {
        const params = new URLSearchParams({ metric, cpc, from: String(end - seconds), to: String(end), maxPoints: String(maxPoints) });
        const [prom, vm, vmDefaults] = (await ask(`/api/v1/series?${params.toString()}`)).map((body) => SeriesResponseSchema.parse(body));
        if (prom === undefined || vm === undefined || vmDefaults === undefined) throw new Error('three answers');
        const window = Math.max(60, prom.step);
        rows.push(
          `| ${metric} | ${label}, step ${prom.step} s, rate window ${window} s | ${summary(compare(prom, vm))} | ${summary(compare(prom, vmDefaults))} |`,
        );
        console.log(rows[rows.length - 1]);
      }
    }
    const topParams = new URLSearchParams({
      metric: COUNTERS[0] ?? '',
      cpc,
      n: '100',
      from: String(end - hours * 3600 + 1200),
      to: String(end),
    });
    const [topProm, ...topVms] = (await ask(`/api/v1/top?${topParams.toString()}`)).map((body) => TopResponseSchema.parse(body));
    /** How many ranks hold another NIC on `other` than on Prometheus. */
    const moved = (other: TopResponse | undefined, list: 'byAverage' | 'byPeak'): string => {
      const a = topProm?.[list].map((e) => key(e.labels)) ?? [];
      const b = other?.[list].map((e) => key(e.labels)) ?? [];
      return `${a.filter((k, i) => b[i] !== k).length} of ${a.length}`;
    };
    const [topVm, topVmDefaults] = topVms;
    const firstLine = (command: string, args: string[]): string => {
      const run = spawnSync(command, args, { encoding: 'utf8' });
      return `${run.stdout ?? ''}${run.stderr ?? ''}`.split('\n')[0]?.trim() ?? '';
    };
    // Debian's build of VictoriaMetrics does not know its own version (-version prints nothing).
    const vmVersion = firstLine('dpkg-query', ['-W', '-f=${Version}', 'victoria-metrics']) || 'version unknown';
    const lines = [
      `Data: the simulator's default site, CPC \`${cpc}\`: ${hours} h at 15 s of ${FAMILIES.length} families (${stats.series} series, ${stats.samples.toLocaleString('en')} samples), every sample ${PHASE} s past its quarter minute (scrapes never fall on the query grid), no gaps. Engines: ${firstLine('prometheus', ['--version'])}; VictoriaMetrics ${vmVersion} (Debian package) with \`-search.minStalenessInterval=5m -search.maxStalenessInterval=5m\` (docs/deploy.md §7) and without them (its own lookback; both with \`-search.latencyOffset=15s\`, which changes nothing in past data). One BFF per engine, asked the same \`/api/v1/series\` (every NIC or port of the CPC). Per point where both engines have a value: |VictoriaMetrics − Prometheus| / Prometheus; “one engine only”: points with a value on one of them.`,
      '',
      '| metric | range | with the flags: p50 / p95 / max % | one engine only | own lookback: p50 / p95 / max % | one engine only |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Top-N of \`${COUNTERS[0] ?? ''}\` over ${hours} h (every NIC of the CPC): ranks that hold another NIC on VictoriaMetrics than on Prometheus — with the flags by average ${moved(topVm, 'byAverage')}, by peak ${moved(topVm, 'byPeak')}; with its own lookback by average ${moved(topVmDefaults, 'byAverage')}, by peak ${moved(topVmDefaults, 'byPeak')} (a 6 h top-N ranks 1-minute rates at a 30 s step). Gauges, heatmaps and top-N of gauges answer the same to 1e-9 (tested, apps/bff/src/app.engines.test.ts).`,
      '',
      'Why (docs/deploy.md §7): Prometheus extrapolates the increase between the first and last sample in the window to its edges, VictoriaMetrics counts from the last sample before the window; with n samples in the window they differ by at most 1/n of the spread of the per-interval rates — a 60 s window holds 4 samples, a 300 s window 20. VictoriaMetrics 1.79 with `-search.minStalenessInterval=5m` also widens 60 s rate windows to 5 minutes; on this smooth simulated traffic that changes little, on a jump it ramps over 5 minutes instead of 1.',
      '',
      'Run: `pnpm --filter @zlens/bff build && node apps/bff/dist/bench/engines.js` (BENCH_HOURS).',
    ];
    const file = await writeBenchmarkSection(
      'bff-engines',
      'BFF: Prometheus vs VictoriaMetrics, counter rates (apps/bff)',
      lines.join('\n'),
    );
    console.log(`wrote ${file}`);
  } finally {
    for (const server of servers) server.close();
    for (const bff of bffs) await bff.close();
    for (const engine of engines) await engine.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
