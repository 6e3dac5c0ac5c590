import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { formatDateTime } from './format';
import type { HmcHistoryOverlay } from './use-hmc-history-lines';

/** Under a chart that the HMC's own records extend: what the dotted part is, its resolution and where zlens' data starts. */
export function HmcHistoryNote({ overlay }: { overlay: HmcHistoryOverlay }) {
  const { t } = useI18n();
  const [{ tz }] = useViewParams();
  if (overlay.unavailable !== null && overlay.lines.length === 0) {
    return (
      <p className="panel-note hmc-history-note">
        {t(overlay.unavailable === 'not-permitted' ? 'hmcHistory.notPermitted' : 'hmcHistory.notSupported')}
      </p>
    );
  }
  if (overlay.lines.length === 0 || overlay.resolution === null) return null;
  const resolution = resolutionWords(overlay.resolution, t);
  return (
    <p className="panel-note hmc-history-note">
      {overlay.until === null
        ? t('hmcHistory.noteAll', { resolution })
        : t('hmcHistory.noteUntil', { resolution, time: formatDateTime(overlay.until * 1000, tz).slice(0, 16) })}
    </p>
  );
}

/** 900 → "15-minute", 3600 → "1-hour", 86400 → "1-day" (in the page's language). */
function resolutionWords(seconds: number, t: ReturnType<typeof useI18n>['t']): string {
  if (seconds % 86_400 === 0) return t('hmcHistory.resDays', { n: seconds / 86_400 });
  if (seconds % 3_600 === 0) return t('hmcHistory.resHours', { n: seconds / 3_600 });
  return t('hmcHistory.resMinutes', { n: Math.round(seconds / 60) });
}
