// Who uses each adapter of a DPM CPC, as the HMC knows it: every partition's NIC → virtual switch /
// port → adapter and storage group → FCP adapter chains (topology.ts), inverted; and every NIC's URI
// with its partition, backing adapter and port (the live source labels NIC metrics rows with them,
// as the exporter does). A walk costs one
// request per partition, NIC, virtual switch and storage group, so one walk per CPC serves every
// adapter view for the inventory TTL; within a walk each URI is read once (partitions share virtual
// switches and storage groups), and only a few partitions are walked at a time so the walk leaves
// room in the HMC client's own limit for the requests of other views. A request waits for a walk
// only briefly (bounded.ts); a slow walk finishes in the background.
import { ByteCache } from '../cache/byte-cache.js';
import type { Clock } from '../clock.js';
import { Limiter } from '../limiter.js';
import { withinBound } from './bounded.js';
import { HmcError, type HmcClient } from './client.js';
import type { HmcCpc } from './inventory.js';
import { readPartitionProperties, readPartitionTopology, type HmcAdapterUse, type JsonReader } from './topology.js';

export interface AdapterUser {
  partition: string;
  via: HmcAdapterUse['via'];
  through: string;
  port: number | null;
}

/** A NIC as the exporter labels its metrics: partition, NIC, backing adapter and port. */
export interface NicRef {
  partition: string;
  nic: string;
  adapter: string;
  port: number | null;
}

interface Walk {
  /** Adapter name → the partitions that use it. */
  users: Map<string, AdapterUser[]>;
  /** NIC URI → what it is. */
  nics: Map<string, NicRef>;
}

const PARTITIONS_AT_ONCE = 2;
/** A walk is kept this many TTLs, to be served stale while the HMC fails. */
const KEEP_TTLS = 60;
/** A few hundred bytes of heap per adapter use and per NIC: an estimate, as ByteCache wants. */
const walkBytes = (walk: Walk): number => 256 * ([...walk.users.values()].reduce((n, list) => n + list.length, 0) + walk.nics.size);
/** 16 MiB: room for thousands of partitions' topology. */
export const TOPOLOGY_MAX_BYTES = 16 * 1024 * 1024;

export interface TopologyCacheOptions {
  hmc: HmcClient;
  clock: Clock;
  ttlMs: number;
  /** How long a request waits for a walk (HMC_WAIT_MS unless set). */
  waitMs?: number;
  /** TOPOLOGY_MAX_BYTES unless set. */
  maxBytes?: number;
}

export class TopologyCache {
  /** CPC URI → its last walk: the one cache primitive (bounded by bytes, a walk in flight shared). */
  private readonly walks: ByteCache<Walk>;

  constructor(private readonly options: TopologyCacheOptions) {
    this.walks = new ByteCache<Walk>({
      name: 'hmc-topology',
      maxBytes: options.maxBytes ?? TOPOLOGY_MAX_BYTES,
      freshMs: options.ttlMs,
      keepMs: options.ttlMs * KEEP_TTLS,
      sizeOf: walkBytes,
      clock: options.clock,
    });
  }

  /**
   * The partitions using `adapter` on `cpc`. When a new walk fails and an older one exists, the older
   * one is served with `stale: true`; with no walk at all the error is thrown.
   */
  async adapterUsers(cpc: HmcCpc, adapter: string): Promise<{ users: AdapterUser[]; stale: boolean }> {
    const { walk, stale } = await this.current(cpc);
    return { users: walk?.users.get(adapter) ?? [], stale };
  }

  /** The NICs of a DPM CPC by URI (empty for a classic CPC); errors as for adapterUsers. */
  async nics(cpc: HmcCpc): Promise<ReadonlyMap<string, NicRef>> {
    return (await this.current(cpc)).walk?.nics ?? new Map<string, NicRef>();
  }

  /**
   * The walk to use: the kept one within the TTL; else a new walk (started or joined), waited for at
   * most HMC_WAIT_MS. When it fails or is slower, the kept walk is served stale and a slow walk
   * carries on in the background, kept when it succeeds.
   */
  private async current(cpc: HmcCpc): Promise<{ walk: Walk | undefined; stale: boolean }> {
    if (cpc.mode !== 'dpm') return { walk: undefined, stale: false };
    const kept = this.walks.get(cpc.uri);
    if (kept !== undefined && !kept.stale) return { walk: kept.value, stale: false };
    try {
      // A new walk (or the one in flight), its failure answered with the kept walk, marked stale.
      const loaded = await withinBound(
        this.walks.load(cpc.uri, () => this.doWalk(cpc)),
        `the topology walk of ${cpc.name}`,
        this.options.waitMs,
      );
      return { walk: loaded.value, stale: loaded.stale };
    } catch (err) {
      // Slower than the bound (the walk carries on and is kept when it succeeds), or failed with none kept.
      if (kept === undefined) throw err;
      return { walk: kept.value, stale: true };
    }
  }

  private async doWalk(cpc: HmcCpc): Promise<Walk> {
    const { hmc } = this.options;
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
    const nics = new Map<string, NicRef>();
    for (const { use, partition } of perPartition.flat()) {
      const list = users.get(use.adapter) ?? [];
      list.push({ partition, via: use.via, through: use.through, port: use.port });
      users.set(use.adapter, list);
      if (use.nicUri !== undefined) nics.set(use.nicUri, { partition, nic: use.through, adapter: use.adapter, port: use.port });
    }
    return { users, nics };
  }
}
