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
import { partitionRows, sortPartitionRows, type PartitionSortColumn, type SortDirection } from './partition-rows';
import { usePartitionSortStore } from './partition-sort-store';

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
  const sort = usePartitionSortStore((state) => state.sort);
  const rows = sortPartitionRows(partitionRows(partitions, usage.data), sort);

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
              <SortableHeader column="name" label="Partition" />
              <SortableHeader column="status" label="Status" />
              <SortableHeader column="type" label="Type" />
              <SortableHeader column="usage" label="Processor usage (now)" numeric />
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

/**
 * A column header that sorts the table (Carbon's sortable data table): the whole cell is a button,
 * `aria-sort` on the sorted column, an arrow for its direction, a faint double arrow on the others
 * when hovered or focused.
 */
function SortableHeader({ column, label, numeric = false }: { column: PartitionSortColumn; label: string; numeric?: boolean }) {
  const direction = usePartitionSortStore((state) => (state.sort.column === column ? state.sort.direction : null));
  const sortBy = usePartitionSortStore((state) => state.sortBy);
  return (
    <th scope="col" className={numeric ? 'numeric sortable' : 'sortable'} aria-sort={direction ?? undefined}>
      <button type="button" className={direction ? 'sort-button sort-button-active' : 'sort-button'} onClick={() => sortBy(column)}>
        <span>{label}</span>
        <SortIcon direction={direction} />
      </button>
    </th>
  );
}

const ARROW_UP = 'M8 2 3 7l.7.7 3.8-3.8V14h1V3.9l3.8 3.8L13 7z';
const ARROW_DOWN = 'M8 14l5-5-.7-.7-3.8 3.8V2h-1v10.1L3.7 8.3 3 9z';
const ARROWS_VERTICAL = 'M5 2 2 5l.7.7 1.8-1.8V14h1V3.9l1.8 1.8L8 5zm6 12 3-3-.7-.7-1.8 1.8V2h-1v10.1l-1.8-1.8L8 11z';

function SortIcon({ direction }: { direction: SortDirection | null }) {
  let path = ARROWS_VERTICAL;
  if (direction === 'ascending') path = ARROW_UP;
  else if (direction === 'descending') path = ARROW_DOWN;
  return (
    <svg className="sort-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
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
