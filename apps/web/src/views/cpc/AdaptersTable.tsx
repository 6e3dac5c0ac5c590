import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AdapterSummary, CpcSummary } from '@zlens/shared';
import { seriesQuery } from '../../api/queries';
import { NO_VALUE, formatPercent, lastValue } from '../../components/format';
import { Panel, PanelError } from '../../components/Panel';
import { ShowAllButton, useShowAll } from '../../components/ShowAll';
import { Sparkline } from '../../components/Sparkline';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { usePanelShown } from '../../embed/panel-context';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { adapterPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import { SortHeader } from './SortHeader';
import { sortRows } from './table-sort';
import { useTableSortStore, type AdapterColumn } from './table-sort-store';

const METRIC = 'zhmc_adapter_usage_ratio';
/** Classic CPCs: the exporter's adapters are crypto adapters (crypto-usage), named by PCHID. */
const CRYPTO_METRIC = 'zhmc_crypto_adapter_usage_ratio';
const SPARK_POINTS = 60;
const COLOR = metricColor(METRIC);
export const ADAPTER_ROW_LIMIT = 20;

export interface AdapterRow {
  name: string;
  adapter: AdapterSummary;
  usage: number | null;
  values: readonly (number | null)[];
}

/** Joins the inventory's adapters with their usage series (`labels.adapter`, or a crypto adapter's `labels.adapter_pchid`). */
export function adapterRows(
  adapters: readonly AdapterSummary[],
  series: readonly { labels: Record<string, string>; values: (number | null)[] }[],
): AdapterRow[] {
  const byName = new Map(series.map((s) => [s.labels.adapter ?? s.labels.adapter_pchid ?? '', s.values]));
  return adapters.map((adapter) => {
    const values = byName.get(adapter.name) ?? [];
    return { name: adapter.name, adapter, usage: lastValue(values), values };
  });
}

function sortValue(row: AdapterRow, column: AdapterColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'pchid':
      return row.adapter.adapterId;
    case 'type':
      return row.adapter.type;
    case 'family':
      return row.adapter.family;
    case 'status':
      return row.adapter.status;
    case 'usage':
      return row.usage;
  }
}

/** Every adapter of the CPC with type, family, status and usage; each name links to the adapter view. */
export function AdaptersTable({ cpc }: { cpc: CpcSummary }) {
  const [{ window, refresh }] = useViewParams();
  const { t } = useI18n();
  const dpm = cpc.mode !== 'classic';
  const shown = usePanelShown('adapters');
  const usage = useQuery({
    ...seriesQuery({ metric: dpm ? METRIC : CRYPTO_METRIC, cpc: cpc.name, window, maxPoints: SPARK_POINTS }, refresh),
    enabled: shown && cpc.adapters.length > 0,
  });
  const sort = useTableSortStore((state) => state.adapters);
  const sortAdapters = useTableSortStore((state) => state.sortAdapters);
  const all = useMemo(
    () => sortRows(adapterRows(cpc.adapters, usage.data?.series ?? []), sort, sortValue),
    [cpc.adapters, usage.data, sort],
  );
  // A CPC can have 200 adapters: the busiest (or first, as sorted) until the user asks for all.
  const list = useShowAll(all, ADAPTER_ROW_LIMIT);
  const dir = (column: AdapterColumn) => (sort.column === column ? sort.direction : null);
  const header = (column: AdapterColumn, label: string, numeric = false) => (
    <SortHeader label={label} direction={dir(column)} onSort={() => sortAdapters(column)} numeric={numeric} />
  );

  return (
    <Panel title={t('cpc.adapters', { n: cpc.adapters.length })} panelId="adapters" stale={usage.data?.stale ?? false}>
      {usage.isError ? <PanelError error={usage.error} onRetry={() => void usage.refetch()} /> : null}
      {!dpm ? <p className="panel-note">{t('cpc.channelNote')}</p> : null}
      {cpc.adapters.length === 0 ? (
        <p className="panel-note">{t('cpc.noAdapters')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label={t('cpc.adapters', { n: cpc.adapters.length })}>
            <thead>
              <tr>
                {header('name', t('col.adapter'))}
                {header('pchid', t('col.pchid'))}
                {header('type', t('col.type'))}
                {header('family', t('col.family'))}
                {header('status', t('col.status'))}
                {header('usage', t('col.usage'), true)}
                <th scope="col">{t('cpc.trend')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.name}>
                  <th scope="row">
                    <AppLink to={adapterPath(cpc.name, row.name)}>{row.name}</AppLink>
                  </th>
                  <td>{row.adapter.adapterId ?? NO_VALUE}</td>
                  <td>{row.adapter.type ?? NO_VALUE}</td>
                  <td>{row.adapter.family ? t(`family.${row.adapter.family}`) : NO_VALUE}</td>
                  <td>
                    <StatusTag status={row.adapter.status} notExported={row.adapter.statusNotExported === true} />
                  </td>
                  <td className="numeric">{formatPercent(row.usage)}</td>
                  <td>{row.values.length > 0 ? <Sparkline values={row.values} color={COLOR} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowAllButton list={list} />
    </Panel>
  );
}
