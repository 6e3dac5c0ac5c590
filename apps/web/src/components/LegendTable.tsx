import { useMemo } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { seriesStats } from './format';
import { lineColor, type UsageLine, type ValueFormatter } from './usage-chart-option';
import './usage-chart.css';

/** The legend: one row per line with min / max / avg / last (a phone drops min and max); the name toggles the line. */
export function LegendTable({
  dark,
  title,
  lines,
  hidden,
  format,
  onToggle,
}: {
  dark: boolean;
  title: string;
  lines: readonly UsageLine[];
  hidden: ReadonlySet<string>;
  format: ValueFormatter;
  onToggle: (name: string) => void;
}) {
  const { t } = useI18n();
  const rows = useMemo(
    () => lines.map((line, index) => ({ line, color: lineColor(line, index, dark), stats: seriesStats(line.values) })),
    [lines, dark],
  );
  return (
    <div className="legend">
      <table className="legend-table" aria-label={t('legend.label', { title })}>
        <thead>
          <tr>
            <th scope="col">{t('legend.series')}</th>
            <th scope="col" className="numeric legend-range">
              {t('legend.min')}
            </th>
            <th scope="col" className="numeric legend-range">
              {t('legend.max')}
            </th>
            <th scope="col" className="numeric">
              {t('legend.avg')}
            </th>
            <th scope="col" className="numeric">
              {t('legend.last')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ line, color, stats }) => {
            const off = hidden.has(line.name);
            return (
              <tr key={line.name} className={off ? 'legend-off' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="legend-toggle"
                    aria-pressed={!off}
                    title={t('legend.toggle', { name: line.name })}
                    onClick={() => onToggle(line.name)}
                  >
                    <span
                      className="legend-swatch"
                      style={{ background: off ? 'transparent' : color, borderColor: color }}
                      aria-hidden="true"
                    />
                    {line.name}
                  </button>
                </th>
                <td className="numeric legend-range">{format(stats.min)}</td>
                <td className="numeric legend-range">{format(stats.max)}</td>
                <td className="numeric">{format(stats.avg)}</td>
                <td className="numeric">{format(stats.last)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
