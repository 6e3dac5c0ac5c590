// Formatting shared by every view. "No data" is never shown as 0 %: a missing value is "—".
import type { CpcSummary } from '@zlens/shared';

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

export function hasAnyValue(values: readonly (number | null)[]): boolean {
  return values.some((value) => value != null);
}

export function formatMode(mode: CpcSummary['mode']): string {
  if (mode === 'dpm') return 'DPM';
  if (mode === 'classic') return 'Classic';
  return 'Unknown mode';
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

/** Local time, `2025-11-24 13:05:30`: unambiguous for operators in any locale. */
export function formatDateTime(unixMs: number): string {
  const d = new Date(unixMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
