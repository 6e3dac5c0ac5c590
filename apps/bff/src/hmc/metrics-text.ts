// Parser of the Get Metrics body, `application/vnd.ibm-z-zmanager-metrics` (hmc-api.md §3.4):
//
//   MetricsResponse: MetricsGroup{0,*} <emptyline>
//   MetricsGroup:    "group-name" ObjectValues{0,*} <emptyline>
//   ObjectValues:    "object-uri" timestamp-ms ValueRow{1,*} <emptyline>
//
// Values in a row follow the order of the group's metric-infos from the create response, so the
// parser needs those definitions. Several rows under one object are allowed (per-channel groups).
import { z } from 'zod';

export const METRIC_TYPES = [
  'boolean-metric',
  'byte-metric',
  'short-metric',
  'integer-metric',
  'long-metric',
  'double-metric',
  'string-metric',
] as const;

export const MetricGroupInfoSchema = z.object({
  'group-name': z.string(),
  'metric-infos': z.array(z.object({ 'metric-name': z.string(), 'metric-type': z.enum(METRIC_TYPES) })),
});
export type MetricGroupInfo = z.infer<typeof MetricGroupInfoSchema>;

export type MetricValue = number | boolean | string;

export interface MetricObjectValues {
  group: string;
  objectUri: string;
  timestampMs: number;
  /** One record per value row: metric name → value. */
  rows: Record<string, MetricValue>[];
}

export class MetricsTextError extends Error {
  constructor(line: number, message: string) {
    super(`metrics text line ${line}: ${message}`);
    this.name = 'MetricsTextError';
  }
}

const QUOTED = /^"([^"\\]*)"$/;

function unquote(text: string): string | null {
  const match = QUOTED.exec(text);
  return match?.[1] ?? null;
}

function parseValue(text: string, type: (typeof METRIC_TYPES)[number], lineNo: number): MetricValue {
  const trimmed = text.trim();
  switch (type) {
    case 'string-metric': {
      if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
        // zhmcclient decodes \uXXXX escapes inside strings; do the same.
        return trimmed.slice(1, -1).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      }
      return trimmed;
    }
    case 'boolean-metric': {
      const lower = trimmed.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      throw new MetricsTextError(lineNo, `expected a boolean, got "${trimmed}"`);
    }
    default: {
      const value = Number(trimmed);
      if (trimmed === '' || !Number.isFinite(value)) throw new MetricsTextError(lineNo, `expected a number, got "${trimmed}"`);
      return value;
    }
  }
}

/** A value row with another number of values than its group defines. */
export interface MalformedRow {
  group: string;
  line: number;
  values: number;
  expected: number;
}

/**
 * Parses a Get Metrics body; `groups` are the metric-group-infos of the context's create response.
 * A row whose number of values differs from its group's metric-infos is read as zhmcclient reads
 * it (values in metric-infos order, missing ones absent, extra ones dropped) and reported to
 * `onMalformedRow`: an HMC that sends such rows is worth a counter and a log line, as the values
 * may be shifted.
 */
export function parseMetricsText(
  text: string,
  groups: readonly MetricGroupInfo[],
  onMalformedRow: (row: MalformedRow) => void = () => undefined,
): MetricObjectValues[] {
  const infos = new Map(groups.map((g) => [g['group-name'], g['metric-infos']]));
  const lines = text.split(/\r?\n/);
  const out: MetricObjectValues[] = [];
  let i = 0;
  const at = (n: number): string | undefined => lines[n];

  while (i < lines.length) {
    const groupLine = at(i) ?? '';
    if (groupLine === '') break; // the final empty line: end of the response
    const group = unquote(groupLine);
    if (group === null) throw new MetricsTextError(i + 1, `expected a quoted metric group name, got "${groupLine}"`);
    const metricInfos = infos.get(group);
    i += 1;
    // Object blocks until the empty line that ends the group.
    while (i < lines.length && at(i) !== '') {
      const uriLine = at(i) ?? '';
      const objectUri = unquote(uriLine);
      if (objectUri === null) throw new MetricsTextError(i + 1, `expected a quoted object URI, got "${uriLine}"`);
      const tsLine = at(i + 1) ?? '';
      if (!/^\d+$/.test(tsLine)) throw new MetricsTextError(i + 2, `expected a timestamp in ms, got "${tsLine}"`);
      const block: MetricObjectValues = { group, objectUri, timestampMs: Number(tsLine), rows: [] };
      i += 2;
      while (i < lines.length && at(i) !== '') {
        const rowLine = at(i) ?? '';
        // The HMC puts no commas inside strings, and zhmcclient splits without quote awareness too.
        const cells = rowLine.split(',');
        if (metricInfos !== undefined && cells.length !== metricInfos.length) {
          onMalformedRow({ group, line: i + 1, values: cells.length, expected: metricInfos.length });
        }
        const row: Record<string, MetricValue> = {};
        cells.forEach((cell, index) => {
          const info = metricInfos?.[index];
          // Groups or columns the context did not define are skipped: their meaning is unknown.
          if (info) row[info['metric-name']] = parseValue(cell, info['metric-type'], i + 1);
        });
        block.rows.push(row);
        i += 1;
      }
      if (block.rows.length === 0) throw new MetricsTextError(i + 1, `object ${objectUri} has no value row`);
      if (metricInfos) out.push(block);
      i += 1; // the empty line after the object block
    }
    i += 1; // the empty line after the group
  }
  return out;
}
