import { useEffect, useMemo, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { embedConfigQuery } from '../api/queries';
import { useAuthStore } from '../auth/auth-store';
import { useViewParams } from '../state/use-view-params';
import { resolveWindow, windowKey } from '../state/view-params';
import { allowedOrigins, handleMessage, isZlensMessage, parentOrigin, type OutgoingMessage } from './protocol';

function post(parent: string, message: OutgoingMessage): void {
  window.parent.postMessage(message, parent);
}

export interface BridgeMode {
  /** Embed mode (`?embed=1`, the one-panel page): posts its height and range too. */
  embed: boolean;
  /** In a frame (window.parent !== window): a whole view framed without embed=1 still takes a token. */
  framed: boolean;
}

/**
 * The page's side of the postMessage protocol (docs/embedding.md), active in embed mode or in a
 * frame. Applies setRange/setTheme/setLanguage/setToken from allowed origins, and only from the
 * parent page. Posts to the parent's origin, when that origin is allowed: `zlens:authRequired`
 * once each time the page becomes signed out; in embed mode also its height on every size change
 * and its range on every range change.
 */
export function useEmbedBridge({ embed, framed }: BridgeMode): void {
  const active = embed || framed;
  const [params, setParams] = useViewParams();
  const queryClient = useQueryClient();
  const signedOut = useAuthStore((state) => state.signedOut);
  const config = useQuery({ ...embedConfigQuery(), enabled: active });
  const allowed = useMemo(() => (config.data ? allowedOrigins(config.data, window.location.origin) : null), [config.data]);
  const parent = useMemo(() => {
    if (allowed === null || window.parent === window) return null;
    return parentOrigin(allowed, window.location.ancestorOrigins?.[0], document.referrer);
  }, [allowed]);

  useEffect(() => {
    if (!active) return undefined;
    const onMessage = (event: MessageEvent<unknown>) => {
      if (!isZlensMessage(event.data)) return;
      if (allowed === null) {
        console.debug(`zlens: message from ${event.origin} ignored: the embed configuration is not loaded`);
        return;
      }
      const result = handleMessage(event.origin, event.data, allowed);
      if (result.kind === 'ignored') {
        console.debug(`zlens: message from ${event.origin} ignored: ${result.reason}`);
        return;
      }
      // An allowed origin in another frame (a sibling widget of the portal) does not steer us either.
      if (event.source !== window.parent) {
        console.debug(`zlens: message from ${event.origin} ignored: it does not come from the parent page`);
        return;
      }
      if (result.kind === 'token') {
        useAuthStore.getState().setToken(result.token);
        // Everything again with the token: the view that waited behind "Not signed in" renders,
        // and requests still in flight without the token are cancelled and repeated.
        void queryClient.invalidateQueries();
        return;
      }
      setParams(result.change);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [active, allowed, setParams, queryClient]);

  // Once per signed-out spell: a second 401 of the same moment, or the parent's origin becoming
  // known later, does not post it again; signing in and out again does.
  const authRequiredPosted = useRef(false);
  useEffect(() => {
    if (signedOut === null) {
      authRequiredPosted.current = false;
      return;
    }
    if (!active || parent === null || authRequiredPosted.current) return;
    authRequiredPosted.current = true;
    post(parent, { type: 'zlens:authRequired', message: signedOut.message, reason: signedOut.reason });
  }, [active, parent, signedOut]);

  useEffect(() => {
    if (!embed || parent === null) return undefined;
    let last = -1;
    const report = () => {
      // The body's own height, not the viewport's: a portal may shrink the frame as well as grow it.
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post(parent, { type: 'zlens:resize', height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, [embed, parent]);

  const { window: range } = params;
  const lastRange = useRef<string | null>(null);
  useEffect(() => {
    if (!embed || parent === null) return;
    const key = windowKey(range);
    if (lastRange.current === key) return;
    lastRange.current = key;
    const { from, to } = resolveWindow(range, Date.now() / 1000);
    post(parent, { type: 'zlens:range', from, to, range: range.kind === 'relative' ? range.range : null });
  }, [embed, parent, range]);
}
