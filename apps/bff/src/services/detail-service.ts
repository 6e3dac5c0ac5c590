// Detail views: a CPC, a partition with the adapters it uses, an adapter with its ports and the
// partitions that use it. Properties come from the HMC when one is configured; topology from both
// sources: Prometheus label sets (NIC series carry adapter and port, channel series the CHPID) and,
// on DPM CPCs, the HMC's NIC → virtual switch / port → adapter and storage group → adapter chains,
// inverted for the adapter view (hmc/topology-cache.ts). An HMC failure degrades to what Prometheus
// knows, marked stale; so does an HMC read slower than HMC_WAIT_MS (it finishes in the background).
import { type AdapterDetail, type AdapterUse, type CpcDetail, type PartitionDetail, type ProcessorsByMode } from '@zlens/shared';
import { ByteCache, jsonBytes } from '../cache/byte-cache.js';
import { describeError, notFound } from '../errors.js';
import { withinBound } from '../hmc/bounded.js';
import { type AdapterUser, type TopologyCache } from '../hmc/topology-cache.js';
import type { HmcClient } from '../hmc/client.js';
import type { HmcCpc } from '../hmc/inventory.js';
import { readAdapterPorts, readPartitionProperties, readPartitionTopology, type HmcAdapterUse } from '../hmc/topology.js';
import type { Clock } from '../clock.js';
import type { InventoryService } from '../inventory/service.js';
import type { Logger } from '../logger.js';
import type { PrometheusSource } from '../sources/prometheus-source.js';
import { processorsByMode } from './processors-by-mode.js';
import { findCpc } from './query-service.js';

export interface DetailServiceDeps {
  inventory: InventoryService;
  /** Label sets and the exporter's resource metrics (null without Prometheus). */
  prometheus: PrometheusSource | null;
  hmc: HmcClient | null;
  logger: Logger;
  /** The HMC topology walked once per CPC per inventory TTL (null without an HMC). */
  topology: TopologyCache | null;
  clock: Clock;
  /** How long one partition's HMC properties and adapter chains are reused (the inventory TTL). */
  hmcTtlMs: number;
}

type HmcPartitionRead = { properties: Partial<PartitionDetail>; uses: HmcAdapterUse[] } | null;
/** 8 MiB: a few KiB per partition read, room for thousands of partitions. */
const PARTITION_READS_MAX_BYTES = 8 * 1024 * 1024;

const NIC_LABEL_METRIC = 'zhmc_nic_bytes_sent_count_total';
const CHANNEL_METRIC = 'zhmc_channel_usage_ratio';
const PORT_METRIC = 'zhmc_port_bandwidth_usage_ratio';

function numberOrNull(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  return Number(text);
}

export class DetailService {
  /**
   * One partition's HMC read (properties, NICs, virtual switches, storage groups: a handful of
   * requests) per TTL, shared by every viewer and every refresh; a read in flight is joined, a
   * failed one is not kept (the one cache primitive, a plain TTL: no stale reads).
   */
  private readonly partitionReads: ByteCache<{ read: HmcPartitionRead }>;

  constructor(private readonly deps: DetailServiceDeps) {
    this.partitionReads = new ByteCache<{ read: HmcPartitionRead }>({
      name: 'hmc-partitions',
      maxBytes: PARTITION_READS_MAX_BYTES,
      freshMs: deps.hmcTtlMs,
      keepMs: deps.hmcTtlMs,
      sizeOf: jsonBytes,
      clock: deps.clock,
    });
  }

  async cpc(name: string): Promise<CpcDetail> {
    const inventory = await this.deps.inventory.get();
    const cpc = findCpc(inventory, name);
    const hmc = this.hmcCpc(name);
    let stale = inventory.stale;
    const { prometheus } = this.deps;
    // Both at once: the LPAR reads (one per LPAR, shared with the partition view) wait at most HMC_WAIT_MS.
    const [exported, processorsByMode] = await Promise.all([
      prometheus === null
        ? null
        : prometheus.exportedCpc(cpc.name).catch((err: unknown) => {
            this.deps.logger.warn({ err: describeError(err) }, 'CPC properties from Prometheus failed');
            stale = true;
            return null;
          }),
      cpc.mode === 'classic' && hmc !== undefined
        ? withinBound(this.lparProcessors(cpc.name, cpc.partitions), `LPARs of ${cpc.name}`).catch((err: unknown) => {
            this.deps.logger.warn({ err: describeError(err) }, 'LPAR processors from the HMC failed');
            return null;
          })
        : null,
    ]);
    const all = exported?.exported ?? [];
    // The HMC's properties win; without the HMC, the exporter's cpc-resource metrics (when exported).
    const fromExporter = exported !== null && all.length > 0 ? exported : null;
    return {
      ...cpc,
      seVersion: hmc?.seVersion ?? null,
      processors: hmc?.processors ?? fromExporter?.processors ?? { cp: null, ifl: null, iip: null, icf: null, sap: null },
      memoryMiB: hmc?.memoryMiB ?? fromExporter?.memoryMiB ?? null,
      ...(processorsByMode === null ? {} : { processorsByMode }),
      stale,
      propertiesSource: hmc !== undefined ? 'hmc' : fromExporter !== null ? 'prometheus' : null,
      ...(exported === null ? {} : { exported: all }),
    };
  }

  async partition(cpcName: string, partitionName: string): Promise<PartitionDetail> {
    const inventory = await this.deps.inventory.get();
    const cpc = findCpc(inventory, cpcName);
    const summary = cpc.partitions.find((p) => p.name === partitionName);
    if (summary === undefined) throw notFound(`partition: CPC "${cpc.name}" has no partition named "${partitionName}"`);
    let stale = inventory.stale;
    const detail: PartitionDetail = {
      ...summary,
      cpc: cpc.name,
      cpcMode: cpc.mode,
      description: null,
      processorMode: null,
      processors: { cp: null, ifl: null, iip: null, icf: null },
      weights: { cp: null, ifl: null, iip: null, icf: null },
      memoryMiB: { initial: null, maximum: null },
      adapters: [],
      stale,
    };
    const uses: AdapterUse[] = [];
    const { prometheus } = this.deps;
    const [fromPrometheus, fromHmc, exported] = await Promise.all([
      this.prometheusUses(cpc.name, partitionName).catch((err: unknown) => {
        this.deps.logger.warn({ err: describeError(err) }, 'partition topology from Prometheus failed');
        stale = true;
        return [];
      }),
      withinBound(this.hmcPartitionShared(cpc.name, partitionName), `partition ${partitionName}`).catch((err: unknown) => {
        this.deps.logger.warn({ err: describeError(err) }, 'partition properties from the HMC failed');
        stale = true;
        return null;
      }),
      prometheus === null
        ? null
        : prometheus.exportedPartition(cpc.name, partitionName).catch((err: unknown) => {
            this.deps.logger.warn({ err: describeError(err) }, 'partition properties from Prometheus failed');
            stale = true;
            return null;
          }),
    ]);
    uses.push(...fromPrometheus);
    detail.propertiesSource = null;
    if (exported !== null) {
      const { exported: all = [], ...typed } = exported;
      detail.exported = all;
      // Without the HMC's answer, the exporter's resource metrics are the properties (when it exports them).
      if (fromHmc === null && all.length > 0) {
        Object.assign(detail, typed);
        detail.propertiesSource = 'prometheus';
      }
    }
    if (fromHmc !== null) {
      Object.assign(detail, fromHmc.properties);
      detail.propertiesSource = 'hmc';
      uses.push(...fromHmc.uses.map((u) => this.describeUse(cpc.name, u)));
    }
    detail.adapters = dedupeUses(uses);
    detail.stale = stale;
    return detail;
  }

  async adapter(cpcName: string, adapterName: string): Promise<AdapterDetail> {
    const inventory = await this.deps.inventory.get();
    const cpc = findCpc(inventory, cpcName);
    const summary = cpc.adapters.find((a) => a.name === adapterName);
    if (summary === undefined) throw notFound(`adapter: CPC "${cpc.name}" has no adapter named "${adapterName}"`);
    let stale = inventory.stale;
    const degrade =
      (what: string) =>
      (err: unknown): null => {
        this.deps.logger.warn({ err: describeError(err) }, what);
        stale = true;
        return null;
      };
    const { prometheus, hmc } = this.deps;
    const hmcCpc = this.hmcCpc(cpc.name);
    const hmcAdapter = hmcCpc?.adapters.find((a) => a.name === adapterName);
    const [fromPrometheus, fromHmc, hmcUsers] = await Promise.all([
      prometheus === null
        ? null
        : this.prometheusAdapter(prometheus, cpc.name, adapterName).catch(degrade('adapter topology from Prometheus failed')),
      hmc === null || hmcAdapter === undefined
        ? null
        : withinBound(readAdapterPorts(hmc, hmcAdapter.uri), `adapter ${adapterName}`).catch(
            degrade('adapter properties from the HMC failed'),
          ),
      this.deps.topology === null || hmcCpc === undefined
        ? null
        : this.deps.topology.adapterUsers(hmcCpc, adapterName).catch(degrade('adapter users from the HMC failed')),
    ]);
    const ports = new Map<number, { index: number; name: string | null }>();
    for (const index of fromPrometheus?.ports ?? []) ports.set(index, { index, name: null });
    for (const port of fromHmc?.ports ?? []) ports.set(port.index, port);
    if (hmcUsers?.stale === true) stale = true;
    return {
      ...summary,
      cpc: cpc.name,
      detectedCardType: fromHmc?.detectedCardType ?? null,
      ports: [...ports.values()].sort((a, b) => a.index - b.index),
      partitions: mergeUsers([...(fromPrometheus?.users ?? []), ...(hmcUsers?.users ?? [])]),
      stale,
    };
  }

  /** Port series name the adapter's ports; NIC series name partition, NIC and port. */
  private async prometheusAdapter(
    prometheus: PrometheusSource,
    cpc: string,
    adapter: string,
  ): Promise<{ ports: number[]; users: AdapterUser[] }> {
    const [portSets, nicSets] = await Promise.all([
      prometheus.labelSets(PORT_METRIC, { cpc, adapter }),
      prometheus.labelSets(NIC_LABEL_METRIC, { cpc, adapter }),
    ]);
    const ports: number[] = [];
    for (const metric of portSets) {
      const index = numberOrNull(metric.port);
      if (index !== null) ports.push(index);
    }
    const users: AdapterUser[] = [];
    for (const metric of nicSets) {
      if (metric.partition === undefined || metric.nic === undefined) continue;
      users.push({ partition: metric.partition, via: 'nic', through: metric.nic, port: numberOrNull(metric.port) });
    }
    return { ports, users };
  }

  private hmcCpc(name: string): HmcCpc | undefined {
    return this.deps.inventory.hmcCpcs()?.find((c) => c.name === name);
  }

  /** NIC series name adapter and port; channel series name the channel (classic). */
  private async prometheusUses(cpc: string, partition: string): Promise<AdapterUse[]> {
    const { prometheus } = this.deps;
    if (prometheus === null) return [];
    const [nics, channels] = await Promise.all([
      prometheus.labelSets(NIC_LABEL_METRIC, { cpc, partition }),
      prometheus.labelSets(CHANNEL_METRIC, { cpc, partition }),
    ]);
    const out: AdapterUse[] = [];
    for (const metric of nics) {
      if (metric.adapter === undefined || metric.nic === undefined) continue;
      out.push(this.describeUse(cpc, { adapter: metric.adapter, via: 'nic', through: metric.nic, port: numberOrNull(metric.port) }));
    }
    for (const metric of channels) {
      const chpid = metric.channel_css_chpid;
      if (chpid === undefined) continue;
      out.push({ adapter: chpid, adapterId: null, type: null, family: null, via: 'channel', through: chpid, port: null });
    }
    return out;
  }

  /** A classic CPC's processors in each mode, from every LPAR's HMC properties (the reads the partition view shares). */
  private async lparProcessors(cpcName: string, lpars: readonly { name: string; status: string | null }[]): Promise<ProcessorsByMode> {
    const read = await Promise.all(
      lpars.map(async (lpar) => ({
        status: lpar.status,
        properties: (await this.hmcPartitionShared(cpcName, lpar.name))?.properties ?? null,
      })),
    );
    return processorsByMode(read);
  }

  private async hmcPartitionShared(cpcName: string, partitionName: string): Promise<HmcPartitionRead> {
    const key = JSON.stringify([cpcName, partitionName]);
    const loaded = await this.partitionReads.load(key, async () => ({ read: await this.hmcPartition(cpcName, partitionName) }));
    return loaded.value.read;
  }

  private async hmcPartition(cpcName: string, partitionName: string): Promise<HmcPartitionRead> {
    const { hmc } = this.deps;
    const cpc = this.hmcCpc(cpcName);
    const partition = cpc?.partitions.find((p) => p.name === partitionName);
    if (hmc === null || cpc === undefined || partition === undefined || cpc.mode === null) return null;
    const { properties, raw } = await readPartitionProperties(hmc, partition.uri, cpc.mode);
    const uses = cpc.mode === 'dpm' ? await readPartitionTopology(hmc, raw, cpc.adapters) : [];
    return { properties, uses };
  }

  private describeUse(cpc: string, use: HmcAdapterUse): AdapterUse {
    const adapter = this.hmcCpc(cpc)?.adapters.find((a) => a.name === use.adapter);
    return {
      adapter: use.adapter,
      adapterId: adapter?.adapterId ?? null,
      type: adapter?.type ?? null,
      family: adapter?.family ?? null,
      via: use.via,
      through: use.through,
      port: use.port,
    };
  }
}

/** One entry per partition and NIC or storage group; a known port wins over an unknown one. */
function mergeUsers(users: readonly AdapterUser[]): AdapterUser[] {
  const out = new Map<string, AdapterUser>();
  for (const user of users) {
    const key = JSON.stringify([user.partition, user.via, user.through]);
    const known = out.get(key);
    out.set(key, { ...user, port: user.port ?? known?.port ?? null });
  }
  const order = (u: AdapterUser): string => JSON.stringify([u.partition, u.via, u.through]);
  return [...out.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

function dedupeUses(uses: readonly AdapterUse[]): AdapterUse[] {
  const out = new Map<string, AdapterUse>();
  for (const use of uses) {
    const key = JSON.stringify([use.via, use.through, use.adapter]);
    const known = out.get(key);
    // Prometheus knows no adapter type; the HMC does: keep the richer entry.
    if (known === undefined || (known.type === null && use.type !== null)) out.set(key, { ...use, port: use.port ?? known?.port ?? null });
  }
  return [...out.values()].sort((a, b) => (a.via + a.through + a.adapter < b.via + b.through + b.adapter ? -1 : 1));
}
