import { describe, expect, it } from 'vitest';
import { isTimeExpression, parseTimeExpression } from '@zlens/shared';
import {
  DEFAULT_VIEW_PARAMS,
  RANGES,
  parseViewParams,
  rangeExpression,
  rangeSeconds,
  refreshInterval,
  writeViewParams,
} from './view-params';

describe('parseViewParams', () => {
  it('uses the defaults when the query string is empty', () => {
    expect(parseViewParams(new URLSearchParams())).toEqual({ range: '1h', refresh: '30s' });
  });

  it('reads valid values', () => {
    expect(parseViewParams(new URLSearchParams('range=7d&refresh=off'))).toEqual({ range: '7d', refresh: 'off' });
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
      expect(parseViewParams(next)).toEqual({ range, refresh: '5m' });
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
