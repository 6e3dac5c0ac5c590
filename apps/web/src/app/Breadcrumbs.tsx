import { useLocation, useParams } from 'react-router';
import { useI18n } from '../i18n/use-i18n';
import { AppLink } from '../navigation/AppLink';
import { adapterPath, channelPath, cpcPath, energyPath, fleetPath, partitionPath } from '../navigation/paths';
import './breadcrumbs.css';

/** Fleet › CPC › partition or adapter, from the route's params; the last crumb is the current page. */
export function Breadcrumbs() {
  const { cpc, partition, adapter, channel } = useParams();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const crumbs: { label: string; to: string }[] = [{ label: t('nav.fleet'), to: fleetPath() }];
  if (cpc !== undefined) crumbs.push({ label: cpc, to: cpcPath(cpc) });
  if (cpc !== undefined && partition !== undefined) crumbs.push({ label: partition, to: partitionPath(cpc, partition) });
  if (cpc !== undefined && adapter !== undefined) crumbs.push({ label: adapter, to: adapterPath(cpc, adapter) });
  if (cpc !== undefined && channel !== undefined) crumbs.push({ label: channel, to: channelPath(cpc, channel) });
  if (cpc !== undefined && pathname.endsWith('/energy')) crumbs.push({ label: t('energy.crumb'), to: energyPath(cpc) });

  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.to}>
            {index === crumbs.length - 1 ? <span aria-current="page">{crumb.label}</span> : <AppLink to={crumb.to}>{crumb.label}</AppLink>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
