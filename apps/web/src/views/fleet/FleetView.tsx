import { useQuery } from '@tanstack/react-query';
import { inventoryQuery } from '../../api/queries';
import { errorMessage } from '../../api/fetch-json';
import { PanelError, PanelLoading, StaleBadge } from '../../components/Panel';
import { useViewParams } from '../../state/use-view-params';
import { CpcCard } from './CpcCard';

/** `/`: one card per CPC of the inventory. */
export default function FleetView() {
  const [{ range, refresh }] = useViewParams();
  const inventory = useQuery(inventoryQuery(refresh));

  return (
    <div className="view">
      <title>Fleet · zlens</title>
      <div className="view-heading">
        <h1>Fleet</h1>
        {inventory.data ? (
          <span className="view-subtitle">
            {inventory.data.cpcs.length} {inventory.data.cpcs.length === 1 ? 'CPC' : 'CPCs'}
          </span>
        ) : null}
        {inventory.data?.stale ? <StaleBadge /> : null}
      </div>
      {inventory.isPending ? <PanelLoading label="Loading the inventory…" height={160} /> : null}
      {inventory.isError ? (
        <PanelError message={errorMessage(inventory.error)} onRetry={() => void inventory.refetch()} height={160} />
      ) : null}
      {inventory.data && inventory.data.cpcs.length === 0 ? (
        <div className="panel-state panel-no-data">
          <strong>No CPCs</strong>
          <span>Neither Prometheus nor the HMC reports any CPC yet.</span>
        </div>
      ) : null}
      {inventory.data && inventory.data.cpcs.length > 0 ? (
        <div className="card-grid">
          {inventory.data.cpcs.map((cpc) => (
            <CpcCard key={cpc.name} cpc={cpc} range={range} refresh={refresh} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
