// PromQL is built here and only here, from the catalog: the metric name comes from CATALOG, label
// names from the metric's catalog labels, label values (from the URL) are escaped. No request can
// make the BFF run PromQL of its choosing (design.md "Query hygiene").
import { CATALOG, type MetricId } from '@zlens/shared';

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

export interface SeriesSelector {
  cpc?: string;
  partition?: string;
}

/**
 * `max by (<catalog labels>) (<metric>{cpc="…",partition="…"})`. Aggregating by the catalog's labels
 * folds away whatever else a site adds (job, instance, the exporter's extra_labels such as hmc), so
 * one partition is one series even when two exporters scrape it.
 */
export function buildSeriesQuery(metric: MetricId, selector: SeriesSelector): string {
  const entry = CATALOG[metric];
  const matchers: string[] = [];
  if (selector.cpc !== undefined) matchers.push(`cpc="${escapeLabelValue(selector.cpc)}"`);
  if (selector.partition !== undefined) {
    if (!entry.labels.includes('partition')) throw new RangeError(`${metric} has no partition label`);
    matchers.push(`partition="${escapeLabelValue(selector.partition)}"`);
  }
  return `max by (${entry.labels.join(', ')}) (${metric}{${matchers.join(',')}})`;
}
