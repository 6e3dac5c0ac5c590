import { useI18n } from '../i18n/use-i18n';
import { AppLink } from '../navigation/AppLink';
import { channelPath, partitionPath } from '../navigation/paths';
import { channelRowsCsv, type ChannelRow } from './channel-rows';
import { downloadText } from './download';
import { NO_VALUE, fileName, formatPercent } from './format';
import { ShowAllButton, useShowAll } from './ShowAll';
import { Sparkline } from './Sparkline';
import { metricColor } from './theme';

const COLOR = metricColor('zhmc_channel_usage_ratio');

/** Channel rows as a table: each CHPID links to its channel view, each LPAR to its partition view. */
export function ChannelRowsTable({ cpc, rows, label }: { cpc: string; rows: readonly ChannelRow[]; label: string }) {
  const { t } = useI18n();
  const list = useShowAll(rows);
  const headers = [t('col.chpid'), t('col.shared'), t('col.lpars'), t('col.now'), t('col.avg'), t('col.peak')];
  return (
    <>
      <div className="panel-controls">
        <button
          type="button"
          className="button button-ghost button-small"
          aria-label={t('panel.exportCsvLabel', { title: label })}
          onClick={() => downloadText(channelRowsCsv(rows, headers), fileName(`${cpc} ${label}`, 'csv'), 'text/csv;charset=utf-8')}
        >
          {t('panel.exportCsv')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{t('col.chpid')}</th>
              <th scope="col">{t('col.type')}</th>
              <th scope="col">{t('col.shared')}</th>
              <th scope="col">{t('col.lpars')}</th>
              <th scope="col" className="numeric">
                {t('col.now')}
              </th>
              <th scope="col" className="numeric">
                {t('col.avg')}
              </th>
              <th scope="col" className="numeric">
                {t('col.peak')}
              </th>
              <th scope="col">{t('cpc.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.chpid}>
                <th scope="row">
                  <AppLink to={channelPath(cpc, row.chpid)}>{row.chpid}</AppLink>
                </th>
                <td>{t('channels.typeUnknown')}</td>
                <td>{row.shared === null ? NO_VALUE : row.shared ? t('channels.shared') : t('channels.dedicated')}</td>
                <td>
                  {row.lpars.length === 0
                    ? row.shared
                      ? t('channels.sharedLpars')
                      : NO_VALUE
                    : row.lpars.map((lpar, i) => (
                        <span key={lpar}>
                          {i > 0 ? ', ' : ''}
                          <AppLink to={partitionPath(cpc, lpar)}>{lpar}</AppLink>
                        </span>
                      ))}
                </td>
                <td className="numeric">{formatPercent(row.now)}</td>
                <td className="numeric">{formatPercent(row.avg)}</td>
                <td className="numeric">{formatPercent(row.peak)}</td>
                <td>
                  <Sparkline values={row.values} color={COLOR} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowAllButton list={list} />
    </>
  );
}
