// Embed mode: query flags that strip the app chrome for a portal's iframe, and the path of the
// one-panel page. The flags ride along in the query string like the view params (writeViewParams
// keeps keys it does not own), so in-frame navigation stays embedded.

export const EMBED_KEYS = {
  embed: 'embed',
  hideTimePicker: 'hideTimePicker',
  hideRefresh: 'hideRefresh',
  hideBreadcrumbs: 'hideBreadcrumbs',
} as const;

/** `/embed/panel/<panel id>/<view path>`: one panel of the view at `<view path>`. */
export const EMBED_PANEL_PREFIX = '/embed/panel/';

export interface EmbedFlags {
  /** Rendered for an iframe: no header, no breadcrumbs, talks to the parent page. */
  embed: boolean;
  /** The one-panel page: no toolbar at all (the portal sets the range). */
  panel: boolean;
  hideTimePicker: boolean;
  hideRefresh: boolean;
  hideBreadcrumbs: boolean;
}

function flag(search: URLSearchParams, key: string): boolean {
  const value = search.get(key);
  return value === '1' || value === 'true';
}

export function parseEmbedFlags(search: URLSearchParams, pathname: string): EmbedFlags {
  const panelPage = pathname.startsWith(EMBED_PANEL_PREFIX);
  const embed = panelPage || flag(search, EMBED_KEYS.embed);
  return {
    embed,
    panel: panelPage,
    hideTimePicker: flag(search, EMBED_KEYS.hideTimePicker),
    hideRefresh: flag(search, EMBED_KEYS.hideRefresh),
    hideBreadcrumbs: embed || flag(search, EMBED_KEYS.hideBreadcrumbs),
  };
}

/** The one-panel page of panel `panelId` on the view at `viewPath` (`/cpcs/P0001`). */
export function embedPanelPath(panelId: string, viewPath: string): string {
  const view = viewPath === '/' ? '' : viewPath;
  return `${EMBED_PANEL_PREFIX}${encodeURIComponent(panelId)}${view}`;
}

/** The link a portal pastes into an iframe: the panel page, keeping the view's query (range, theme). */
export function embedPanelUrl(origin: string, panelId: string, viewPath: string, search: string): string {
  const query = new URLSearchParams(search);
  for (const key of Object.values(EMBED_KEYS)) query.delete(key);
  const rest = query.toString();
  return `${origin}${embedPanelPath(panelId, viewPath)}${rest === '' ? '' : `?${rest}`}`;
}
