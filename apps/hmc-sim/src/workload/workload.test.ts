import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/default-scenario.js';
import { isRunning, processorCount, type PartitionSpec, type WorkloadProfile } from '../scenario/scenario.js';
import { adapterUsage } from './io-workload.js';
import { partitionUsage, sampleCpc, sampleSite, slotOf } from './workload.js';

const scenario = defaultScenario();
const allPartitions = scenario.cpcs.flatMap((c) => c.partitions);
const SEED = scenario.seed;
const DAY = Date.UTC(2025, 2, 10);
const at = (hour: number, minute = 0): number => slotOf(DAY + hour * 3_600_000 + minute * 60_000);

function withProfile(profile: WorkloadProfile): PartitionSpec[] {
  return allPartitions.filter((p) => p.workload === profile && isRunning(p));
}

/** The mean processor usage of a partition over an hour starting at `hour` (UTC). */
function hourMean(partition: PartitionSpec, hour: number): number {
  let sum = 0;
  for (let i = 0; i < 240; i += 1) sum += partitionUsage(SEED, partition, at(hour) + i).processor;
  return sum / 240;
}

describe('partition usage', () => {
  it('is an integer percent 0..100 for every metric, any time, any partition', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...allPartitions), fc.integer(), (slot, partition, seed) => {
        for (const value of Object.values(partitionUsage(seed, partition, slot))) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('is the same for the same seed, object and slot, and differs with the seed', () => {
    const partition = withProfile('daily')[0];
    if (partition === undefined) throw new Error('no daily partition');
    const slot = at(11);
    expect(partitionUsage(SEED, partition, slot)).toEqual(partitionUsage(SEED, { ...partition }, slot));
    const series = (seed: number): number[] => Array.from({ length: 40 }, (_, i) => partitionUsage(seed, partition, slot + i).processor);
    expect(series(SEED)).toEqual(series(SEED));
    expect(series(SEED + 1)).not.toEqual(series(SEED));
  });

  it('is constant within a 15 s slot and moves between slots', () => {
    const partition = withProfile('steady')[0];
    if (partition === undefined) throw new Error('no steady partition');
    const t = DAY + 10 * 3_600_000;
    expect(partitionUsage(SEED, partition, slotOf(t))).toEqual(partitionUsage(SEED, partition, slotOf(t + 14_999)));
    const values = new Set(Array.from({ length: 40 }, (_, i) => partitionUsage(SEED, partition, slotOf(t) + i).processor));
    expect(values.size).toBeGreaterThan(1);
  });

  it('follows the profiles: daily busier at noon than at 03:00, batch busier at night than at noon, idle stays low', () => {
    for (const partition of withProfile('daily')) {
      expect(hourMean(partition, 12)).toBeGreaterThan(hourMean(partition, 3) + 20);
    }
    for (const partition of withProfile('batch')) {
      expect(hourMean(partition, 2)).toBeGreaterThan(hourMean(partition, 12) + 30);
    }
    for (const partition of withProfile('idle')) {
      expect(hourMean(partition, 12)).toBeLessThan(5);
    }
  });

  it('makes spiky partitions jump: some 5-minute windows far above the usual level', () => {
    for (const partition of withProfile('spiky')) {
      const values = Array.from({ length: 5760 }, (_, i) => partitionUsage(SEED, partition, at(0) + i).processor).sort((a, b) => a - b);
      const median = values[2880] ?? 0;
      const p99 = values[5702] ?? 0;
      expect(p99).toBeGreaterThan(median + 25);
    }
  });

  it('gives different partitions different curves', () => {
    const [a, b] = withProfile('daily');
    if (a === undefined || b === undefined) throw new Error('need two daily partitions');
    const series = (p: PartitionSpec): number[] => Array.from({ length: 60 }, (_, i) => partitionUsage(SEED, p, at(12) + i).processor);
    expect(series(a)).not.toEqual(series(b));
  });
});

describe('CPC usage', () => {
  it('is the processor-count-weighted mean of its running partitions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000_000, max: 130_000_000 }),
        fc.constantFrom(...scenario.cpcs.filter((c) => c['dpm-enabled'])),
        (slot, cpc) => {
          const sample = sampleCpc(SEED, cpc, slot);
          expect(sample.partitions.map((p) => p.partition)).toEqual(cpc.partitions.filter(isRunning));
          const mean = (pick: (u: (typeof sample.partitions)[number]['usage']) => number): number => {
            const weights = sample.partitions.reduce((s, p) => s + processorCount(p.partition), 0);
            return Math.round(sample.partitions.reduce((s, p) => s + pick(p.usage) * processorCount(p.partition), 0) / weights);
          };
          expect(sample.usage.processor).toBe(mean((u) => u.processor));
          expect(sample.usage.network).toBe(mean((u) => u.network));
          expect(sample.usage.storage).toBe(mean((u) => u.storage));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('has no usage for stopped partitions', () => {
    const site = sampleSite(scenario, DAY + 3_600_000);
    const sampled = new Set(site.cpcs.flatMap((c) => c.partitions.map((p) => p.partition.name)));
    const stopped = allPartitions.filter((p) => p.status === 'stopped');
    expect(stopped.length).toBeGreaterThan(0);
    for (const partition of stopped) expect(sampled.has(partition.name)).toBe(false);
  });

  it('draws more power and runs warmer when busier', () => {
    const cpc = scenario.cpcs[0];
    if (cpc === undefined) throw new Error('no CPC');
    const samples = Array.from({ length: 5760 }, (_, i) => sampleCpc(SEED, cpc, at(0) + i).usage);
    const busiest = samples.reduce((a, b) => (b.processor > a.processor ? b : a));
    const quietest = samples.reduce((a, b) => (b.processor < a.processor ? b : a));
    expect(busiest.powerWatts).toBeGreaterThan(quietest.powerWatts);
    expect(busiest.temperatureCelsius).toBeGreaterThan(quietest.temperatureCelsius);
  });
});

describe('crypto usage', () => {
  const zlx1 = scenario.cpcs.find((c) => c.name === 'ZLX1');
  const ssc = zlx1?.partitions.find((p) => p.type === 'ssc');
  if (zlx1 === undefined || ssc === undefined) throw new Error('no ZLX1 or SSC partition');

  it('is there only for a partition with crypto adapters in its configuration', () => {
    const slots = Array.from({ length: 240 }, (_, i) => at(12) + i);
    expect(slots.some((slot) => partitionUsage(SEED, ssc, slot).crypto > 0)).toBe(true);
    const without = { ...ssc, 'crypto-configuration': null };
    expect(slots.map((slot) => partitionUsage(SEED, without, slot).crypto).every((v) => v === 0)).toBe(true);
    // The other metrics do not change.
    expect(partitionUsage(SEED, without, at(12)).processor).toBe(partitionUsage(SEED, ssc, at(12)).processor);
  });

  it("a crypto adapter's usage follows the partitions that have it", () => {
    const crypto = zlx1.adapters.find((a) => a.type === 'crypto');
    if (crypto === undefined) throw new Error('no crypto adapter');
    const unassigned = {
      ...zlx1,
      partitions: zlx1.partitions.map((p) => ({ ...p, 'crypto-configuration': null })),
    };
    const slots = Array.from({ length: 40 }, (_, i) => at(12) + i);
    // Only the jitter (at most 2 %) is left when no partition uses the card.
    expect(Math.max(...slots.map((slot) => adapterUsage(SEED, unassigned, crypto, slot)))).toBeLessThanOrEqual(2);
    expect(Math.max(...slots.map((slot) => adapterUsage(SEED, zlx1, crypto, slot)))).toBeGreaterThan(2);
  });
});
