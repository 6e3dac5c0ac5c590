import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { AdapterDetail, MetricId } from '@zlens/shared';
import { adapterDetailQuery, seriesQuery } from '../../api/queries';
import { NO_VALUE, formatBytesPerSecond, formatPercent } from '../../components/format';
import { Panel, PanelError, PanelLoading } from '../../components/Panel';
import { ShowAllButton, useShowAll } from '../../components/ShowAll';
import { Sparkline } from '../../components/Sparkline';
import { viaLabel } from '../../components/via-label';
import { metricColor } from '../../components/theme';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { partitionPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import { nicUsageByPartition } from './nic-share';

const NIC_BYTES: readonly MetricId[] = ['zhmc_nic_bytes_sent_count_total', 'zhmc_nic_bytes_received_count_total'];
const SPARK_POINTS = 60;
const NO_PARTITIONS: AdapterDetail['partitions'] = [];

/**
 * The partitions that use the adapter and, for a network adapter, each one's NIC traffic over the
 * selected range: its average (the column says so), its share of the adapter's NIC traffic, and a
 * sparkline of the range.
 */
export function AdapterPartitions({ cpc, adapter, network }: { cpc: string; adapter: string; network: boolean }) {
  const [{ window, refresh }] = useViewParams();
  const { t } = useI18n();
  const detail = useQuery(adapterDetailQuery(cpc, adapter, refresh));
  const nic = useQueries({
    queries: NIC_BYTES.map((metric) => ({
      ...seriesQuery({ metric, cpc, adapter, window, maxPoints: SPARK_POINTS }, refresh),
      enabled: network,
    })),
  });
  const usage = useMemo(() => nicUsageByPartition(nic.flatMap((q) => q.data?.series ?? [])), [nic]);
  const list = useShowAll(detail.data?.partitions ?? NO_PARTITIONS);

  let body;
  if (detail.isPending) body = <PanelLoading height={80} />;
  else if (detail.isError) body = <PanelError error={detail.error} onRetry={() => void detail.refetch()} />;
  else if (detail.data.partitions.length === 0) body = <p className="panel-note">{t('adapter.noPartitions')}</p>;
  else {
    body = (
      <div className="table-scroll">
        <table className="data-table" aria-label={t('adapter.partitions')}>
          <thead>
            <tr>
              <th scope="col">{t('col.partition')}</th>
              <th scope="col">{t('col.via')}</th>
              <th scope="col">{t('col.port')}</th>
              {network ? (
                <th scope="col" className="numeric">
                  {t('adapter.avgInRange')}
                </th>
              ) : null}
              {network ? (
                <th scope="col" className="numeric">
                  {t('adapter.shareOfAdapter')}
                </th>
              ) : null}
              {network ? <th scope="col">{t('adapter.trendInRange')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.rows.map((use) => {
              const own = usage.get(use.partition);
              return (
                <tr key={`${use.partition}/${use.via}/${use.through}`}>
                  <th scope="row">
                    <AppLink to={partitionPath(cpc, use.partition)}>{use.partition}</AppLink>
                  </th>
                  <td>{viaLabel(t, use.via, use.through)}</td>
                  <td>{use.port ?? NO_VALUE}</td>
                  {network ? <td className="numeric">{formatBytesPerSecond(own?.average ?? null, t('unit.bytesPerSecond'))}</td> : null}
                  {network ? <td className="numeric">{formatPercent(own?.share ?? null)}</td> : null}
                  {network ? (
                    <td>
                      {own !== undefined && own.values.length > 0 ? (
                        <Sparkline values={own.values} color={metricColor('zhmc_nic_bytes_sent_count_total')} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <Panel title={t('adapter.partitions')} panelId="partitions" stale={detail.data?.stale ?? false}>
      {body}
      <ShowAllButton list={list} />
    </Panel>
  );
}
