// What the HMC records as text, read-only: a CPC's hardware messages (with the console's) over a
// range, and a partition's operating-system messages. Each read is shared by every viewer for a
// short while (the HMC is not asked per browser and refresh), and what the HMC user may not read is
// said as such, not as an error. zlens never acknowledges, deletes or replies to a message.
import { type HardwareMessage, type HardwareMessagesResponse, type OsMessage, type OsMessagesResponse } from '@zlens/shared';
import { z } from 'zod';
import { ByteCache, jsonBytes } from '../cache/byte-cache.js';
import type { Clock } from '../clock.js';
import { parseTimeRange } from '../time-range.js';
import { AppError, notFound } from '../errors.js';
import type { HmcClient } from '../hmc/client.js';
import { HmcError } from '../hmc/hmc-error.js';
import type { HmcCpc } from '../hmc/inventory.js';
import type { InventoryService } from '../inventory/service.js';

const HardwareMessagesSchema = z.object({
  'hardware-messages': z.array(z.object({ timestamp: z.number(), text: z.string().default('') })),
});
const OsMessagesSchema = z.object({
  'os-messages': z.array(
    z.object({
      'sequence-number': z.number(),
      'message-text': z.string().default(''),
      timestamp: z.number().nullish(),
      'is-held': z.boolean().default(false),
      'is-priority': z.boolean().default(false),
    }),
  ),
});

/** Messages are read again after this long; many viewers in between share one read. */
const FRESH_MS = 30_000;
const MAX_BYTES = 8 * 1024 * 1024;
const OS_MESSAGES_SHOWN = 100;

type Messages = { kind: 'hardware'; messages: HardwareMessage[] } | { kind: 'os'; messages: OsMessage[] } | { kind: 'not-permitted' };

export interface HmcMessagesServiceDeps {
  hmc: HmcClient | null;
  inventory: InventoryService;
  clock: Clock;
}

/** An HMC answer that means "this user may not read that": HTTP 403 with a reason other than the session's. */
function notPermitted(err: unknown): boolean {
  return err instanceof HmcError && err.httpStatus === 403 && err.reason !== 4 && err.reason !== 5;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('upstream_error', `HMC: unexpected answer to ${what}`);
  return result.data;
}

export class HmcMessagesService {
  private readonly cache: ByteCache<Messages>;

  constructor(private readonly deps: HmcMessagesServiceDeps) {
    this.cache = new ByteCache<Messages>({
      name: 'hmc-messages',
      maxBytes: MAX_BYTES,
      freshMs: FRESH_MS,
      keepMs: FRESH_MS,
      sizeOf: jsonBytes,
      clock: deps.clock,
    });
  }

  async hardwareMessages(cpcName: string, fromText: string, toText: string): Promise<HardwareMessagesResponse> {
    const nowSeconds = Math.floor(this.deps.clock.nowMs() / 1000);
    const { from: start, to: end } = parseTimeRange(fromText, toText, nowSeconds);
    const base = { start, end, messages: [] };
    const { hmc } = this.deps;
    if (hmc === null) return { ...base, available: false, unavailableReason: 'needs-hmc' };
    const cpc = await this.hmcCpc(cpcName);
    if (cpc === null) return { ...base, available: false, unavailableReason: 'unknown-to-hmc' };
    // The range on a minute grid: viewers of the same window share one read.
    const key = `hw/${cpc.uri}/${Math.floor(start / 60)}/${Math.floor(end / 60)}`;
    const read = await this.cache.load(key, async () => {
      const range = `begin-time=${start * 1000}&end-time=${end * 1000}`;
      const own = this.read(hmc, `${cpc.uri}/hardware-messages?${range}`, 'cpc');
      // The console's messages are shown too where the user may read them; its refusal hides only them.
      const console = this.read(hmc, `/api/console/hardware-messages?${range}`, 'console').catch((err: unknown) => {
        if (notPermitted(err)) return [];
        throw err;
      });
      try {
        const [a, b] = await Promise.all([own, console]);
        return { kind: 'hardware', messages: [...a, ...b].sort((x, y) => y.time - x.time) } satisfies Messages;
      } catch (err) {
        if (notPermitted(err)) return { kind: 'not-permitted' } satisfies Messages;
        throw err;
      }
    });
    const value = read.value;
    if (value.kind === 'not-permitted') return { ...base, available: false, unavailableReason: 'not-permitted' };
    return { ...base, available: true, messages: value.kind === 'hardware' ? value.messages : [] };
  }

  async osMessages(cpcName: string, partitionName: string): Promise<OsMessagesResponse> {
    const { hmc } = this.deps;
    if (hmc === null) return { available: false, unavailableReason: 'needs-hmc', messages: [] };
    const cpc = await this.hmcCpc(cpcName, partitionName);
    const partition = cpc?.partitions.find((p) => p.name === partitionName);
    if (cpc === null || partition === undefined) return { available: false, unavailableReason: 'unknown-to-hmc', messages: [] };
    const read = await this.cache.load(`os/${partition.uri}`, async () => {
      try {
        const body = parse(OsMessagesSchema, await hmc.getJson(`${partition.uri}/operations/list-os-messages`), 'List OS Messages');
        const messages = body['os-messages']
          .map((m): OsMessage => ({
            sequence: m['sequence-number'],
            time: m.timestamp == null ? null : Math.floor(m.timestamp / 1000),
            text: m['message-text'].trimEnd(),
            held: m['is-held'],
            priority: m['is-priority'],
          }))
          .sort((a, b) => b.sequence - a.sequence)
          .slice(0, OS_MESSAGES_SHOWN);
        return { kind: 'os', messages } satisfies Messages;
      } catch (err) {
        if (notPermitted(err)) return { kind: 'not-permitted' } satisfies Messages;
        throw err;
      }
    });
    const value = read.value;
    if (value.kind === 'not-permitted') return { available: false, unavailableReason: 'not-permitted', messages: [] };
    return { available: true, messages: value.kind === 'os' ? value.messages : [] };
  }

  /** The HMC's CPC of that name; 404 when no source knows the CPC (or the partition) at all. */
  private async hmcCpc(cpcName: string, partitionName?: string): Promise<HmcCpc | null> {
    const inventory = await this.deps.inventory.get();
    const known = inventory.cpcs.find((c) => c.name === cpcName);
    if (known === undefined) throw notFound(`cpc: no CPC named "${cpcName}"`);
    if (partitionName !== undefined && !known.partitions.some((p) => p.name === partitionName)) {
      throw notFound(`partition: CPC "${cpcName}" has no partition named "${partitionName}"`);
    }
    return this.deps.inventory.hmcCpcs()?.find((c) => c.name === cpcName) ?? null;
  }

  private async read(hmc: HmcClient, path: string, origin: HardwareMessage['origin']): Promise<HardwareMessage[]> {
    const body = parse(HardwareMessagesSchema, await hmc.getJson(path), 'List Hardware Messages');
    return body['hardware-messages'].map((m) => ({ time: Math.floor(m.timestamp / 1000), text: m.text, origin }));
  }
}
