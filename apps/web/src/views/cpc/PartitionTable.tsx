import { useQuery } from '@tanstack/react-query';
import type { PartitionSummary } from '@zlens/shared';
import { seriesQuery } from '../../api/queries';
import { errorMessage } from '../../api/fetch-json';
import { NO_VALUE, formatPercent, isRunning } from '../../components/format';
import { Panel, PanelError } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { AppLink } from '../../navigation/AppLink';
import { partitionPath } from '../../navigation/paths';
import type { RefreshKey } from '../../state/view-params';
import { partitionRows } from './partition-rows';

/**
 * "Current" usage is the latest sample of the last 15 minutes at full resolution, whatever range
 * the charts show: with a 7-day range a chart's last point can be half an hour old.
 */
const CURRENT_WINDOW = '15m';
const CURRENT_POINTS = 60;
const BAR_COLOR = metricColor('zhmc_partition_processor_usage_ratio');

export function PartitionTable({ cpc, partitions, refresh }: { cpc: string; partitions: readonly PartitionSummary[]; refresh: RefreshKey }) {
  const usage = useQuery(
    seriesQuery({ metric: 'zhmc_partition_processor_usage_ratio', cpc, range: CURRENT_WINDOW, maxPoints: CURRENT_POINTS }, refresh),
  );
  const rows = partitionRows(partitions, usage.data);

  return (
    <Panel title={`Partitions (${partitions.length})`} stale={usage.data?.stale ?? false}>
      {usage.isError ? (
        <PanelError message={`Processor usage: ${errorMessage(usage.error)}`} onRetry={() => void usage.refetch()} />
      ) : null}
      {partitions.length === 0 ? (
        <p className="panel-note">This CPC has no partitions.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Status</th>
              <th scope="col">Type</th>
              <th scope="col" className="numeric">
                Processor usage (now)
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">
                  <AppLink to={partitionPath(cpc, row.name)}>{row.name}</AppLink>
                </th>
                <td>
                  <StatusTag status={row.status} />
                </td>
                <td>{row.type ?? NO_VALUE}</td>
                <td className="numeric">
                  <UsageCell usage={row.usage} running={isRunning(row.status)} loading={usage.isPending} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function UsageCell({ usage, running, loading }: { usage: number | null; running: boolean; loading: boolean }) {
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
  let hint = 'no data';
  if (!running) hint = 'not running';
  else if (loading) hint = 'loading';
  return (
    <span className="usage-cell usage-cell-empty">
      {NO_VALUE} <span className="usage-hint">{hint}</span>
    </span>
  );
}
