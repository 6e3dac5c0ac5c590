import { useQuery } from '@tanstack/react-query';
import type { PartitionSummary } from '@zlens/shared';
import { seriesQuery } from '../../api/queries';
import { NO_VALUE, formatPercent, isRunning } from '../../components/format';
import { Panel, PanelError } from '../../components/Panel';
import { PickCheckbox } from '../../components/PickCheckbox';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { AppLink } from '../../navigation/AppLink';
import { partitionPath } from '../../navigation/paths';
import { usePartitionPicks } from '../../state/partition-picks';
import type { RefreshKey } from '../../state/view-params';
import { partitionRows, sortPartitionRows, type PartitionSortColumn } from './partition-rows';
import { SortHeader } from './SortHeader';
import { usePanelShown } from '../../embed/panel-context';
import { useI18n } from '../../i18n/use-i18n';
import { usePartitionSortStore } from './partition-sort-store';
import './partition-table.css';

/**
 * "Current" usage is the latest sample of the last 15 minutes at full resolution, whatever range
 * the charts show: with a 7-day range a chart's last point can be half an hour old.
 */
const CURRENT_WINDOW = { kind: 'relative', range: '15m' } as const;
const CURRENT_POINTS = 60;
const BAR_COLOR = metricColor('zhmc_partition_processor_usage_ratio');

export function PartitionTable({
  cpc,
  partitions,
  refresh,
}: {
  cpc: string;
  partitions: readonly PartitionSummary[];
  refresh: RefreshKey;
}) {
  const shown = usePanelShown('partitions');
  const picks = usePartitionPicks();
  const usage = useQuery({
    ...seriesQuery({ metric: 'zhmc_partition_processor_usage_ratio', cpc, window: CURRENT_WINDOW, maxPoints: CURRENT_POINTS }, refresh),
    enabled: shown,
  });
  const { t } = useI18n();
  const sort = usePartitionSortStore((state) => state.sort);
  const rows = sortPartitionRows(partitionRows(partitions, usage.data), sort);

  return (
    <Panel title={t('cpc.partitions', { n: partitions.length })} panelId="partitions" stale={usage.data?.stale ?? false}>
      {usage.isError ? <PanelError error={usage.error} onRetry={() => void usage.refetch()} /> : null}
      {partitions.length === 0 ? (
        <p className="panel-note">{t('cpc.noPartitions')}</p>
      ) : (
        <table className="data-table" aria-label={t('cpc.partitions', { n: partitions.length })}>
          <thead>
            <tr>
              <SortableHeader column="name" label={t('col.partition')} />
              <SortableHeader column="status" label={t('col.status')} />
              <SortableHeader column="type" label={t('col.type')} />
              <SortableHeader column="usage" label={t('col.usageNow')} numeric />
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
                  <StatusTag status={row.status} notExported={row.statusNotExported} />
                </td>
                <td>{row.type ?? NO_VALUE}</td>
                <td className="numeric">
                  <UsageCell usage={row.usage} running={isRunning(row.status)} loading={usage.isPending} />
                </td>
                <td>
                  <PickCheckbox name={row.name} picks={picks} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function SortableHeader({ column, label, numeric = false }: { column: PartitionSortColumn; label: string; numeric?: boolean }) {
  const direction = usePartitionSortStore((state) => (state.sort.column === column ? state.sort.direction : null));
  const sortBy = usePartitionSortStore((state) => state.sortBy);
  return <SortHeader label={label} direction={direction} onSort={() => sortBy(column)} numeric={numeric} />;
}

function UsageCell({ usage, running, loading }: { usage: number | null; running: boolean; loading: boolean }) {
  const { t } = useI18n();
  if (usage !== null) {
    return (
      <span className="usage-cell">
        <span className="usage-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, Math.max(0, usage * 100))}%`, background: BAR_COLOR }} />
        </span>
        <span className="usage-cell-value">{formatPercent(usage)}</span>
      </span>
    );
  }
  let hint = t('hint.noData');
  if (!running) hint = t('hint.notRunning');
  else if (loading) hint = t('hint.loading');
  return (
    <span className="usage-cell usage-cell-empty">
      {NO_VALUE} <span className="usage-hint">{hint}</span>
    </span>
  );
}
