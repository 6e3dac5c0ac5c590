// Past samples of every exported series as OpenMetrics text, the input of
// `promtool tsdb create-blocks-from openmetrics`: per family its HELP and TYPE, then each series'
// samples in ascending time (timestamps in seconds), and `# EOF`. The values are the ones /metrics
// serves for the same slot. Written as a stream, so days of history never sit in memory.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { METRIC_IDS } from '@zlens/shared';
import { exportedFamilies, resolveExporterConfig, type ExporterConfig } from '../exporter/exporter-config.js';
import { escapeLabelValue, formatFloat, formatLabels } from '../exporter/exposition.js';
import type { Scenario } from '../scenario/scenario.js';
import { SLOT_MS, slotOf } from '../workload/workload.js';

export interface HistoryRange {
  /** First sample time (ms since the epoch); rounded up to a multiple of the step. */
  readonly startMs: number;
  /** Last sample time (ms since the epoch), inclusive; rounded down to a multiple of the step. */
  readonly endMs: number;
  /** A multiple of 15 s, the HMC's sample interval. Default 15. */
  readonly stepSeconds?: number;
  /**
   * Which families to write: `'catalog'` (default) the metrics zlens charts (the shared CATALOG),
   * `'all'` everything /metrics serves, or a list of exported names (counters with `_total`).
   * Everything for days of a large site is many gigabytes, hence the default.
   */
  readonly families?: 'catalog' | 'all' | readonly string[];
  /**
   * Labels Prometheus adds to the live scrape of the simulator (`job`, `instance`): with them the
   * backfilled samples and the scraped ones are one series, and a counter's rate runs on across
   * the moment Prometheus started instead of ending in one series and starting in another.
   */
  readonly targetLabels?: Readonly<Record<string, string>>;
  /** The exporter config whose output the history is (as for /metrics); default all groups. */
  readonly exporter?: ExporterConfig;
}

export interface HistoryStats {
  readonly samples: number;
  readonly series: number;
  /** Sample times actually written (ms), after alignment to the step. */
  readonly firstMs: number;
  readonly lastMs: number;
}

const FLUSH_CHARS = 1 << 16;

/** OpenMetrics escapes `\\`, `\n` and `\"` in HELP text. */
function escapeOpenMetricsHelp(text: string): string {
  return escapeLabelValue(text);
}

async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Streams the OpenMetrics history of the scenario to `out` (a stream, or a file path to create). */
export async function writeHistory(scenario: Scenario, range: HistoryRange, out: Writable | string): Promise<HistoryStats> {
  const stepSeconds = range.stepSeconds ?? 15;
  const stepMs = stepSeconds * 1000;
  if (!Number.isInteger(stepSeconds) || stepSeconds <= 0 || stepMs % SLOT_MS !== 0) {
    throw new Error(`stepSeconds must be a positive multiple of ${SLOT_MS / 1000}, got ${stepSeconds}`);
  }
  const firstMs = Math.ceil(range.startMs / stepMs) * stepMs;
  const lastMs = Math.floor(range.endMs / stepMs) * stepMs;
  if (!(lastMs >= firstMs)) {
    throw new Error(`empty history range: start ${range.startMs} is after end ${range.endMs}`);
  }

  const ownsStream = typeof out === 'string';
  const stream = typeof out === 'string' ? createWriteStream(out) : out;
  let samples = 0;
  let series = 0;
  let buffer = '';
  const flush = async (force: boolean): Promise<void> => {
    if (buffer.length >= FLUSH_CHARS || (force && buffer.length > 0)) {
      const chunk = buffer;
      buffer = '';
      await writeChunk(stream, chunk);
    }
  };
  try {
    const wanted = range.families ?? 'catalog';
    const names: ReadonlySet<string> | undefined =
      wanted === 'all' ? undefined : new Set<string>(wanted === 'catalog' ? METRIC_IDS : wanted);
    for (const family of exportedFamilies(scenario, resolveExporterConfig(range.exporter, scenario))) {
      if (family.series.length === 0 || (names !== undefined && !names.has(family.name))) continue;
      // OpenMetrics names a counter family without `_total`; its samples keep the suffix.
      buffer += `# HELP ${family.familyName} ${escapeOpenMetricsHelp(family.help)}\n# TYPE ${family.familyName} ${family.type}\n`;
      for (const def of family.series) {
        series += 1;
        // Label syntax and escaping are the same in OpenMetrics as in the text format.
        const labels = range.targetLabels === undefined ? def.labels : { ...def.labels, ...range.targetLabels };
        const prefix = `${family.name}${formatLabels(labels)} `;
        for (let t = firstMs; t <= lastMs; t += stepMs) {
          buffer += `${prefix}${formatFloat(def.valueAt(slotOf(t)))} ${t / 1000}\n`;
          samples += 1;
          if (buffer.length >= FLUSH_CHARS) await flush(false);
        }
      }
    }
    buffer += '# EOF\n';
    await flush(true);
  } finally {
    if (ownsStream) {
      stream.end();
      await finished(stream);
    }
  }
  return { samples, series, firstMs, lastMs };
}
