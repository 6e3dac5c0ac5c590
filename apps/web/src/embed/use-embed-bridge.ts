import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { embedConfigQuery } from '../api/queries';
import { useViewParams } from '../state/use-view-params';
import { resolveWindow, windowKey } from '../state/view-params';
import { allowedOrigins, handleMessage, isZlensMessage, parentOrigin, type OutgoingMessage } from './protocol';

function post(parent: string, message: OutgoingMessage): void {
  window.parent.postMessage(message, parent);
}

/**
 * The embedded page's side of the postMessage protocol (docs/embedding.md): posts its height on
 * every size change and its range on every range change to the parent's origin, when that origin
 * is allowed; applies setRange/setTheme/setLanguage from allowed origins only.
 */
export function useEmbedBridge(active: boolean): void {
  const [params, setParams] = useViewParams();
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
      setParams(result.change);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [active, allowed, setParams]);

  useEffect(() => {
    if (!active || parent === null) return undefined;
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
  }, [active, parent]);

  const { window: range } = params;
  const lastRange = useRef<string | null>(null);
  useEffect(() => {
    if (!active || parent === null) return;
    const key = windowKey(range);
    if (lastRange.current === key) return;
    lastRange.current = key;
    const { from, to } = resolveWindow(range, Date.now() / 1000);
    post(parent, { type: 'zlens:range', from, to, range: range.kind === 'relative' ? range.range : null });
  }, [active, parent, range]);
}
