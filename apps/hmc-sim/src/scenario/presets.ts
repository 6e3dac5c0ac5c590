// The shipped sites. `demo`: two LinuxONE CPCs in DPM mode, loaded the way Linux shops run them
// (production by day, batch at night, noisy dev/test, SSC and z/VM hosts, some partitions stopped,
// one degraded, names with spaces), and one z/OS CPC in classic mode. `large`: eight CPCs at the
// 85-partition limit, about 200 adapters per DPM CPC, to measure the simulator and zlens at scale.

import { makeCpc, makeLpar, type LparInput, type PartitionInput } from './builders.js';
import {
  DEFAULT_HMC,
  DEFAULT_METRICS_SETTINGS,
  type CpcSpec,
  type PartitionType,
  type Scenario,
  type WorkloadProfile,
} from './scenario.js';

import { MiB_PER_GiB, channels, dpmTopology, p } from './preset-parts.js';

export const DEFAULT_SEED = 20240611;
export const PRESETS = ['demo', 'large'] as const;
export type PresetName = (typeof PRESETS)[number];

function zlx1(): CpcSpec {
  const partitions = [
    p('LNXPRD01', 'linux', 'daily', 16, 300, 256),
    p('LNXPRD02', 'linux', 'daily', 16, 300, 256),
    p('LNXPRD03', 'linux', 'daily', 12, 250, 192),
    p('LNXPRD04', 'linux', 'daily', 12, 250, 192, { status: 'degraded' }),
    p('LNXPRD05', 'linux', 'steady', 8, 200, 128),
    p('LNXPRD06', 'linux', 'steady', 8, 200, 128),
    p('LNXDB01', 'linux', 'batch', 16, 400, 512, { description: 'Db2 for Linux, production' }),
    p('LNXDB02', 'linux', 'batch', 16, 400, 512, { description: 'Db2 for Linux, reporting' }),
    p('LNXMQ01', 'linux', 'steady', 4, 100, 64, { 'processor-mode': 'dedicated' }),
    p('LNXDEV01', 'linux', 'spiky', 4, 50, 64),
    p('LNXDEV02', 'linux', 'spiky', 4, 50, 64),
    p('LNXDEV03', 'linux', 'stopped', 4, 50, 64),
    p('LNXTST01', 'linux', 'idle', 2, 20, 32),
    p('LNXTST02', 'linux', 'stopped', 2, 20, 32),
    p('SSC BLOCKCHAIN', 'ssc', 'steady', 6, 150, 96),
    p('ZVM PROD 1', 'zvm', 'daily', 12, 300, 384),
    p('ZVM TEST 1', 'zvm', 'spiky', 4, 60, 64),
    p('KVM HOST A', 'linux', 'daily', 8, 150, 256),
    p('OCP WORKER 1', 'linux', 'daily', 8, 150, 128),
    p('Storage Test', 'linux', 'stopped', 2, 10, 16),
  ];
  return makeCpc({
    name: 'ZLX1',
    description: 'LinuxONE Emperor 4, production',
    'machine-type': '3931',
    'machine-model': 'A01',
    'machine-serial-number': '0000020B8A48',
    'dpm-enabled': true,
    'processor-count-ifl': 68,
    'processor-count-service-assist': 8,
    'storage-total-installed': 4194304,
    ...dpmTopology('ZLX1', { osd: 4, roce: 2, hipersockets: 1, fcp: 6, crypto: 2 }, partitions),
  });
}

function zlx2(): CpcSpec {
  const partitions = [
    p('LNXPRD11', 'linux', 'daily', 8, 250, 128),
    p('LNXPRD12', 'linux', 'daily', 8, 250, 128),
    p('LNXPRD13', 'linux', 'steady', 6, 200, 96),
    p('LNXPRD14', 'linux', 'steady', 6, 200, 96),
    p('LNXBAT01', 'linux', 'batch', 12, 300, 256),
    p('LNXBAT02', 'linux', 'batch', 8, 300, 192),
    p('LNXDEV11', 'linux', 'spiky', 4, 50, 32),
    p('LNXDEV12', 'linux', 'stopped', 4, 50, 32),
    p('SSC HSM', 'ssc', 'steady', 2, 100, 32),
    p('ZVM TEST 2', 'zvm', 'stopped', 4, 60, 64),
    p('ZVM DR 1', 'zvm', 'idle', 4, 30, 128),
    p('LNXDR01', 'linux', 'idle', 4, 30, 64),
    p('LNXDR02', 'linux', 'stopped', 4, 30, 64),
    p('OCP WORKER 2', 'linux', 'daily', 8, 150, 128),
  ];
  return makeCpc({
    name: 'ZLX2',
    description: 'LinuxONE Rockhopper 4, test and DR',
    'machine-type': '3932',
    'machine-model': 'AGZ',
    'machine-serial-number': '0000020C1F70',
    'dpm-enabled': true,
    'processor-count-ifl': 32,
    'processor-count-service-assist': 4,
    'storage-total-installed': 2097152,
    ...dpmTopology('ZLX2', { osd: 2, roce: 1, hipersockets: 1, fcp: 4, crypto: 1 }, partitions, 1),
  });
}

function zos1(): CpcSpec {
  const mvs = (
    name: string,
    n: number,
    cp: number,
    ziip: number,
    weight: number,
    memoryGiB: number,
    workload: WorkloadProfile,
    extra: Partial<LparInput> = {},
  ): LparInput => ({
    name,
    'partition-number': n,
    'activation-mode': 'esa390',
    'number-general-purpose-processors': cp,
    'number-ziip-processors': ziip,
    'initial-processing-weight': weight,
    'initial-ziip-processing-weight': weight,
    'initial-memory': memoryGiB * MiB_PER_GiB,
    'maximum-memory': memoryGiB * 2 * MiB_PER_GiB,
    'workload-manager-enabled': true,
    'sysplex-name': 'PLEXP1',
    'os-name': name,
    'os-type': 'MVS',
    'last-used-load-address': '0A80C',
    'last-used-load-parameter': '0A82PLM1',
    workload,
    ...extra,
  });
  const lpars: LparInput[] = [
    mvs('PRD1', 1, 12, 4, 400, 512, 'daily', { description: 'z/OS production 1', 'defined-capacity': 1200 }),
    mvs('PRD2', 2, 12, 4, 400, 512, 'daily', { description: 'z/OS production 2', 'defined-capacity': 1200 }),
    mvs('BAT1', 3, 8, 2, 250, 256, 'batch', { description: 'z/OS batch' }),
    mvs('DEV1', 4, 4, 1, 100, 128, 'spiky', { description: 'z/OS development', 'sysplex-name': 'PLEXD1' }),
    mvs('TST1', 5, 2, 1, 50, 64, 'stopped', { description: 'z/OS test', 'sysplex-name': 'PLEXD1', status: 'not-operating' }),
    {
      name: 'CF01',
      'partition-number': 14,
      description: 'Coupling facility 1',
      'activation-mode': 'coupling-facility',
      'number-icf-processors': 2,
      'processor-usage': 'dedicated',
      'initial-cf-processing-weight': 100,
      'initial-memory': 64 * MiB_PER_GiB,
      workload: 'steady',
    },
    {
      name: 'CF02',
      'partition-number': 15,
      description: 'Coupling facility 2',
      'activation-mode': 'coupling-facility',
      'number-icf-processors': 2,
      'processor-usage': 'dedicated',
      'initial-cf-processing-weight': 100,
      'initial-memory': 64 * MiB_PER_GiB,
      workload: 'steady',
    },
    {
      name: 'LNXA',
      'partition-number': 8,
      description: 'Linux on Z guests under z/VM',
      'activation-mode': 'zvm',
      'number-ifl-processors': 8,
      'initial-ifl-processing-weight': 200,
      'initial-memory': 256 * MiB_PER_GiB,
      'os-name': 'ZVMA',
      'os-type': 'z/VM',
      workload: 'daily',
    },
    {
      name: 'LNXB',
      'partition-number': 9,
      description: 'Linux on Z, not activated',
      'activation-mode': 'linux',
      'number-ifl-processors': 4,
      'initial-memory': 64 * MiB_PER_GiB,
      workload: 'stopped',
    },
  ];
  return makeCpc({
    name: 'ZOS1',
    description: 'IBM z17, z/OS production sysplex',
    'machine-type': '9175',
    'machine-model': 'ME1',
    'machine-serial-number': '0000020E4411',
    'dpm-enabled': false,
    'processor-count-general-purpose': 40,
    'processor-count-iip': 12,
    'processor-count-icf': 4,
    'processor-count-ifl': 12,
    'processor-count-service-assist': 8,
    'storage-total-installed': 3145728,
    'logical-partitions': lpars.map((lpar) => makeLpar('ZOS1', lpar)),
    channels: channels(['PRD1', 'PRD2', 'BAT1', 'DEV1', 'LNXA'], 24),
    'crypto-adapters': [
      { 'channel-id': '1C0', 'crypto-id': '00' },
      { 'channel-id': '1C4', 'crypto-id': '01' },
    ],
  });
}

export function demoScenario(): Scenario {
  return { seed: DEFAULT_SEED, hmc: DEFAULT_HMC, metrics: DEFAULT_METRICS_SETTINGS, cpcs: [zlx1(), zlx2(), zos1()] };
}

const PROFILES: readonly WorkloadProfile[] = ['daily', 'daily', 'steady', 'batch', 'spiky', 'daily', 'idle', 'steady'];

function largeDpm(index: number): CpcSpec {
  const name = `LX${String(index).padStart(2, '0')}`;
  const partitions = Array.from({ length: 85 }, (_, i): PartitionInput => {
    const n = String(i + 1).padStart(2, '0');
    const workload: WorkloadProfile = i % 9 === 8 ? 'stopped' : (PROFILES[i % PROFILES.length] ?? 'steady');
    const type: PartitionType = i % 17 === 5 ? 'ssc' : i % 11 === 3 ? 'zvm' : 'linux';
    return p(`${name}P${n}`, type, workload, 2 + (i % 5) * 2, 50 + (i % 8) * 40, 32 + (i % 6) * 32, i === 7 ? { status: 'degraded' } : {});
  });
  return makeCpc({
    name,
    description: `LinuxONE Emperor 4 number ${index}`,
    'machine-type': '3931',
    'machine-model': 'LA1',
    'dpm-enabled': true,
    'processor-count-ifl': 180,
    'processor-count-service-assist': 20,
    'processor-count-ifp': 2,
    'storage-total-installed': 16 * 1024 * 1024,
    ...dpmTopology(name, { osd: 60, roce: 20, hipersockets: 4, fcp: 100, crypto: 16 }, partitions, 3),
  });
}

function largeClassic(index: number): CpcSpec {
  const name = `ZP${String(index).padStart(2, '0')}`;
  const lpars = Array.from({ length: 85 }, (_, i): LparInput => {
    const n = String(i + 1).padStart(2, '0');
    const kind = i % 10;
    const workload: WorkloadProfile = i % 9 === 8 ? 'stopped' : (PROFILES[i % PROFILES.length] ?? 'steady');
    if (kind === 9) {
      return {
        name: `CF${n}`,
        'partition-number': i + 1,
        'activation-mode': 'coupling-facility',
        'number-icf-processors': 1,
        'processor-usage': 'dedicated',
        workload: workload === 'stopped' ? 'stopped' : 'steady',
      };
    }
    if (kind >= 7) {
      return {
        name: `LNX${n}`,
        'partition-number': i + 1,
        'activation-mode': 'zvm',
        'number-ifl-processors': 4,
        'initial-ifl-processing-weight': 150,
        workload,
      };
    }
    return {
      name: `${kind < 4 ? 'PRD' : 'DEV'}${n}`,
      'partition-number': i + 1,
      'activation-mode': 'esa390',
      'number-general-purpose-processors': 2 + (i % 4),
      'number-ziip-processors': 1 + (i % 2),
      'initial-processing-weight': 100 + (i % 5) * 50,
      'workload-manager-enabled': true,
      'sysplex-name': `PLEX${String.fromCharCode(65 + (i % 4))}`,
      'os-type': 'MVS',
      workload,
    };
  });
  return makeCpc({
    name,
    description: `IBM z17 number ${index}`,
    'machine-type': '9175',
    'machine-model': 'ME1',
    'dpm-enabled': false,
    'processor-count-general-purpose': 120,
    'processor-count-iip': 40,
    'processor-count-icf': 10,
    'processor-count-ifl': 30,
    'processor-count-service-assist': 20,
    'storage-total-installed': 16 * 1024 * 1024,
    'logical-partitions': lpars.map((lpar) => makeLpar(name, lpar)),
    channels: channels(
      lpars.map((l) => l.name),
      256,
    ),
    'crypto-adapters': Array.from({ length: 16 }, (_, i) => ({
      'channel-id': (0x1c0 + 4 * i).toString(16).toUpperCase(),
      'crypto-id': String(i).padStart(2, '0'),
    })),
  });
}

export function largeScenario(): Scenario {
  return {
    seed: DEFAULT_SEED,
    hmc: DEFAULT_HMC,
    metrics: DEFAULT_METRICS_SETTINGS,
    cpcs: [1, 2, 3, 4, 5, 6].map(largeDpm).concat([1, 2].map(largeClassic)),
  };
}

export function presetScenario(name: PresetName): Scenario {
  return name === 'demo' ? demoScenario() : largeScenario();
}
