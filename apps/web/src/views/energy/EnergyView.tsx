import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { inventoryQuery } from '../../api/queries';
import { CpcNotFound } from '../../components/CpcNotFound';
import { PanelError, StaleBadge } from '../../components/Panel';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import { CpcEnergy } from './CpcEnergy';
import { CpcMemory } from './CpcMemory';

/** `/cpcs/:cpc/energy`: a CPC's power, temperatures, humidity, heat load and memory over the range. */
export default function EnergyView() {
  const { cpc: cpcName = '' } = useParams();
  const [{ refresh }] = useViewParams();
  const { t, mode } = useI18n();
  const inventory = useQuery(inventoryQuery(refresh));
  const cpc = inventory.data?.cpcs.find((candidate) => candidate.name === cpcName);
  const known = inventory.data !== undefined || inventory.isError;
  if (inventory.data && !cpc) {
    return <CpcNotFound name={cpcName} />;
  }
  return (
    <div className="view">
      <title>{`${t('energy.title')} · ${cpcName} · zlens`}</title>
      <div className="view-heading">
        <h1>{t('energy.titleOf', { name: cpcName })}</h1>
        <span className="view-subtitle">
          <AppLink to={cpcPath(cpcName)}>{cpcName}</AppLink>
          {cpc ? ` · ${mode(cpc.mode)}` : ''}
        </span>
        {inventory.data?.stale ? <StaleBadge /> : null}
      </div>
      {inventory.isError ? <PanelError error={inventory.error} onRetry={() => void inventory.refetch()} /> : null}
      <CpcEnergy cpc={cpcName} mode={cpc?.mode ?? null} known={known} />
      <CpcMemory cpc={cpcName} known={known} />
    </div>
  );
}
