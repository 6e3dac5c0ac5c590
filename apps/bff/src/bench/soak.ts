// `pnpm --filter @zlens/bff bench:soak`: the BFF as a separate process with the heap limit
// docs/deploy.md recommends, in front of a real Prometheus holding the simulator's `large` preset,
// under mixed random load for BENCH_SOAK_SECONDS (default 600; BENCH_SOAK_SHORT=1: 150). Samples
// its RSS and heap every 4 s to show memory is flat after warm-up, then runs the Prometheus fault
// table (killed, hung by SIGSTOP, slow). Writes docs/benchmarks.md section `bff-soak`.
// Environment: BENCH_SOAK_SECONDS, BENCH_SOAK_SHORT, BENCH_SOAK_DAYS (default 2), BENCH_SOAK_HEAP_MB
// (default 768, deploy.md's recommendation), BENCH_SOAK_WORKERS (default 8).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { largeScenario, startPrometheus, startSimulator, waitForSeries, writeBenchmarkSection, writeHistory } from '@zlens/hmc-sim';
import { pidOfPrometheus } from './prometheus-process.js';
import { startForwarder } from './forwarder.js';
import { mib, ms, percentile } from './measure.js';
import { runFault, type FaultRow } from './soak-faults.js';
import { gaugeOf, measuredGet, newTally, randomPath, rssOf, statusSummary, type MemorySample } from './soak-load.js';

const FAMILIES = [
  'zhmc_cpc_status_int',
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
  'zhmc_partition_status_int',
  'zhmc_partition_lpar_status_int',
  'zhmc_partition_processor_usage_ratio',
];

function env(name: string, fallback: number): number {
  // eslint-disable-next-line no-restricted-syntax -- the bench CLI's own knobs, not BFF configuration
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts dist/server.js with a heap limit; resolves with its URL once it listens. */
async function startBffProcess(prometheusUrl: string, heapMb: number): Promise<{ child: ChildProcess; url: string }> {
  const server = fileURLToPath(new URL('../server.js', import.meta.url));
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, server], {
    // eslint-disable-next-line no-restricted-syntax -- the child BFF gets this environment plus its settings
    env: { ...process.env, ZLENS_PROMETHEUS_URL: prometheusUrl, ZLENS_PORT: '0', ZLENS_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the BFF exited (${String(code)}) before listening`)));
    lines.on('line', (line) => {
      const match = /"url":"(http:\/\/[^"]+?)\/?"/.exec(line);
      if (match?.[1] !== undefined && line.includes('zlens BFF listening')) resolve(match[1]);
      else if (line.includes('"level":50') || line.includes('"level":40')) console.log(`  bff: ${line.slice(0, 300)}`);
    });
  });
  return { child, url };
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (
      await fetch(`${url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error('Prometheus did not become ready again');
}

async function main(): Promise<void> {
  const short = env('BENCH_SOAK_SHORT', 0) > 0;
  const soakSeconds = env('BENCH_SOAK_SECONDS', short ? 150 : 600);
  const days = env('BENCH_SOAK_DAYS', 2);
  const heapMb = env('BENCH_SOAK_HEAP_MB', 768);
  const workers = env('BENCH_SOAK_WORKERS', 8);
  const faultMs = short ? 10_000 : 20_000;
  const historyFile = join(tmpdir(), `zlens-bff-soak-${process.pid}.om`);
  const scenario = largeScenario();
  const endMs = Math.floor(Date.now() / 15_000) * 15_000 - 60_000;
  console.log(`writing ${days} d of the large preset…`);
  const stats = await writeHistory(scenario, { startMs: endMs - days * 86_400_000, endMs, families: FAMILIES }, historyFile);
  const sim = await startSimulator({ scenario });
  const prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile, readyTimeoutMs: 3_600_000 });
  rmSync(historyFile, { force: true });
  await waitForSeries(prom.url, 'zhmc_partition_status_int', 120_000);
  let promPid = pidOfPrometheus(prom.dataDir);
  const promArgs = readFileSync(`/proc/${promPid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  // The Prometheus started again after the kill (ours to stop at the end).
  const restarted: { child: ChildProcess | null } = { child: null };
  const forwarder = await startForwarder(prom.url);
  const bff = await startBffProcess(forwarder.url, heapMb);
  const bffPid = bff.child.pid ?? Number.NaN;
  console.log(`BFF pid ${bffPid} at ${bff.url} (heap limit ${heapMb} MiB); soak ${soakSeconds} s with ${workers} workers`);
  try {
    const inventory = (await (await fetch(`${bff.url}/api/v1/inventory`)).json()) as { cpcs: { name: string }[] };
    const cpcs = inventory.cpcs.map((c) => c.name);
    const endS = endMs / 1000;
    const tally = newTally();
    const samples: MemorySample[] = [];
    const started = performance.now();
    const loadBefore = loadavg()[0] ?? 0;
    const deadline = started + soakSeconds * 1000;
    const worker = async (): Promise<void> => {
      while (performance.now() < deadline) await measuredGet(bff.url, randomPath(cpcs, endS, days * 86_400), tally);
    };
    const sampler = (async () => {
      while (performance.now() < deadline) {
        // A reused keep-alive connection the BFF just closed fails once; the next sample is taken.
        const text = await fetch(`${bff.url}/metrics`).then(
          (r) => r.text(),
          () => null,
        );
        if (text === null) {
          await sleep(500);
          continue;
        }
        samples.push({
          atS: (performance.now() - started) / 1000,
          rssBytes: rssOf(bffPid),
          heapUsedBytes: gaugeOf(text, 'nodejs_heap_size_used_bytes'),
          cacheBytes: gaugeOf(text, 'zlens_cache_bytes', 'kind="held"'),
          requests: tally.requests,
        });
        await sleep(4000);
      }
    })();
    await Promise.all([...Array.from({ length: workers }, worker), sampler]);
    const loadAfter = loadavg()[0] ?? 0;
    console.log(`soak: ${tally.requests} requests: ${statusSummary(tally)}`);

    // ---- faults ----
    const cpc = cpcs[0] ?? 'LX01';
    const panel = (path: string, extra: Record<string, string>): string =>
      `${path}?${new URLSearchParams({ metric: 'zhmc_partition_processor_usage_ratio', cpc, from: 'now-1h', to: 'now', ...extra }).toString()}`;
    const probe = {
      base: bff.url,
      panels: [panel('/api/v1/series', {}), panel('/api/v1/top', {}), panel('/api/v1/heatmap', {})],
      fresh: (k: number) =>
        `/api/v1/series?${new URLSearchParams({ metric: 'zhmc_partition_processor_usage_ratio', cpc, from: String(endS - 3600 - k * 15), to: String(endS - k * 15) }).toString()}`,
    };
    for (const path of [...probe.panels, probe.fresh(0)]) await fetch(`${bff.url}${path}`).then((r) => r.text());
    const faults: FaultRow[] = [];
    faults.push(
      await runFault(
        {
          name: 'killed (SIGKILL), restarted on the same port',
          inject: async () => void process.kill(promPid, 'SIGKILL'),
          heal: async () => {
            const [binary, ...args] = promArgs;
            if (binary === undefined) throw new Error('no Prometheus command line');
            restarted.child = spawn(binary, args, { stdio: 'ignore' });
            promPid = restarted.child.pid ?? promPid;
            await waitReady(prom.url);
          },
        },
        probe,
        faultMs,
      ),
    );
    faults.push(
      await runFault(
        {
          name: 'hung (SIGSTOP), then SIGCONT',
          inject: async () => void process.kill(promPid, 'SIGSTOP'),
          heal: async () => void process.kill(promPid, 'SIGCONT'),
        },
        probe,
        faultMs,
      ),
    );
    faults.push(
      await runFault(
        {
          name: 'slow (every answer 1.5 s late)',
          inject: async () => void (forwarder.delayMs = 1500),
          heal: async () => void (forwarder.delayMs = 0),
        },
        probe,
        faultMs,
      ),
    );
    for (const f of faults) console.log(f);
    await writeReport({ short, soakSeconds, days, heapMb, workers, faultMs, stats, samples, tally, faults, loadBefore, loadAfter });
  } finally {
    bff.child.kill('SIGTERM');
    forwarder.delayMs = 0;
    try {
      process.kill(promPid, 'SIGCONT');
    } catch {
      // not running
    }
    restarted.child?.kill('SIGTERM');
    await forwarder.close();
    await prom.close();
    await sim.close();
  }
}

interface Report {
  short: boolean;
  soakSeconds: number;
  days: number;
  heapMb: number;
  workers: number;
  faultMs: number;
  stats: { series: number; samples: number };
  samples: MemorySample[];
  tally: ReturnType<typeof newTally>;
  faults: FaultRow[];
  loadBefore: number;
  loadAfter: number;
}

/** Whether memory is flat: the last third's highest RSS within 10 % of the first third's; said, not assumed. */
function flatVerdict(first: MemorySample[], last: MemorySample[]): string {
  if (first.length === 0 || last.length === 0) return 'too few samples to judge';
  const a = Math.max(...first.map((s) => s.rssBytes));
  const b = Math.max(...last.map((s) => s.rssBytes));
  return b <= a * 1.1
    ? 'flat: the last third is within 10 % of the first'
    : `NOT flat in this run: +${(((b - a) / a) * 100).toFixed(0)} % from the first third to the last (the cache may still be filling toward ZLENS_CACHE_MAX_BYTES; a longer soak shows where it levels)`;
}

async function writeReport(r: Report): Promise<void> {
  const warmupS = r.soakSeconds * 0.3;
  const after = r.samples.filter((s) => s.atS >= warmupS);
  const third = (from: number, to: number) =>
    after.filter(
      (s) => s.atS >= warmupS + ((r.soakSeconds - warmupS) * from) / 3 && s.atS < warmupS + ((r.soakSeconds - warmupS) * to) / 3,
    );
  const maxOf = (list: MemorySample[], key: 'rssBytes' | 'heapUsedBytes'): number => Math.max(...list.map((s) => s[key]));
  const every = Math.max(1, Math.round(r.samples.length / 12));
  const cpu = cpus();
  const lines = [
    `Run ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}; 1-minute load average ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)} (other work shared the machine).${r.short ? ` **Short mode** (BENCH_SOAK_SHORT=1): ${r.soakSeconds} s instead of 10 minutes, for lack of time; run \`pnpm --filter @zlens/bff bench:soak\` for the full soak.` : ''}`,
    '',
    `The BFF runs as its own process (\`node --max-old-space-size=${r.heapMb} dist/server.js\`, the heap docs/deploy.md recommends; defaults otherwise: ZLENS_CACHE_MAX_BYTES 128 MiB, timeout 10 s, 8 in flight) in front of a real Prometheus with ${r.days} d of the simulator's \`large\` preset (8 CPCs × 85 partitions; ${r.stats.series} series, ${r.stats.samples.toLocaleString('en')} samples) that also scrapes the simulator. ${r.workers} clients send random requests back to back for ${r.soakSeconds} s: 60 % series (7 metrics), 20 % top-N, 20 % heatmaps (30 % of them the whole fleet); ranges of 1 h to 7 d ending now or anywhere in the history; maxPoints 100-11,000.`,
    '',
    `**Requests**: ${r.tally.requests} (${(r.tally.requests / r.soakSeconds).toFixed(1)}/s): ${statusSummary(r.tally)}; latency p50 ${ms(percentile(r.tally.latenciesMs, 50))} ms, p95 ${ms(percentile(r.tally.latenciesMs, 95))} ms, max ${ms(Math.max(...r.tally.latenciesMs))} ms.`,
    '',
    `**Memory** (RSS from /proc, heap used and cache bytes from the BFF's /metrics; warm-up = the first ${warmupS.toFixed(0)} s): after warm-up RSS ${mib(Math.min(...after.map((s) => s.rssBytes)))}-${mib(maxOf(after, 'rssBytes'))} MiB, heap used ${mib(Math.min(...after.map((s) => s.heapUsedBytes)))}-${mib(maxOf(after, 'heapUsedBytes'))} MiB; highest RSS in the three thirds after warm-up: ${[third(0, 1), third(1, 2), third(2, 3.01)].map((t) => (t.length > 0 ? mib(maxOf(t, 'rssBytes')) : '–')).join(' / ')} MiB (${flatVerdict(third(0, 1), third(2, 3.01))}).`,
    '',
    '| t (s) | requests | RSS MiB | heap used MiB | cache MiB |',
    '| --- | --- | --- | --- | --- |',
    ...r.samples
      .filter((_, i) => i % every === 0 || i === r.samples.length - 1)
      .map((s) => `| ${s.atS.toFixed(0)} | ${s.requests} | ${mib(s.rssBytes)} | ${mib(s.heapUsedBytes)} | ${mib(s.cacheBytes)} |`),
    '',
    `**Prometheus faults** (each ${r.faultMs / 1000} s; meanwhile a viewer asks every 250 ms for a 1 h series, top-N and heatmap ending now, plus a range never asked before, and the banner polls /api/v1/status every second; "recover" = from the end of the fault (for the kill: from the restarted Prometheus being ready) to the first fresh answer that needed Prometheus)`,
    '',
    '| fault | statuses during the fault | stale data served | p50 / max ms during the fault | recover ms |',
    '| --- | --- | --- | --- | --- |',
    ...r.faults.map(
      (f) =>
        `| ${f.name} | ${f.statuses} | ${f.staleServed ? 'yes' : 'no'} | ${ms(f.p50Ms)} / ${ms(f.maxMs)} | ${f.recoverMs === null ? 'not within 60 s' : ms(f.recoverMs)} |`,
    ),
  ];
  const file = await writeBenchmarkSection(
    'bff-soak',
    'BFF soak: memory under mixed load, and Prometheus faults (apps/bff)',
    lines.join('\n'),
  );
  console.log(`written to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
