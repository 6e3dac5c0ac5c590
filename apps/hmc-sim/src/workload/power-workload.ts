// Where a CPC's power goes, as pure functions of (seed, CPC, slot) on top of the existing power
// model (`power-consumption-watts` of the usage and environmentals groups):
// - `environmental-power-status`: the same watts split over the CPC's line cords and their three
//   phases, so the 24 phase values of a CPC add up to its power exactly;
// - the `environmental-metrics` API feature's totals (partitions, infrastructure, unassigned), which
//   add up to it too, and each running LPAR's share of the partitions' power (weighted by its
//   processors and how busy they are), which adds up to the partitions' total.

import { sampleClassicCpc } from './classic-workload.js';
import { fnv1a, unit } from './hash.js';
import { environmentals } from './io-workload.js';
import { lparProcessorCount, type CpcSpec, type LparSpec } from '../scenario/scenario.js';
import { SlotMemo, sampleCpc } from './workload.js';

export const CORD_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'] as const;
const PHASES = 3;

/** Splits an integer total by weights into integers that add up to it (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    rest -= 1;
  }
  return out;
}

export interface LineCord {
  /** Empty for a cord the CPC does not have (its phases report 0). */
  readonly name: string;
  readonly phases: readonly [number, number, number];
}

/** Frame A's cords first, then frame B's: A1, A2, B1, B2, ... (the real naming is UNKNOWN). */
function cordName(index: number): string {
  return `${String.fromCharCode(65 + Math.floor(index / 2))}${(index % 2) + 1}`;
}

// History writes a series at a time over all slots, so per-(CPC, slot) results are kept for a
// while (about 41 h of slots per CPC), not only for the last slot.
const MEMO_SLOTS = 10_000;
const LINE_CORDS = new SlotMemo<readonly LineCord[]>(MEMO_SLOTS);

/** The eight line cords of `environmental-power-status`; the first `line-cords` carry the CPC's power. */
export function lineCords(seed: number, cpc: CpcSpec, slot: number): readonly LineCord[] {
  return LINE_CORDS.get(cpc, seed, slot, () => computeLineCords(seed, cpc, slot));
}

function computeLineCords(seed: number, cpc: CpcSpec, slot: number): LineCord[] {
  const watts = environmentals(seed, cpc, slot)['power-consumption-watts'] ?? 0;
  const cords = Math.min(Math.max(cpc['line-cords'], 0), CORD_WORDS.length);
  const key = fnv1a(`${cpc['object-id']}/line-cords`);
  // Redundant cords share the load about evenly; the phases of one cord a little less so. The
  // imbalance is fixed per CPC (a wiring fact), not per slot.
  const weights: number[] = [];
  for (let c = 0; c < cords; c += 1) {
    const cordWeight = 0.9 + 0.2 * unit(seed, key, c);
    for (let p = 0; p < PHASES; p += 1) weights.push(cordWeight * (0.85 + 0.3 * unit(seed, key, c, p)));
  }
  const values = apportion(watts, weights);
  return CORD_WORDS.map((_, c) => {
    if (c >= cords) return { name: '', phases: [0, 0, 0] };
    const at = (p: number): number => values[c * PHASES + p] ?? 0;
    return { name: cordName(c), phases: [at(0), at(1), at(2)] };
  });
}

export interface PowerSplit {
  readonly partition: number;
  readonly infrastructure: number;
  readonly unassigned: number;
}

function processorUsage(seed: number, cpc: CpcSpec, slot: number): number {
  return cpc['dpm-enabled']
    ? sampleCpc(seed, cpc, slot).usage.processor
    : (sampleClassicCpc(seed, cpc, slot).usage['cpc-processor-usage'] ?? 0);
}

/** The `environmental-metrics` totals: partitions + infrastructure + unassigned = the CPC's power. */
export function powerSplit(seed: number, cpc: CpcSpec, slot: number): PowerSplit {
  const watts = environmentals(seed, cpc, slot)['power-consumption-watts'] ?? 0;
  const busy = processorUsage(seed, cpc, slot) / 100;
  // TOR switches, SE/HMAs and PDUs draw a steady ~7 %; partitions take more of the rest when busy.
  const infrastructure = Math.round(watts * 0.07);
  const partition = Math.round((watts - infrastructure) * (0.6 + 0.3 * busy));
  return { partition, infrastructure, unassigned: watts - infrastructure - partition };
}

// Per CPC and slot: the watts of every LPAR, by its index in the CPC (-1: not running).
const LPAR_POWER = new SlotMemo<Float64Array>(MEMO_SLOTS);

/** An LPAR's `power-consumption-watts` (environmental-metrics), or -1 when it does not run. */
export function lparPower(seed: number, cpc: CpcSpec, lpar: LparSpec, slot: number): number {
  const byIndex = LPAR_POWER.get(cpc, seed, slot, () => {
    const { lpars } = sampleClassicCpc(seed, cpc, slot);
    const watts = apportion(
      powerSplit(seed, cpc, slot).partition,
      lpars.map((l) => lparProcessorCount(l.lpar) * (10 + l.usage.processor)),
    );
    const out = new Float64Array(cpc['logical-partitions'].length).fill(-1);
    lpars.forEach((l, i) => {
      out[cpc['logical-partitions'].indexOf(l.lpar)] = watts[i] ?? 0;
    });
    return out;
  });
  return byIndex[cpc['logical-partitions'].indexOf(lpar)] ?? -1;
}
