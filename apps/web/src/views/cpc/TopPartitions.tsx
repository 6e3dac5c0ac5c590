import { useId, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PartitionSummary } from '@zlens/shared';
import { seriesQuery, topQuery } from '../../api/queries';
import { formatPercent } from '../../components/format';
import { Panel, freshnessOf, PanelError, PanelLoading, PanelNoData } from '../../components/Panel';
import { Sparkline } from '../../components/Sparkline';
import { PickCheckbox } from '../../components/PickCheckbox';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { usePanelShown } from '../../embed/panel-context';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { partitionPath } from '../../navigation/paths';
import { usePartitionPicks } from '../../state/partition-picks';
import { useViewParams } from '../../state/use-view-params';
import { TOP_BYS, TOP_NS } from '../../state/view-params';
import { SortHeader } from './SortHeader';
import { sortRows, type TableSort } from './table-sort';
import { useTableSortStore, type TopColumn } from './table-sort-store';

const METRIC = 'zhmc_partition_processor_usage_ratio';
const SPARK_POINTS = 60;
const COLOR = metricColor(METRIC);

export interface TopRow {
  name: string;
  avg: number | null;
  peak: number | null;
}

/** The ranked rows: the BFF's top-N by average or by peak. */
export function topRows(entries: readonly { labels: Record<string, string>; avg: number | null; peak: number | null }[]): TopRow[] {
  return entries.map((entry) => ({ name: entry.labels.partition ?? '?', avg: entry.avg, peak: entry.peak }));
}

/** Top-N partitions of a CPC by processor usage: N and the ranking in the URL, sortable, with sparklines. */
export function TopPartitions({ cpc, partitions }: { cpc: string; partitions: readonly PartitionSummary[] }) {
  const [{ window, refresh, top, topBy }, setParams] = useViewParams();
  const { t, mode } = useI18n();
  const nId = useId();
  const byId = useId();
  const shown = usePanelShown('top-partitions');
  const picks = usePartitionPicks();
  const query = useQuery({ ...topQuery({ metric: METRIC, cpc, n: top, window }, refresh), enabled: shown });
  const trend = useQuery({ ...seriesQuery({ metric: METRIC, cpc, window, maxPoints: SPARK_POINTS }, refresh), enabled: shown });
  const sort = useTableSortStore((state) => state.top);
  const sortTop = useTableSortStore((state) => state.sortTop);
  const ranking: TableSort<TopColumn> = { column: topBy === 'avg' ? 'avg' : 'peak', direction: 'descending' };
  const current = sort ?? ranking;

  const status = useMemo(() => new Map(partitions.map((p) => [p.name, p])), [partitions]);
  const trends = useMemo(
    () => new Map((trend.data?.series ?? []).map((series) => [series.labels.partition ?? '', series.values])),
    [trend.data],
  );
  const rows = useMemo(() => {
    const data = query.data;
    if (!data) return [];
    const ranked = topRows(topBy === 'avg' ? data.byAverage : data.byPeak);
    return sortRows(ranked, current, (row, column) => (column === 'name' ? row.name : row[column]));
  }, [query.data, topBy, current]);

  const controls = (
    <div className="panel-controls">
      <label htmlFor={nId}>{t('cpc.topN')}</label>
      <select id={nId} value={top} onChange={(event) => setParams({ top: Number(event.target.value) })}>
        {TOP_NS.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label htmlFor={byId}>{t('cpc.topBy')}</label>
      <select
        id={byId}
        value={topBy}
        onChange={(event) => {
          const next = TOP_BYS.find((candidate) => candidate === event.target.value);
          if (next) setParams({ topBy: next });
        }}
      >
        {TOP_BYS.map((by) => (
          <option key={by} value={by}>
            {by === 'avg' ? t('cpc.byAvg') : t('cpc.byPeak')}
          </option>
        ))}
      </select>
    </div>
  );

  let body;
  if (query.isPending) body = <PanelLoading height={160} />;
  else if (query.isError) body = <PanelError error={query.error} onRetry={() => void query.refetch()} height={160} />;
  else if (query.data.unsupportedInMode)
    body = <p className="panel-note">{t('panel.unsupported', { mode: mode(query.data.unsupportedInMode.mode) })}</p>;
  else if (rows.length === 0) body = <PanelNoData hint={t('panel.noSamples')} height={120} />;
  else {
    const dir = (column: TopColumn) => (current.column === column ? current.direction : null);
    body = (
      <table className="data-table data-table-ranked" aria-label={t('cpc.top')}>
        <thead>
          <tr>
            <SortHeader label={t('col.partition')} direction={dir('name')} onSort={() => sortTop('name', ranking)} />
            <th scope="col">{t('col.status')}</th>
            <SortHeader label={t('col.avg')} direction={dir('avg')} onSort={() => sortTop('avg', ranking)} numeric />
            <SortHeader label={t('col.peak')} direction={dir('peak')} onSort={() => sortTop('peak', ranking)} numeric />
            <th scope="col">{t('cpc.trend')}</th>
            <th scope="col">{t('compare.column')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">
                <AppLink to={partitionPath(cpc, row.name)}>{row.name}</AppLink>
              </th>
              <td>
                <StatusTag status={status.get(row.name)?.status ?? null} notExported={status.get(row.name)?.statusNotExported === true} />
              </td>
              <td className="numeric">{formatPercent(row.avg)}</td>
              <td className="numeric">{formatPercent(row.peak)}</td>
              <td>
                <Sparkline values={trends.get(row.name) ?? []} color={COLOR} />
              </td>
              <td>
                <PickCheckbox name={row.name} picks={picks} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <Panel title={t('cpc.top')} panelId="top-partitions" {...freshnessOf(query.data)} actions={controls}>
      {body}
    </Panel>
  );
}
