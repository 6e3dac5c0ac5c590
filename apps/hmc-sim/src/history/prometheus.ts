// Runs a real, throw-away Prometheus for tests and the demo: a temporary data directory, optional
// backfill from an OpenMetrics history file (promtool), a scrape job `zhmc` for the given targets
// and a free port on 127.0.0.1.

import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { isRecord } from '../narrow.js';

export interface PrometheusOptions {
  /** `host:port` targets of the `zhmc` scrape job (e.g. RunningSimulator.metricsTarget). */
  readonly scrapeTargets: readonly string[];
  /**
   * OpenMetrics files (see writeHistory) to load with promtool before Prometheus starts: one, or
   * several (e.g. the last day at a fine step and older days at a coarse one, for disjoint times).
   */
  readonly historyFile?: string | readonly string[];
  /**
   * Called once the history files are loaded, right before Prometheus starts: writes the samples
   * from the history's end up to now and returns that OpenMetrics file, which is loaded too. Loading
   * a day of history takes minutes; without this the first scrape follows the history after that
   * gap, where counter rates have no value and then dip (their first windows hold one or two
   * scrapes). Undefined when there is nothing to add yet.
   */
  readonly catchUp?: () => Promise<string | undefined>;
  /** Default 15, the exporter's recommended interval. */
  readonly scrapeIntervalSeconds?: number;
  /** The prometheus executable, a name on PATH or a path. Default `prometheus`. */
  readonly binary?: string;
  /** The promtool executable, a name on PATH or a path. Default `promtool`. */
  readonly promtoolBinary?: string;
  /** How long to wait for `/-/ready`. Default 30 s. */
  readonly readyTimeoutMs?: number;
  /** Rule files (alerting and recording rules) to evaluate, as absolute paths. */
  readonly ruleFiles?: readonly string[];
  /** How often rules are evaluated. Default: the scrape interval. */
  readonly evaluationIntervalSeconds?: number;
  /** `host:port` of Alertmanagers to send alerts to. */
  readonly alertmanagerTargets?: readonly string[];
  /** Directories of TSDB blocks (e.g. backfillRules' output) copied into the data directory before start. */
  readonly blockDirs?: readonly string[];
}

export interface RunningPrometheus {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  readonly dataDir: string;
  /** Stops Prometheus and removes its data directory. */
  close(): Promise<void>;
}

/** The full path of an executable, searched on PATH unless it already contains a slash. */
export async function findExecutable(name: string, path: string | undefined): Promise<string | undefined> {
  const candidates = name.includes('/')
    ? [name]
    : (path ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

export async function requireExecutable(
  name: string,
  hint = 'install Prometheus (Debian: apt-get install prometheus, which also provides promtool)',
): Promise<string> {
  // eslint-disable-next-line no-restricted-syntax -- PATH lookup is how a binary is found, not configuration
  const found = await findExecutable(name, process.env.PATH);
  if (found === undefined) {
    throw new Error(`${name} not found${name.includes('/') ? '' : ' on PATH'}: ${hint}`);
  }
  return found;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

function run(binary: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function exited(child: ChildProcess): Promise<Finished> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

/** Stops an engine (if it was spawned) and removes its data directory: its close, and its clean-up when starting failed. */
export async function cleanUp(child: ChildProcess | undefined, dataDir: string): Promise<void> {
  if (child !== undefined) await stop(child);
  await rm(dataDir, { recursive: true, force: true });
}

/** The scrape job of the targets. */
export const SCRAPE_JOB = 'zhmc';

/** The labels Prometheus gives every series it scrapes from `target` (for `writeHistory`'s `targetLabels`). */
export function scrapeLabels(target: string): Readonly<Record<string, string>> {
  return { job: SCRAPE_JOB, instance: target };
}

/**
 * Starts `binary` and resolves once `readyUrl` answers 2xx; `started` gets the child at once, so a
 * caller can stop it when this throws. The child is killed if this process exits first (a leftover
 * engine keeps its port and data dir).
 */
export async function spawnUntilReady(
  binary: string,
  args: readonly string[],
  readyUrl: string,
  timeoutMs: number,
  started: (child: ChildProcess) => void,
): Promise<ChildProcess> {
  const name = basename(binary);
  let log = '';
  const running = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  started(running);
  running.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const killOnExit = (): void => {
    running.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  running.once('exit', () => process.removeListener('exit', killOnExit));
  let spawnError: Error | undefined;
  running.once('error', (error) => (spawnError = error));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError !== undefined) throw spawnError;
    if (running.exitCode !== null || running.signalCode !== null) {
      throw new Error(`${name} exited (${String(running.exitCode ?? running.signalCode)}) before it was ready: ${log}`);
    }
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return running;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready within the timeout: ${log}`);
    await sleep(200);
  }
}

/** Blocks of an OpenMetrics file written into a TSDB directory (`promtool tsdb create-blocks-from openmetrics`). */
async function backfillOpenMetrics(promtool: string, historyFile: string, tsdbDir: string): Promise<void> {
  // 54h blocks hold two days of history each instead of one block per 2 h window.
  const args = ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=54h', '--quiet', historyFile, tsdbDir];
  const result = await run(promtool, args);
  if (result.code !== 0) throw new Error(`promtool backfill failed (exit ${String(result.code)}): ${result.output.slice(-2000)}`);
}

/** Starts Prometheus; resolves when `/-/ready` answers 200. */
export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const prometheus = await requireExecutable(options.binary ?? 'prometheus');
  const historyFiles = options.historyFile === undefined ? [] : [options.historyFile].flat();
  const promtool =
    historyFiles.length === 0 && options.catchUp === undefined ? undefined : await requireExecutable(options.promtoolBinary ?? 'promtool');
  const interval = options.scrapeIntervalSeconds ?? 15;
  const dataDir = await mkdtemp(join(tmpdir(), 'zlens-prometheus-'));
  const tsdbDir = join(dataDir, 'data');
  let child: ChildProcess | undefined;
  try {
    if (promtool !== undefined) for (const historyFile of historyFiles) await backfillOpenMetrics(promtool, historyFile, tsdbDir);
    const catchUpFile = await options.catchUp?.();
    if (promtool !== undefined && catchUpFile !== undefined) await backfillOpenMetrics(promtool, catchUpFile, tsdbDir);
    for (const blocks of options.blockDirs ?? []) await cp(blocks, tsdbDir, { recursive: true });
    const evaluation = options.evaluationIntervalSeconds ?? interval;
    const config = {
      global: { scrape_interval: `${interval}s`, scrape_timeout: `${Math.min(interval, 10)}s`, evaluation_interval: `${evaluation}s` },
      scrape_configs: [{ job_name: SCRAPE_JOB, static_configs: [{ targets: [...options.scrapeTargets] }] }],
      ...(options.ruleFiles === undefined ? {} : { rule_files: [...options.ruleFiles] }),
      ...(options.alertmanagerTargets === undefined
        ? {}
        : { alerting: { alertmanagers: [{ static_configs: [{ targets: [...options.alertmanagerTargets] }] }] } }),
    };
    const configFile = join(dataDir, 'prometheus.yml');
    // JSON is valid YAML, and needs no YAML writer.
    await writeFile(configFile, JSON.stringify(config, null, 2));

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const args = [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${tsdbDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Backfilled history can be weeks old; keep it all for the life of this instance.
      '--storage.tsdb.retention.time=3650d',
      '--log.level=warn',
    ];
    const running = await spawnUntilReady(
      prometheus,
      args,
      `${url}/-/ready`,
      options.readyTimeoutMs ?? 30_000,
      (spawned) => (child = spawned),
    );
    return {
      url,
      dataDir,
      close: () => cleanUp(running, dataDir),
    };
  } catch (error) {
    await cleanUp(child, dataDir);
    throw error;
  }
}

export interface RuleBackfill {
  /** The Prometheus whose data the rules are evaluated on (its query API). */
  readonly url: string;
  readonly ruleFiles: readonly string[];
  /** Unix seconds; evaluations at start, start + each group's interval, … up to end. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Where the blocks are written (for startPrometheus' blockDirs). */
  readonly outputDir: string;
  readonly promtoolBinary?: string;
}

/**
 * `promtool tsdb create-blocks-from rules`: the recording rules evaluated over past data by a
 * running Prometheus, written as blocks — how an operator gives history from before the rules
 * were deployed its recorded series (docs/deploy.md).
 */
export async function backfillRules(options: RuleBackfill): Promise<void> {
  const promtool = await requireExecutable(options.promtoolBinary ?? 'promtool');
  const result = await run(promtool, [
    'tsdb',
    'create-blocks-from',
    'rules',
    `--start=${options.startSeconds}`,
    `--end=${options.endSeconds}`,
    `--url=${options.url}`,
    `--output-dir=${options.outputDir}`,
    ...options.ruleFiles,
  ]);
  if (result.code !== 0) throw new Error(`promtool rule backfill failed (exit ${String(result.code)}): ${result.output.slice(-2000)}`);
}

export interface PromSample {
  readonly metric: Readonly<Record<string, string>>;
  /** [unix seconds, value as text], as the Prometheus API returns it. */
  readonly value: readonly [number, string];
}

function parseVector(body: unknown): PromSample[] {
  if (!isRecord(body) || body.status !== 'success' || !isRecord(body.data)) {
    throw new Error(`unexpected Prometheus answer: ${JSON.stringify(body).slice(0, 500)}`);
  }
  const { result } = body.data;
  if (!Array.isArray(result)) throw new Error('Prometheus answer has no result list');
  return result.map((item: unknown) => {
    if (!isRecord(item) || !isRecord(item.metric) || !Array.isArray(item.value)) throw new Error('not an instant vector');
    const time: unknown = item.value[0];
    const value: unknown = item.value[1];
    if (typeof time !== 'number' || typeof value !== 'string') throw new Error('malformed sample');
    const metric: Record<string, string> = {};
    for (const [name, label] of Object.entries(item.metric)) {
      if (typeof label === 'string') metric[name] = label;
    }
    return { metric, value: [time, value] as const };
  });
}

/** Runs an instant query (optionally at a time, unix seconds). */
export async function queryPrometheus(url: string, promql: string, timeSeconds?: number): Promise<PromSample[]> {
  const params = new URLSearchParams({ query: promql });
  if (timeSeconds !== undefined) params.set('time', String(timeSeconds));
  const response = await fetch(`${url}/api/v1/query?${params.toString()}`, { signal: AbortSignal.timeout(10_000) });
  const body: unknown = await response.json();
  return parseVector(body);
}

/** Polls an instant query until it returns at least one series; rejects after timeoutMs. */
export async function waitForSeries(url: string, promql: string, timeoutMs: number): Promise<PromSample[]> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no series yet';
  for (;;) {
    try {
      const result = await queryPrometheus(url, promql);
      if (result.length > 0) return result;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`no series for ${promql} within ${timeoutMs} ms (${lastError})`);
    await sleep(500);
  }
}
