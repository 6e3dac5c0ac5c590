// A panel asks for data only once its width is known (useElementWidth's `measured`), so a page
// load never starts a request at the fallback width and aborts it for the real one (issue 16;
// e2e/requests.spec.ts counts the requests in Chromium).
import { describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { useElementWidth } from './use-element-width';

function Probe({ onRender }: { onRender: (width: number, measured: boolean) => void }) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(640);
  onRender(width, measured);
  return <div ref={ref} />;
}

describe('useElementWidth', () => {
  it('renders first unmeasured at the fallback, then measured with the element width', () => {
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 1234.4, 10));
    const seen: [number, boolean][] = [];
    render(<Probe onRender={(width, measured) => seen.push([width, measured])} />);
    expect(seen[0]).toEqual([640, false]);
    expect(seen.at(-1)).toEqual([1234, true]);
    // No render in between asked at a measured fallback.
    expect(seen.filter(([width, measured]) => measured && width === 640)).toEqual([]);
    rect.mockRestore();
  });

  it('where layout is unavailable (width 0) is measured at the fallback', () => {
    const seen: [number, boolean][] = [];
    render(<Probe onRender={(width, measured) => seen.push([width, measured])} />);
    expect(seen.at(-1)).toEqual([640, true]);
  });
});
