import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The content width of an element, kept current with a ResizeObserver, and whether it has been
 * measured. Before the first measurement, and where layout is unavailable (a test DOM reports 0),
 * the width is `fallback`.
 *
 * `measured` turns true in the layout effect of the first render, before React subscribes any
 * query: a panel that asks for one point per pixel waits for it (`enabled: measured`), so a page
 * load never starts a request at the fallback width and aborts it a moment later for the real one.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number, boolean] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    const measure = (measured: number): void => {
      setWidth((previous) => (measured > 0 ? Math.round(measured) : (previous ?? fallback)));
    };
    if (!element) {
      measure(0);
      return undefined;
    }
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);

  return [ref, width ?? fallback, width !== null];
}
