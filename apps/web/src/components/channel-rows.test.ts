import { describe, expect, it } from 'vitest';
import { channelRows, channelRowsCsv } from './channel-rows';

const s = (chpid: string, partition: string, shared: string, values: (number | null)[]) => ({
  labels: { cpc: 'ZOS1', channel_css_chpid: chpid, partition, shared },
  values,
});

describe('channelRows', () => {
  it('makes one row per CHPID, ordered, with its LPARs, sharing and usage now / average / peak', () => {
    const rows = channelRows([s('0.4B', 'PRD2', 'false', [0.1, 0.3, null]), s('0.40', '', 'true', [0.2, null, 0.4])]);
    expect(rows.map((r) => r.chpid)).toEqual(['0.40', '0.4B']);
    expect(rows[0]).toMatchObject({ shared: true, lpars: [], now: 0.4, peak: 0.4 });
    expect(rows[0]?.avg).toBeCloseTo(0.3);
    // A trailing gap is no sample: "now" is the last value there is, not 0.
    expect(rows[1]).toMatchObject({ shared: false, lpars: ['PRD2'], now: 0.3, peak: 0.3 });
  });

  it('sums the LPAR rows of one channel point by point, a gap only where every row has one', () => {
    const [row] = channelRows([s('0.50', 'B', 'true', [0.1, null, null]), s('0.50', 'A', 'true', [0.2, 0.3, null])]);
    expect(row?.lpars).toEqual(['A', 'B']);
    expect(row?.values[0]).toBeCloseTo(0.3);
    expect(row?.values.slice(1)).toEqual([0.3, null]);
  });

  it('takes average and peak from the BFF ranking (every sample) where it ranks the channel', () => {
    const [row] = channelRows(
      [s('0.40', '', 'true', [0.2, 0.4])],
      [{ labels: { cpc: 'ZOS1', channel_css_chpid: '0.40' }, avg: 0.25, peak: 0.9 }],
    );
    expect(row).toMatchObject({ avg: 0.25, peak: 0.9, now: 0.4 });
  });

  it('says nothing about sharing when the series disagree, and writes CSV with empty cells for no value', () => {
    const rows = channelRows([s('0.41', 'X', 'true', [null]), s('0.41', 'Y', 'false', [null])]);
    expect(rows[0]).toMatchObject({ shared: null, now: null, avg: null, peak: null });
    expect(channelRowsCsv(rows, ['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a,b,c,d,e,f\r\n0.41,,X Y,,,\r\n');
  });
});
