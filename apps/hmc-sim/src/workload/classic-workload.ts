// Usage of classic-mode CPCs, as pure functions of (seed, object, slot) like workload.ts: per LPAR
// the `logical-partition-usage` values, per CPC `cpc-usage-overview`, per channel `channel-usage`
// and per crypto adapter `crypto-usage`. A processor type an object does not have reports -1,
// the HMC's "does not exist", which the exporter drops (zhmc-exporter.md §1).

import { fnv1a, unit } from './hash.js';
import {
  isLparRunning,
  lparProcessorCount,
  type ChannelSpec,
  type CpcSpec,
  type CryptoAdapterSpec,
  type LparSpec,
} from '../scenario/scenario.js';
import { SlotMemo, activity, clampPercent, jitter, partitionUsage, weightedMean } from './workload.js';

export const ABSENT = -1;

/** `logical-partition-usage`, in metric-infos order. */
export interface LparUsage {
  readonly processor: number;
  readonly zvmPagingRate: number;
  readonly cp: number;
  readonly ifl: number;
  readonly icf: number;
  readonly iip: number;
  readonly cbp: number;
}

const SALT = { cp: 31, ifl: 32, icf: 33, iip: 34, paging: 35, channel: 36, crypto: 37, power: 38 } as const;

export function lparUsage(seed: number, lpar: LparSpec, slot: number): LparUsage {
  const key = fnv1a(lpar['object-id']);
  const processor = partitionUsage(seed, lpar, slot).processor;
  const perType = (n: number, salt: number): number => (n === 0 ? ABSENT : clampPercent(processor + 4 * jitter(seed, key, salt, slot)));
  const zvm = lpar['activation-mode'] === 'zvm';
  return {
    processor,
    zvmPagingRate: zvm
      ? Math.round(activity(seed, key, lpar.workload, slot) * 12 * (1 + 0.3 * jitter(seed, key, SALT.paging, slot)))
      : ABSENT,
    cp: perType(lpar['number-general-purpose-processors'], SALT.cp),
    ifl: perType(lpar['number-ifl-processors'], SALT.ifl),
    icf: perType(lpar['number-icf-processors'], SALT.icf),
    iip: perType(lpar['number-ziip-processors'], SALT.iip),
    // No CBP processors exist on the simulated machines (z16 and later).
    cbp: ABSENT,
  };
}

type ProcessorKind = 'cp' | 'ifl' | 'icf' | 'iip' | 'aap' | 'cbp';

const LPAR_COUNT: Readonly<Record<ProcessorKind, (l: LparSpec) => number>> = {
  cp: (l) => l['number-general-purpose-processors'],
  ifl: (l) => l['number-ifl-processors'],
  icf: (l) => l['number-icf-processors'],
  iip: (l) => l['number-ziip-processors'],
  aap: () => 0,
  cbp: () => 0,
};

const CPC_COUNT: Readonly<Record<ProcessorKind, (c: CpcSpec) => number>> = {
  cp: (c) => c['processor-count-general-purpose'],
  ifl: (c) => c['processor-count-ifl'],
  icf: (c) => c['processor-count-icf'],
  iip: (c) => c['processor-count-iip'],
  aap: () => 0,
  cbp: () => 0,
};

/** `cpc-usage-overview` (hmc-api.md §3.5), by metric name. */
export type ClassicCpcUsage = Readonly<Record<string, number>>;

export interface ClassicCpcSample {
  readonly cpc: CpcSpec;
  readonly usage: ClassicCpcUsage;
  /** Running LPARs only, in scenario order. */
  readonly lpars: readonly { readonly lpar: LparSpec; readonly usage: LparUsage }[];
}

const SAMPLES = new SlotMemo<ClassicCpcSample>();

export function sampleClassicCpc(seed: number, cpc: CpcSpec, slot: number): ClassicCpcSample {
  return SAMPLES.get(cpc, seed, slot, () => computeClassic(seed, cpc, slot));
}

function computeClassic(seed: number, cpc: CpcSpec, slot: number): ClassicCpcSample {
  const lpars = cpc['logical-partitions'].filter(isLparRunning).map((lpar) => ({ lpar, usage: lparUsage(seed, lpar, slot) }));
  const typeUsage = (kind: ProcessorKind, mode: 'shared' | 'dedicated' | 'all'): number => {
    if (CPC_COUNT[kind](cpc) === 0) return ABSENT;
    const items = lpars
      .filter((l) => mode === 'all' || l.lpar['processor-usage'] === mode)
      .map((l) => ({ value: l.usage.processor, weight: LPAR_COUNT[kind](l.lpar) }));
    return weightedMean(items);
  };
  const byMode = (mode: 'shared' | 'dedicated'): number =>
    weightedMean(
      lpars
        .filter((l) => l.lpar['processor-usage'] === mode)
        .map((l) => ({ value: l.usage.processor, weight: lparProcessorCount(l.lpar) })),
    );
  const processor = weightedMean(lpars.map((l) => ({ value: l.usage.processor, weight: lparProcessorCount(l.lpar) })));
  const channels = cpc.channels.map((c) => channelUsage(seed, cpc, c, slot, lpars));
  const key = fnv1a(cpc['object-id']);
  const engines =
    cpc['processor-count-general-purpose'] + cpc['processor-count-ifl'] + cpc['processor-count-iip'] + cpc['processor-count-icf'];
  const usage: Record<string, number> = {
    'cpc-processor-usage': processor,
    'channel-usage': channels.length === 0 ? 0 : Math.round(channels.reduce((a, b) => a + b, 0) / channels.length),
    'power-consumption-watts': Math.round(3500 + 95 * engines + 0.6 * engines * processor + 20 * jitter(seed, key, SALT.power, slot)),
    'temperature-celsius': Math.round(200 + processor * 0.6) / 10,
  };
  for (const kind of ['cp', 'ifl', 'icf', 'iip', 'aap', 'cbp'] as const) {
    usage[`${kind}-shared-processor-usage`] = typeUsage(kind, 'shared');
    usage[`${kind}-dedicated-processor-usage`] = typeUsage(kind, 'dedicated');
  }
  usage['all-shared-processor-usage'] = byMode('shared');
  usage['all-dedicated-processor-usage'] = byMode('dedicated');
  for (const kind of ['cp', 'ifl', 'icf', 'iip', 'cbp'] as const) usage[`${kind}-all-processor-usage`] = typeUsage(kind, 'all');
  return { cpc, usage, lpars };
}

/** An unshared channel is as busy as its LPAR's I/O; a shared one follows the whole CPC. */
export function channelUsage(
  seed: number,
  cpc: CpcSpec,
  channel: ChannelSpec,
  slot: number,
  running: readonly { readonly lpar: LparSpec; readonly usage: LparUsage }[] = sampleClassicCpc(seed, cpc, slot).lpars,
): number {
  const key = fnv1a(`${cpc['object-id']}/${channel['channel-name']}`);
  const owner = channel.shared ? undefined : running.find((l) => l.lpar.name === channel.partition);
  const base = channel.shared
    ? running.reduce((sum, l) => sum + l.usage.processor, 0) / Math.max(1, running.length)
    : (owner?.usage.processor ?? 0);
  const factor = 0.3 + 0.5 * unit(seed, key);
  return clampPercent(base * factor + 3 * jitter(seed, key, SALT.channel, slot));
}

export function cryptoUsage(seed: number, cpc: CpcSpec, crypto: CryptoAdapterSpec, slot: number): number {
  const { usage } = sampleClassicCpc(seed, cpc, slot);
  const key = fnv1a(`${cpc['object-id']}/${crypto['channel-id']}`);
  return clampPercent((usage['cpc-processor-usage'] ?? 0) * (0.1 + 0.2 * unit(seed, key)) + 2 * jitter(seed, key, SALT.crypto, slot));
}
