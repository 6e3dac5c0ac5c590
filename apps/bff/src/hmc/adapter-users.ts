// Who uses each adapter of a DPM CPC, as the HMC knows it: every partition's NIC → virtual switch /
// port → adapter and storage group → FCP adapter chains (topology.ts), inverted. A walk costs one
// request per partition, NIC, virtual switch and storage group, so one walk per CPC serves every
// adapter view for the inventory TTL; within a walk each URI is read once (partitions share virtual
// switches and storage groups), and only a few partitions are walked at a time so the walk leaves
// room in the HMC client's own limit for the requests of other views.
import type { Clock } from '../clock.js';
import { Limiter } from '../limiter.js';
import { HmcError, type HmcClient } from './client.js';
import type { HmcCpc } from './inventory.js';
import { readPartitionProperties, readPartitionTopology, type HmcAdapterUse, type JsonReader } from './topology.js';

export interface AdapterUser {
  partition: string;
  via: HmcAdapterUse['via'];
  through: string;
  port: number | null;
}

interface Walk {
  /** Adapter name → the partitions that use it. */
  users: Map<string, AdapterUser[]>;
  fetchedAtMs: number;
}

const PARTITIONS_AT_ONCE = 2;

export interface AdapterUsersOptions {
  hmc: HmcClient;
  clock: Clock;
  ttlMs: number;
}

export class AdapterUsers {
  private readonly walks = new Map<string, Walk>();
  private readonly walking = new Map<string, Promise<Walk>>();

  constructor(private readonly options: AdapterUsersOptions) {}

  /**
   * The partitions using `adapter` on `cpc`. When a new walk fails and an older one exists, the older
   * one is served with `stale: true`; with no walk at all the error is thrown.
   */
  async of(cpc: HmcCpc, adapter: string): Promise<{ users: AdapterUser[]; stale: boolean }> {
    if (cpc.mode !== 'dpm') return { users: [], stale: false };
    const known = this.walks.get(cpc.uri);
    let walk = known;
    let stale = false;
    if (known === undefined || this.options.clock.nowMs() - known.fetchedAtMs >= this.options.ttlMs) {
      try {
        walk = await this.walk(cpc);
      } catch (err) {
        if (known === undefined) throw err;
        stale = true;
      }
    }
    return { users: walk?.users.get(adapter) ?? [], stale };
  }

  private walk(cpc: HmcCpc): Promise<Walk> {
    let pending = this.walking.get(cpc.uri);
    if (pending === undefined) {
      pending = this.doWalk(cpc).finally(() => this.walking.delete(cpc.uri));
      this.walking.set(cpc.uri, pending);
    }
    return pending;
  }

  private async doWalk(cpc: HmcCpc): Promise<Walk> {
    const { hmc, clock } = this.options;
    const read = new Map<string, Promise<unknown>>();
    const reader: JsonReader = {
      getJson: (uri) => {
        let body = read.get(uri);
        if (body === undefined) {
          body = hmc.getJson(uri);
          read.set(uri, body);
        }
        return body;
      },
    };
    const limiter = new Limiter(PARTITIONS_AT_ONCE);
    const perPartition = await Promise.all(
      cpc.partitions.map((partition) =>
        limiter.run(async () => {
          try {
            const { raw } = await readPartitionProperties(reader, partition.uri, 'dpm');
            const uses = await readPartitionTopology(reader, raw, cpc.adapters);
            return uses.map((use) => ({ use, partition: partition.name }));
          } catch (err) {
            // Deleted since the inventory was read: it uses nothing any more.
            if (err instanceof HmcError && err.httpStatus === 404) return [];
            throw err;
          }
        }),
      ),
    );
    const users = new Map<string, AdapterUser[]>();
    for (const { use, partition } of perPartition.flat()) {
      const list = users.get(use.adapter) ?? [];
      list.push({ partition, via: use.via, through: use.through, port: use.port });
      users.set(use.adapter, list);
    }
    const walk = { users, fetchedAtMs: clock.nowMs() };
    this.walks.set(cpc.uri, walk);
    return walk;
  }
}
