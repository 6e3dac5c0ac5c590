import { useParams } from 'react-router';
import { AppLink } from '../navigation/AppLink';
import { cpcPath, fleetPath, partitionPath } from '../navigation/paths';

/** Fleet › CPC › partition, from the route's params; the last crumb is the current page. */
export function Breadcrumbs() {
  const { cpc, partition } = useParams();
  const crumbs: { label: string; to: string }[] = [{ label: 'Fleet', to: fleetPath() }];
  if (cpc !== undefined) crumbs.push({ label: cpc, to: cpcPath(cpc) });
  if (cpc !== undefined && partition !== undefined) crumbs.push({ label: partition, to: partitionPath(cpc, partition) });

  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.to}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <AppLink to={crumb.to}>{crumb.label}</AppLink>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
