import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { inventoryQuery } from '../api/queries';
import { useI18n } from '../i18n/use-i18n';
import { cpcPath, fleetPath } from '../navigation/paths';
import { useViewParams } from '../state/use-view-params';
import { NotFound } from './NotFound';

/**
 * "CPC not found" for any view under `/cpcs/<name>`; when a CPC has the name in another case
 * (`/cpcs/zlx1` for ZLX1) it offers the same page of that CPC.
 */
export function CpcNotFound({ name }: { name: string }) {
  const { t } = useI18n();
  const [{ refresh }] = useViewParams();
  const { pathname } = useLocation();
  const inventory = useQuery(inventoryQuery(refresh));
  const near = inventory.data?.cpcs.find((cpc) => cpc.name.toLowerCase() === name.toLowerCase());
  const suggestion = near ? { text: t('notFound.didYouMean', { name: near.name }), to: samePageOf(pathname, name, near.name) } : null;
  return (
    <NotFound
      title={t('cpc.notFound')}
      message={t('cpc.notFoundMessage', { name })}
      backTo={fleetPath()}
      backLabel={t('nav.backToFleet')}
      suggestion={suggestion}
    />
  );
}

/** The path of the same page of another CPC: `/cpcs/zlx1/partitions/A` → `/cpcs/ZLX1/partitions/A`. */
export function samePageOf(pathname: string, from: string, to: string): string {
  const prefix = cpcPath(from);
  const at = pathname.indexOf(prefix);
  return at < 0 ? cpcPath(to) : `${cpcPath(to)}${pathname.slice(at + prefix.length)}`;
}
