import type { ECharts } from 'echarts/core';
import { useI18n } from '../i18n/use-i18n';
import { downloadText, downloadUrl } from './download';
import { exportFileName, toCsv } from './format';
import { useViewParams } from '../state/use-view-params';
import type { UsageLine } from './usage-chart-option';

/** CSV, PNG and table/chart buttons of a chart panel. */
export function ChartActions({
  title,
  lines,
  instanceRef,
  showTable,
  onToggleTable,
  background,
  object,
  percent = false,
}: {
  title: string;
  /** The CPC or partition the chart is of: the export's file name starts with it. */
  object?: string | undefined;
  /** Ratios: the CSV has percent, as the UI shows them. */
  percent?: boolean;
  lines: readonly UsageLine[];
  instanceRef: React.RefObject<ECharts | null>;
  showTable: boolean;
  onToggleTable: () => void;
  background: string;
}) {
  const { t } = useI18n();
  const [{ tz }] = useViewParams();
  // The range the lines cover, for the file name (the window as the BFF aligned it).
  const times = lines.flatMap((line) => line.timestamps);
  const range = times.length > 0 ? { from: Math.min(...times), to: Math.max(...times) } : {};
  const name = (extension: string) => exportFileName({ object, title, ...range, zone: tz }, extension);
  return (
    <>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={t('panel.exportCsvLabel', { title })}
        onClick={() => downloadText(toCsv(t('panel.time'), lines, tz, percent), name('csv'), 'text/csv;charset=utf-8')}
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
          if (chart) downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }), name('png'));
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
