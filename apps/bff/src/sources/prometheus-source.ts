// Time series from Prometheus, all built from the catalog on the aligned grid: series and heatmap
// are one query_range each, mapped onto the grid with null for every missing point; top-N is two
// instant queries (every series' avg_over_time and max_over_time) ranked here. Heatmaps and top-N
// read the shipped recording rules' 5-minute buckets where they exist (RecordedCoverage). While
// Prometheus fails, the client answers with the panel's last answer (stale, with when it was read);
// it is mapped onto the requested grid like any other, so what came after it is gaps.
import { SCRAPE_INTERVAL_SECONDS, gridTimestamps, type AlignedRange, type MetricId, type Series, type TopEntry } from '@zlens/shared';
import { badRequest } from '../errors.js';
import type { Answer, PrometheusClient } from '../prometheus/client.js';
import { sampleValue } from '../prometheus/client.js';
import {
  buildDailyPeakQuery,
  buildHeatmapQuery,
  buildLabelsQuery,
  buildPartitionProcessorsQuery,
  buildSeriesQuery,
  buildTopQueries,
  recordedApplies,
  recordedShiftMs,
  type RecordedBuckets,
  type SeriesSelector,
} from '../prometheus/promql.js';
import type { MatrixSeries, VectorSample } from '../prometheus/schemas.js';
import {
  byValueDesc,
  type DailyPeaksRequest,
  type DailyPeaksResult,
  type Freshness,
  heatmapRows,
  type PartitionProcessorsResult,
  sortSeries,
  type HeatmapRequest,
  type HeatmapResult,
  type SeriesRequest,
  type SeriesResult,
  type TimeSeriesSource,
  type TopRequest,
  type TopResult,
} from './types.js';
import type { RecordedCoverage } from './recorded-coverage.js';
import { readExportedCpc, readExportedPartition, type ExportedCpc, type ExportedPartition } from './exporter-properties.js';

function onGrid(matrix: readonly MatrixSeries[], range: AlignedRange): { labels: Record<string, string>; values: (number | null)[] }[] {
  const length = gridTimestamps(range).length;
  return matrix.map(({ metric, values: samples }) => {
    const values: (number | null)[] = new Array<number | null>(length).fill(null);
    for (const [t, text] of samples) {
      const index = Math.round((t - range.start) / range.step);
      if (index >= 0 && index < length) values[index] = sampleValue(text);
    }
    return { labels: metric, values };
  });
}

const labelKey = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Every series of either vector with both measures (null where one has no value). */
function joinMeasures(averages: readonly VectorSample[], peaks: readonly VectorSample[]): TopEntry[] {
  const byKey = new Map<string, TopEntry>();
  for (const { metric, value } of averages) byKey.set(labelKey(metric), { labels: metric, avg: sampleValue(value[1]), peak: null });
  for (const { metric, value } of peaks) {
    const key = labelKey(metric);
    byKey.set(key, { labels: metric, avg: byKey.get(key)?.avg ?? null, peak: sampleValue(value[1]) });
  }
  return [...byKey.values()];
}

/** The n highest by one measure, ties by labels (the same order on every engine). */
function highest(entries: readonly TopEntry[], n: number, measure: 'avg' | 'peak'): TopEntry[] {
  return entries
    .filter((e) => e[measure] !== null)
    .sort(byValueDesc((e) => e[measure]))
    .slice(0, n);
}

/** Series of several range answers of one query, one per label set, their samples in order. */
function concatMatrices(parts: readonly (readonly MatrixSeries[])[]): readonly MatrixSeries[] {
  if (parts.length === 1) return parts[0] ?? [];
  const byKey = new Map<string, MatrixSeries>();
  for (const part of parts) {
    for (const series of part) {
      const key = labelKey(series.metric);
      const known = byKey.get(key);
      byKey.set(key, known === undefined ? series : { metric: known.metric, values: [...known.values, ...series.values] });
    }
  }
  return [...byKey.values()];
}

/** The freshness of one or more answers: stale if any is, as old as the oldest, every warning once. */
export function freshnessOf(answers: readonly Answer<unknown>[]): Freshness {
  const stale = answers.filter((a) => a.stale);
  const warnings = [...new Set(answers.flatMap((a) => a.warnings))];
  return {
    stale: stale.length > 0,
    ...(stale.length > 0 ? { fetchedAt: Math.floor(Math.min(...stale.map((a) => a.fetchedAtMs)) / 1000) } : {}),
    ...(answers.some((a) => a.partial) ? { partial: true } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

export class PrometheusSource implements TimeSeriesSource {
  readonly kind = 'prometheus';
  /**
   * A cached (or shared in-flight) answer is the same array object every time; its mapping onto the
   * grid is kept beside it, so a cache hit costs only the response's serialisation. Never mutated.
   */
  private readonly mapped = new WeakMap<readonly MatrixSeries[], { grid: string; series: Series[] }>();

  /** `coverage` null: recorded series are not used (ZLENS_RECORDED_SERIES=off). */
  constructor(
    private readonly client: PrometheusClient,
    private readonly coverage: RecordedCoverage | null = null,
  ) {}

  /**
   * The range cut where the recorded buckets exist: the raw metric before they start (history from
   * before the rules) and for the newest points whose (moved) window reaches past the newest bucket
   * written, the buckets in between. Each part is a whole number of steps on the range's grid.
   */
  private async recordedParts(
    metric: MetricId,
    range: AlignedRange,
    later: boolean,
  ): Promise<{ range: AlignedRange; recorded: RecordedBuckets | null }[]> {
    const coverage = this.coverage === null || !recordedApplies(metric, range.step) ? null : await this.coverage.get();
    if (coverage === null) return [{ range, recorded: null }];
    const { step } = range;
    const shift = recordedShiftMs(coverage.phaseMs, later) / 1000;
    // A cell at t reads buckets ending in (t − step + shift, t + shift].
    const first = Math.max(range.start, Math.ceil((coverage.since + step - shift) / step) * step);
    const last = Math.min(range.end, Math.floor((coverage.until - shift) / step) * step);
    if (first > last) return [{ range, recorded: null }];
    const parts = [
      { range: { step, start: range.start, end: first - step }, recorded: null },
      { range: { step, start: first, end: last }, recorded: { phaseMs: coverage.phaseMs, later } },
      { range: { step, start: last + step, end: range.end }, recorded: null },
    ];
    return parts.filter((part) => part.range.start <= part.range.end);
  }

  private seriesOnGrid(matrix: readonly MatrixSeries[], range: AlignedRange): Series[] {
    // A stale answer is drawn on another (the requested) grid than the one it was read for.
    const grid = `${range.start}/${range.end}/${range.step}`;
    const known = this.mapped.get(matrix);
    if (known?.grid === grid) return known.series;
    const series = sortSeries(onGrid(matrix, range));
    this.mapped.set(matrix, { grid, series });
    return series;
  }

  async series(request: SeriesRequest): Promise<SeriesResult> {
    const { range } = request;
    const selector = {
      cpc: request.cpc,
      ...(request.partition === undefined ? {} : { partition: request.partition }),
      ...(request.adapter === undefined ? {} : { adapter: request.adapter }),
    };
    const query = buildSeriesQuery(request.metric, selector, range.step);
    const answer = await this.client.queryRangeAnswer(query, range.start, range.end, range.step);
    return { series: this.seriesOnGrid(answer.result, range), ...freshnessOf([answer]) };
  }

  async top(request: TopRequest): Promise<TopResult> {
    const { range } = request;
    // One instant query over the whole range: the buckets only when they cover all of it, the
    // window moved earlier if at all (≤ 5 min of days), so "now" needs no bucket not yet written.
    const parts = await this.recordedParts(request.metric, range, false);
    const recorded = parts.length === 1 ? (parts[0]?.recorded ?? null) : null;
    const q = buildTopQueries(request.metric, { cpc: request.cpc }, range.end - range.start, range.step, recorded);
    const answers = await Promise.all([this.client.queryAnswer(q.average, range.end), this.client.queryAnswer(q.peak, range.end)]);
    const [averages, peaks] = answers;
    const entries = joinMeasures(averages.result, peaks.result);
    return { byAverage: highest(entries, request.n, 'avg'), byPeak: highest(entries, request.n, 'peak'), ...freshnessOf(answers) };
  }

  async heatmap(request: HeatmapRequest): Promise<HeatmapResult> {
    const parts = await this.recordedParts(request.metric, request.range, true);
    const answers = await Promise.all(
      parts.map(({ range, recorded }) =>
        this.client.queryRangeAnswer(
          buildHeatmapQuery(request.metric, request.cpc, range.step, recorded),
          range.start,
          range.end,
          range.step,
        ),
      ),
    );
    const matrix = concatMatrices(answers.map((answer) => answer.result));
    return { rows: heatmapRows(onGrid(matrix, request.range)), ...freshnessOf(answers) };
  }

  async dailyPeaks(request: DailyPeaksRequest): Promise<DailyPeaksResult> {
    const selector = { cpc: request.cpc, ...(request.partition === undefined ? {} : { partition: request.partition }) };
    const query = buildDailyPeakQuery(request.metric, selector);
    const answer = await this.client.queryRangeAnswer(query, request.firstDayEnd, request.lastDayEnd, 86_400);
    // One series (the catalog labels fold the rest); an empty answer is no history.
    const samples = answer.result[0]?.values ?? [];
    const peaks = samples.flatMap(([time, text]) => {
      const peak = sampleValue(text);
      return peak === null ? [] : [{ time, peak }];
    });
    return { peaks, ...freshnessOf([answer]) };
  }

  /**
   * Counts as of `at`, else as of now: processor counts are resource metrics, scraped live and not
   * in a backfilled history, and they change seldom.
   */
  async partitionProcessors(cpc: string, at: number): Promise<PartitionProcessorsResult> {
    const query = buildPartitionProcessorsQuery(cpc);
    let answer = await this.client.queryAnswer(query, at);
    if (answer.result.length === 0) answer = await this.client.queryAnswer(query);
    const counts = new Map<string, number>();
    for (const { metric, value } of answer.result) {
      const partition = metric.partition;
      const count = sampleValue(value[1]);
      if (partition === undefined || count === null) continue;
      counts.set(partition, (counts.get(partition) ?? 0) + count);
    }
    return { counts, ...freshnessOf([answer]) };
  }

  /**
   * The range as Prometheus answers it: ending at the last step at least one scrape interval old.
   * A younger point is provisional (a scrape may still land before it, another exporter's target
   * may not be scraped yet); so every answer is final, identical for every viewer within the step,
   * and cacheable: a wall of dashboards costs one upstream query per panel per step.
   */
  finalRange(range: AlignedRange, nowSeconds: number): AlignedRange {
    const newest = Math.floor((nowSeconds - SCRAPE_INTERVAL_SECONDS) / range.step) * range.step;
    if (newest >= range.end) return range;
    if (newest < range.start)
      throw badRequest(`to: the range holds no point at least one scrape interval (${SCRAPE_INTERVAL_SECONDS} s) old`);
    return { ...range, end: newest };
  }

  /** The label sets of a catalog metric's series now (which NICs, ports, channels exist). */
  async labelSets(metric: MetricId, selector: SeriesSelector): Promise<Record<string, string>[]> {
    return (await this.client.query(buildLabelsQuery(metric, selector))).map((sample) => sample.metric);
  }

  /** A CPC's properties from the exporter's cpc-resource metrics. */
  exportedCpc(cpc: string): Promise<ExportedCpc> {
    return readExportedCpc(this.client, cpc);
  }

  /** A partition's properties from the exporter's partition-resource / logical-partition-resource metrics. */
  exportedPartition(cpc: string, partition: string): Promise<ExportedPartition> {
    return readExportedPartition(this.client, cpc, partition);
  }
}
