import type { ECharts } from 'echarts/core';
import { useI18n } from '../i18n/use-i18n';
import { composeChartPng, pngSubtitle } from './chart-png';
import { downloadText, downloadUrl } from './download';
import { exportFileName, formatDateTime, toCsv, zoneName } from './format';
import { useViewParams } from '../state/use-view-params';
import { THEME_TOKENS } from './theme';
import { lineColor, type UsageLine } from './usage-chart-option';

/** Device pixels per CSS pixel of the PNG: sharp when pasted into a document or a ticket. */
const PNG_RATIO = 2;

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
  pngLegend = true,
}: {
  title: string;
  /** The CPC or partition the chart is of: the export's file name starts with it. */
  object?: string | undefined;
  /** Ratios: the CSV has percent, as the UI shows them. */
  percent?: boolean;
  /** The PNG lists the lines under the chart (not for the heatmap, whose rows are its labels). */
  pngLegend?: boolean;
  lines: readonly UsageLine[];
  instanceRef: React.RefObject<ECharts | null>;
  showTable: boolean;
  onToggleTable: () => void;
  background: string;
}) {
  const { t } = useI18n();
  const [{ tz, theme }] = useViewParams();
  // The range the lines cover, for the file name (the window as the BFF aligned it).
  const times = lines.flatMap((line) => line.timestamps);
  const range = times.length > 0 ? { from: Math.min(...times), to: Math.max(...times) } : null;
  const name = (extension: string) => exportFileName({ object, title, ...range, zone: tz }, extension);
  const exportPng = async (chart: ECharts) => {
    const tokens = THEME_TOKENS[theme];
    const minute = (t: number) => formatDateTime(t * 1000, tz).slice(0, 16);
    const url = await composeChartPng(chart.getDataURL({ type: 'png', pixelRatio: PNG_RATIO, backgroundColor: background }), PNG_RATIO, {
      title,
      subtitle: pngSubtitle(object, range && { from: minute(range.from), to: minute(range.to), zone: zoneName(tz) }),
      legend: pngLegend ? lines.map((line, i) => ({ name: line.name, color: lineColor(line, i, theme === 'dark') })) : [],
      background,
      text: tokens.textPrimary,
      muted: tokens.textSecondary,
    });
    downloadUrl(url, name('png'));
  };
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
          if (chart) void exportPng(chart);
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
