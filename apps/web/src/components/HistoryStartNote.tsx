import { useI18n } from '../i18n/use-i18n';
import { formatDateTime } from './format';
import { historyStart } from './history-start';
import type { UsageLine } from './usage-chart-option';

/** Under a chart whose range reaches before its first sample: when history starts. */
export function HistoryStartNote({ lines, start, end }: { lines: readonly UsageLine[]; start: number; end: number }) {
  const { t } = useI18n();
  const first = historyStart(lines, start, end);
  if (first === null) return null;
  return <p className="history-start">{t('panel.historyStarts', { time: formatDateTime(first * 1000).slice(0, 16) })}</p>;
}
