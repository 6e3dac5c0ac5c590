// The HMC metric groups the simulator serves, with their metric-infos in the HMC's order (the
// order is the column order of every value row: hmc-api.md §3.3, hmc-samples/hmc-sample-metrics.json),
// and the rendering of the Get Metrics body (the §3.4 grammar).

import { cpcUri, partitionUri } from './scenario.js';
import type { CpcSample, CpcUsage, PartitionUsage } from './workload.js';

export type MetricType = 'integer-metric' | 'double-metric';

// Type aliases (not interfaces), so they are assignable to the JSON reply type.
export type MetricInfo = {
  readonly 'metric-name': string;
  readonly 'metric-type': MetricType;
};

export type MetricGroupInfo = {
  readonly 'group-name': string;
  readonly 'metric-infos': readonly MetricInfo[];
};

const int = (name: string): MetricInfo => ({ 'metric-name': name, 'metric-type': 'integer-metric' });

export const DPM_SYSTEM_USAGE_OVERVIEW: MetricGroupInfo = {
  'group-name': 'dpm-system-usage-overview',
  'metric-infos': [
    int('processor-usage'),
    int('network-usage'),
    int('storage-usage'),
    int('accelerator-usage'),
    int('crypto-usage'),
    int('power-consumption-watts'),
    { 'metric-name': 'temperature-celsius', 'metric-type': 'double-metric' },
    int('cp-shared-processor-usage'),
    int('cp-dedicated-processor-usage'),
    int('ifl-shared-processor-usage'),
    int('ifl-dedicated-processor-usage'),
  ],
};

export const PARTITION_USAGE: MetricGroupInfo = {
  'group-name': 'partition-usage',
  'metric-infos': [
    int('processor-usage'),
    int('network-usage'),
    int('storage-usage'),
    int('accelerator-usage'),
    int('crypto-usage'),
  ],
};

/** The groups that have data, in the order used when a context asks for "all groups". */
export const SUPPORTED_GROUPS: readonly MetricGroupInfo[] = [DPM_SYSTEM_USAGE_OVERVIEW, PARTITION_USAGE];

/**
 * Every metric group name the HMC knows (hmc-api.md §3.5). The ones not in SUPPORTED_GROUPS are
 * accepted in a Create Metrics Context request and dropped from the context, as zhmcclient's mock
 * does with groups it has no data for.
 */
export const KNOWN_GROUP_NAMES: readonly string[] = [
  'cpc-usage-overview',
  'logical-partition-usage',
  'channel-usage',
  'crypto-usage',
  'flash-memory-usage',
  'roce-usage',
  'dpm-system-usage-overview',
  'partition-usage',
  'adapter-usage',
  'network-physical-adapter-port',
  'partition-attached-network-interface',
  'zcpc-environmentals-and-power',
  'zcpc-processor-usage',
  'environmental-power-status',
];

/** A double the way the HMC writes it: decimal notation with at least one fraction digit (24.0). */
export function formatDouble(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** A `dpm-system-usage-overview` value row, in metric-infos order. */
export function cpcRowValues(u: CpcUsage): number[] {
  return [
    u.processor,
    u.network,
    u.storage,
    u.accelerator,
    u.crypto,
    u.powerWatts,
    u.temperatureCelsius,
    u.cpShared,
    u.cpDedicated,
    u.iflShared,
    u.iflDedicated,
  ];
}

/** A `partition-usage` value row, in metric-infos order. */
export function partitionRowValues(u: PartitionUsage): number[] {
  return [u.processor, u.network, u.storage, u.accelerator, u.crypto];
}

interface ObjectRow {
  readonly uri: string;
  readonly values: readonly number[];
}

function rowsFor(group: MetricGroupInfo, samples: readonly CpcSample[]): ObjectRow[] {
  if (group === DPM_SYSTEM_USAGE_OVERVIEW) {
    return samples.map(({ cpc, usage }) => ({ uri: cpcUri(cpc), values: cpcRowValues(usage) }));
  }
  return samples.flatMap((sample) =>
    sample.partitions.map(({ partition, usage }) => ({
      uri: partitionUri(partition),
      values: partitionRowValues(usage),
    })),
  );
}

function formatValue(info: MetricInfo | undefined, value: number): string {
  return info?.['metric-type'] === 'double-metric' ? formatDouble(value) : String(value);
}

/**
 * The Get Metrics body for the given groups at one sample time:
 * per group its quoted name, then per object the quoted URI, the timestamp (ms), one value row and
 * an empty line; an empty line closes each group and a last empty line closes the response.
 */
export function renderMetricsResponse(
  groups: readonly MetricGroupInfo[],
  samples: readonly CpcSample[],
  timestampMs: number,
): string {
  let body = '';
  for (const group of groups) {
    body += `"${group['group-name']}"\n`;
    for (const row of rowsFor(group, samples)) {
      const values = row.values.map((value, i) => formatValue(group['metric-infos'][i], value));
      body += `"${row.uri}"\n${timestampMs}\n${values.join(',')}\n\n`;
    }
    body += '\n';
  }
  return `${body}\n`;
}
