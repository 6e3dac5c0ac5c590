import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CATALOG, type CpcSummary, type MetricId } from '@zlens/shared';
import { inventoryQuery } from '../../api/queries';
import { errorMessage } from '../../api/fetch-json';
import { formatMachine, formatMode } from '../../components/format';
import { NotFound } from '../../components/NotFound';
import { Panel, PanelError, StaleBadge } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageSource } from '../../components/use-usage-series';
import { fleetPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import type { RangeKey, RefreshKey } from '../../state/view-params';
import { PartitionTable } from './PartitionTable';

const CPC_USAGE_METRICS: readonly MetricId[] = [
  'zhmc_cpc_processor_usage_ratio',
  'zhmc_cpc_network_adapter_usage_ratio',
  'zhmc_cpc_storage_adapter_usage_ratio',
];

/** `/cpcs/:cpc`: the CPC's usage over time and its partitions. */
export default function CpcView() {
  const { cpc: cpcName = '' } = useParams();
  const [{ range, refresh }] = useViewParams();
  const inventory = useQuery(inventoryQuery(refresh));
  const cpc = inventory.data?.cpcs.find((candidate) => candidate.name === cpcName);

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

  return (
    <div className="view">
      <title>{`${cpcName} · CPC · zlens`}</title>
      <div className="view-heading">
        <h1>{cpcName}</h1>
        {cpc ? <StatusTag status={cpc.status} /> : null}
        {cpc ? (
          <span className="view-subtitle">
            {formatMode(cpc.mode)} · Machine {formatMachine(cpc.machineType, cpc.machineModel)}
          </span>
        ) : null}
        {inventory.data?.stale ? <StaleBadge /> : null}
      </div>
      {inventory.isError ? (
        <PanelError message={`Inventory: ${errorMessage(inventory.error)}`} onRetry={() => void inventory.refetch()} />
      ) : null}
      <div className="chart-grid">
        {CPC_USAGE_METRICS.map((metric) => (
          <CpcUsagePanel key={metric} metric={metric} cpc={cpcName} mode={cpc?.mode ?? null}
            known={inventory.data !== undefined || inventory.isError}
            range={range} refresh={refresh} />
        ))}
      </div>
      {cpc ? <PartitionTable cpc={cpc.name} partitions={cpc.partitions} refresh={refresh} /> : null}
    </div>
  );
}

function CpcUsagePanel({
  metric,
  cpc,
  mode,
  known,
  range,
  refresh,
}: {
  metric: MetricId;
  cpc: string;
  mode: CpcSummary['mode'];
  /** Whether the inventory has answered (or failed): until then the mode, and so what applies, is unknown. */
  known: boolean;
  range: RangeKey;
  refresh: RefreshKey;
}) {
  const title = CATALOG[metric].title.en;
  const sources = useMemo<UsageSource[]>(() => [{ metric, cpc, name: title, color: metricColor(metric) }], [metric, cpc, title]);
  if (mode !== null && !CATALOG[metric].modes.includes(mode)) {
    return (
      <Panel title={title}>
        <p className="panel-note">
          Not measured for {formatMode(mode)} CPCs: the HMC reports adapter usage per CPC only in DPM mode.
        </p>
      </Panel>
    );
  }
  return <UsageChartPanel title={title} sources={sources} range={range} refresh={refresh} enabled={known} group={`cpc:${cpc}`} />;
}
