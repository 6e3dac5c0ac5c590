// What the simulator's scenario says about DPM topology, for the tests to compare the BFF against.
import type { CpcSpec } from '@zlens/hmc-sim';
import type { AdapterDetail, AdapterUse } from '@zlens/shared';

type Use = Pick<AdapterUse, 'adapter' | 'via' | 'through' | 'port'>;
type User = AdapterDetail['partitions'][number];

/** How a DPM partition reaches its adapters: NIC → virtual switch or port → adapter, storage group → adapters. */
export function expectedUses(cpc: CpcSpec, partitionName: string): Use[] {
  const partition = cpc.partitions.find((p) => p.name === partitionName);
  if (!partition) throw new Error(`no partition ${partitionName}`);
  const out: Use[] = [];
  for (const nic of partition.nics) {
    const vswitch = cpc['virtual-switches'].find((v) => v.name === nic['virtual-switch']);
    if (vswitch) out.push({ adapter: vswitch['backing-adapter'], via: 'nic', through: nic.name, port: vswitch.port });
    else if (nic.adapter !== undefined) out.push({ adapter: nic.adapter, via: 'nic', through: nic.name, port: nic.port ?? null });
  }
  for (const groupName of partition['storage-groups']) {
    const group = cpc['storage-groups'].find((g) => g.name === groupName);
    for (const adapter of group?.adapters ?? []) out.push({ adapter, via: 'storage-group', through: groupName, port: null });
  }
  return out;
}

/** The same, inverted: every partition of the CPC that uses `adapter`, in the order the BFF sorts them. */
export function expectedUsers(cpc: CpcSpec, adapter: string): User[] {
  const out: User[] = [];
  for (const partition of cpc.partitions) {
    for (const use of expectedUses(cpc, partition.name)) {
      if (use.adapter === adapter) out.push({ partition: partition.name, via: use.via, through: use.through, port: use.port });
    }
  }
  const order = (u: User): string => JSON.stringify([u.partition, u.via, u.through]);
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
