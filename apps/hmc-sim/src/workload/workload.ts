// Usage numbers as a pure function of (seed, object, metric, time). The HMC metrics service, the
// exporter-style /metrics and the OpenMetrics history all call these functions, so they agree on
// every sample without sharing any state. Time is quantised to the HMC's 15 s sample interval.

import { fnv1a, unit } from './hash.js';
import {
  isRunning,
  processorCount,
  type CpcSpec,
  type CryptoConfigurationSpec,
  type PartitionSpec,
  type Scenario,
  type WorkloadProfile,
} from '../scenario/scenario.js';

/** What the usage of a partition or LPAR depends on. */
export interface UsageSubject {
  readonly 'object-id': string;
  readonly workload: WorkloadProfile;
  /** `ssc` partitions drive the crypto cards. */
  readonly type?: string;
  /** Only a partition with crypto adapters uses them (LPARs: crypto is per adapter, classic-workload.ts). */
  readonly 'crypto-configuration'?: CryptoConfigurationSpec | null;
}

/** The HMC metrics service samples every 15 s (hmc-api.md §3.2, zhmc-exporter.md §1). */
export const SLOT_MS = 15_000;

export function slotOf(timeMs: number): number {
  return Math.floor(timeMs / SLOT_MS);
}

export function slotStartMs(slot: number): number {
  return slot * SLOT_MS;
}

/** The five metrics of the HMC `partition-usage` group, integer percents 0..100. */
export interface PartitionUsage {
  readonly processor: number;
  readonly network: number;
  readonly storage: number;
  readonly accelerator: number;
  readonly crypto: number;
}

/** The metrics of the HMC `dpm-system-usage-overview` group for one CPC. */
export interface CpcUsage extends PartitionUsage {
  readonly powerWatts: number;
  readonly temperatureCelsius: number;
  readonly cpShared: number;
  readonly cpDedicated: number;
  readonly iflShared: number;
  readonly iflDedicated: number;
  /** Only in the HMC group when the scenario's `dpm-all-processor-usage` setting is on. */
  readonly allShared: number;
  readonly cpAll: number;
  readonly iflAll: number;
}

// Distinct salts keep the hash streams of different purposes independent.
const SALT = {
  level: 1,
  phase: 2,
  batchStart: 3,
  spike: 4,
  spikeHeight: 5,
  smooth: 6,
  jitter: 7,
  power: 8,
} as const;

const METRIC_SALT = { processor: 11, network: 12, storage: 13, crypto: 14 } as const;

/** How much of a partition's activity shows on each metric, per profile. */
const IO_SHARE: Readonly<Record<WorkloadProfile, { network: number; storage: number }>> = {
  stopped: { network: 0, storage: 0 },
  steady: { network: 0.5, storage: 0.4 },
  daily: { network: 0.6, storage: 0.35 },
  batch: { network: 0.25, storage: 0.9 },
  spiky: { network: 0.4, storage: 0.3 },
  idle: { network: 0.3, storage: 0.5 },
  saturated: { network: 0.5, storage: 0.4 },
};

const HOUR_MS = 3_600_000;
const KNOT_SLOTS = 20; // smooth noise changes direction every 5 minutes

export function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** Hours between two times of day, going the short way round the clock. */
function hourDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return Math.min(d, 24 - d);
}

/** Office-hours bell: 1 at 13:00 UTC (shifted per partition), near 0 at night. */
export function dayCurve(hour: number, shift: number): number {
  const d = hourDistance(hour, 13 + shift);
  return Math.exp(-(d * d) / (2 * 3.5 * 3.5));
}

/** Night batch window: ramps up from 00:30, full 01:00..04:00, off by 05:00 (UTC, shifted). */
function batchWindow(hour: number, start: number): number {
  const h = (hour - start + 24) % 24;
  if (h < 0.5 || h >= 5) return 0;
  if (h < 1) return (h - 0.5) / 0.5;
  if (h < 4) return 1;
  return 1 - (h - 4);
}

/** Value noise in [-1, 1] that drifts smoothly between 5-minute knots. */
export function smoothNoise(seed: number, key: number, salt: number, slot: number): number {
  const knot = Math.floor(slot / KNOT_SLOTS);
  const frac = (slot - knot * KNOT_SLOTS) / KNOT_SLOTS;
  const a = unit(seed, key, SALT.smooth, salt, knot) * 2 - 1;
  const b = unit(seed, key, SALT.smooth, salt, knot + 1) * 2 - 1;
  const t = (1 - Math.cos(Math.PI * frac)) / 2;
  return a + (b - a) * t;
}

export function jitter(seed: number, key: number, salt: number, slot: number): number {
  return unit(seed, key, SALT.jitter, salt, slot) * 2 - 1;
}

/** The partition's activity level 0..100 before per-metric noise. */
export function activity(seed: number, key: number, profile: WorkloadProfile, slot: number): number {
  const hour = ((slotStartMs(slot) % (24 * HOUR_MS)) / HOUR_MS + 24) % 24;
  const level = 0.8 + 0.4 * unit(seed, key, SALT.level);
  const shift = unit(seed, key, SALT.phase) * 2 - 1;
  switch (profile) {
    case 'steady':
      return 35 * level;
    case 'daily':
      return 8 + 62 * level * dayCurve(hour, shift);
    case 'batch': {
      const start = unit(seed, key, SALT.batchStart) * 1.5;
      return 6 + 8 * dayCurve(hour, shift) + 78 * level * batchWindow(hour, start);
    }
    case 'spiky': {
      const window = Math.floor(slot / KNOT_SLOTS);
      const base = 6 + 10 * dayCurve(hour, shift);
      if (unit(seed, key, SALT.spike, window) >= 0.2) return base;
      const height = 30 + 55 * unit(seed, key, SALT.spikeHeight, window);
      const decay = 1 - 0.7 * ((slot - window * KNOT_SLOTS) / KNOT_SLOTS);
      return base + height * decay;
    }
    case 'idle':
      return 1.5 * level;
    case 'saturated':
      return 97;
    case 'stopped':
      return 0;
  }
}

/**
 * A running partition's `partition-usage` values for one 15 s slot. Callers decide whether the
 * partition runs (stopped partitions have no usage at all, see isRunning).
 */
export function partitionUsage(seed: number, partition: UsageSubject, slot: number): PartitionUsage {
  const key = fnv1a(partition['object-id']);
  const a = activity(seed, key, partition.workload, slot);
  const noisy = (base: number, salt: number, amplitude: number): number =>
    clampPercent(base + amplitude * smoothNoise(seed, key, salt, slot) + (amplitude / 3) * jitter(seed, key, salt, slot));
  const share = IO_SHARE[partition.workload];
  const quiet = partition.workload === 'idle';
  return {
    processor: noisy(a, METRIC_SALT.processor, quiet ? 1 : 6),
    network: noisy(a * share.network, METRIC_SALT.network, quiet ? 1 : 4),
    storage: noisy(a * share.storage, METRIC_SALT.storage, quiet ? 1 : 4),
    // No zEDC accelerators are modelled: their usage is 0, as on a CPC without them.
    accelerator: 0,
    // Secure Service Containers drive the crypto cards; Linux guests mostly use CPACF instead.
    // Without crypto adapters in its configuration a partition has no crypto usage.
    crypto: usesCryptoAdapters(partition) ? noisy(a * (partition.type === 'ssc' ? 0.5 : 0.03), METRIC_SALT.crypto, quiet ? 0 : 1) : 0,
  };
}

function usesCryptoAdapters(subject: UsageSubject): boolean {
  return (subject['crypto-configuration']?.['crypto-adapters'].length ?? 0) > 0;
}

/** Mean of integer percents weighted by processor counts, rounded to an integer percent. */
export function weightedMean(items: readonly { value: number; weight: number }[]): number {
  let sum = 0;
  let weights = 0;
  for (const item of items) {
    sum += item.value * item.weight;
    weights += item.weight;
  }
  return weights === 0 ? 0 : clampPercent(sum / weights);
}

export interface CpcSample {
  readonly cpc: CpcSpec;
  readonly usage: CpcUsage;
  /** Running partitions only, in scenario order. */
  readonly partitions: readonly { readonly partition: PartitionSpec; readonly usage: PartitionUsage }[];
}

/**
 * One CPC and its running partitions for a slot. The CPC's usage is derived from its partitions'
 * integer percents, each weighted by the partition's processor count (a simplification: a real
 * CPC measures its physical processors and adapters, which shared partitions overcommit).
 */
export function sampleCpc(seed: number, cpc: CpcSpec, slot: number): CpcSample {
  return CPC_SAMPLES.get(cpc, seed, slot, () => computeCpcSample(seed, cpc, slot));
}

/**
 * Caches a per-slot value of an object (the object's identity stands for its content: scenarios
 * are immutable). Many series (adapters, processors, environmentals) derive from one CPC sample.
 */
export class SlotMemo<T> {
  private readonly byOwner = new WeakMap<object, Map<number, T>>();

  constructor(private readonly limit = 50_000) {}

  get(owner: object, seed: number, slot: number, compute: () => T): T {
    let bySlot = this.byOwner.get(owner);
    if (bySlot === undefined) {
      bySlot = new Map();
      this.byOwner.set(owner, bySlot);
    }
    const key = slot * 65_537 + (seed % 65_537);
    const cached = bySlot.get(key);
    if (cached !== undefined) return cached;
    if (bySlot.size >= this.limit) bySlot.clear();
    const value = compute();
    bySlot.set(key, value);
    return value;
  }
}

const CPC_SAMPLES = new SlotMemo<CpcSample>();

function computeCpcSample(seed: number, cpc: CpcSpec, slot: number): CpcSample {
  const partitions = cpc.partitions.filter(isRunning).map((partition) => ({ partition, usage: partitionUsage(seed, partition, slot) }));
  const by = (pick: (u: PartitionUsage) => number): number =>
    weightedMean(partitions.map((p) => ({ value: pick(p.usage), weight: processorCount(p.partition) })));
  const byType = (type: 'cp-processors' | 'ifl-processors', mode: 'shared' | 'dedicated'): number =>
    weightedMean(
      partitions
        .filter((p) => p.partition['processor-mode'] === mode)
        .map((p) => ({ value: p.usage.processor, weight: p.partition[type] })),
    );
  const processor = by((u) => u.processor);
  const ifl = cpc['processor-count-ifl'] + cpc['processor-count-general-purpose'];
  const key = fnv1a(cpc['object-id']);
  const powerWatts = Math.round(3000 + 90 * ifl + 0.6 * ifl * processor + 20 * jitter(seed, key, SALT.power, slot));
  return {
    cpc,
    partitions,
    usage: {
      processor,
      network: by((u) => u.network),
      storage: by((u) => u.storage),
      accelerator: by((u) => u.accelerator),
      crypto: by((u) => u.crypto),
      powerWatts,
      temperatureCelsius: Math.round(200 + processor * 0.6) / 10,
      cpShared: byType('cp-processors', 'shared'),
      cpDedicated: byType('cp-processors', 'dedicated'),
      iflShared: byType('ifl-processors', 'shared'),
      iflDedicated: byType('ifl-processors', 'dedicated'),
      allShared: weightedMean(
        partitions
          .filter((p) => p.partition['processor-mode'] === 'shared')
          .map((p) => ({ value: p.usage.processor, weight: processorCount(p.partition) })),
      ),
      cpAll: weightedMean(partitions.map((p) => ({ value: p.usage.processor, weight: p.partition['cp-processors'] }))),
      iflAll: weightedMean(partitions.map((p) => ({ value: p.usage.processor, weight: p.partition['ifl-processors'] }))),
    },
  };
}

/** Every CPC of the scenario for the slot that contains timeMs. */
export function sampleSite(scenario: Scenario, timeMs: number): { slot: number; cpcs: CpcSample[] } {
  const slot = slotOf(timeMs);
  return { slot, cpcs: scenario.cpcs.map((cpc) => sampleCpc(scenario.seed, cpc, slot)) };
}
