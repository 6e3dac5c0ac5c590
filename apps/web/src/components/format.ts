// Formatting shared by every view. "No data" is never shown as 0 %: a missing value is "—".
import type { GaugeUnit, MetricUnit } from '@zlens/shared';

export const NO_VALUE = '—';

/** A usage ratio (0..1) as a percentage, or "—" when there is no value. */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 1): string {
  if (ratio == null || !Number.isFinite(ratio)) return NO_VALUE;
  return `${(ratio * 100).toFixed(fractionDigits)}%`;
}

/** The last value that is not a gap, or null when the series has none. */
export function lastValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const value = values[i];
    if (value != null) return value;
  }
  return null;
}

/** "3931 A01" from machine type and model; whatever part is known. */
export function formatMachine(type: string | null, model: string | null): string {
  const parts = [type, model].filter((part): part is string => part != null && part !== '');
  return parts.length > 0 ? parts.join(' ') : NO_VALUE;
}

/** HMC status strings are kebab-case (`not-operating`); show them as words. */
export function formatStatus(status: string | null): string {
  if (status == null || status === '') return 'Unknown';
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type StatusTone = 'ok' | 'warning' | 'error' | 'neutral';

const OK_STATUSES = new Set(['active', 'operating']);
const NEUTRAL_STATUSES = new Set(['stopped', 'not-activated', 'paused', 'starting', 'stopping']);
const WARNING_STATUSES = new Set(['degraded', 'service', 'service-required', 'exceptions']);

/** How alarming a CPC or partition status is, for its colour. */
export function statusTone(status: string | null): StatusTone {
  if (status == null) return 'neutral';
  if (OK_STATUSES.has(status)) return 'ok';
  if (NEUTRAL_STATUSES.has(status)) return 'neutral';
  if (WARNING_STATUSES.has(status)) return 'warning';
  return 'error';
}

/** Statuses in which a partition runs no workload, so its usage is not shown. */
const NOT_RUNNING = new Set(['stopped', 'not-activated', 'not-operating', 'terminated', 'paused']);

export function isRunning(status: string | null): boolean {
  return status == null || !NOT_RUNNING.has(status);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The zone times are shown in: the browser's, or UTC (the view's `tz`, see state/view-params). */
export type DisplayZone = 'browser' | 'utc';

/**
 * The page's zone, set by the layout from the URL as it renders (before any view under it), so
 * every time on the page (tooltips, tables, alert periods) follows the one choice.
 */
let displayZone: DisplayZone = 'browser';

export function setDisplayZone(zone: DisplayZone): void {
  displayZone = zone;
}

/** The zone's name for people: `UTC`, or the browser's IANA zone (`Europe/Berlin`). */
export function zoneName(zone: DisplayZone = displayZone): string {
  if (zone === 'utc') return 'UTC';
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';
}

/** `2025-11-24 13:05:30` in the display zone (local time by default): unambiguous for operators in any locale. */
export function formatDateTime(unixMs: number, zone: DisplayZone = displayZone): string {
  const d = new Date(unixMs);
  if (zone === 'utc') {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The unit a chart shows: the catalog's (MetricUnit). */
export type ValueUnit = MetricUnit;

/** Localised words of the gauge units; symbols (W, °C, %) are the same in every language. */
export interface GaugeUnitLabels {
  btuPerHour: string;
  mib: string;
  gib: string;
  tib: string;
}
const GAUGE_LABELS_EN: GaugeUnitLabels = { btuPerHour: 'BTU/h', mib: 'MiB', gib: 'GiB', tib: 'TiB' };

/** Watts as `950 W` or `11.4 kW`. */
export function formatWatts(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(1)} kW` : `${value.toFixed(0)} W`;
}

/** Energy in kWh (`123.4 kWh`, `12.3 MWh`); `unit` is the localised "kWh". */
export function formatKilowattHours(value: number | null | undefined, unit = 'kWh'): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;
}

/** A plain gauge in its unit: watts, °C, percent (0..100), BTU/h, MiB. */
export function formatGauge(value: number | null | undefined, unit: GaugeUnit, labels: GaugeUnitLabels = GAUGE_LABELS_EN): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case 'watts':
      return formatWatts(value);
    case 'celsius':
      return `${value.toFixed(1)} °C`;
    case 'percent':
      return `${value.toFixed(0)} %`;
    case 'btu-per-hour':
      return Math.abs(value) >= 10_000 ? `${(value / 1000).toFixed(1)} k ${labels.btuPerHour}` : `${value.toFixed(0)} ${labels.btuPerHour}`;
    case 'mebibytes':
      return formatMiB(value, labels);
  }
}

const BYTE_PREFIXES = ['', 'k', 'M', 'G', 'T'] as const;

/** A rate in bytes per second with a decimal prefix: `1.2 MB/s` (`unit` is the localised "B/s"). */
export function formatBytesPerSecond(value: number | null | undefined, unit = 'B/s'): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  let scaled = Math.abs(value);
  let prefix = 0;
  while (scaled >= 1000 && prefix < BYTE_PREFIXES.length - 1) {
    scaled /= 1000;
    prefix += 1;
  }
  const digits = scaled >= 100 || prefix === 0 ? 0 : 1;
  const sign = value < 0 ? '-' : '';
  const p = BYTE_PREFIXES[prefix] ?? '';
  return `${sign}${scaled.toFixed(digits)} ${p}${unit}`;
}

/** A count per second: `12.3 k packets/s`. */
export function formatRate(value: number | null | undefined, unit: string): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)} M ${unit}`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)} k ${unit}`;
  if (abs >= 100 || Number.isInteger(value)) return `${value.toFixed(0)} ${unit}`;
  // A few dropped packets per minute are fractions per second: keep two significant digits.
  return `${abs >= 1 ? value.toFixed(1) : Number(value.toPrecision(2)).toString()} ${unit}`;
}

/** Minimum, maximum, average and last of the values that are not gaps; all null without any. */
export function seriesStats(values: readonly (number | null)[]): {
  min: number | null;
  max: number | null;
  avg: number | null;
  last: number | null;
} {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value == null || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
    count += 1;
  }
  if (count === 0) return { min: null, max: null, avg: null, last: null };
  return { min, max, avg: sum / count, last: lastValue(values) };
}

/**
 * A size in MiB as people write it, in the largest unit it reaches, with a decimal only where it
 * says something: `512 MiB`, `1.5 GiB`, `64 GiB`, `4 TiB` (never `4096.0 GiB`). The web's one size formatter.
 */
export function formatMiB(mib: number | null | undefined, units: { mib: string; gib: string; tib: string }): string {
  if (mib == null || !Number.isFinite(mib)) return NO_VALUE;
  const [value, unit] =
    Math.abs(mib) >= 1024 * 1024 ? [mib / (1024 * 1024), units.tib] : Math.abs(mib) >= 1024 ? [mib / 1024, units.gib] : [mib, units.mib];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/**
 * The time of a CSV row: ISO 8601, which every spreadsheet reads, in UTC (`Z`) or in the
 * browser's zone with its offset (`+01:00`), as the page shows it.
 */
export function isoTime(unixSeconds: number, zone: DisplayZone = 'utc'): string {
  const d = new Date(unixSeconds * 1000);
  if (zone === 'utc') return d.toISOString();
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${formatDateTime(unixSeconds * 1000, 'browser').replace(' ', 'T')}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A chart's data as CSV: one row per timestamp, one column per line. A gap is an empty cell
 * (no data), never 0; values are as the API sends them (ratios 0..1, rates per second).
 */
export function toCsv(
  timeHeader: string,
  lines: readonly { name: string; timestamps: readonly number[]; values: readonly (number | null)[] }[],
  zone: DisplayZone = 'utc',
  percent = false,
): string {
  const times = [...new Set(lines.flatMap((line) => line.timestamps))].sort((a, b) => a - b);
  const lookup = lines.map((line) => new Map(line.timestamps.map((t, i) => [t, line.values[i] ?? null])));
  // Ratios as the UI shows them: percent, the header says so.
  const rows = [[timeHeader, ...lines.map((line) => (percent ? `${line.name} (%)` : line.name))].map(csvCell).join(',')];
  for (const t of times) {
    rows.push(
      [
        isoTime(t, zone),
        ...lookup.map((map) => {
          const value = map.get(t);
          if (value == null) return '';
          return percent ? String(Number((value * 100).toFixed(4))) : String(value);
        }),
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * The file name of a chart's export: object, title and time range, e.g.
 * `ZLX1-processor-usage-2026-12-02T08-00_2026-12-03T08-00.csv` (times in the chosen zone).
 */
export function exportFileName(
  parts: { object?: string | undefined; title: string; from?: number | undefined; to?: number | undefined; zone: DisplayZone },
  extension: string,
): string {
  const slug = (text: string) =>
    text
      .trim()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  const stamp = (t: number) => isoTime(t, parts.zone).slice(0, 16).replace(':', '-');
  const range = parts.from !== undefined && parts.to !== undefined ? `${stamp(parts.from)}_${stamp(parts.to)}` : '';
  const base = [slug(parts.object ?? ''), slug(parts.title).toLowerCase(), range].filter((part) => part !== '').join('-');
  return `${base || 'zlens'}.${extension}`;
}

/** A file name from a panel title: letters, digits (any script), dashes. */
export function fileName(title: string, extension: string): string {
  const base =
    title
      .trim()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'zlens';
  return `${base}.${extension}`;
}
