import { useQuery } from '@tanstack/react-query';
import { AlertsPanel } from '../../alerts/AlertsPanel';
import { inventoryQuery } from '../../api/queries';
import { HeatmapPanel } from '../../components/HeatmapPanel';
import { TopAdaptersPanel } from '../../components/TopAdaptersPanel';
import { PanelError, PanelLoading, StaleBadge } from '../../components/Panel';
import { useI18n } from '../../i18n/use-i18n';
import { useViewParams } from '../../state/use-view-params';
import { CpcCard } from './CpcCard';
import { FleetPower } from './FleetPower';
import { UnhealthyPartitions } from './UnhealthyPartitions';

/** `/`: firing alerts, partitions needing attention, one card per CPC, and a partitions × time heatmap of the fleet. */
export default function FleetView() {
  const [{ refresh }] = useViewParams();
  const { t } = useI18n();
  const inventory = useQuery(inventoryQuery(refresh));

  return (
    <div className="view">
      <title>{`${t('fleet.title')} · zlens`}</title>
      <div className="view-heading">
        <h1>{t('fleet.title')}</h1>
        {inventory.data ? <span className="view-subtitle">{t('fleet.cpcCount', { n: inventory.data.cpcs.length })}</span> : null}
        {inventory.data?.stale ? <StaleBadge /> : null}
      </div>
      {inventory.isPending ? <PanelLoading label={t('fleet.loadingInventory')} height={160} /> : null}
      {inventory.isError ? <PanelError error={inventory.error} onRetry={() => void inventory.refetch()} height={160} /> : null}
      {inventory.data && inventory.data.cpcs.length === 0 ? (
        <div className="panel-state panel-no-data">
          <strong>{t('fleet.noCpcs')}</strong>
          <span>{t('fleet.noCpcsHint')}</span>
        </div>
      ) : null}
      {inventory.data && inventory.data.cpcs.length > 0 ? (
        <>
          <AlertsPanel filter={{}} />
          <UnhealthyPartitions cpcs={inventory.data.cpcs} />
          <div className="card-grid">
            {inventory.data.cpcs.map((cpc) => (
              <CpcCard key={cpc.name} cpc={cpc} />
            ))}
          </div>
          <HeatmapPanel title={t('fleet.heatmap')} metric="zhmc_partition_processor_usage_ratio" cpc={null} />
          <FleetPower />
          <TopAdaptersPanel />
        </>
      ) : null}
    </div>
  );
}
