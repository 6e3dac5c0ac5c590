// What the HMC itself records as text, read-only: the hardware messages of a CPC (and of the
// console), GET /api/v1/cpcs/:cpc/hardware-messages, and a partition's operating-system messages,
// GET /api/v1/cpcs/:cpc/partitions/:partition/os-messages. zlens never acknowledges or deletes one.
import { z } from 'zod';
import { TimeExpressionSchema } from './api.js';

/** Why messages cannot be shown: no HMC configured, or the HMC user may not read them. */
export const HMC_MESSAGES_UNAVAILABLE = ['needs-hmc', 'not-permitted', 'unknown-to-hmc'] as const;

export const HardwareMessageSchema = z.object({
  /** Unix seconds. */
  time: z.number(),
  text: z.string(),
  /** Where the message came from: the CPC's support element or the HMC console itself. */
  origin: z.enum(['cpc', 'console']),
});
export type HardwareMessage = z.infer<typeof HardwareMessageSchema>;

export const HardwareMessagesQuerySchema = z.object({
  from: TimeExpressionSchema.default('now-7d'),
  to: TimeExpressionSchema.default('now'),
});

export const HardwareMessagesResponseSchema = z.object({
  available: z.boolean(),
  unavailableReason: z.enum(HMC_MESSAGES_UNAVAILABLE).optional(),
  start: z.number(),
  end: z.number(),
  /** Newest first; the CPC's own and the console's. */
  messages: z.array(HardwareMessageSchema),
});
export type HardwareMessagesResponse = z.infer<typeof HardwareMessagesResponseSchema>;

export const OsMessageSchema = z.object({
  sequence: z.number(),
  /** Unix seconds, or null where the HMC gives no time. */
  time: z.number().nullable(),
  text: z.string(),
  /** A held message waits for the operator's reply; a priority message needs attention. */
  held: z.boolean(),
  priority: z.boolean(),
});
export type OsMessage = z.infer<typeof OsMessageSchema>;

export const OsMessagesResponseSchema = z.object({
  available: z.boolean(),
  unavailableReason: z.enum(HMC_MESSAGES_UNAVAILABLE).optional(),
  /** Newest first, at most the last 100. */
  messages: z.array(OsMessageSchema),
});
export type OsMessagesResponse = z.infer<typeof OsMessagesResponseSchema>;
