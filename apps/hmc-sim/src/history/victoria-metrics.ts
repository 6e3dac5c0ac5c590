// Runs a real, throw-away VictoriaMetrics (Debian's single-node `victoria-metrics`, the same PromQL
// HTTP API its cluster's vmselect serves) for tests: a temporary -storageDataPath, a free port on
// 127.0.0.1, and the same OpenMetrics history startPrometheus backfills, imported through
// /api/v1/import/prometheus — so zlens' answers from both engines can be compared on equal data.

import { type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cleanUp, freePort, requireExecutable, spawnUntilReady } from './prometheus.js';

export interface VictoriaMetricsOptions {
  /** An OpenMetrics file (see writeHistory) to import once VictoriaMetrics is ready. */
  readonly historyFile?: string;
  /** The executable, a name on PATH or a path. Default `victoria-metrics`. */
  readonly binary?: string;
  /** How long to wait for `/health`. Default 30 s. */
  readonly readyTimeoutMs?: number;
  /** Look back 5 minutes as Prometheus does (PROMETHEUS_LOOKBACK_FLAGS). Default true. */
  readonly prometheusLookback?: boolean;
}

/**
 * What makes a series carry its last value for 5 minutes, as Prometheus' lookback delta does, and
 * no longer: by default VictoriaMetrics carries it about 1.5 sample intervals (a 2-minute gap in
 * 60 s samples is a gap), and up to a whole step on coarse steps. docs/deploy.md §7 names the side
 * effect on VictoriaMetrics 1.79: rate() windows shorter than 5 minutes widen to 5 minutes.
 */
export const PROMETHEUS_LOOKBACK_FLAGS: readonly string[] = ['-search.minStalenessInterval=5m', '-search.maxStalenessInterval=5m'];

export interface RunningVictoriaMetrics {
  /** `http://127.0.0.1:port`: the PromQL API is under it as on Prometheus (`/api/v1/query`, …). */
  readonly url: string;
  /** Samples imported from the history file. */
  readonly imported: number;
  /** Stops VictoriaMetrics and removes its data directory. */
  close(): Promise<void>;
}

/** About 8 MiB of exposition text per import request. */
const BATCH_CHARS = 8 << 20;

/**
 * An OpenMetrics sample line as Prometheus exposition text: the same line with its timestamp in
 * milliseconds (OpenMetrics counts seconds). Comments and `# EOF` are dropped.
 */
export function toExpositionLine(line: string): string | null {
  if (line === '' || line.startsWith('#')) return null;
  const cut = line.lastIndexOf(' ');
  const seconds = Number(line.slice(cut + 1));
  if (cut < 0 || !Number.isFinite(seconds)) throw new Error(`not an OpenMetrics sample with a timestamp: ${line.slice(0, 200)}`);
  return `${line.slice(0, cut)} ${Math.round(seconds * 1000)}`;
}

async function postBatch(url: string, body: string): Promise<void> {
  const response = await fetch(`${url}/api/v1/import/prometheus`, { method: 'POST', body, signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`VictoriaMetrics import: HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`);
}

/** Streams the history file into VictoriaMetrics; returns the number of samples sent. */
async function importHistory(url: string, historyFile: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(historyFile, 'utf8'), crlfDelay: Infinity });
  let batch = '';
  let samples = 0;
  for await (const line of lines) {
    const converted = toExpositionLine(line);
    if (converted === null) continue;
    batch += `${converted}\n`;
    samples += 1;
    if (batch.length >= BATCH_CHARS) {
      await postBatch(url, batch);
      batch = '';
    }
  }
  if (batch !== '') await postBatch(url, batch);
  return samples;
}

/** Starts VictoriaMetrics and imports the history; resolves when the imported samples are searchable. */
export async function startVictoriaMetrics(options: VictoriaMetricsOptions = {}): Promise<RunningVictoriaMetrics> {
  const binary = await requireExecutable(
    options.binary ?? 'victoria-metrics',
    'install VictoriaMetrics (Debian: apt-get install victoria-metrics)',
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'zlens-victoria-metrics-'));
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const args = [
      `-storageDataPath=${dataDir}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      // Imported history can be weeks old; the default retention (1 month) would refuse older samples.
      '-retentionPeriod=10y',
      '-loggerLevel=ERROR',
      // zlens takes a step one scrape interval (15 s) old as final; the default 30 s would hold
      // back its newest sample and repeat the value before (docs/deploy.md §7).
      '-search.latencyOffset=15s',
      ...(options.prometheusLookback === false ? [] : PROMETHEUS_LOOKBACK_FLAGS),
    ];
    const running = await spawnUntilReady(binary, args, `${url}/health`, options.readyTimeoutMs ?? 30_000, (spawned) => (child = spawned));
    const imported = options.historyFile === undefined ? 0 : await importHistory(url, options.historyFile);
    // Imported rows become searchable after the in-memory buffers are flushed (every few seconds).
    const flush = await fetch(`${url}/internal/force_flush`, { signal: AbortSignal.timeout(30_000) });
    if (!flush.ok) throw new Error(`VictoriaMetrics force_flush: HTTP ${flush.status}`);
    return {
      url,
      imported,
      close: () => cleanUp(running, dataDir),
    };
  } catch (error) {
    await cleanUp(child, dataDir);
    throw error;
  }
}
