import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { NotFound } from '../components/NotFound';
import { useI18n } from '../i18n/use-i18n';
import { EMBED_PANEL_PREFIX } from './embed-params';
import { EmbedPanelContext } from './panel-context';

/** `/embed/panel/<panel id>/<view path>`: the view, showing only the panel `<panel id>`. */
export function EmbedPanelPage() {
  const { panel = '' } = useParams();
  const page = useRef<HTMLDivElement>(null);
  const missing = usePanelMissing(page, panel);
  return (
    <EmbedPanelContext.Provider value={panel}>
      <div className="embed-panel-page" ref={page}>
        <Outlet />
      </div>
      {missing ? <UnknownPanel panel={panel} /> : null}
    </EmbedPanelContext.Provider>
  );
}

/**
 * Whether the view has drawn itself without the panel asked for: its frame is there, nothing in it
 * is still loading, and no panel has the id. Watched as the view renders, as its parts load one by one.
 */
function usePanelMissing(page: React.RefObject<HTMLDivElement | null>, panel: string): boolean {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const root = page.current;
    if (root === null) return;
    const check = () => {
      const drawn = root.querySelector('.view') !== null && root.querySelector('[role="status"]') === null;
      setMissing(drawn && root.querySelector(`[data-panel="${CSS.escape(panel)}"]`) === null);
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
    return () => observer.disconnect();
  }, [page, panel]);
  return missing;
}

/** A plain message, in the page's language, for a panel id the view does not have, with the way to the whole view. */
function UnknownPanel({ panel }: { panel: string }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const prefix = `${EMBED_PANEL_PREFIX}${encodeURIComponent(panel)}`;
  const viewPath = pathname.startsWith(prefix) ? pathname.slice(prefix.length) || '/' : '/';
  return (
    <NotFound
      title={t('embed.unknownPanel')}
      message={t('embed.unknownPanelMessage', { panel })}
      backTo={viewPath}
      backLabel={t('embed.wholeView')}
    />
  );
}
