// Partition and adapter properties and topology from the HMC (hmc-api.md §2.3-§2.6): DPM NIC →
// virtual switch (backing adapter, port) or straight to an adapter port; storage group → candidate
// FCP adapter ports; an adapter's network or storage ports. Read on demand for the detail views.
import type { CpcMode, PartitionDetail } from '@zlens/shared';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { HmcClient } from './client.js';
import type { HmcAdapter } from './inventory.js';

const num = z.number().nullable().optional();

const DpmPartitionSchema = z.object({
  description: z.string().nullable().optional(),
  'processor-mode': z.string().nullable().optional(),
  'cp-processors': num,
  'ifl-processors': num,
  'current-cp-processing-weight': num,
  'current-ifl-processing-weight': num,
  'initial-memory': num,
  'maximum-memory': num,
  'nic-uris': z.array(z.string()).optional(),
  'storage-group-uris': z.array(z.string()).optional(),
});

const LparSchema = z.object({
  description: z.string().nullable().optional(),
  'activation-mode': z.string().nullable().optional(),
  'processor-usage': z.string().nullable().optional(),
  'number-general-purpose-processors': num,
  'number-ifl-processors': num,
  'number-ziip-processors': num,
  'number-icf-processors': num,
  'current-processing-weight': num,
  'current-ifl-processing-weight': num,
  'current-ziip-processing-weight': num,
  'current-icf-processing-weight': num,
  'storage-central-allocation': z.array(z.object({ initial: num, maximum: num })).optional(),
});

const NicSchema = z.object({
  name: z.string(),
  'virtual-switch-uri': z.string().nullable().optional(),
  'network-adapter-port-uri': z.string().nullable().optional(),
});
const VirtualSwitchSchema = z.object({ 'backing-adapter-uri': z.string(), port: z.number().nullable().optional() });
const StorageGroupSchema = z.object({ name: z.string(), 'candidate-adapter-port-uris': z.array(z.string()).optional() });
const PortSchema = z.object({ index: z.number(), name: z.string().nullable().optional() });
const AdapterSchema = z.object({
  'detected-card-type': z.string().nullable().optional(),
  'network-port-uris': z.array(z.string()).nullable().optional(),
  'storage-port-uris': z.array(z.string()).nullable().optional(),
});

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('upstream_error', `HMC: unexpected answer to ${what}`);
  return result.data;
}

export interface HmcAdapterUse {
  adapter: string;
  via: 'nic' | 'storage-group';
  through: string;
  port: number | null;
  /** NIC uses: the NIC's element URI (live metrics rows name NICs by it). */
  nicUri?: string;
}

/** What the topology reads need of the HMC client (a per-walk memo stands in for it). */
export type JsonReader = Pick<HmcClient, 'getJson'>;

export interface PartitionProperties {
  properties: Partial<PartitionDetail>;
  /** The DPM partition object, for the topology walk. */
  raw: z.infer<typeof DpmPartitionSchema> | null;
}

export async function readPartitionProperties(client: JsonReader, uri: string, mode: CpcMode): Promise<PartitionProperties> {
  const body = await client.getJson(uri);
  if (mode === 'dpm') {
    const p = parse(DpmPartitionSchema, body, 'Get Partition Properties');
    return {
      raw: p,
      properties: {
        description: p.description ?? null,
        processorMode: p['processor-mode'] ?? null,
        processors: { cp: p['cp-processors'] ?? null, ifl: p['ifl-processors'] ?? null, iip: null, icf: null },
        weights: { cp: p['current-cp-processing-weight'] ?? null, ifl: p['current-ifl-processing-weight'] ?? null, iip: null, icf: null },
        memoryMiB: { initial: p['initial-memory'] ?? null, maximum: p['maximum-memory'] ?? null },
      },
    };
  }
  const l = parse(LparSchema, body, 'Get Logical Partition Properties');
  const storage = l['storage-central-allocation']?.[0];
  return {
    raw: null,
    properties: {
      description: l.description ?? null,
      // A classic LPAR's type is its activation mode (esa390, linux, coupling-facility, …), its
      // processor mode the LPAR's processor-usage (shared or dedicated).
      ...(l['activation-mode'] == null || l['activation-mode'] === 'not-set' ? {} : { type: l['activation-mode'] }),
      processorMode: l['processor-usage'] ?? null,
      processors: {
        cp: l['number-general-purpose-processors'] ?? null,
        ifl: l['number-ifl-processors'] ?? null,
        iip: l['number-ziip-processors'] ?? null,
        icf: l['number-icf-processors'] ?? null,
      },
      weights: {
        cp: l['current-processing-weight'] ?? null,
        ifl: l['current-ifl-processing-weight'] ?? null,
        iip: l['current-ziip-processing-weight'] ?? null,
        icf: l['current-icf-processing-weight'] ?? null,
      },
      memoryMiB: { initial: storage?.initial ?? null, maximum: storage?.maximum ?? null },
    },
  };
}

/** `/api/adapters/{id}/network-ports/{port}` → `/api/adapters/{id}`. */
function adapterUriOfPort(portUri: string): string {
  return portUri.replace(/\/(?:network|storage)-ports\/[^/]*$/, '');
}

export async function readPartitionTopology(
  client: JsonReader,
  partition: PartitionProperties['raw'],
  adapters: readonly HmcAdapter[],
): Promise<HmcAdapterUse[]> {
  if (partition === null) return [];
  const nameOf = (uri: string): string | null => adapters.find((a) => a.uri === uri)?.name ?? null;
  const nicUses = (partition['nic-uris'] ?? []).map(async (uri): Promise<HmcAdapterUse[]> => {
    const nic = parse(NicSchema, await client.getJson(uri), 'Get NIC Properties');
    const vswitchUri = nic['virtual-switch-uri'];
    const portUri = nic['network-adapter-port-uri'];
    if (vswitchUri) {
      const vswitch = parse(VirtualSwitchSchema, await client.getJson(vswitchUri), 'Get Virtual Switch Properties');
      const adapter = nameOf(vswitch['backing-adapter-uri']);
      return adapter === null ? [] : [{ adapter, via: 'nic', through: nic.name, port: vswitch.port ?? null, nicUri: uri }];
    }
    if (portUri) {
      const adapter = nameOf(adapterUriOfPort(portUri));
      const port = parse(PortSchema, await client.getJson(portUri), 'Get Port Properties');
      return adapter === null ? [] : [{ adapter, via: 'nic', through: nic.name, port: port.index, nicUri: uri }];
    }
    return [];
  });
  const groupUses = (partition['storage-group-uris'] ?? []).map(async (uri): Promise<HmcAdapterUse[]> => {
    const group = parse(StorageGroupSchema, await client.getJson(uri), 'Get Storage Group Properties');
    const out: HmcAdapterUse[] = [];
    for (const portUri of group['candidate-adapter-port-uris'] ?? []) {
      const adapter = nameOf(adapterUriOfPort(portUri));
      if (adapter !== null) out.push({ adapter, via: 'storage-group', through: group.name, port: null });
    }
    return out;
  });
  return (await Promise.all([...nicUses, ...groupUses])).flat();
}

export async function readAdapterPorts(
  client: HmcClient,
  uri: string,
): Promise<{ detectedCardType: string | null; ports: { index: number; name: string | null }[] }> {
  const adapter = parse(AdapterSchema, await client.getJson(uri), 'Get Adapter Properties');
  const portUris = [...(adapter['network-port-uris'] ?? []), ...(adapter['storage-port-uris'] ?? [])];
  const ports = await Promise.all(
    portUris.map(async (portUri) => {
      const port = parse(PortSchema, await client.getJson(portUri), 'Get Port Properties');
      return { index: port.index, name: port.name ?? null };
    }),
  );
  return { detectedCardType: adapter['detected-card-type'] ?? null, ports };
}
