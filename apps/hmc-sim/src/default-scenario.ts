// The built-in site: two LinuxONE CPCs in DPM mode, named and loaded the way real Linux shops
// run them (production by day, batch at night, noisy dev/test, a blockchain SSC, z/VM hosts),
// with some partitions stopped and one degraded, and some names with spaces.

import { fnv1a, mix } from './hash.js';
import {
  DEFAULT_HMC,
  type CpcSpec,
  type PartitionSpec,
  type PartitionStatus,
  type PartitionType,
  type ProcessorMode,
  type Scenario,
  type WorkloadProfile,
} from './scenario.js';

export const DEFAULT_SEED = 20240611;

/** A stable UUID-shaped object id (DPM object ids are UUIDs), derived from the name. */
function objectId(kind: string, name: string): string {
  const hex = [0, 1, 2, 3]
    .map((i) => mix(fnv1a(`${kind}/${name}`), i).toString(16).padStart(8, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

interface PartitionOptions {
  readonly status?: PartitionStatus;
  readonly mode?: ProcessorMode;
  readonly description?: string;
}

function partition(
  cpcName: string,
  name: string,
  type: PartitionType,
  workload: WorkloadProfile,
  ifl: number,
  weight: number,
  memoryGiB: number,
  options: PartitionOptions = {},
): PartitionSpec {
  const memory = memoryGiB * 1024;
  return {
    'object-id': objectId('partition', `${cpcName}/${name}`),
    name,
    description: options.description ?? `${type === 'ssc' ? 'Secure Service Container' : type === 'zvm' ? 'z/VM host' : 'Linux'} ${name}`,
    type,
    status: options.status ?? 'active',
    'processor-mode': options.mode ?? 'shared',
    'cp-processors': 0,
    'ifl-processors': ifl,
    'initial-cp-processing-weight': 100,
    'initial-ifl-processing-weight': weight,
    'initial-memory': memory,
    'maximum-memory': memory * 2,
    workload,
  };
}

function zlx1Partitions(): PartitionSpec[] {
  const c = 'ZLX1';
  return [
    partition(c, 'LNXPRD01', 'linux', 'daily', 16, 300, 256),
    partition(c, 'LNXPRD02', 'linux', 'daily', 16, 300, 256),
    partition(c, 'LNXPRD03', 'linux', 'daily', 12, 250, 192),
    partition(c, 'LNXPRD04', 'linux', 'daily', 12, 250, 192, { status: 'degraded' }),
    partition(c, 'LNXPRD05', 'linux', 'steady', 8, 200, 128),
    partition(c, 'LNXPRD06', 'linux', 'steady', 8, 200, 128),
    partition(c, 'LNXDB01', 'linux', 'batch', 16, 400, 512, { description: 'Db2 for Linux, production' }),
    partition(c, 'LNXDB02', 'linux', 'batch', 16, 400, 512, { description: 'Db2 for Linux, reporting' }),
    partition(c, 'LNXMQ01', 'linux', 'steady', 4, 100, 64, { mode: 'dedicated' }),
    partition(c, 'LNXDEV01', 'linux', 'spiky', 4, 50, 64),
    partition(c, 'LNXDEV02', 'linux', 'spiky', 4, 50, 64),
    partition(c, 'LNXDEV03', 'linux', 'spiky', 4, 50, 64, { status: 'stopped' }),
    partition(c, 'LNXTST01', 'linux', 'idle', 2, 20, 32),
    partition(c, 'LNXTST02', 'linux', 'idle', 2, 20, 32, { status: 'stopped' }),
    partition(c, 'SSC BLOCKCHAIN', 'ssc', 'steady', 6, 150, 96),
    partition(c, 'ZVM PROD 1', 'zvm', 'daily', 12, 300, 384),
    partition(c, 'ZVM TEST 1', 'zvm', 'spiky', 4, 60, 64),
    partition(c, 'KVM HOST A', 'linux', 'daily', 8, 150, 256),
    partition(c, 'OCP WORKER 1', 'linux', 'daily', 8, 150, 128),
    partition(c, 'Storage Test', 'linux', 'idle', 2, 10, 16, { status: 'stopped' }),
  ];
}

function zlx2Partitions(): PartitionSpec[] {
  const c = 'ZLX2';
  return [
    partition(c, 'LNXPRD11', 'linux', 'daily', 8, 250, 128),
    partition(c, 'LNXPRD12', 'linux', 'daily', 8, 250, 128),
    partition(c, 'LNXPRD13', 'linux', 'steady', 6, 200, 96),
    partition(c, 'LNXPRD14', 'linux', 'steady', 6, 200, 96),
    partition(c, 'LNXBAT01', 'linux', 'batch', 12, 300, 256),
    partition(c, 'LNXBAT02', 'linux', 'batch', 8, 300, 192),
    partition(c, 'LNXDEV11', 'linux', 'spiky', 4, 50, 32),
    partition(c, 'LNXDEV12', 'linux', 'spiky', 4, 50, 32, { status: 'stopped' }),
    partition(c, 'SSC HSM', 'ssc', 'steady', 2, 100, 32),
    partition(c, 'ZVM TEST 2', 'zvm', 'spiky', 4, 60, 64, { status: 'stopped' }),
    partition(c, 'ZVM DR 1', 'zvm', 'idle', 4, 30, 128),
    partition(c, 'LNXDR01', 'linux', 'idle', 4, 30, 64),
    partition(c, 'LNXDR02', 'linux', 'idle', 4, 30, 64, { status: 'stopped' }),
    partition(c, 'OCP WORKER 2', 'linux', 'daily', 8, 150, 128),
  ];
}

function cpc(
  name: string,
  description: string,
  machineType: string,
  machineModel: string,
  serial: string,
  ifl: number,
  storageMiB: number,
  partitions: PartitionSpec[],
): CpcSpec {
  return {
    'object-id': objectId('cpc', name),
    name,
    description,
    'machine-type': machineType,
    'machine-model': machineModel,
    'machine-serial-number': serial,
    'se-version': '2.16.0',
    status: 'active',
    'dpm-enabled': true,
    'processor-count-general-purpose': 0,
    'processor-count-ifl': ifl,
    'processor-count-iip': 0,
    'processor-count-icf': 0,
    'processor-count-service-assist': 8,
    'processor-count-spare': 2,
    'storage-total-installed': storageMiB,
    'storage-hardware-system-area': 262144,
    partitions,
  };
}

/** The built-in scenario (a fresh object on each call). */
export function defaultScenario(): Scenario {
  return {
    seed: DEFAULT_SEED,
    hmc: DEFAULT_HMC,
    cpcs: [
      cpc('ZLX1', 'LinuxONE Emperor 4, production', '3931', 'A01', '0000020B8A48', 68, 4194304, zlx1Partitions()),
      cpc('ZLX2', 'LinuxONE Rockhopper 4, test and DR', '3932', 'AGZ', '0000020C1F70', 32, 2097152, zlx2Partitions()),
    ],
  };
}
