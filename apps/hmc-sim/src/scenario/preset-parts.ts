// Building blocks of the presets: the I/O topology of a DPM CPC, partition and channel shorthands.

import {
  defaultCryptoConfiguration,
  makeAdapter,
  makeNic,
  makePartition,
  makeStorageGroup,
  makeVirtualSwitch,
  type AdapterInput,
  type PartitionInput,
} from './builders.js';
import type { AdapterSpec, AdapterType, ChannelSpec, CpcSpec, PartitionSpec, PartitionType, WorkloadProfile } from './scenario.js';

interface AdapterMix {
  readonly osd: number;
  readonly roce: number;
  readonly hipersockets: number;
  readonly fcp: number;
  readonly crypto: number;
}

/**
 * The I/O of a DPM CPC: adapters with PCHIDs from 0x100 up, a virtual switch on port 0 of every
 * OSA and HiperSockets adapter, storage groups over pairs of FCP adapters, and each partition wired
 * to one OSA switch (plus RoCE or HiperSockets for every other one) and one or two storage groups,
 * with a usage domain on (a pair of) the crypto adapters.
 */
export function dpmTopology(
  cpcName: string,
  mix: AdapterMix,
  partitions: readonly PartitionInput[],
  inactiveAdapters = 0,
): Pick<CpcSpec, 'adapters' | 'virtual-switches' | 'storage-groups' | 'partitions'> {
  const inputs: AdapterInput[] = [];
  let pchid = 0x100;
  // Virtual adapters (HiperSockets) have no physical channel: real machines number them in 7C0-7FF.
  let virtualId = 0x7c0;
  const add = (type: AdapterType, n: number): void => {
    for (let i = 0; i < n; i += 1) {
      if (type === 'hipersockets') {
        inputs.push({ type, 'adapter-id': virtualId.toString(16).toUpperCase() });
        virtualId += 1;
      } else {
        inputs.push({ type, 'adapter-id': pchid.toString(16).toUpperCase() });
        pchid += 4;
      }
    }
  };
  add('osd', mix.osd);
  add('roce', mix.roce);
  add('hipersockets', mix.hipersockets);
  add('fcp', mix.fcp);
  add('crypto', mix.crypto);
  const adapters = inputs.map((input, i) =>
    makeAdapter(cpcName, { ...input, ...(i >= inputs.length - inactiveAdapters ? { status: 'not-active' } : {}) }),
  );
  const ofType = (type: AdapterType): AdapterSpec[] => adapters.filter((a) => a.type === type && a.status === 'active');
  const osa = ofType('osd');
  const roce = ofType('roce');
  const hipers = ofType('hipersockets');
  const fcp = ofType('fcp');
  const crypto = adapters.filter((a) => a.type === 'crypto').map((a) => a.name);
  const vswitches = [...osa, ...hipers].map((adapter) =>
    makeVirtualSwitch(cpcName, { name: `VSW ${adapter['adapter-id']}`, 'backing-adapter': adapter.name, port: 0 }),
  );
  const groupCount = Math.max(1, Math.floor(fcp.length / 2));
  const storageGroups = Array.from({ length: fcp.length === 0 ? 0 : groupCount }, (_, i) =>
    makeStorageGroup(cpcName, {
      name: `SG ${cpcName} ${String(i + 1).padStart(2, '0')}`,
      description: i === 0 ? 'Shared boot volumes' : 'Data volumes',
      shared: i === 0,
      adapters: [fcp[(2 * i) % fcp.length], fcp[(2 * i + 1) % fcp.length]].flatMap((a) => (a === undefined ? [] : [a.name])),
    }),
  );
  const osaSwitches = vswitches.filter((v) => osa.some((a) => a.name === v['backing-adapter']));
  const hiperSwitches = vswitches.filter((v) => hipers.some((a) => a.name === v['backing-adapter']));
  const wired = partitions.map((input, i): PartitionSpec => {
    const nics = [];
    const osaSwitch = osaSwitches[i % Math.max(1, osaSwitches.length)];
    if (osaSwitch !== undefined) nics.push({ name: 'NIC OSA', 'device-number': '0100', 'virtual-switch': osaSwitch.name });
    if (i % 2 === 1 && roce.length > 0) {
      const adapter = roce[i % roce.length];
      if (adapter !== undefined)
        nics.push({ name: 'NIC ROCE', 'device-number': '0200', adapter: adapter.name, port: i % adapter['port-count'] });
    } else if (hiperSwitches.length > 0) {
      const vswitch = hiperSwitches[i % hiperSwitches.length];
      if (vswitch !== undefined) nics.push({ name: 'NIC HIPERS', 'device-number': '0300', 'virtual-switch': vswitch.name });
    }
    const groups = storageGroups.length === 0 ? [] : [storageGroups[0], storageGroups[1 + (i % Math.max(1, storageGroups.length - 1))]];
    return makePartition(cpcName, {
      ...input,
      nics: nics.map((nic) => makeNic(cpcName, input.name, nic)),
      'storage-groups': [...new Set(groups.flatMap((g) => (g === undefined ? [] : [g.name])))],
      'crypto-configuration':
        input['crypto-configuration'] === undefined ? defaultCryptoConfiguration(i, crypto) : input['crypto-configuration'],
    });
  });
  return { adapters, 'virtual-switches': vswitches, 'storage-groups': storageGroups, partitions: wired };
}

export function p(
  name: string,
  type: PartitionType,
  workload: WorkloadProfile,
  ifl: number,
  weight: number,
  memoryGiB: number,
  extra: Partial<PartitionInput> = {},
): PartitionInput {
  const memory = memoryGiB * 1024;
  return {
    name,
    type,
    workload,
    'ifl-processors': ifl,
    'initial-ifl-processing-weight': weight,
    'initial-memory': memory,
    'maximum-memory': memory * 2,
    ...extra,
  };
}

export const MiB_PER_GiB = 1024;

/** Channels of a classic CPC: FICON and OSA CHPIDs in CSS 0, owned by or shared among the LPARs. */
export function channels(lparNames: readonly string[], count: number): ChannelSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const shared = i % 3 !== 2;
    return {
      'channel-name': `${Math.floor(i / 192)}.${(0x40 + (i % 192)).toString(16).toUpperCase()}`,
      shared,
      partition: shared ? '' : (lparNames[i % lparNames.length] ?? ''),
    };
  });
}
