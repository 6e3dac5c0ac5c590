import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CATALOG, type CpcSummary, type MetricId } from '@zlens/shared';
import { inventoryQuery } from '../../api/queries';
import { errorMessage } from '../../api/fetch-json';
import { NO_VALUE, formatMode } from '../../components/format';
import { NotFound } from '../../components/NotFound';
import { Panel, PanelError, StaleBadge } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageSource } from '../../components/use-usage-series';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath, fleetPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import type { RangeKey, RefreshKey } from '../../state/view-params';

const PARTITION_USAGE_METRICS: readonly MetricId[] = [
  'zhmc_partition_processor_usage_ratio',
  'zhmc_partition_network_adapter_usage_ratio',
  'zhmc_partition_storage_adapter_usage_ratio',
];

/** `/cpcs/:cpc/partitions/:partition`: one partition's usage, status and type. */
export default function PartitionView() {
  const { cpc: cpcName = '', partition: partitionName = '' } = useParams();
  const [{ range, refresh }] = useViewParams();
  const inventory = useQuery(inventoryQuery(refresh));
  const cpc = inventory.data?.cpcs.find((candidate) => candidate.name === cpcName);
  const partition = cpc?.partitions.find((candidate) => candidate.name === partitionName);

  if (inventory.data && !cpc) {
    return (
      <NotFound
        title="CPC not found"
        message={`There is no CPC named “${cpcName}” in the inventory.`}
        backTo={fleetPath()}
        backLabel="Back to the fleet"
      />
    );
  }
  if (inventory.data && !partition) {
    return (
      <NotFound
        title="Partition not found"
        message={`CPC “${cpcName}” has no partition named “${partitionName}”.`}
        backTo={cpcPath(cpcName)}
        backLabel={`Back to ${cpcName}`}
      />
    );
  }

  return (
    <div className="view">
      <title>{`${partitionName} · ${cpcName} · zlens`}</title>
      <div className="view-heading">
        <h1>{partitionName}</h1>
        {partition ? <StatusTag status={partition.status} /> : null}
        <span className="view-subtitle">
          Partition of <AppLink to={cpcPath(cpcName)}>{cpcName}</AppLink>
        </span>
        {inventory.data?.stale ? <StaleBadge /> : null}
      </div>
      {inventory.isError ? (
        <PanelError message={`Inventory: ${errorMessage(inventory.error)}`} onRetry={() => void inventory.refetch()} />
      ) : null}
      {partition && cpc ? (
        <dl className="properties" aria-label="Partition properties">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusTag status={partition.status} />
            </dd>
          </div>
          <div>
            <dt>Type</dt>
            <dd>{partition.type ?? NO_VALUE}</dd>
          </div>
          <div>
            <dt>CPC mode</dt>
            <dd>{formatMode(cpc.mode)}</dd>
          </div>
          <div>
            <dt>Sources</dt>
            <dd>{partition.sources.length > 0 ? partition.sources.join(', ') : NO_VALUE}</dd>
          </div>
        </dl>
      ) : null}
      <div className="chart-grid">
        {PARTITION_USAGE_METRICS.map((metric) => (
          <PartitionUsagePanel
            key={metric}
            metric={metric}
            cpc={cpcName}
            partition={partitionName}
            mode={cpc?.mode ?? null}
            known={inventory.data !== undefined || inventory.isError}
            range={range}
            refresh={refresh}
          />
        ))}
      </div>
    </div>
  );
}

function PartitionUsagePanel({
  metric,
  cpc,
  partition,
  mode,
  known,
  range,
  refresh,
}: {
  metric: MetricId;
  cpc: string;
  partition: string;
  mode: CpcSummary['mode'];
  /** Whether the inventory has answered (or failed): until then the mode, and so what applies, is unknown. */
  known: boolean;
  range: RangeKey;
  refresh: RefreshKey;
}) {
  const title = CATALOG[metric].title.en;
  const sources = useMemo<UsageSource[]>(() => [{ metric, cpc, partition, name: title, color: metricColor(metric) }], [metric, cpc, partition, title]);
  if (mode !== null && !CATALOG[metric].modes.includes(mode)) {
    return (
      <Panel title={title}>
        <p className="panel-note">
          Not measured for partitions of {formatMode(mode)} CPCs: the HMC reports adapter usage per partition only in DPM mode.
        </p>
      </Panel>
    );
  }
  return (
    <UsageChartPanel title={title} sources={sources} range={range} refresh={refresh} enabled={known} group={`partition:${cpc}/${partition}`} />
  );
}
