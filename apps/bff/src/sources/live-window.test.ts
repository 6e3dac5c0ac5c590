import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveWindow, mapOntoGrid } from './live-window.js';

const METRIC = 'zhmc_partition_processor_usage_ratio';

describe('LiveWindow', () => {
  it('drops samples older than the window and empty series', () => {
    const window = new LiveWindow({ windowSeconds: 60, pollSeconds: 15 });
    for (let t = 0; t <= 120; t += 15) window.record(METRIC, { cpc: 'C', partition: 'P' }, t, t / 1000);
    window.prune(120);
    const series = window.query(METRIC, { cpc: 'C' }, { start: 0, end: 120, step: 15 });
    expect(series).toHaveLength(1);
    // 60..120 kept (5 samples); the grid shows them, and nothing before 60.
    expect(series[0]?.values).toEqual([null, null, null, null, 0.06, 0.075, 0.09, 0.105, 0.12]);
    window.prune(1000);
    expect(window.size).toBe(0);
    expect(window.query(METRIC, { cpc: 'C' }, { start: 0, end: 120, step: 15 })).toEqual([]);
  });

  it('never holds more than its bound per series, whatever the timestamps', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 400 }), (times) => {
        const window = new LiveWindow({ windowSeconds: 300, pollSeconds: 15 });
        for (const t of times) window.record(METRIC, { cpc: 'C', partition: 'P' }, t, 1);
        expect(window.size).toBeLessThanOrEqual(window.maxSamplesPerSeries);
      }),
    );
  });

  it('holds the total to its budget: with many series each keeps only its newest samples', () => {
    const window = new LiveWindow({ windowSeconds: 3600, pollSeconds: 15, maxSamples: 1000 });
    const range = { start: 0, end: 1485, step: 15 };
    for (let t = 0; t < 1500; t += 15) {
      for (let p = 0; p < 40; p += 1) window.record(METRIC, { cpc: 'C', partition: `P${p}` }, t, t);
      window.prune(t);
      expect(window.size).toBeLessThanOrEqual(1000);
    }
    // 1000 samples / 40 series: the newest 25 of each (1125..1485), nothing older.
    expect(window.samplesPerSeries).toBe(25);
    const values = window.query(METRIC, { partition: 'P7' }, range)[0]?.values ?? [];
    expect(values.filter((v) => v !== null)).toEqual(Array.from({ length: 25 }, (_, i) => 1125 + i * 15));
    // Fewer series again: the budget no longer bites and the series grow back to the window.
    window.prune(1500 + 3600 + 1);
    expect(window.size).toBe(0);
    for (let t = 0; t < 1500; t += 15) window.record(METRIC, { cpc: 'C', partition: 'P0' }, t, t);
    window.prune(1485);
    expect(window.size).toBe(100);
    expect(window.samplesPerSeries).toBe(window.maxSamplesPerSeries);
  });

  it('keeps every sample of a long series in order through its growth', () => {
    const window = new LiveWindow({ windowSeconds: 7 * 86_400, pollSeconds: 15 });
    for (let t = 15; t <= 15 * 3000; t += 15) window.record(METRIC, { cpc: 'C', partition: 'P' }, t, t / 15);
    const values = window.query(METRIC, {}, { start: 15, end: 15 * 3000, step: 15 })[0]?.values;
    expect(values).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  });

  it('ignores samples that are not newer than the last one (the same HMC sample read twice)', () => {
    const window = new LiveWindow({ windowSeconds: 3600, pollSeconds: 15 });
    window.record(METRIC, { cpc: 'C', partition: 'P' }, 30, 0.5);
    window.record(METRIC, { cpc: 'C', partition: 'P' }, 30, 0.9);
    window.record(METRIC, { cpc: 'C', partition: 'P' }, 15, 0.1);
    expect(window.size).toBe(1);
    expect(window.query(METRIC, { partition: 'P' }, { start: 30, end: 30, step: 15 })[0]?.values).toEqual([0.5]);
  });

  it('selects series by labels: one partition, or all partitions of a CPC', () => {
    const window = new LiveWindow({ windowSeconds: 3600, pollSeconds: 15 });
    window.record(METRIC, { cpc: 'C1', partition: 'A' }, 15, 0.1);
    window.record(METRIC, { cpc: 'C1', partition: 'B B' }, 15, 0.2);
    window.record(METRIC, { cpc: 'C2', partition: 'A' }, 15, 0.3);
    const range = { start: 15, end: 15, step: 15 };
    expect(
      window
        .query(METRIC, { cpc: 'C1' }, range)
        .map((s) => s.labels.partition)
        .sort(),
    ).toEqual(['A', 'B B']);
    expect(window.query(METRIC, { cpc: 'C1', partition: 'A' }, range).map((s) => s.values)).toEqual([[0.1]]);
    expect(window.query('zhmc_cpc_processor_usage_ratio', { cpc: 'C1' }, range)).toEqual([]);
  });
});

describe('mapOntoGrid', () => {
  it('takes the newest sample at or before each grid time, within the lookback', () => {
    const times = [100, 115, 130, 200];
    const values = [1, 2, 3, 4];
    // grid 90..210 step 15, lookback 30
    const grid = [90, 105, 120, 135, 150, 165, 180, 195, 210];
    expect(mapOntoGrid(times, values, grid, 30)).toEqual([null, 1, 2, 3, 3, null, null, null, 4]);
  });

  it('matches a brute-force reference', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 200 }),
        (unsorted, step, lookback) => {
          const times = [...unsorted].sort((a, b) => a - b);
          const values = times.map((t) => t * 2);
          const grid: number[] = [];
          for (let t = 0; t <= 1000; t += step) grid.push(t);
          const expected = grid.map((t) => {
            const before = times.filter((s) => s <= t && t - s < lookback);
            const last = before[before.length - 1];
            return last === undefined ? null : last * 2;
          });
          expect(mapOntoGrid(times, values, grid, lookback)).toEqual(expected);
        },
      ),
    );
  });
});
