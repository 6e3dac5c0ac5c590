// The power parts of the HMC metric groups: `environmental-power-status` (line cords, HMC 2.15+)
// and the columns the SE adds when it has the `environmental-metrics` API feature (the exporter
// reads them only then): total partition / infrastructure / unassigned power in
// `zcpc-environmentals-and-power`, and each LPAR's power in `logical-partition-usage`.

import type { GroupObject, MetricGroup, MetricGroupInfo, MetricInfo } from './metric-group-defs.js';
import { CORD_WORDS, lineCords, powerSplit } from '../workload/power-workload.js';
import { cpcUri, type CpcSpec, type Scenario } from '../scenario/scenario.js';

export const ENVIRONMENTAL_METRICS_FEATURE = 'environmental-metrics';

const int = (name: string): MetricInfo => ({ 'metric-name': name, 'metric-type': 'integer-metric' });
const str = (name: string): MetricInfo => ({ 'metric-name': name, 'metric-type': 'string-metric' });

/**
 * Per cord its name, then its phases A, B and C: the order of zhmcclient's mock (its group name
 * has a stray leading quote, which the simulator does not copy); the real HMC's order is UNKNOWN.
 */
export const ENVIRONMENTAL_POWER_STATUS: MetricGroupInfo = {
  'group-name': 'environmental-power-status',
  'metric-infos': CORD_WORDS.flatMap((word) => [
    str(`linecord-${word}-name`),
    ...['A', 'B', 'C'].map((phase) => int(`linecord-${word}-power-phase-${phase}`)),
  ]),
};

/** Appended to `zcpc-environmentals-and-power` (position UNKNOWN) when a CPC has the feature. */
export const ENVIRONMENTAL_TOTALS: readonly MetricInfo[] = [
  int('total-partition-power-consumption-watts'),
  int('total-infrastructure-power-consumption-watts'),
  int('total-unassigned-power-consumption-watts'),
];

/** Appended to `logical-partition-usage` (position UNKNOWN) when a classic CPC has the feature. */
export const LPAR_POWER: MetricInfo = int('power-consumption-watts');

export function hasEnvironmentalMetrics(cpc: CpcSpec): boolean {
  return cpc['api-features'].includes(ENVIRONMENTAL_METRICS_FEATURE);
}

/** The three totals by metric name; -1 ("does not exist") without the feature. */
export function environmentalTotals(seed: number, cpc: CpcSpec, slot: number): Readonly<Record<string, number>> {
  if (!hasEnvironmentalMetrics(cpc)) {
    return Object.fromEntries(ENVIRONMENTAL_TOTALS.map((m) => [m['metric-name'], -1]));
  }
  const split = powerSplit(seed, cpc, slot);
  return {
    'total-partition-power-consumption-watts': split.partition,
    'total-infrastructure-power-consumption-watts': split.infrastructure,
    'total-unassigned-power-consumption-watts': split.unassigned,
  };
}

export function environmentalPowerStatusGroup(scenario: Scenario): MetricGroup {
  return {
    info: ENVIRONMENTAL_POWER_STATUS,
    mode: 'both',
    objects: scenario.cpcs.map((cpc): GroupObject => ({
      uri: cpcUri(cpc),
      resource: { class: 'cpc', labels: { cpc: cpc.name } },
      rowCount: 1,
      row: (slot) => {
        const row: (string | number)[] = [];
        for (const cord of lineCords(scenario.seed, cpc, slot)) row.push(cord.name, ...cord.phases);
        return row;
      },
    })),
  };
}
