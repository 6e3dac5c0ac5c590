// The soak benchmark's load and its measurements: random requests as a room of dashboards makes
// them (series, top-N, heatmaps of random metrics, CPCs, ranges and maxPoints), and the BFF
// process's memory read from outside it (RSS from /proc, heap from its own /metrics).
import { readFileSync } from 'node:fs';

const PARTITION_METRICS = ['zhmc_partition_processor_usage_ratio', 'zhmc_partition_status_int', 'zhmc_partition_lpar_status_int'];
const CPC_METRICS = [
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
  'zhmc_cpc_status_int',
];
const SPANS = [3600, 6 * 3600, 86_400, 2 * 86_400, 7 * 86_400];

const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** One random request path. `endS` is the history's end; `cpcs` the inventory's CPC names. */
export function randomPath(cpcs: readonly string[], endS: number, historySeconds: number): string {
  const span = Math.min(pick(SPANS), historySeconds);
  // Half the views are "live" (to=now), half look back somewhere in the history.
  const live = Math.random() < 0.5;
  const to = live ? 'now' : String(endS - Math.floor((Math.random() * (historySeconds - span)) / 900) * 900);
  const from = live ? `now-${span}s` : String(Number(to) - span);
  const maxPoints = 100 + Math.floor(Math.random() * 10_900);
  const cpc = pick(cpcs);
  const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();
  const roll = Math.random();
  if (roll < 0.6) {
    const metric = pick([...PARTITION_METRICS, ...CPC_METRICS]);
    return `/api/v1/series?${q({ metric, cpc, from, to, maxPoints: String(maxPoints) })}`;
  }
  if (roll < 0.8)
    return `/api/v1/top?${q({ metric: pick(PARTITION_METRICS), cpc, n: String(1 + Math.floor(Math.random() * 20)), from, to })}`;
  const fleet = Math.random() < 0.3;
  return `/api/v1/heatmap?${q({ metric: 'zhmc_partition_processor_usage_ratio', ...(fleet ? {} : { cpc }), from, to, maxPoints: String(maxPoints) })}`;
}

export interface Tally {
  requests: number;
  /** By status, with "200 stale" apart from a fresh 200. */
  byStatus: Map<string, number>;
  latenciesMs: number[];
}

export const newTally = (): Tally => ({ requests: 0, byStatus: new Map(), latenciesMs: [] });

/** One request: its status (and whether a 200 was stale), counted in `tally`. */
export async function measuredGet(base: string, path: string, tally: Tally, timeoutMs = 120_000): Promise<{ status: string; ms: number }> {
  const started = performance.now();
  let status: string;
  try {
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    status = String(res.status);
    if (res.status === 200 && text.includes('"stale":true')) status = '200 stale';
  } catch (err) {
    status = err instanceof Error && err.name === 'TimeoutError' ? 'client timeout' : 'connection error';
  }
  const ms = performance.now() - started;
  tally.requests += 1;
  tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
  tally.latenciesMs.push(ms);
  return { status, ms };
}

export function statusSummary(tally: Tally): string {
  return [...tally.byStatus.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ');
}

export interface MemorySample {
  atS: number;
  rssBytes: number;
  heapUsedBytes: number;
  cacheBytes: number;
  requests: number;
}

/** The BFF's resident set size, from /proc (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) * 1024;
}

/** A gauge's value from Prometheus text exposition (summed over its label sets that match). */
export function gaugeOf(text: string, name: string, labelFilter = ''): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== ' ' && line[name.length] !== '{') || !line.includes(labelFilter)) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
