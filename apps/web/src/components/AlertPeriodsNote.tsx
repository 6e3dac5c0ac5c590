import type { AlertPeriod } from '@zlens/shared';
import { useI18n } from '../i18n/use-i18n';
import { formatDateTime } from './format';

/** What the alert bands on a chart are: each alert's name and when it fired, in words. */
export function AlertPeriodsNote({ periods }: { periods: readonly (AlertPeriod & { ongoing: boolean })[] }) {
  const { t } = useI18n();
  const text = (p: AlertPeriod & { ongoing: boolean }): string =>
    p.ongoing
      ? t('alerts.periodOngoing', { name: p.name, from: formatDateTime(p.from * 1000) })
      : t('alerts.period', { name: p.name, from: formatDateTime(p.from * 1000), to: formatDateTime(p.to * 1000) });
  return <p className="panel-note alert-periods">{periods.map(text).join(' · ')}</p>;
}
