// Get CPC / Partition / LPAR Historical Sustainability Data (`POST {uri}/operations/
// get-historical-sustainability-data`, the data behind the HMC's Environmental Dashboard;
// zhmcclient `Cpc/Partition/Lpar.get_sustainability_data`, metric names and types from its
// end-to-end tests). Body: `range` (last-day, last-week (default), last-month, last-three-months,
// last-six-months, last-year, custom with `custom-range-start`/`-end` in ms) and `resolution`
// (fifteen-minutes, one-hour (default), one-day, one-week, one-month). Answer: per metric a list of
// `{timestamp, data}`, oldest first, one point per resolution step, aligned to the step.
//
// The history is the same workload the metrics service and /metrics serve: each point is the mean
// of the 15 s samples at up to 8 evenly spaced slots of the interval that ends at its timestamp.

import { sampleClassicCpc, lparUsage } from '../workload/classic-workload.js';
import { HmcError, missingField, unknownResource } from './hmc-errors.js';
import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import { JsonFloat, type ReplyJson } from './json-float.js';
import { environmentals } from '../workload/io-workload.js';
import { isRecord } from '../narrow.js';
import { hasEnvironmentalMetrics } from '../metrics-service/power-groups.js';
import { apportion, lparPower, powerSplit } from '../workload/power-workload.js';
import type { Router } from './router.js';
import { processorCount, type CpcSpec, type Scenario } from '../scenario/scenario.js';
import { topology } from '../scenario/topology.js';
import { SLOT_MS, partitionUsage, sampleCpc, slotOf } from '../workload/workload.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

const DAY = 86_400_000;
export const SUSTAINABILITY_RANGES: Readonly<Record<string, number>> = {
  'last-day': DAY,
  'last-week': 7 * DAY,
  'last-month': 30 * DAY,
  'last-three-months': 90 * DAY,
  'last-six-months': 180 * DAY,
  'last-year': 365 * DAY,
};
export const SUSTAINABILITY_RESOLUTIONS: Readonly<Record<string, number>> = {
  'fifteen-minutes': 900_000,
  'one-hour': 3_600_000,
  'one-day': DAY,
  'one-week': 7 * DAY,
  'one-month': 30 * DAY,
};
/** Bounds one answer (a year at fifteen minutes is 35 040 points per metric). */
const MAX_POINTS = 40_000;
const SAMPLES_PER_POINT = 8;

type Sampler = (slot: number) => Readonly<Record<string, number>>;

/** The CPC metrics (zhmcclient's end-to-end test CPC_METRICS) for one slot. */
function cpcSampler(seed: number, cpc: CpcSpec): Sampler {
  return (slot) => {
    const env = environmentals(seed, cpc, slot);
    const split = powerSplit(seed, cpc, slot);
    const processor = cpc['dpm-enabled']
      ? sampleCpc(seed, cpc, slot).usage.processor
      : (sampleClassicCpc(seed, cpc, slot).usage['cpc-processor-usage'] ?? 0);
    return {
      'total-wattage': env['power-consumption-watts'] ?? 0,
      'partition-wattage': split.partition,
      'infrastructure-wattage': split.infrastructure,
      'unassigned-wattage': split.unassigned,
      'heat-load': env['heat-load'] ?? 0,
      'heat-load-forced-air': env['heat-load-forced-air'] ?? 0,
      'processor-utilization': processor,
      'ambient-temperature': env['temperature-celsius'] ?? 0,
      'exhaust-heat-temperature': env['exhaust-temperature-celsius'] ?? 0,
      'dew-point': env['dew-point-celsius'] ?? 0,
      'ambient-humidity': env.humidity ?? 0,
    };
  };
}

/** Metrics whose values are floats (°C); the others are integers. */
const FLOAT_METRICS = new Set(['ambient-temperature', 'exhaust-heat-temperature', 'dew-point']);

interface Window {
  readonly firstMs: number;
  readonly lastMs: number;
  readonly stepMs: number;
}

function windowOf(body: unknown, nowMs: number, environmentalMetrics: boolean): Window {
  const f = isRecord(body) ? body : {};
  const range = f.range ?? 'last-week';
  const resolution = f.resolution ?? 'one-hour';
  const stepMs = typeof resolution === 'string' ? SUSTAINABILITY_RESOLUTIONS[resolution] : undefined;
  if (stepMs === undefined) throw missingField(`resolution (one of ${Object.keys(SUSTAINABILITY_RESOLUTIONS).join(', ')})`);
  // zhmcclient: "For systems where the environmental-metrics API feature is not available, the minimum resolution is one-hour".
  if (!environmentalMetrics && stepMs < 3_600_000)
    throw missingField('resolution (at least one-hour without the environmental-metrics API feature)');
  let startMs: number;
  let endMs = nowMs;
  if (range === 'custom') {
    const start = f['custom-range-start'];
    const end = f['custom-range-end'];
    if (typeof start !== 'number' || typeof end !== 'number' || !(end > start))
      throw missingField('custom-range-start and custom-range-end (ms, start before end)');
    startMs = start;
    endMs = Math.min(end, nowMs);
  } else {
    const length = typeof range === 'string' ? SUSTAINABILITY_RANGES[range] : undefined;
    if (length === undefined) throw missingField(`range (one of ${Object.keys(SUSTAINABILITY_RANGES).join(', ')}, custom)`);
    startMs = nowMs - length;
  }
  const firstMs = Math.ceil(startMs / stepMs) * stepMs;
  const lastMs = Math.floor(endMs / stepMs) * stepMs;
  if ((lastMs - firstMs) / stepMs + 1 > MAX_POINTS)
    throw new HmcError(400, 5, `Too many data points requested: more than ${MAX_POINTS} per metric`);
  return { firstMs, lastMs, stepMs };
}

/** Mean of the samples at up to 8 evenly spaced slots of (t - step, t]. */
function pointValues(sampler: Sampler, t: number, stepMs: number): Record<string, number> {
  const slots = Math.max(1, stepMs / SLOT_MS);
  const count = Math.min(SAMPLES_PER_POINT, slots);
  const sums: Record<string, number> = {};
  for (let i = 0; i < count; i += 1) {
    const slot = slotOf(t) - Math.floor((i * slots) / count);
    for (const [name, value] of Object.entries(sampler(slot))) sums[name] = (sums[name] ?? 0) + value;
  }
  const out: Record<string, number> = {};
  for (const [name, sum] of Object.entries(sums))
    out[name] = FLOAT_METRICS.has(name) ? Math.round((sum / count) * 10) / 10 : Math.round(sum / count);
  return out;
}

export function sustainabilityHistory(sampler: Sampler, window: Window): Record<string, { timestamp: number; data: number }[]> {
  const out: Record<string, { timestamp: number; data: number }[]> = {};
  for (let t = window.firstMs; t <= window.lastMs; t += window.stepMs) {
    for (const [name, data] of Object.entries(pointValues(sampler, t, window.stepMs))) (out[name] ??= []).push({ timestamp: t, data });
  }
  return out;
}

/** The history as the HMC writes it: the °C metrics as floats (22.0, not 22). */
function asWritten(history: Record<string, { timestamp: number; data: number }[]>): ReplyJson {
  return Object.fromEntries(
    Object.entries(history).map(([name, points]) => [
      name,
      FLOAT_METRICS.has(name) ? points.map(({ timestamp, data }) => ({ timestamp, data: new JsonFloat(data) })) : points,
    ]),
  );
}

export function addSustainabilityRoutes(router: Router<HmcHandler>, current: () => Scenario, now: () => number): void {
  const reply = (sampler: Sampler, cpc: CpcSpec, request: HmcRequest): HmcReply => ({
    status: 200,
    json: asWritten(sustainabilityHistory(sampler, windowOf(request.body, now(), hasEnvironmentalMetrics(cpc)))),
  });
  const path = 'operations/get-historical-sustainability-data';
  router
    .add(
      'POST',
      `/api/cpcs/:id/${path}`,
      authed((request) => {
        const cpc = topology(current()).cpcById.get(request.params.id ?? '');
        if (cpc === undefined) throw unknownResource(request.path);
        return reply(cpcSampler(current().seed, cpc), cpc, request);
      }),
    )
    .add(
      'POST',
      `/api/logical-partitions/:id/${path}`,
      authed((request) => {
        const found = topology(current()).lparById.get(request.params.id ?? '');
        if (found === undefined) throw unknownResource(request.path);
        const { cpc, lpar } = found;
        const seed = current().seed;
        // An LPAR that does not run draws nothing and uses nothing.
        return reply(
          (slot) => ({
            wattage: Math.max(0, lparPower(seed, cpc, lpar, slot)),
            'processor-utilization': lparPower(seed, cpc, lpar, slot) < 0 ? 0 : lparUsage(seed, lpar, slot).processor,
          }),
          cpc,
          request,
        );
      }),
    )
    .add(
      'POST',
      `/api/partitions/:id/${path}`,
      authed((request) => {
        const found = topology(current()).partitionById.get(request.params.id ?? '');
        if (found === undefined) throw unknownResource(request.path);
        const { cpc, partition } = found;
        const seed = current().seed;
        return reply(
          (slot) => {
            // A DPM partition's share of the partitions' power, weighted as for LPARs.
            const running = sampleCpc(seed, cpc, slot).partitions;
            const index = running.findIndex((p) => p.partition['object-id'] === partition['object-id']);
            if (index < 0) return { wattage: 0, 'processor-utilization': 0 };
            const watts = apportion(
              powerSplit(seed, cpc, slot).partition,
              running.map((p) => processorCount(p.partition) * (10 + p.usage.processor)),
            );
            return { wattage: watts[index] ?? 0, 'processor-utilization': partitionUsage(seed, partition, slot).processor };
          },
          cpc,
          request,
        );
      }),
    );
}
