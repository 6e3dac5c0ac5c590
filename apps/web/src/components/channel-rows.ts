// Channels of a classic CPC from its `zhmc_channel_usage_ratio` series: one row per CSS.CHPID with
// the LPARs the exporter names on it, whether it is shared, and its usage now / average / peak.
// Used by the CPC's channel table, the LPAR's channel list and the channel view (one cached query).
import type { Series, TopEntry } from '@zlens/shared';
import { lastValue, seriesStats } from './format';

export interface ChannelRow {
  /** `CSS.CHPID`, e.g. `0.4A`. */
  chpid: string;
  /** null when the series disagree or carry no `shared` label. */
  shared: boolean | null;
  /** LPAR names the exporter gives (none for a shared channel: the HMC leaves the name blank). */
  lpars: string[];
  /** Usage per grid point, summed over the channel's series (one per LPAR row); null in a gap. */
  values: (number | null)[];
  now: number | null;
  avg: number | null;
  peak: number | null;
}

/** Sum per point over several series; null where none has a sample (a gap is not a zero). */
function sumValues(members: readonly Series[]): (number | null)[] {
  const length = Math.max(0, ...members.map((m) => m.values.length));
  return Array.from({ length }, (_, i) => {
    let total: number | null = null;
    for (const m of members) {
      const v = m.values[i];
      if (v != null) total = (total ?? 0) + v;
    }
    return total;
  });
}

/**
 * One row per channel, ordered by CHPID. Average and peak come from the BFF's top-N answer when it
 * ranks the channel's only series (Prometheus computes them over every sample); otherwise from the
 * points shown.
 */
export function channelRows(series: readonly Series[], top: readonly TopEntry[] = []): ChannelRow[] {
  const byChannel = new Map<string, Series[]>();
  for (const s of series) {
    const chpid = s.labels.channel_css_chpid;
    if (chpid === undefined) continue;
    byChannel.set(chpid, [...(byChannel.get(chpid) ?? []), s]);
  }
  const rows: ChannelRow[] = [];
  for (const [chpid, members] of byChannel) {
    const flags = new Set(members.map((m) => m.labels.shared));
    const shared = flags.size === 1 && flags.has('true') ? true : flags.size === 1 && flags.has('false') ? false : null;
    const lpars = [...new Set(members.map((m) => m.labels.partition ?? '').filter((p) => p !== ''))].sort();
    const values = sumValues(members);
    const stats = seriesStats(values);
    const ranked = members.length === 1 ? top.find((e) => e.labels.channel_css_chpid === chpid) : undefined;
    rows.push({ chpid, shared, lpars, values, now: lastValue(values), avg: ranked?.avg ?? stats.avg, peak: ranked?.peak ?? stats.max });
  }
  return rows.sort((a, b) => (a.chpid < b.chpid ? -1 : a.chpid > b.chpid ? 1 : 0));
}

/** The rows as CSV (ratios 0..1 as the API sends them; an empty cell where there is no value). */
export function channelRowsCsv(rows: readonly ChannelRow[], headers: readonly string[]): string {
  const cell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const num = (v: number | null): string => (v == null ? '' : String(v));
  const lines = [headers.map(cell).join(',')];
  for (const r of rows) {
    lines.push(
      [r.chpid, r.shared === null ? '' : String(r.shared), r.lpars.join(' '), num(r.now), num(r.avg), num(r.peak)].map(cell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
