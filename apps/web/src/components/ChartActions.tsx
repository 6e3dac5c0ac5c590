import type { ECharts } from 'echarts/core';
import { useI18n } from '../i18n/use-i18n';
import { downloadText, downloadUrl } from './download';
import { fileName, toCsv } from './format';
import type { UsageLine } from './usage-chart-option';

/** CSV, PNG and table/chart buttons of a chart panel. */
export function ChartActions({
  title,
  lines,
  instanceRef,
  showTable,
  onToggleTable,
  background,
}: {
  title: string;
  lines: readonly UsageLine[];
  instanceRef: React.RefObject<ECharts | null>;
  showTable: boolean;
  onToggleTable: () => void;
  background: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={t('panel.exportCsvLabel', { title })}
        onClick={() => downloadText(toCsv(t('panel.time'), lines), fileName(title, 'csv'), 'text/csv;charset=utf-8')}
      >
        {t('panel.exportCsv')}
      </button>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={t('panel.exportPngLabel', { title })}
        disabled={showTable}
        onClick={() => {
          const chart = instanceRef.current;
          if (chart) downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }), fileName(title, 'png'));
        }}
      >
        {t('panel.exportPng')}
      </button>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-pressed={showTable}
        aria-label={t('panel.showTableLabel', { title })}
        onClick={onToggleTable}
      >
        {showTable ? t('panel.hideTable') : t('panel.showTable')}
      </button>
    </>
  );
}
