import { useMemo } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { formatDateTime } from './format';
import { ShowAllButton, useShowAll } from './ShowAll';
import type { UsageLine, ValueFormatter } from './usage-chart-option';

/** Times (rows) shown before "show all", newest first. */
const FIRST_TIMES = 50;

/** The table fallback of a chart: one row per time, one column per line, "—" in a gap. */
export function ChartTable({ title, lines, format }: { title: string; lines: readonly UsageLine[]; format: ValueFormatter }) {
  const { t } = useI18n();
  const times = useMemo(() => [...new Set(lines.flatMap((line) => line.timestamps))].sort((a, b) => b - a), [lines]);
  const list = useShowAll(times, FIRST_TIMES);
  const lookup = useMemo(() => lines.map((line) => new Map(line.timestamps.map((time, i) => [time, line.values[i] ?? null]))), [lines]);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <table className="data-table data-table-compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panel.time')}</th>
              {lines.map((line) => (
                <th key={line.name} scope="col" className="numeric">
                  {line.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.rows.map((time) => (
              <tr key={time}>
                <th scope="row">{formatDateTime(time * 1000)}</th>
                {lookup.map((map, i) => (
                  <td key={lines[i]?.name ?? i} className="numeric">
                    {format(map.get(time) ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowAllButton list={list} />
    </>
  );
}
