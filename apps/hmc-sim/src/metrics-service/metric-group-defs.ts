// The HMC metric groups the simulator serves: their metric-infos in the HMC's order (the column
// order of every value row: hmc-api.md §3.3, §3.5, hmc-samples/hmc-sample-metrics.json), the
// objects each group reports on, and each object's value rows for a 15 s slot. The Get Metrics
// body and the exporter-style /metrics are both rendered from these rows.

import { ABSENT, channelUsage, cryptoUsage, lparUsage, sampleClassicCpc } from '../workload/classic-workload.js';
import {
  adapterUsage,
  environmentals,
  macAddress,
  nicCounters,
  portCounters,
  portUtilization,
  processorUsage,
  processorsOf,
  type TrafficCounters,
} from '../workload/io-workload.js';
import {
  adapterUri,
  cpcUri,
  isLparRunning,
  isRunning,
  lparUri,
  nicUri,
  partitionUri,
  type CpcSpec,
  type Scenario,
} from '../scenario/scenario.js';
import {
  ENVIRONMENTAL_TOTALS,
  LPAR_POWER,
  environmentalPowerStatusGroup,
  environmentalTotals,
  hasEnvironmentalMetrics,
} from './power-groups.js';
import { lparPower } from '../workload/power-workload.js';
import { portKey, topology } from '../scenario/topology.js';
import { partitionUsage, sampleCpc } from '../workload/workload.js';

export type MetricType =
  'boolean-metric' | 'byte-metric' | 'short-metric' | 'integer-metric' | 'long-metric' | 'double-metric' | 'string-metric';
export type MetricValue = number | string | boolean;

// Type aliases (not interfaces), so they are assignable to the JSON reply type.
export type MetricInfo = {
  readonly 'metric-name': string;
  readonly 'metric-type': MetricType;
};

export type MetricGroupInfo = {
  readonly 'group-name': string;
  readonly 'metric-infos': readonly MetricInfo[];
};

/** The exporter's view of an object: its class and the labels its resource gives (cpc, partition, ...). */
export interface ResourceLabels {
  readonly class: 'cpc' | 'partition' | 'logical-partition' | 'adapter' | 'nic';
  readonly labels: Readonly<Record<string, string>>;
}

export interface GroupObject {
  readonly uri: string;
  readonly resource: ResourceLabels;
  /** How many value rows the object has (one per processor, channel, port, ...). */
  readonly rowCount: number;
  /** One value row, in metric-infos order. */
  row(slot: number, index: number): MetricValue[];
}

export interface MetricGroup {
  readonly info: MetricGroupInfo;
  readonly mode: 'dpm' | 'classic' | 'both';
  readonly objects: readonly GroupObject[];
}

const info =
  (type: MetricType) =>
  (name: string): MetricInfo => ({ 'metric-name': name, 'metric-type': type });
const int = info('integer-metric');
const long = info('long-metric');
const dbl = info('double-metric');
const str = info('string-metric');
const bool = info('boolean-metric');

const group = (name: string, infos: readonly MetricInfo[]): MetricGroupInfo => ({ 'group-name': name, 'metric-infos': infos });

export const DPM_SYSTEM_USAGE_OVERVIEW = group('dpm-system-usage-overview', [
  ...['processor-usage', 'network-usage', 'storage-usage', 'accelerator-usage', 'crypto-usage', 'power-consumption-watts'].map(int),
  dbl('temperature-celsius'),
  ...['cp-shared-processor-usage', 'cp-dedicated-processor-usage', 'ifl-shared-processor-usage', 'ifl-dedicated-processor-usage'].map(int),
]);
const DPM_ALL_PROCESSOR = ['all-shared-processor-usage', 'cp-all-processor-usage', 'ifl-all-processor-usage'].map(int);

export const PARTITION_USAGE = group(
  'partition-usage',
  ['processor-usage', 'network-usage', 'storage-usage', 'accelerator-usage', 'crypto-usage'].map(int),
);
export const ADAPTER_USAGE = group('adapter-usage', [int('adapter-usage')]);

const TRAFFIC = [
  'bytes-sent',
  'bytes-received',
  'packets-sent',
  'packets-received',
  'packets-sent-dropped',
  'packets-received-dropped',
  'packets-sent-discarded',
  'packets-received-discarded',
  'multicast-packets-sent',
  'multicast-packets-received',
  'broadcast-packets-sent',
  'broadcast-packets-received',
  'interval-bytes-sent',
  'interval-bytes-received',
  'bytes-per-second-sent',
  'bytes-per-second-received',
];
export const NETWORK_PHYSICAL_ADAPTER_PORT = group('network-physical-adapter-port', [
  int('network-port-id'),
  ...TRAFFIC.map(long),
  long('utilization'),
  long('flags'),
  str('mac-address'),
]);
export const PARTITION_ATTACHED_NETWORK_INTERFACE = group('partition-attached-network-interface', [
  str('partition-id'),
  ...TRAFFIC.map(long),
  long('flags'),
]);

const KINDS = ['cp', 'ifl', 'icf', 'iip', 'aap', 'cbp'];
export const CPC_USAGE_OVERVIEW = group('cpc-usage-overview', [
  int('cpc-processor-usage'),
  int('channel-usage'),
  int('power-consumption-watts'),
  dbl('temperature-celsius'),
  ...KINDS.flatMap((k) => [int(`${k}-shared-processor-usage`), int(`${k}-dedicated-processor-usage`)]),
  int('all-shared-processor-usage'),
  int('all-dedicated-processor-usage'),
  ...['cp', 'ifl', 'icf', 'iip', 'cbp'].map((k) => int(`${k}-all-processor-usage`)),
]);
export const LOGICAL_PARTITION_USAGE = group(
  'logical-partition-usage',
  [
    'processor-usage',
    'zvm-paging-rate',
    'cp-processor-usage',
    'ifl-processor-usage',
    'icf-processor-usage',
    'iip-processor-usage',
    'cbp-processor-usage',
  ].map(int),
);
export const CHANNEL_USAGE = group('channel-usage', [
  str('channel-name'),
  bool('shared-channel'),
  str('logical-partition-name'),
  int('channel-usage'),
]);
export const CRYPTO_USAGE = group('crypto-usage', [str('channel-id'), str('crypto-id'), int('adapter-usage')]);
export const FLASH_MEMORY_USAGE = group('flash-memory-usage', [str('channel-id'), int('adapter-usage')]);
export const ROCE_USAGE = group('roce-usage', [str('channel-id'), int('adapter-usage')]);
export const ZCPC_ENVIRONMENTALS_AND_POWER = group('zcpc-environmentals-and-power', [
  dbl('temperature-celsius'),
  int('humidity'),
  dbl('dew-point-celsius'),
  int('power-consumption-watts'),
  int('heat-load'),
  int('heat-load-forced-air'),
  int('heat-load-water'),
  dbl('exhaust-temperature-celsius'),
]);

function processorGroup(spelling: string): MetricGroupInfo {
  const thread = (n: number): string => spelling.replace('0', String(n));
  return group('zcpc-processor-usage', [
    str('processor-name'),
    str('processor-type'),
    int('processor-usage'),
    int('smt-usage'),
    int(thread(0)),
    int(thread(1)),
  ]);
}

const trafficRow = (now: TrafficCounters, before: TrafficCounters): number[] => {
  const sent = now.bytesSent - before.bytesSent;
  const received = now.bytesReceived - before.bytesReceived;
  return [
    now.bytesSent,
    now.bytesReceived,
    now.packetsSent,
    now.packetsReceived,
    now.packetsSentDropped,
    now.packetsReceivedDropped,
    now.packetsSentDiscarded,
    now.packetsReceivedDiscarded,
    now.multicastPacketsSent,
    now.multicastPacketsReceived,
    now.broadcastPacketsSent,
    now.broadcastPacketsReceived,
    sent,
    received,
    Math.floor(sent / 15),
    Math.floor(received / 15),
  ];
};

const cpcLabels = (cpc: CpcSpec): ResourceLabels => ({ class: 'cpc', labels: { cpc: cpc.name } });

/** The groups with their objects for a scenario (statuses decide which objects report). */
export function buildMetricGroups(scenario: Scenario): MetricGroup[] {
  const { seed } = scenario;
  const dpm = scenario.cpcs.filter((c) => c['dpm-enabled']);
  const classic = scenario.cpcs.filter((c) => !c['dpm-enabled']);
  const topo = topology(scenario);
  const allProcessor = scenario.metrics['dpm-all-processor-usage'];
  const overview: MetricGroupInfo = allProcessor
    ? group(DPM_SYSTEM_USAGE_OVERVIEW['group-name'], [...DPM_SYSTEM_USAGE_OVERVIEW['metric-infos'], ...DPM_ALL_PROCESSOR])
    : DPM_SYSTEM_USAGE_OVERVIEW;
  // The SE adds power columns with the environmental-metrics feature; -1 on CPCs without it.
  const environmentalColumns = scenario.cpcs.some(hasEnvironmentalMetrics);
  const lparPowerColumn = classic.some(hasEnvironmentalMetrics);
  const environmentalsInfo = environmentalColumns
    ? group(ZCPC_ENVIRONMENTALS_AND_POWER['group-name'], [...ZCPC_ENVIRONMENTALS_AND_POWER['metric-infos'], ...ENVIRONMENTAL_TOTALS])
    : ZCPC_ENVIRONMENTALS_AND_POWER;
  const lparInfo = lparPowerColumn
    ? group(LOGICAL_PARTITION_USAGE['group-name'], [...LOGICAL_PARTITION_USAGE['metric-infos'], LPAR_POWER])
    : LOGICAL_PARTITION_USAGE;
  const activeAdapters = dpm.flatMap((cpc) => cpc.adapters.filter((a) => a.status === 'active').map((adapter) => ({ cpc, adapter })));
  return [
    {
      info: overview,
      mode: 'dpm',
      objects: dpm.map((cpc): GroupObject => ({
        uri: cpcUri(cpc),
        resource: cpcLabels(cpc),
        rowCount: 1,
        row: (slot) => {
          const u = sampleCpc(seed, cpc, slot).usage;
          const row = [
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
          return allProcessor ? [...row, u.allShared, u.cpAll, u.iflAll] : row;
        },
      })),
    },
    {
      info: PARTITION_USAGE,
      mode: 'dpm',
      objects: dpm.flatMap((cpc) =>
        cpc.partitions.filter(isRunning).map((partition) => ({
          uri: partitionUri(partition),
          resource: { class: 'partition', labels: { cpc: cpc.name, partition: partition.name } },
          rowCount: 1,
          row: (slot: number) => {
            const u = partitionUsage(seed, partition, slot);
            return [u.processor, u.network, u.storage, u.accelerator, u.crypto];
          },
        })),
      ),
    },
    {
      info: ADAPTER_USAGE,
      mode: 'dpm',
      objects: activeAdapters.map(({ cpc, adapter }) => ({
        uri: adapterUri(adapter),
        resource: { class: 'adapter', labels: { cpc: cpc.name, adapter: adapter.name } },
        rowCount: 1,
        row: (slot: number) => [adapterUsage(seed, cpc, adapter, slot)],
      })),
    },
    {
      info: NETWORK_PHYSICAL_ADAPTER_PORT,
      mode: 'dpm',
      objects: activeAdapters
        .filter(({ adapter }) => adapter['port-speed-mbps'] > 0 && adapter['port-count'] > 0)
        .map(({ cpc, adapter }) => ({
          uri: adapterUri(adapter),
          resource: { class: 'adapter', labels: { cpc: cpc.name, adapter: adapter.name } },
          rowCount: adapter['port-count'],
          row: (slot: number, port: number) => {
            const nics = topo.nicsByPort.get(portKey(adapter, port)) ?? [];
            const now = portCounters(seed, adapter, port, nics, slot);
            const row = trafficRow(now, portCounters(seed, adapter, port, nics, slot - 1));
            return [port, ...row, portUtilization(adapter, (row[12] ?? 0) + (row[13] ?? 0)), 0, macAddress(seed, adapter, port)];
          },
        })),
    },
    {
      info: PARTITION_ATTACHED_NETWORK_INTERFACE,
      mode: 'dpm',
      objects: [...topo.nicByKey.values()]
        .filter(({ partition }) => isRunning(partition))
        .map(({ cpc, partition, nic, adapter, port }) => {
          const index = topo.partitionById.get(partition['object-id'])?.index ?? 0;
          const partitionId = (index + 1).toString(16).toUpperCase().padStart(2, '0');
          return {
            uri: nicUri(partition, nic),
            resource: {
              class: 'nic',
              labels: { cpc: cpc.name, partition: partition.name, nic: nic.name, adapter: adapter?.name ?? '', port: String(port) },
            },
            rowCount: 1,
            row: (slot: number) => [
              partitionId,
              ...trafficRow(nicCounters(seed, partition, nic, slot), nicCounters(seed, partition, nic, slot - 1)),
              0,
            ],
          } satisfies GroupObject;
        }),
    },
    {
      info: CPC_USAGE_OVERVIEW,
      mode: 'classic',
      objects: classic.map((cpc) => ({
        uri: cpcUri(cpc),
        resource: cpcLabels(cpc),
        rowCount: 1,
        row: (slot: number) => {
          const { usage } = sampleClassicCpc(seed, cpc, slot);
          return CPC_USAGE_OVERVIEW['metric-infos'].map((m) => usage[m['metric-name']] ?? ABSENT);
        },
      })),
    },
    {
      info: lparInfo,
      mode: 'classic',
      objects: classic.flatMap((cpc) =>
        cpc['logical-partitions'].filter(isLparRunning).map((lpar) => ({
          uri: lparUri(lpar),
          resource: { class: 'logical-partition', labels: { cpc: cpc.name, partition: lpar.name } },
          rowCount: 1,
          row: (slot: number) => {
            const u = lparUsage(seed, lpar, slot);
            const row = [u.processor, u.zvmPagingRate, u.cp, u.ifl, u.icf, u.iip, u.cbp];
            if (lparPowerColumn) row.push(hasEnvironmentalMetrics(cpc) ? lparPower(seed, cpc, lpar, slot) : ABSENT);
            return row;
          },
        })),
      ),
    },
    {
      info: CHANNEL_USAGE,
      mode: 'classic',
      objects: classic
        .filter((cpc) => cpc.channels.length > 0)
        .map((cpc) => ({
          uri: cpcUri(cpc),
          resource: cpcLabels(cpc),
          // The HMC pads LPAR names with blanks to 8 characters (hmc-api.md §3.5: "may have trailing blanks").
          rowCount: cpc.channels.length,
          row: (slot: number, i: number) => {
            const c = cpc.channels[i];
            return c === undefined ? [] : [c['channel-name'], c.shared, c.partition.padEnd(8, ' '), channelUsage(seed, cpc, c, slot)];
          },
        })),
    },
    {
      info: CRYPTO_USAGE,
      mode: 'classic',
      objects: classic
        .filter((cpc) => cpc['crypto-adapters'].length > 0)
        .map((cpc) => ({
          uri: cpcUri(cpc),
          resource: cpcLabels(cpc),
          rowCount: cpc['crypto-adapters'].length,
          row: (slot: number, i: number) => {
            const c = cpc['crypto-adapters'][i];
            return c === undefined ? [] : [c['channel-id'], c['crypto-id'], cryptoUsage(seed, cpc, c, slot)];
          },
        })),
    },
    // No flash memory or RoCE adapters are modelled on classic CPCs: these groups are always empty.
    { info: FLASH_MEMORY_USAGE, mode: 'classic', objects: [] },
    { info: ROCE_USAGE, mode: 'classic', objects: [] },
    {
      info: environmentalsInfo,
      mode: 'both',
      objects: scenario.cpcs.map((cpc) => ({
        uri: cpcUri(cpc),
        resource: cpcLabels(cpc),
        rowCount: 1,
        row: (slot: number) => {
          const env = { ...environmentals(seed, cpc, slot), ...(environmentalColumns ? environmentalTotals(seed, cpc, slot) : {}) };
          return environmentalsInfo['metric-infos'].map((m) => env[m['metric-name']] ?? ABSENT);
        },
      })),
    },
    {
      info: processorGroup(scenario.metrics['thread-metric-names']),
      mode: 'both',
      objects: scenario.cpcs.map((cpc) => {
        const processors = processorsOf(cpc);
        return {
          uri: cpcUri(cpc),
          resource: cpcLabels(cpc),
          rowCount: processors.length,
          row: (slot: number, i: number) => {
            const p = processors[i];
            if (p === undefined) return [];
            const u = processorUsage(seed, cpc, p, slot);
            return [p.name, p.type, u.usage, u.smtUsage, u.thread0, u.thread1];
          },
        };
      }),
    },
    environmentalPowerStatusGroup(scenario),
  ];
}
