// PromQL is built here and only here, from the catalog: the metric name comes from CATALOG, label
// names from the metric's catalog labels, label values (from the URL) are escaped, numbers are
// integers the BFF computed. No request can make the BFF run PromQL of its choosing (design.md
// "Query hygiene").
import {
  CATALOG,
  PARTITION_PROCESSOR_COUNT_METRICS,
  SCRAPE_INTERVAL_SECONDS,
  adapterLabel,
  heatmapApplies,
  type MetricId,
} from '@zlens/shared';

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

/**
 * A `*_over_time` window of `seconds`, less one millisecond: `(t − seconds, t]` on every engine.
 * Prometheus 2 closes the window at both ends, Prometheus 3 and VictoriaMetrics leave the start
 * open; with samples on whole milliseconds all three then count the same samples (a 1 h window of
 * 15 s scrapes: 240, not 241 on one engine and 240 on another), and a 5-minute bucket of the
 * recording rules holds each sample once.
 */
export function overTimeWindow(seconds: number): string {
  return `${positiveInt(seconds, 'window') * 1000 - 1}ms`;
}

/**
 * Metrics the shipped recording rules pre-aggregate (docker/prometheus/rules/zlens-records.yml,
 * group zlens-coarse): every RECORDED_BUCKET_SECONDS, the average (`zlens:<metric>:avg5m`) and
 * the peak (`:max5m`) of the bucket before, all labels kept. A test holds this list and the rule
 * file together.
 */
export const RECORDED_METRICS: readonly MetricId[] = ['zhmc_partition_processor_usage_ratio', 'zhmc_adapter_usage_ratio'];
export const RECORDED_BUCKET_SECONDS = 300;

export function recordedName(metric: MetricId, of: 'avg' | 'max'): string {
  return `zlens:${metric}:${of}5m`;
}

/** Whether the recorded buckets can stand in for `metric` at `step` (a whole number of buckets). */
export function recordedApplies(metric: MetricId, step: number): boolean {
  return RECORDED_METRICS.includes(metric) && step % RECORDED_BUCKET_SECONDS === 0;
}

/**
 * One sample when a recorded bucket lies within the 10 minutes before the query's time (two
 * bucket intervals: one missed evaluation is no gap), none otherwise; RecordedCoverage's probe.
 */
export function buildRecordedPresenceQuery(): string {
  return `count(last_over_time({${namesMatcher(RECORDED_METRICS.map((metric) => recordedName(metric, 'avg')))}}[${overTimeWindow(2 * RECORDED_BUCKET_SECONDS)}]))`;
}

/** The newest recorded bucket's time (ms precision): where the rule group's evaluations fall within 5 minutes. */
export function buildRecordedPhaseQuery(): string {
  return `max(timestamp({${namesMatcher(RECORDED_METRICS.map((metric) => recordedName(metric, 'avg')))}}))`;
}

/**
 * How to read buckets for a window ending on a multiple of 5 minutes. Prometheus evaluates a rule
 * group at a fixed phase within its interval (from a hash of the group's name and file; promtool's
 * backfill uses the same), so buckets end at 5-minute marks + `phaseMs`. The window is moved to the
 * nearest bucket ends — by −phase when phase ≤ 2.5 min (a negative offset: later), else by
 * 5 min − phase (earlier) — so a cell at t averages (t − step + shift, t + shift], |shift| ≤ 150 s.
 */
export function recordedOffset(phaseMs: number, later = true): string {
  const shift = recordedShiftMs(phaseMs, later);
  return shift > 0 ? ` offset -${shift}ms` : '';
}

/**
 * How far recordedOffset moves a window, in ms: later (> 0) or earlier (≤ 0), |shift| ≤ 150 s; with
 * `later` false never later (≤ 300 s earlier), for an answer that must not wait for the next bucket.
 */
export function recordedShiftMs(phaseMs: number, later = true): number {
  const bucket = RECORDED_BUCKET_SECONDS * 1000;
  const phase = ((Math.round(phaseMs) % bucket) + bucket) % bucket;
  return later && phase <= bucket / 2 ? phase : phase === 0 ? 0 : phase - bucket;
}

/** Recorded buckets to read: their phase, and whether the window may move later (recordedShiftMs). */
export interface RecordedBuckets {
  phaseMs: number;
  later: boolean;
}

/** A recorded metric's selector: the raw selector with the recorded name in front of its braces. */
function recordedMatchers(metric: MetricId, selector: SeriesSelector, of: 'avg' | 'max'): string {
  return recordedName(metric, of) + matchers(metric, selector).slice(metric.length);
}

/** A counter's rate() window: at least 4 scrapes (so one missed scrape leaves a rate) and at least the step. */
export function rateWindowSeconds(step: number): number {
  return Math.max(4 * SCRAPE_INTERVAL_SECONDS, positiveInt(step, 'step'));
}

/**
 * A counter's per-second rate over the window, only where the window holds a sample. Prometheus has
 * no rate there anyway (it needs two samples in the window); VictoriaMetrics counts from the last
 * sample before the window and answers 0 for a window without samples after one, which a chart
 * would draw as "no traffic" over what is a gap (docs/deploy.md §7).
 */
function counterRate(selected: string, windowSeconds: number): string {
  const range = `${selected}[${windowSeconds}s]`;
  return `(rate(${range}) and present_over_time(${range}))`;
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
    return `max by (${by}) ${counterRate(selected, rateWindowSeconds(step))}`;
  }
  return `max by (${by}) (${selected})`;
}

/** `group by (<catalog labels>) (<metric>{…})`: which series exist now (label discovery, counters too). */
export function buildLabelsQuery(metric: MetricId, selector: SeriesSelector): string {
  return `group by (${CATALOG[metric].labels.join(', ')}) (${matchers(metric, selector)})`;
}

export interface TopQueries {
  /** Every series' average over the range, and its peak in the range (the BFF ranks them). */
  average: string;
  peak: string;
}

/**
 * Instant queries at the range's end: each series' average over the range and its peak in it,
 * computed by Prometheus (`avg_over_time`, `max_over_time`), never by fetching the series. The BFF
 * ranks them itself, ties by name, because `topk` breaks ties differently on each engine
 * (Prometheus and VictoriaMetrics picked different 7-day top-by-peak sets from the same data); one
 * value per partition or adapter of one CPC is a small answer. With `recorded` (a gauge at a step of
 * whole buckets, see recordedApplies) the recorded buckets' averages and peaks stand in for the
 * samples, over the window moved to the buckets' ends (recordedOffset): then the peak is the raw
 * peak of that window, the average its raw average when every bucket holds as many samples.
 */
export function buildTopQueries(
  metric: MetricId,
  selector: SeriesSelector,
  rangeSeconds: number,
  step: number,
  recorded: RecordedBuckets | null = null,
): TopQueries {
  const entry = CATALOG[metric];
  const by = entry.labels.join(', ');
  const window = overTimeWindow(rangeSeconds);
  if (entry.unit === 'bytes-per-second' || entry.unit === 'packets-per-second') {
    // The average of the same short-window rate the charts plot, over the subquery points that have
    // one. `rate(x[range])` would divide the increase by the whole range, so a NIC that appeared 15
    // minutes into a 1 h window ranked at a quarter of its rate. The subquery costs one rate per step
    // per series, as the peak below already does (Prometheus evaluates both from the same samples).
    const shortRate = `${counterRate(matchers(metric, selector), rateWindowSeconds(step))}[${window}:${positiveInt(step, 'step')}s]`;
    return { average: `max by (${by}) (avg_over_time(${shortRate}))`, peak: `max by (${by}) (max_over_time(${shortRate}))` };
  }
  if (recorded !== null && !recordedApplies(metric, step)) throw new RangeError(`${metric} has no recorded buckets at step ${step}`);
  const source = (of: 'avg' | 'max'): string =>
    recorded
      ? `${recordedMatchers(metric, selector, of)}[${window}]${recordedOffset(recorded.phaseMs, recorded.later)}`
      : `${matchers(metric, selector)}[${window}]`;
  return { average: `max by (${by}) (avg_over_time(${source('avg')}))`, peak: `max by (${by}) (max_over_time(${source('max')}))` };
}

/**
 * One row per partition: partition metrics as they are; NIC rates summed over a partition's NICs;
 * channel usage averaged over a partition's channels.
 */
export function buildHeatmapQuery(
  metric: MetricId,
  cpc: string | undefined,
  step: number,
  recorded: RecordedBuckets | null = null,
): string {
  const entry = CATALOG[metric];
  if (!heatmapApplies(metric)) throw new RangeError(`${metric} has no partition label`);
  const selector = cpc === undefined ? {} : { cpc };
  const selected = matchers(metric, selector);
  if (entry.unit === 'bytes-per-second' || entry.unit === 'packets-per-second') {
    return `sum by (cpc, partition) ${counterRate(selected, rateWindowSeconds(step))}`;
  }
  const aggregate = entry.scope === 'partition' ? 'max' : 'avg';
  if (recorded !== null && !recordedApplies(metric, step)) throw new RangeError(`${metric} has no recorded buckets at step ${step}`);
  // From a step of one bucket up, a cell is the average of its step, not the one sample at its
  // end: a 7-day heatmap at 1 h then shows every sample's share, not one in 240; the recorded
  // buckets give the same (see buildTopQueries) reading 20 times fewer samples.
  if (step % RECORDED_BUCKET_SECONDS === 0) {
    const window = overTimeWindow(step);
    const source = recorded
      ? `${recordedMatchers(metric, selector, 'avg')}[${window}]${recordedOffset(recorded.phaseMs, recorded.later)}`
      : `${selected}[${window}]`;
    return `${aggregate} by (cpc, partition) (avg_over_time(${source}))`;
  }
  return `${aggregate} by (cpc, partition) (${selected})`;
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
