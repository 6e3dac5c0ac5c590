// Time series from Prometheus: one query_range per request, built from the catalog, on the
// aligned grid; the matrix is mapped onto the grid with null for every missing point.
import { gridTimestamps } from '@zlens/shared';
import type { PrometheusClient } from '../prometheus/client.js';
import { sampleValue } from '../prometheus/client.js';
import { buildSeriesQuery } from '../prometheus/promql.js';
import { sortSeries, type SeriesRequest, type SeriesResult, type TimeSeriesSource } from './types.js';

export class PrometheusSource implements TimeSeriesSource {
  readonly kind = 'prometheus';

  constructor(private readonly client: PrometheusClient) {}

  async series(request: SeriesRequest): Promise<SeriesResult> {
    const { range } = request;
    const selector = request.partition === undefined ? { cpc: request.cpc } : { cpc: request.cpc, partition: request.partition };
    const matrix = await this.client.queryRange(buildSeriesQuery(request.metric, selector), range.start, range.end, range.step);
    const length = gridTimestamps(range).length;
    const series = matrix.map(({ metric, values: samples }) => {
      const values: (number | null)[] = new Array<number | null>(length).fill(null);
      for (const [t, text] of samples) {
        const index = Math.round((t - range.start) / range.step);
        if (index >= 0 && index < length) values[index] = sampleValue(text);
      }
      return { labels: metric, values };
    });
    return { series: sortSeries(series), stale: false };
  }
}
