// Inventory as the HMC knows it (hmc-api.md §2): CPCs with mode and machine type/model, and their
// partitions (DPM) or logical partitions (classic) with status and type. Object URIs are kept so the
// live source can map metrics rows (which name objects by URI) to CPC and partition names.
import type { AdapterFamily, AdapterSummary, CpcMode } from '@zlens/shared';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { HmcError, type HmcClient } from './client.js';

const CpcListSchema = z.object({
  cpcs: z.array(z.object({ 'object-uri': z.string(), name: z.string(), status: z.string().optional() })),
});
const CpcPropertiesSchema = z.object({
  name: z.string(),
  status: z.string().optional(),
  'dpm-enabled': z.boolean().optional(),
  'machine-type': z.string().optional(),
  'machine-model': z.string().optional(),
  'se-version': z.string().optional(),
  'processor-count-general-purpose': z.number().optional(),
  'processor-count-ifl': z.number().optional(),
  'processor-count-iip': z.number().optional(),
  'processor-count-icf': z.number().optional(),
  'processor-count-service-assist': z.number().optional(),
  'storage-total-installed': z.number().optional(),
});
const AdapterListSchema = z.object({
  adapters: z.array(
    z.object({
      'object-uri': z.string(),
      name: z.string(),
      'adapter-id': z.string().optional(),
      'adapter-family': z.string().optional(),
      type: z.string().optional(),
      status: z.string().optional(),
    }),
  ),
});
const PartitionListSchema = z.object({
  partitions: z.array(z.object({ 'object-uri': z.string(), name: z.string(), status: z.string().optional(), type: z.string().optional() })),
});
const LparListSchema = z.object({
  'logical-partitions': z.array(z.object({ 'object-uri': z.string(), name: z.string(), status: z.string().optional() })),
});

export interface HmcPartition {
  uri: string;
  name: string;
  status: string | null;
  type: string | null;
}

export interface HmcAdapter extends Omit<AdapterSummary, 'sources' | 'statusNotExported'> {
  uri: string;
}

/** HMC `adapter-family` (or `type` when the family is absent) → the family zlens groups by (hmc-api.md §2.5). */
export function adapterFamily(family: string | null, type: string | null): AdapterFamily | null {
  const key = family ?? type;
  if (key === null) return null;
  if (['osa', 'roce', 'hipersockets', 'cna', 'cloud-network', 'network-express', 'networking', 'osd', 'osm'].includes(key))
    return 'network';
  if (['ficon', 'fcp', 'fc'].includes(key)) return 'storage';
  if (key === 'crypto') return 'crypto';
  if (['accelerator', 'zedc'].includes(key)) return 'accelerator';
  return 'other';
}

export interface HmcCpc {
  uri: string;
  name: string;
  mode: CpcMode | null;
  status: string | null;
  machineType: string | null;
  machineModel: string | null;
  seVersion: string | null;
  processors: { cp: number | null; ifl: number | null; iip: number | null; icf: number | null; sap: number | null };
  memoryMiB: number | null;
  partitions: HmcPartition[];
  adapters: HmcAdapter[];
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('upstream_error', `HMC: unexpected answer to ${what}`);
  return result.data;
}

export async function readHmcInventory(client: HmcClient): Promise<HmcCpc[]> {
  const list = parse(CpcListSchema, await client.getJson('/api/cpcs'), 'List CPCs');
  return Promise.all(
    list.cpcs.map(async (entry): Promise<HmcCpc> => {
      const props = parse(CpcPropertiesSchema, await client.getJson(entry['object-uri']), `Get CPC ${entry.name}`);
      const mode = props['dpm-enabled'] === undefined ? null : props['dpm-enabled'] ? 'dpm' : 'classic';
      let partitions: HmcPartition[] = [];
      if (mode === 'dpm') {
        const body = parse(PartitionListSchema, await client.getJson(`${entry['object-uri']}/partitions`), 'List Partitions');
        partitions = body.partitions.map((p) => ({
          uri: p['object-uri'],
          name: p.name,
          status: p.status ?? null,
          type: p.type ?? null,
        }));
      } else if (mode === 'classic') {
        const body = parse(LparListSchema, await client.getJson(`${entry['object-uri']}/logical-partitions`), 'List LPARs');
        // The HMC pads LPAR names in some places; the exporter trims them, so the join must too.
        partitions = body['logical-partitions'].map((p) => ({
          uri: p['object-uri'],
          name: p.name.trim(),
          status: p.status ?? null,
          type: null,
        }));
      }
      const adapters = mode === 'dpm' ? await readAdapters(client, entry['object-uri']) : [];
      return {
        uri: entry['object-uri'],
        name: props.name,
        mode,
        status: props.status ?? entry.status ?? null,
        machineType: props['machine-type'] ?? null,
        machineModel: props['machine-model'] ?? null,
        seVersion: props['se-version'] ?? null,
        processors: {
          cp: props['processor-count-general-purpose'] ?? null,
          ifl: props['processor-count-ifl'] ?? null,
          iip: props['processor-count-iip'] ?? null,
          icf: props['processor-count-icf'] ?? null,
          sap: props['processor-count-service-assist'] ?? null,
        },
        memoryMiB: props['storage-total-installed'] ?? null,
        partitions,
        adapters,
      };
    }),
  );
}

/** DPM adapters; an HMC (or simulator) without the List Adapters operation answers 404: no adapters. */
async function readAdapters(client: HmcClient, cpcUri: string): Promise<HmcAdapter[]> {
  let body: unknown;
  try {
    body = await client.getJson(`${cpcUri}/adapters`);
  } catch (err) {
    if (err instanceof HmcError && err.httpStatus === 404) return [];
    throw err;
  }
  return parse(AdapterListSchema, body, 'List Adapters').adapters.map((a) => {
    const family = a['adapter-family'] ?? null;
    const type = a.type ?? null;
    return {
      uri: a['object-uri'],
      name: a.name,
      adapterId: a['adapter-id'] ?? null,
      type,
      family: adapterFamily(family, type),
      status: a.status ?? null,
    };
  });
}
