import { Navigate, useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '../app/NotFoundPage';
import { adapterPath, cpcPath, fleetPath, partitionPath } from '../navigation/paths';
import { embedPanelPath } from './embed-params';

const TARGET_KEYS = ['cpc', 'partition', 'adapter'] as const;

/** The view path `/embed/panel/<view>/<panel id>?cpc=..&partition=..&adapter=..` names, or null. */
export function viewPathOf(view: string | undefined, search: URLSearchParams): string | null {
  const cpc = search.get('cpc');
  const partition = search.get('partition');
  const adapter = search.get('adapter');
  if (view === 'fleet') return fleetPath();
  if (cpc === null || cpc === '') return null;
  if (view === 'cpc') return cpcPath(cpc);
  if (view === 'partition' && partition !== null && partition !== '') return partitionPath(cpc, partition);
  if (view === 'adapter' && adapter !== null && adapter !== '') return adapterPath(cpc, adapter);
  return null;
}

/** The query form of a panel link, redirected to the path form (`/embed/panel/<panel id>/<view path>`). */
export function EmbedPanelRedirect() {
  const { view, panel = '' } = useParams();
  const [search] = useSearchParams();
  const viewPath = viewPathOf(view, search);
  if (viewPath === null) return <NotFoundPage />;
  const rest = new URLSearchParams(search);
  for (const key of TARGET_KEYS) rest.delete(key);
  return <Navigate replace to={{ pathname: embedPanelPath(panel, viewPath), search: rest.toString() }} />;
}
