#!/usr/bin/env node
// `pnpm --filter @zlens/hmc-sim bench`: the simulator at the `large` preset's scale. Measures one
// Get Metrics of the whole site over real HTTPS (p50/p95), the exporter /metrics (size, time), the
// history writer's speed, and a 7-day backfill (write + promtool), then writes its section of
// docs/benchmarks.md. Options: --days N (7), --step S (300), --skip-backfill.

import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchmarkSection } from './benchmarks-doc.js';
import { writeHistory } from './history/history.js';
import { largeScenario } from './scenario/presets.js';
import { Agent, request } from 'node:https';
import { isRecord } from './narrow.js';
import { startSimulator } from './simulator.js';

const T0 = Date.UTC(2025, 2, 10, 12, 0, 0);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** One HTTPS call on a keep-alive connection, as an HMC client makes them. */
function call(agent: Agent, url: string, method: string, session?: string, body?: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent, headers: { 'Content-Type': 'application/json', ...(session === undefined ? {} : { 'X-API-Session': session }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function text(json: string, key: string): string {
  const value: unknown = JSON.parse(json);
  const found = isRecord(value) ? value[key] : undefined;
  if (typeof found !== 'string') throw new Error(`no ${key} in ${json.slice(0, 200)}`);
  return found;
}

function run(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { days: { type: 'string' }, step: { type: 'string' }, 'skip-backfill': { type: 'boolean' } } });
  const days = Number(values.days ?? 7);
  const step = Number(values.step ?? 300);
  const scenario = largeScenario();
  const partitions = scenario.cpcs.reduce((n, c) => n + c.partitions.length + c['logical-partitions'].length, 0);
  const adapters = scenario.cpcs.reduce((n, c) => n + c.adapters.length, 0);
  const lines: string[] = [];
  const say = (line: string): void => {
    console.log(line);
    lines.push(line);
  };

  let clock = T0;
  const sim = await startSimulator({ scenario, now: () => clock });
  try {
    const agent = new Agent({ ca: sim.caPem, keepAlive: true });
    const session = text(await call(agent, `${sim.hmcUrl}/api/sessions`, 'POST', undefined, sim.credentials), 'api-session');
    const context = `${sim.hmcUrl}${text(await call(agent, `${sim.hmcUrl}/api/services/metrics/context`, 'POST', session, { 'anticipated-frequency-seconds': 15 }), 'metrics-context-uri')}`;
    // Warm-up (builds the per-scenario tables), then one new 15 s slot per call so nothing is cached.
    await call(agent, context, 'GET', session);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 50; i += 1) {
      clock += 15_000;
      const start = performance.now();
      const body = await call(agent, context, 'GET', session);
      times.push(performance.now() - start);
      bytes = Buffer.byteLength(body);
    }
    agent.destroy();
    say(
      `| Get Metrics, whole site, all 13 groups (50 calls over HTTPS, new slot each) | p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, ${mib(bytes)} per answer |`,
    );

    await fetch(sim.metricsUrl).then((r) => r.text());
    const scrapes: number[] = [];
    let exposition = '';
    for (let i = 0; i < 10; i += 1) {
      clock += 15_000;
      const start = performance.now();
      exposition = await (await fetch(sim.metricsUrl)).text();
      scrapes.push(performance.now() - start);
    }
    const samples = exposition.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
    say(
      `| /metrics (10 scrapes) | p50 ${ms(percentile(scrapes, 50))}, ${mib(Buffer.byteLength(exposition))}, ${exposition.split('\n').length - 1} lines, ${samples} samples |`,
    );
  } finally {
    await sim.close();
  }

  const dir = await mkdtemp(join(tmpdir(), 'hmc-sim-bench-'));
  try {
    const hourFile = join(dir, 'hour.om');
    let start = performance.now();
    const hour = await writeHistory(scenario, { startMs: T0 - 3_600_000, endMs: T0, stepSeconds: 15 }, hourFile);
    let seconds = (performance.now() - start) / 1000;
    const hourBytes = (await stat(hourFile)).size;
    say(
      `| History write speed (catalog families, 1 h at 15 s: ${hour.series} series) | ${Math.round(hour.samples / seconds).toLocaleString('en')} samples/s, ${mib(hourBytes / seconds)}/s, ${(hourBytes / hour.samples).toFixed(0)} bytes/sample |`,
    );
    await rm(hourFile);

    if (values['skip-backfill'] !== true) {
      const file = join(dir, 'week.om');
      start = performance.now();
      const week = await writeHistory(scenario, { startMs: T0 - days * 86_400_000, endMs: T0, stepSeconds: step }, file);
      seconds = (performance.now() - start) / 1000;
      const size = (await stat(file)).size;
      say(
        `| History ${days} days at ${step} s, catalog families: write | ${seconds.toFixed(1)} s, ${week.samples.toLocaleString('en')} samples, ${mib(size)} |`,
      );
      start = performance.now();
      const code = await run('promtool', [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '--max-block-duration=54h',
        file,
        join(dir, 'blocks'),
      ]);
      seconds = (performance.now() - start) / 1000;
      say(
        `| … \`promtool tsdb create-blocks-from openmetrics --max-block-duration=54h\` | ${code === 0 ? '' : `FAILED (exit ${code}) after `}${seconds.toFixed(1)} s |`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const markdown = [
    `Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
    `Site: the \`large\` preset, ${scenario.cpcs.length} CPCs (${scenario.cpcs.filter((c) => c['dpm-enabled']).length} DPM), ${partitions} partitions, ${adapters} adapters.`,
    '',
    '| measurement | result |',
    '| --- | --- |',
    ...lines,
  ].join('\n');
  const file = await writeBenchmarkSection('hmc-sim', 'HMC simulator (`@zlens/hmc-sim`)', markdown);
  console.log(`written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
