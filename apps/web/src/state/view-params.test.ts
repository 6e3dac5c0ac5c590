import { describe, expect, it } from 'vitest';
import { isTimeExpression, parseTimeExpression } from '@zlens/shared';
import {
  DEFAULT_VIEW_PARAMS,
  RANGES,
  parseViewParams,
  rangeExpression,
  rangeSeconds,
  refreshInterval,
  resolveWindow,
  timeWindow,
  windowExpression,
  windowSeconds,
  writeViewParams,
  zoomOutWindow,
  zoomWindow,
} from './view-params';

describe('parseViewParams', () => {
  it('uses the defaults when the query string is empty', () => {
    expect(parseViewParams(new URLSearchParams())).toEqual(DEFAULT_VIEW_PARAMS);
    expect(DEFAULT_VIEW_PARAMS).toMatchObject({ range: '1h', refresh: '30s', lang: 'en', theme: 'light', warn: 70, crit: 90 });
  });

  it('reads valid values', () => {
    expect(parseViewParams(new URLSearchParams('range=7d&refresh=off&lang=zh-CN&theme=dark&warn=60&crit=80&top=20&topBy=peak'))).toEqual({
      ...DEFAULT_VIEW_PARAMS,
      range: '7d',
      refresh: 'off',
      lang: 'zh-CN',
      theme: 'dark',
      warn: 60,
      crit: 80,
      top: 20,
      topBy: 'peak',
    });
  });

  it.each(['2h', '', '1H', 'now-1h', '7d '])('falls back to the default range for %j', (bad) => {
    expect(parseViewParams(new URLSearchParams({ range: bad })).range).toBe(DEFAULT_VIEW_PARAMS.range);
  });

  it.each(['10s', 'on', 'OFF', '0'])('falls back to the default refresh for %j', (bad) => {
    expect(parseViewParams(new URLSearchParams({ refresh: bad })).refresh).toBe(DEFAULT_VIEW_PARAMS.refresh);
  });
});

describe('writeViewParams', () => {
  it('round-trips every value and keeps unrelated parameters', () => {
    for (const range of RANGES) {
      const next = writeViewParams(new URLSearchParams('embed=1'), { range, refresh: '5m' });
      expect(parseViewParams(next)).toMatchObject({ range, refresh: '5m' });
      expect(next.get('embed')).toBe('1');
    }
  });

  it('leaves defaults out of the URL and replaces invalid values', () => {
    const next = writeViewParams(new URLSearchParams('range=bogus&refresh=1m'), { refresh: '30s' });
    expect(next.toString()).toBe('');
  });

  it('changes only the given key', () => {
    const next = writeViewParams(new URLSearchParams('range=6h&refresh=off'), { range: '24h' });
    expect(next.toString()).toBe('range=24h&refresh=off');
  });
});

describe('range and refresh helpers', () => {
  it('turns every range into a time expression the BFF accepts, spanning the range', () => {
    for (const range of RANGES) {
      const { from, to } = rangeExpression(range);
      expect(isTimeExpression(from)).toBe(true);
      expect(parseTimeExpression(to, 10_000_000)).toBe(10_000_000);
      expect(parseTimeExpression(from, 10_000_000)).toBe(10_000_000 - rangeSeconds(range));
    }
  });

  it('maps refresh to a refetch interval, off to false', () => {
    expect(refreshInterval('off')).toBe(false);
    expect(refreshInterval('15s')).toBe(15_000);
    expect(refreshInterval('5m')).toBe(300_000);
  });
});

describe('languages, themes, thresholds, top-N', () => {
  it.each([
    ['lang=fr', { lang: 'en' }],
    ['theme=sepia', { theme: 'light' }],
    ['warn=95&crit=90', { warn: 70, crit: 90 }],
    ['warn=0&crit=101', { warn: 70, crit: 90 }],
    ['warn=7.5', { warn: 70 }],
    ['top=7', { top: 10 }],
    ['topBy=median', { topBy: 'avg' }],
  ])('falls back for %s', (query, expected) => {
    expect(parseViewParams(new URLSearchParams(query))).toMatchObject(expected);
  });

  it('keeps a copied link complete: every non-default value round-trips, defaults stay out', () => {
    const params = {
      ...DEFAULT_VIEW_PARAMS,
      range: '6h',
      lang: 'zh-CN',
      theme: 'dark',
      warn: 50,
      crit: 75,
      top: 5,
      topBy: 'peak',
    } as const;
    const written = writeViewParams(new URLSearchParams(), params);
    expect(written.toString()).toBe('range=6h&lang=zh-CN&theme=dark&warn=50&crit=75&top=5&topBy=peak');
    expect(parseViewParams(written)).toEqual(params);
  });
});

describe('absolute windows and zoom', () => {
  const now = 1_700_000_000;

  it('reads from/to as an absolute window that overrides the preset', () => {
    const params = parseViewParams(new URLSearchParams('range=7d&from=1699990000&to=1699993600'));
    expect(timeWindow(params)).toEqual({ kind: 'absolute', from: 1_699_990_000, to: 1_699_993_600 });
    expect(windowExpression(timeWindow(params))).toEqual({ from: '1699990000', to: '1699993600' });
    expect(windowSeconds(timeWindow(params))).toBe(3600);
  });

  it.each(['from=10&to=5', 'to=10', 'from=abc&to=100000', 'from=100&to=130'])('ignores a broken or too short window (%s)', (query) => {
    expect(timeWindow(parseViewParams(new URLSearchParams(query)))).toEqual({ kind: 'relative', range: '1h' });
  });

  it('drops the absolute window when a preset is chosen', () => {
    const next = writeViewParams(new URLSearchParams('from=1699990000&to=1699993600&lang=zh-CN'), { range: '24h' });
    expect(Object.fromEntries(next)).toEqual({ range: '24h', lang: 'zh-CN' });
  });

  it('turns a drag selection into whole seconds, widening one under a minute', () => {
    expect(zoomWindow(1_699_990_000_400, 1_699_993_600_200)).toEqual({ from: 1_699_990_000, to: 1_699_993_601 });
    expect(zoomWindow(1_699_990_020_000, 1_699_990_000_000)).toEqual({ from: 1_699_989_980, to: 1_699_990_040 });
  });

  it('zooms out to twice the span around the centre, never past now', () => {
    expect(zoomOutWindow({ kind: 'absolute', from: now - 7200, to: now - 3600 }, now)).toEqual({ from: now - 9000, to: now - 1800 });
    expect(zoomOutWindow({ kind: 'relative', range: '1h' }, now)).toEqual({ from: now - 7200, to: now });
    // An odd span (a drag-zoom lands on any second) still doubles exactly.
    const odd = zoomOutWindow({ kind: 'absolute', from: now - 20_000, to: now - 20_000 + 7597 }, now);
    expect(odd.to - odd.from).toBe(2 * 7597);
    expect(resolveWindow({ kind: 'relative', range: '15m' }, now + 0.7)).toEqual({ from: now - 900, to: now });
  });
});
