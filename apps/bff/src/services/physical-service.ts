// The physical layer across CPCs: the site's power and energy over a range, and the top-N adapters
// of one CPC or of the fleet. Both fan out over the inventory's CPCs through the time-series source
// (Prometheus or live), so they answer the same in both modes, and every per-CPC query is the one a
// CPC view makes (cached alike). And a CPC's 24 line-cord phases in one answer, so the energy view
// asks once for its line-cord chart.
import {
  CATALOG,
  METRIC_IDS,
  average,
  gridTimestamps,
  lineCordOf,
  metricAppliesTo,
  type AdapterTopEntry,
  type AdapterTopQuery,
  type AdapterTopResponse,
  type CpcPower,
  type CpcSummary,
  type FleetPowerQuery,
  type FleetPowerResponse,
  type LineCordsQuery,
  type LineCordsResponse,
} from '@zlens/shared';
import { badRequest } from '../errors.js';
import { peak } from '../sources/types.js';
import { findCpc, type QueryService } from './query-service.js';

const POWER = 'zhmc_cpc_power_watt';
const TOP_MAX_POINTS = 1000;
/** The API's largest top-N: asking for it returns every adapter of a CPC (none has more usage series). */
const ALL = 100;

type AdapterMetric = AdapterTopEntry['metric'];

/** Sum per point over the CPCs; null where any of them has no sample. */
function sumAligned(rows: readonly (readonly (number | null)[])[], length: number): (number | null)[] {
  return Array.from({ length }, (_, i) => {
    let total = 0;
    for (const row of rows) {
      const v = row[i];
      if (v == null) return null;
      total += v;
    }
    return rows.length === 0 ? null : total;
  });
}

function lastOf(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const v = values[i];
    if (v != null) return v;
  }
  return null;
}

/** Highest first, no value last, ties by name: a stable order for equal inputs. */
function descending<T>(value: (item: T) => number | null, name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va;
    }
    return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
  };
}

/** The exporter's 24 line-cord phase metrics (cords 1–8, phases A–C). */
const LINE_CORD_METRICS = METRIC_IDS.filter((id) => lineCordOf(id) !== null);

const kWh = (watts: number | null, seconds: number): number | null => (watts === null ? null : (watts * seconds) / 3_600_000);

export class PhysicalService {
  constructor(private readonly queries: QueryService) {}

  async fleetPower(query: FleetPowerQuery): Promise<FleetPowerResponse> {
    const range = this.queries.range(query.from, query.to, query.maxPoints);
    const { inventory, source } = this.queries.deps;
    const inv = await inventory.get();
    const timestamps = gridTimestamps(range);
    const seconds = range.end - range.start + range.step;
    const cpcs = inv.cpcs.filter((c) => c.mode === null || metricAppliesTo(CATALOG[POWER], c.mode));
    const results = await Promise.all(cpcs.map((cpc) => source.series({ metric: POWER, cpc: cpc.name, range })));
    const reporting: CpcPower[] = [];
    const missing: string[] = inv.cpcs.filter((c) => !cpcs.includes(c)).map((c) => c.name);
    let stale = inv.stale;
    cpcs.forEach((cpc, i) => {
      const result = results[i];
      stale ||= result?.stale ?? false;
      const values = result?.series[0]?.values;
      if (values === undefined || !values.some((v) => v !== null)) {
        missing.push(cpc.name);
        return;
      }
      const avg = average(values);
      reporting.push({ cpc: cpc.name, mode: cpc.mode, now: lastOf(values), avg, peak: peak(values), energyKWh: kWh(avg, seconds), values });
    });
    reporting.sort(
      descending(
        (c) => c.avg,
        (c) => c.cpc,
      ),
    );
    const total = sumAligned(
      reporting.map((c) => c.values),
      timestamps.length,
    );
    const avg = average(total);
    return {
      source: source.kind,
      step: range.step,
      start: range.start,
      end: range.end,
      timestamps,
      total,
      now: lastOf(total),
      avg,
      peak: peak(total),
      // The site's energy is the sum of the CPCs' (each over its own samples), so a gap in one CPC
      // does not lose the others' energy.
      energyKWh: reporting.length === 0 ? null : reporting.reduce((sum, c) => sum + (c.energyKWh ?? 0), 0),
      cpcs: reporting,
      missing: missing.sort(),
      stale,
    };
  }

  /**
   * Every line-cord phase of a CPC on one grid: each the series endpoint's answer for its metric (the
   * same checks, cache entries and freshness), gathered into one response.
   */
  async lineCords(query: LineCordsQuery): Promise<LineCordsResponse> {
    const answers = await Promise.all(LINE_CORD_METRICS.map((metric) => this.queries.series({ ...query, metric })));
    const first = answers[0];
    if (first === undefined) throw new Error('the catalog has no line-cord metrics');
    const fetched = answers.flatMap((a) => (a.stale && a.fetchedAt !== undefined ? [a.fetchedAt] : []));
    const warnings = [...new Set(answers.flatMap((a) => a.warnings ?? []))];
    return {
      source: first.source,
      step: first.step,
      start: first.start,
      end: first.end,
      timestamps: first.timestamps,
      // Every series of a phase (a cord renamed on the HMC is a second one), each under its metric.
      phases: answers.flatMap((a) => a.series.map((series) => ({ metric: a.metric, values: series.values }))),
      stale: answers.some((a) => a.stale),
      ...(fetched.length === 0 ? {} : { fetchedAt: Math.min(...fetched) }),
      ...(answers.some((a) => a.partial === true) ? { partial: true } : {}),
      ...(warnings.length === 0 ? {} : { warnings }),
    };
  }

  async topAdapters(query: AdapterTopQuery): Promise<AdapterTopResponse> {
    const range = this.queries.range(query.from, query.to, TOP_MAX_POINTS);
    if (range.end <= range.start) throw badRequest(`from: the range is shorter than one step (${range.step} s)`);
    const { inventory, source } = this.queries.deps;
    const inv = await inventory.get();
    const cpcs = query.cpc === undefined ? inv.cpcs : [findCpc(inv, query.cpc)];
    const family = query.family ?? null;
    const asks: { cpc: CpcSummary; metric: AdapterMetric }[] = [];
    for (const cpc of cpcs) {
      for (const metric of ['zhmc_adapter_usage_ratio', 'zhmc_crypto_adapter_usage_ratio'] as const) {
        if (cpc.mode !== null && !metricAppliesTo(CATALOG[metric], cpc.mode)) continue;
        // Classic adapters the exporter reports usage for are crypto adapters only.
        if (metric === 'zhmc_crypto_adapter_usage_ratio' && family !== null && family !== 'crypto') continue;
        asks.push({ cpc, metric });
      }
    }
    // With a family, every adapter is ranked (the family is the HMC's, not a label) and filtered here.
    const n = family === null ? query.n : ALL;
    const answers = await Promise.all(asks.map(({ cpc, metric }) => source.top({ metric, cpc: cpc.name, n, range })));
    const byKey = new Map<string, AdapterTopEntry>();
    let stale = inv.stale;
    answers.forEach((answer, i) => {
      const ask = asks[i];
      if (ask === undefined) return;
      stale ||= answer.stale;
      for (const entry of [...answer.byAverage, ...answer.byPeak]) {
        const described = describe(ask.cpc, ask.metric, entry.labels, entry.avg, entry.peak);
        if (described === null || (family !== null && described.family !== family)) continue;
        byKey.set(JSON.stringify([described.cpc, described.metric, described.adapter]), described);
      }
    });
    const all = [...byKey.values()];
    const name = (e: AdapterTopEntry): string => JSON.stringify([e.cpc, e.adapter]);
    return {
      source: source.kind,
      start: range.start,
      end: range.end,
      n: query.n,
      family,
      byAverage: [...all].sort(descending((e) => e.avg, name)).slice(0, query.n),
      byPeak: [...all].sort(descending((e) => e.peak, name)).slice(0, query.n),
      stale,
    };
  }
}

/** An adapter series as a top-N entry, with what the inventory knows of the adapter. */
function describe(
  cpc: CpcSummary,
  metric: AdapterMetric,
  labels: Readonly<Record<string, string>>,
  avg: number | null,
  peakValue: number | null,
): AdapterTopEntry | null {
  if (metric === 'zhmc_adapter_usage_ratio') {
    const name = labels.adapter;
    if (name === undefined) return null;
    const known = cpc.adapters.find((a) => a.name === name);
    return {
      cpc: cpc.name,
      adapter: name,
      metric,
      adapterId: known?.adapterId ?? null,
      type: known?.type ?? null,
      family: known?.family ?? null,
      hasView: true,
      avg,
      peak: peakValue,
    };
  }
  const pchid = labels.adapter_pchid;
  if (pchid === undefined) return null;
  return { cpc: cpc.name, adapter: pchid, metric, adapterId: pchid, type: null, family: 'crypto', hasView: false, avg, peak: peakValue };
}
