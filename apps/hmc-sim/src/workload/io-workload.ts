// Adapter, port, NIC, processor and environmental values, as pure functions of (seed, object,
// slot). Byte and packet counters only grow: each is the integral of a daily-shaped rate in closed
// form plus a jitter smaller than the least growth of one slot, so any slot is O(1) to compute and
// counter(slot + 1) >= counter(slot) always holds.

import { ABSENT, sampleClassicCpc } from './classic-workload.js';
import { fnv1a, unit } from './hash.js';
import {
  processorCount,
  type AdapterSpec,
  type CpcSpec,
  type NicSpec,
  type PartitionSpec,
  type WorkloadProfile,
} from '../scenario/scenario.js';
import { SLOT_MS, clampPercent, jitter, sampleCpc, slotStartMs, weightedMean, type CpcSample } from './workload.js';

const SALT = { adapter: 41, sent: 42, received: 43, processor: 44, smt: 45, t0: 46, t1: 47, env: 48, rate: 49 } as const;

/** Counters count from here (an IPL long ago); earlier times read 0. */
export const COUNTER_EPOCH_MS = Date.UTC(2024, 0, 1);
const DAY_S = 86_400;

interface RateShape {
  /** Bytes per second, on average. */
  readonly rate: number;
  /** 0..0.9: how far the rate swings over the day. */
  readonly amplitude: number;
  /** UTC hour of the peak. */
  readonly peakHour: number;
}

const SHAPES: Readonly<Record<WorkloadProfile, RateShape>> = {
  daily: { rate: 2_000_000, amplitude: 0.8, peakHour: 13 },
  batch: { rate: 1_000_000, amplitude: 0.9, peakHour: 3 },
  steady: { rate: 1_500_000, amplitude: 0.1, peakHour: 12 },
  spiky: { rate: 500_000, amplitude: 0.5, peakHour: 15 },
  idle: { rate: 10_000, amplitude: 0.2, peakHour: 12 },
  saturated: { rate: 1_500_000, amplitude: 0.1, peakHour: 12 },
  stopped: { rate: 1_000, amplitude: 0, peakHour: 0 },
};

/** ∫ rate·(1 + a·cos(2π(t − peak)/day)) dt from the epoch, in bytes, at time t (s since the epoch). */
function integral(shape: RateShape, scale: number, t: number): number {
  const phase = (2 * Math.PI * (t - shape.peakHour * 3600)) / DAY_S;
  const phase0 = (2 * Math.PI * (-shape.peakHour * 3600)) / DAY_S;
  const swing = (shape.amplitude * DAY_S) / (2 * Math.PI);
  return shape.rate * scale * (t + swing * (Math.sin(phase) - Math.sin(phase0)));
}

/** A monotone counter: the integral at the slot start plus a jitter below one slot's least growth. */
function counter(seed: number, key: number, salt: number, shape: RateShape, scale: number, slot: number): number {
  const t = (slotStartMs(slot) - COUNTER_EPOCH_MS) / 1000;
  if (t <= 0) return 0;
  const leastGrowth = shape.rate * scale * (1 - shape.amplitude) * (SLOT_MS / 1000);
  return Math.floor(integral(shape, scale, t) + unit(seed, key, salt, slot) * leastGrowth * 0.9);
}

/** The long counters of `network-physical-adapter-port` / `partition-attached-network-interface`. */
export interface TrafficCounters {
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly packetsSent: number;
  readonly packetsReceived: number;
  readonly packetsSentDropped: number;
  readonly packetsReceivedDropped: number;
  readonly packetsSentDiscarded: number;
  readonly packetsReceivedDiscarded: number;
  readonly multicastPacketsSent: number;
  readonly multicastPacketsReceived: number;
  readonly broadcastPacketsSent: number;
  readonly broadcastPacketsReceived: number;
}

function derive(sent: number, received: number): TrafficCounters {
  const packetsSent = Math.floor(sent / 900);
  const packetsReceived = Math.floor(received / 1100);
  return {
    bytesSent: sent,
    bytesReceived: received,
    packetsSent,
    packetsReceived,
    packetsSentDropped: Math.floor(packetsSent / 2_000_000),
    packetsReceivedDropped: Math.floor(packetsReceived / 1_000_000),
    packetsSentDiscarded: Math.floor(packetsSent / 5_000_000),
    packetsReceivedDiscarded: Math.floor(packetsReceived / 3_000_000),
    multicastPacketsSent: Math.floor(packetsSent / 800),
    multicastPacketsReceived: Math.floor(packetsReceived / 500),
    broadcastPacketsSent: Math.floor(packetsSent / 4000),
    broadcastPacketsReceived: Math.floor(packetsReceived / 2000),
  };
}

function nicScale(seed: number, key: number): number {
  return 0.5 + unit(seed, key, SALT.rate);
}

function nicBytes(seed: number, partition: PartitionSpec, nic: NicSpec, slot: number): { sent: number; received: number } {
  const key = fnv1a(`${partition['object-id']}/${nic['element-id']}`);
  const shape = SHAPES[partition.workload];
  const scale = nicScale(seed, key);
  return {
    sent: counter(seed, key, SALT.sent, shape, scale, slot),
    received: counter(seed, key, SALT.received, shape, scale * 1.3, slot),
  };
}

export function nicCounters(seed: number, partition: PartitionSpec, nic: NicSpec, slot: number): TrafficCounters {
  const { sent, received } = nicBytes(seed, partition, nic, slot);
  return derive(sent, received);
}

/** A port carries its NICs' traffic plus a little of its own (other LPARs, management). */
export function portCounters(
  seed: number,
  adapter: AdapterSpec,
  port: number,
  nics: readonly { readonly partition: PartitionSpec; readonly nic: NicSpec }[],
  slot: number,
): TrafficCounters {
  const key = fnv1a(`${adapter['object-id']}#${port}`);
  const own = SHAPES.steady;
  let sent = counter(seed, key, SALT.sent, own, 0.1, slot);
  let received = counter(seed, key, SALT.received, own, 0.12, slot);
  for (const { partition, nic } of nics) {
    const bytes = nicBytes(seed, partition, nic, slot);
    sent += bytes.sent;
    received += bytes.received;
  }
  return derive(sent, received);
}

/** Utilization percent of a port from the bytes moved in the last slot. */
export function portUtilization(adapter: AdapterSpec, bytesInSlot: number): number {
  if (adapter['port-speed-mbps'] <= 0) return 0;
  const bitsPerSecond = (bytesInSlot * 8) / (SLOT_MS / 1000);
  return clampPercent((100 * bitsPerSecond) / (adapter['port-speed-mbps'] * 1e6));
}

export function macAddress(seed: number, adapter: AdapterSpec, port: number): string {
  const h = fnv1a(`${adapter['object-id']}#${port}#mac`);
  const bytes = [0x02, 0x00, (h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, (h + seed) & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The crypto usage of the running partitions whose crypto configuration has this adapter. */
function cryptoLoad(sample: CpcSample, adapter: AdapterSpec): number {
  return weightedMean(
    sample.partitions
      .filter(({ partition }) => partition['crypto-configuration']?.['crypto-adapters'].includes(adapter.name) === true)
      .map(({ partition, usage }) => ({ value: usage.crypto, weight: processorCount(partition) })),
  );
}

/** `adapter-usage` of an active DPM adapter: its share of the CPC's network, storage or crypto load. */
export function adapterUsage(seed: number, cpc: CpcSpec, adapter: AdapterSpec, slot: number): number {
  const sample = sampleCpc(seed, cpc, slot);
  const { usage } = sample;
  const key = fnv1a(adapter['object-id']);
  const factor = 0.5 + unit(seed, key, SALT.adapter);
  const base =
    adapter.type === 'fcp' || adapter.type === 'fc'
      ? usage.storage
      : adapter.type === 'crypto'
        ? cryptoLoad(sample, adapter)
        : adapter.type === 'zedc' || adapter.type === 'not-configured'
          ? 0
          : adapter.type === 'hipersockets'
            ? usage.network * 0.5
            : usage.network;
  return clampPercent(base * factor + 2 * jitter(seed, key, SALT.adapter, slot));
}

export interface ProcessorSpec {
  readonly name: string;
  /** `cp`, `ifl`, `icf`, `iip`, `sap`, `ifp` (the exporter's `type` label). */
  readonly type: string;
  readonly smt: boolean;
}

/**
 * The physical processors of a CPC as `zcpc-processor-usage` lists them. Naming follows the
 * exporter's sample (`CP004`, `IFP000`, `SAP00`): characterized engines numbered together with
 * three digits, IFPs with three, SAPs with two. IFLs and zIIPs run two SMT threads.
 */
export function processorsOf(cpc: CpcSpec): ProcessorSpec[] {
  const out: ProcessorSpec[] = [];
  let n = 0;
  const engines = (count: number, prefix: string, type: string, smt: boolean): void => {
    for (let i = 0; i < count; i += 1, n += 1) out.push({ name: `${prefix}${String(n).padStart(3, '0')}`, type, smt });
  };
  engines(cpc['processor-count-general-purpose'], 'CP', 'cp', false);
  engines(cpc['processor-count-ifl'], 'IFL', 'ifl', true);
  engines(cpc['processor-count-icf'], 'ICF', 'icf', false);
  engines(cpc['processor-count-iip'], 'IIP', 'iip', true);
  for (let i = 0; i < cpc['processor-count-ifp']; i += 1) out.push({ name: `IFP${String(i).padStart(3, '0')}`, type: 'ifp', smt: false });
  for (let i = 0; i < cpc['processor-count-service-assist']; i += 1)
    out.push({ name: `SAP${String(i).padStart(2, '0')}`, type: 'sap', smt: false });
  return out;
}

export interface ProcessorUsage {
  readonly usage: number;
  readonly smtUsage: number;
  readonly thread0: number;
  readonly thread1: number;
}

/** The CPC-wide usage of a processor type (DPM: from the partitions; classic: from the LPARs). */
function typeUsage(seed: number, cpc: CpcSpec, type: string, slot: number): number {
  if (cpc['dpm-enabled']) {
    const { usage } = sampleCpc(seed, cpc, slot);
    if (type === 'ifl') return usage.iflAll;
    if (type === 'cp') return usage.cpAll;
    if (type === 'sap') return Math.round(2 + 0.3 * (usage.network + usage.storage));
    return 2;
  }
  const { usage } = sampleClassicCpc(seed, cpc, slot);
  const all = usage[`${type}-all-processor-usage`];
  if (all !== undefined) return Math.max(0, all);
  if (type === 'sap') return Math.round(2 + 0.3 * (usage['channel-usage'] ?? 0));
  return 2;
}

export function processorUsage(seed: number, cpc: CpcSpec, processor: ProcessorSpec, slot: number): ProcessorUsage {
  const key = fnv1a(`${cpc['object-id']}/${processor.name}`);
  const usage = clampPercent(typeUsage(seed, cpc, processor.type, slot) + 8 * jitter(seed, key, SALT.processor, slot));
  if (!processor.smt) return { usage, smtUsage: ABSENT, thread0: ABSENT, thread1: ABSENT };
  return {
    usage,
    smtUsage: clampPercent(usage * 0.6 + 5 * jitter(seed, key, SALT.smt, slot)),
    thread0: clampPercent(usage + 5 * jitter(seed, key, SALT.t0, slot)),
    thread1: clampPercent(usage * 0.7 + 5 * jitter(seed, key, SALT.t1, slot)),
  };
}

/** `zcpc-environmentals-and-power`, by metric name. */
export function environmentals(seed: number, cpc: CpcSpec, slot: number): Readonly<Record<string, number>> {
  const key = fnv1a(cpc['object-id']);
  const overview = cpc['dpm-enabled'] ? sampleCpc(seed, cpc, slot).usage : undefined;
  const classic = overview === undefined ? sampleClassicCpc(seed, cpc, slot).usage : undefined;
  const temperature = overview?.temperatureCelsius ?? classic?.['temperature-celsius'] ?? 22;
  const watts = overview?.powerWatts ?? classic?.['power-consumption-watts'] ?? 0;
  const humidity = Math.round(45 + 3 * jitter(seed, key, SALT.env, slot));
  const heat = Math.round(watts * 3.412);
  return {
    'temperature-celsius': temperature,
    humidity,
    'dew-point-celsius': Math.round((temperature - (100 - humidity) / 5) * 10) / 10,
    'power-consumption-watts': watts,
    'heat-load': heat,
    'heat-load-forced-air': Math.round(heat * 0.35),
    'heat-load-water': heat - Math.round(heat * 0.35),
    'exhaust-temperature-celsius': Math.round((temperature + 9 + (0.05 * watts) / 100) * 10) / 10,
  };
}
