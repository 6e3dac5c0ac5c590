// Time series from Prometheus, all built from the catalog on the aligned grid: series and heatmap
// are one query_range each, mapped onto the grid with null for every missing point; top-N is four
// instant queries that let Prometheus rank (topk over avg_over_time / max_over_time).
import { gridTimestamps, type AlignedRange, type Series, type TopEntry } from '@zlens/shared';
import type { PrometheusClient } from '../prometheus/client.js';
import { sampleValue } from '../prometheus/client.js';
import { buildHeatmapQuery, buildSeriesQuery, buildTopQueries } from '../prometheus/promql.js';
import type { MatrixSeries, VectorSample } from '../prometheus/schemas.js';
import {
  byValueDesc,
  heatmapRows,
  sortSeries,
  type HeatmapRequest,
  type HeatmapResult,
  type SeriesRequest,
  type SeriesResult,
  type TimeSeriesSource,
  type TopRequest,
  type TopResult,
} from './types.js';

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

/** Pairs a ranked vector with the other measure of the same series. */
function entries(ranked: readonly VectorSample[], other: readonly VectorSample[], rankedIs: 'avg' | 'peak'): TopEntry[] {
  const otherByKey = new Map(other.map((s) => [labelKey(s.metric), sampleValue(s.value[1])]));
  const out = ranked.map((s): TopEntry => {
    const value = sampleValue(s.value[1]);
    const second = otherByKey.get(labelKey(s.metric)) ?? null;
    return rankedIs === 'avg' ? { labels: s.metric, avg: value, peak: second } : { labels: s.metric, avg: second, peak: value };
  });
  return out.sort(byValueDesc((e) => (rankedIs === 'avg' ? e.avg : e.peak)));
}

export class PrometheusSource implements TimeSeriesSource {
  readonly kind = 'prometheus';
  /**
   * A cached (or shared in-flight) answer is the same array object every time; its mapping onto the
   * grid is kept beside it, so a cache hit costs only the response's serialisation. Never mutated.
   */
  private readonly mapped = new WeakMap<readonly MatrixSeries[], Series[]>();

  constructor(private readonly client: PrometheusClient) {}

  private seriesOnGrid(matrix: readonly MatrixSeries[], range: AlignedRange): Series[] {
    let series = this.mapped.get(matrix);
    if (series === undefined) {
      series = sortSeries(onGrid(matrix, range));
      this.mapped.set(matrix, series);
    }
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
    const matrix = await this.client.queryRange(query, range.start, range.end, range.step);
    return { series: this.seriesOnGrid(matrix, range), stale: false };
  }

  async top(request: TopRequest): Promise<TopResult> {
    const { range } = request;
    const q = buildTopQueries(request.metric, { cpc: request.cpc }, request.n, range.end - range.start, range.step);
    const [byAverage, peakOfByAverage, byPeak, averageOfByPeak] = await Promise.all([
      this.client.query(q.byAverage, range.end),
      this.client.query(q.peakOfByAverage, range.end),
      this.client.query(q.byPeak, range.end),
      this.client.query(q.averageOfByPeak, range.end),
    ]);
    return {
      byAverage: entries(byAverage, peakOfByAverage, 'avg'),
      byPeak: entries(byPeak, averageOfByPeak, 'peak'),
      stale: false,
    };
  }

  async heatmap(request: HeatmapRequest): Promise<HeatmapResult> {
    const { range } = request;
    const matrix = await this.client.queryRange(buildHeatmapQuery(request.metric, request.cpc, range.step), range.start, range.end, range.step);
    return { rows: heatmapRows(onGrid(matrix, range)), stale: false };
  }
}
