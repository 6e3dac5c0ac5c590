// PromQL is built here and only here, from the catalog: the metric name comes from CATALOG, label
// names from the metric's catalog labels, label values (from the URL) are escaped, numbers are
// integers the BFF computed. No request can make the BFF run PromQL of its choosing (design.md
// "Query hygiene").
import { CATALOG, PARTITION_PROCESSOR_COUNT_METRICS, SCRAPE_INTERVAL_SECONDS, adapterLabel, heatmapApplies, type MetricId } from '@zlens/shared';

/** Escapes a value for a double-quoted PromQL string literal. */
export function escapeLabelValue(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out;
}

/** `{__name__=~"a|b|c"}` for family names that are plain identifiers (the exporter's are). */
export function namesMatcher(names: Iterable<string>): string {
  const list = [...names];
  for (const name of list) if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new RangeError(`not a metric name: ${name}`);
  return `__name__=~"${list.join('|')}"`;
}

/**
 * Every metric of `names` of one object (labels escaped), one row per metric and text: max by name
 * and `textLabel`, so a property exported twice (two exporters, extra_labels) is one row.
 */
export function buildPropertiesQuery(names: Iterable<string>, labels: Readonly<Record<string, string>>, textLabel: string): string {
  const matchers = [namesMatcher(names)];
  for (const [name, value] of Object.entries(labels)) matchers.push(`${name}="${escapeLabelValue(value)}"`);
  return `max by (__name__, ${textLabel}) ({${matchers.join(',')}})`;
}

export interface SeriesSelector {
  cpc?: string;
  partition?: string;
  adapter?: string;
}

function matchers(metric: MetricId, selector: SeriesSelector): string {
  const entry = CATALOG[metric];
  const out: string[] = [];
  if (selector.cpc !== undefined) out.push(`cpc="${escapeLabelValue(selector.cpc)}"`);
  if (selector.partition !== undefined) {
    if (!entry.labels.includes('partition')) throw new RangeError(`${metric} has no partition label`);
    out.push(`partition="${escapeLabelValue(selector.partition)}"`);
  }
  if (selector.adapter !== undefined) {
    const label = adapterLabel(entry);
    if (label === null) throw new RangeError(`${metric} has no adapter label`);
    out.push(`${label}="${escapeLabelValue(selector.adapter)}"`);
  }
  return `${metric}{${out.join(',')}}`;
}

function positiveInt(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer, got ${value}`);
  return value;
}

/** A counter's rate() window: at least 4 scrapes (so one missed scrape leaves a rate) and at least the step. */
export function rateWindowSeconds(step: number): number {
  return Math.max(4 * SCRAPE_INTERVAL_SECONDS, positiveInt(step, 'step'));
}

/**
 * `max by (<catalog labels>) (<metric>{cpc="…",…})`, counters through `rate(…[window])`. Aggregating
 * by the catalog's labels folds away whatever else a site adds (job, instance, the exporter's
 * extra_labels such as hmc), so one partition is one series even when two exporters scrape it.
 */
export function buildSeriesQuery(metric: MetricId, selector: SeriesSelector, step: number = SCRAPE_INTERVAL_SECONDS): string {
  const entry = CATALOG[metric];
  const by = entry.labels.join(', ');
  const selected = matchers(metric, selector);
  if (entry.unit === 'bytes-per-second' || entry.unit === 'packets-per-second') {
    return `max by (${by}) (rate(${selected}[${rateWindowSeconds(step)}s]))`;
  }
  return `max by (${by}) (${selected})`;
}

/** `group by (<catalog labels>) (<metric>{…})`: which series exist now (label discovery, counters too). */
export function buildLabelsQuery(metric: MetricId, selector: SeriesSelector): string {
  return `group by (${CATALOG[metric].labels.join(', ')}) (${matchers(metric, selector)})`;
}

export interface TopQueries {
  /** topk(n) by average over the range, and the peak of those same series. */
  byAverage: string;
  peakOfByAverage: string;
  /** topk(n) by peak in the range, and the average of those same series. */
  byPeak: string;
  averageOfByPeak: string;
}

/**
 * Instant queries at the range's end: the n highest series by average over the range and by peak
 * in it, computed by Prometheus (`topk`, `avg_over_time`, `max_over_time`), never by fetching every
 * series. `A and on (labels) topk(n, B)` gives A's values for B's top n.
 */
export function buildTopQueries(metric: MetricId, selector: SeriesSelector, n: number, rangeSeconds: number, step: number): TopQueries {
  const entry = CATALOG[metric];
  const by = entry.labels.join(', ');
  const selected = matchers(metric, selector);
  const range = positiveInt(rangeSeconds, 'range');
  const k = positiveInt(n, 'n');
  let average: string;
  let peak: string;
  if (entry.unit === 'bytes-per-second' || entry.unit === 'packets-per-second') {
    // The average of the same short-window rate the charts plot, over the subquery points that have
    // one. `rate(x[range])` would divide the increase by the whole range, so a NIC that appeared 15
    // minutes into a 1 h window ranked at a quarter of its rate. The subquery costs one rate per step
    // per series, as the peak below already does (Prometheus evaluates both from the same samples).
    const shortRate = `rate(${selected}[${rateWindowSeconds(step)}s])[${range}s:${positiveInt(step, 'step')}s]`;
    average = `max by (${by}) (avg_over_time(${shortRate}))`;
    peak = `max by (${by}) (max_over_time(${shortRate}))`;
  } else {
    average = `max by (${by}) (avg_over_time(${selected}[${range}s]))`;
    peak = `max by (${by}) (max_over_time(${selected}[${range}s]))`;
  }
  return {
    byAverage: `topk(${k}, ${average})`,
    peakOfByAverage: `${peak} and on (${by}) topk(${k}, ${average})`,
    byPeak: `topk(${k}, ${peak})`,
    averageOfByPeak: `${average} and on (${by}) topk(${k}, ${peak})`,
  };
}

/**
 * One row per partition: partition metrics as they are; NIC rates summed over a partition's NICs;
 * channel usage averaged over a partition's channels.
 */
export function buildHeatmapQuery(metric: MetricId, cpc: string | undefined, step: number): string {
  const entry = CATALOG[metric];
  if (!heatmapApplies(metric)) throw new RangeError(`${metric} has no partition label`);
  const selected = matchers(metric, cpc === undefined ? {} : { cpc });
  if (entry.unit === 'bytes-per-second' || entry.unit === 'packets-per-second') {
    return `sum by (cpc, partition) (rate(${selected}[${rateWindowSeconds(step)}s]))`;
  }
  if (entry.scope === 'partition') return `max by (cpc, partition) (${selected})`;
  return `avg by (cpc, partition) (${selected})`;
}

/**
 * Each day's peak: evaluated at day ends with a one-day step, `max_over_time` over the day before
 * each point (the forecast's input).
 */
export function buildDailyPeakQuery(metric: MetricId, selector: SeriesSelector): string {
  const entry = CATALOG[metric];
  if (entry.unit !== 'ratio') throw new RangeError(`${metric} is not a usage ratio`);
  return `max by (${entry.labels.join(', ')}) (max_over_time(${matchers(metric, selector)}[86400s]))`;
}

/** Every partition's logical processor counts by type (`__name__` kept), of one CPC. */
export function buildPartitionProcessorsQuery(cpc: string): string {
  return `max by (__name__, partition) ({${namesMatcher(PARTITION_PROCESSOR_COUNT_METRICS)},cpc="${escapeLabelValue(cpc)}"})`;
}
