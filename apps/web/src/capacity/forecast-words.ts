// The one-line verdict of a forecast ("reaches 90 % in about N days", "not within the horizon"),
// on the CPC card, the CPC view and the partition view alike.
import type { ForecastResponse } from '@zlens/shared';
import { FORECAST_MIN_DAYS } from '@zlens/shared';
import { formatPercent } from '../components/format';
import type { useI18n } from '../i18n/use-i18n';

type T = ReturnType<typeof useI18n>['t'];

export interface ForecastVerdict {
  text: string;
  /** The threshold is reached within the horizon (or already): worth a colour. */
  alert: boolean;
}

export function forecastVerdict(data: ForecastResponse, t: T): ForecastVerdict {
  const pct = formatPercent(data.threshold, 0);
  const f = data.forecast;
  if (f === null) return { text: t('forecast.insufficient', { n: FORECAST_MIN_DAYS, days: data.peaks.length }), alert: false };
  if (f.reachesInDays === 0) return { text: t('forecast.already', { pct }), alert: true };
  if (f.reachesInDays !== null) {
    const earliest =
      f.earliestInDays !== null && f.earliestInDays < f.reachesInDays ? ` (${t('forecast.earliest', { n: f.earliestInDays })})` : '';
    return { text: `${t('forecast.reaches', { pct, n: f.reachesInDays })}${earliest}`, alert: true };
  }
  const earliest = f.earliestInDays !== null ? ` (${t('forecast.earliest', { n: f.earliestInDays })})` : '';
  return { text: `${t('forecast.notWithin', { pct, n: data.horizonDays })}${earliest}`, alert: f.earliestInDays !== null };
}
