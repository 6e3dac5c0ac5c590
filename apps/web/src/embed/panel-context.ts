import { createContext, useContext } from 'react';

/** The one panel the `/embed/panel/<panel id>/...` page shows; null everywhere else. */
export const EmbedPanelContext = createContext<string | null>(null);

/** Whether the panel `panelId` is on screen (always, except on the one-panel page). */
export function usePanelShown(panelId: string | undefined): boolean {
  const only = useContext(EmbedPanelContext);
  return only === null || only === panelId;
}
