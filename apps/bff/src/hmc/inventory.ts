// Inventory as the HMC knows it (hmc-api.md §2): CPCs with mode and machine type/model, and their
// partitions (DPM) or logical partitions (classic) with status and type. Object URIs are kept so the
// live source can map metrics rows (which name objects by URI) to CPC and partition names.
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { HmcClient } from './client.js';

const CpcListSchema = z.object({
  cpcs: z.array(z.object({ 'object-uri': z.string(), name: z.string(), status: z.string().optional() })),
});
const CpcPropertiesSchema = z.object({
  name: z.string(),
  status: z.string().optional(),
  'dpm-enabled': z.boolean().optional(),
  'machine-type': z.string().optional(),
  'machine-model': z.string().optional(),
});
const PartitionListSchema = z.object({
  partitions: z.array(
    z.object({ 'object-uri': z.string(), name: z.string(), status: z.string().optional(), type: z.string().optional() }),
  ),
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

export interface HmcCpc {
  uri: string;
  name: string;
  mode: 'dpm' | 'classic' | null;
  status: string | null;
  machineType: string | null;
  machineModel: string | null;
  partitions: HmcPartition[];
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
      return {
        uri: entry['object-uri'],
        name: props.name,
        mode,
        status: props.status ?? entry.status ?? null,
        machineType: props['machine-type'] ?? null,
        machineModel: props['machine-model'] ?? null,
        partitions,
      };
    }),
  );
}
