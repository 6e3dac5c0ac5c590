import { Outlet, useParams } from 'react-router';
import { EmbedPanelContext } from './panel-context';

/** `/embed/panel/<panel id>/<view path>`: the view, showing only the panel `<panel id>`. */
export function EmbedPanelPage() {
  const { panel = '' } = useParams();
  return (
    <EmbedPanelContext.Provider value={panel}>
      <div className="embed-panel-page">
        <Outlet />
      </div>
    </EmbedPanelContext.Provider>
  );
}
