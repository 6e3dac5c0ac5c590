import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CpcSummary, PartitionDetail } from '@zlens/shared';
import { partitionDetailQuery, seriesQuery } from '../../api/queries';
import { formatPercent, lastValue } from '../../components/format';
import { Panel, PanelError, PanelLoading } from '../../components/Panel';
import { ShowAllButton, useShowAll } from '../../components/ShowAll';
import { Sparkline } from '../../components/Sparkline';
import { viaLabel } from '../../components/via-label';
import { metricColor } from '../../components/theme';
import { usePanelShown } from '../../embed/panel-context';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { adapterPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';

const METRIC = 'zhmc_adapter_usage_ratio';
const NO_ADAPTERS: PartitionDetail['adapters'] = [];

/** The adapters the partition reaches (NIC, storage group, channel) with each adapter's usage. */
export function PartitionAdapters({ cpc, partition }: { cpc: CpcSummary; partition: string }) {
  const [{ window, refresh }] = useViewParams();
  const { t } = useI18n();
  const shown = usePanelShown('adapters');
  const detail = useQuery({ ...partitionDetailQuery(cpc.name, partition, refresh), enabled: shown });
  const dpm = cpc.mode !== 'classic';
  const usage = useQuery({ ...seriesQuery({ metric: METRIC, cpc: cpc.name, window, maxPoints: 60 }, refresh), enabled: dpm && shown });
  const list = useShowAll(detail.data?.adapters ?? NO_ADAPTERS);
  const byAdapter = useMemo(() => new Map((usage.data?.series ?? []).map((s) => [s.labels.adapter ?? '', s.values])), [usage.data]);

  let body;
  if (detail.isPending) body = <PanelLoading height={80} />;
  else if (detail.isError) body = <PanelError error={detail.error} onRetry={() => void detail.refetch()} />;
  else if (detail.data.adapters.length === 0) body = <p className="panel-note">{t('partition.noAdapters')}</p>;
  else {
    body = (
      // Scrolls sideways on a phone rather than squeezing the columns to a letter each.
      <div className="table-scroll">
        <table className="data-table" aria-label={t('partition.adapters')}>
          <thead>
            <tr>
              <th scope="col">{t('col.adapter')}</th>
              <th scope="col">{t('col.pchid')}</th>
              <th scope="col">{t('col.type')}</th>
              <th scope="col">{t('col.via')}</th>
              <th scope="col" className="numeric">
                {t('col.usage')}
              </th>
              <th scope="col">{t('cpc.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((use) => {
              const values = byAdapter.get(use.adapter) ?? [];
              return (
                <tr key={`${use.adapter}/${use.via}/${use.through}`}>
                  <th scope="row">
                    <AppLink to={adapterPath(cpc.name, use.adapter)}>{use.adapter}</AppLink>
                  </th>
                  {/* Without the HMC (Prometheus only) no source has these: say so, not "—" beside a plotted value. */}
                  <td>{use.adapterId ?? t('partition.notKnown')}</td>
                  <td>{use.type ?? t('partition.notKnown')}</td>
                  <td>
                    {viaLabel(t, use.via, use.through)}
                    {use.port != null ? ` · ${t('col.port')} ${use.port}` : ''}
                  </td>
                  <td className="numeric">{formatPercent(lastValue(values))}</td>
                  <td>{values.length > 0 ? <Sparkline values={values} color={metricColor(METRIC)} /> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <Panel title={t('partition.adapters')} panelId="adapters" stale={detail.data?.stale ?? false}>
      {body}
      <ShowAllButton list={list} />
    </Panel>
  );
}
