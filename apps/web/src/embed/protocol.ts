// The postMessage protocol between an embedded zlens page and the portal that frames it
// (docs/embedding.md). zlens posts `zlens:resize`, `zlens:range` and `zlens:authRequired` to the
// parent's origin only, and accepts `zlens:setRange`, `zlens:setTheme`, `zlens:setLanguage` and
// `zlens:setToken` only from an allowed origin.
import { LANGUAGES, type EmbedConfig, type UnauthenticatedReason } from '@zlens/shared';
import { z } from 'zod';
import { TokenSchema } from '../auth/auth-store';
import { MIN_WINDOW_SECONDS, RANGES, THEMES, type ViewParams } from '../state/view-params';

const UNIX_SECONDS = z.number().int().min(0).max(99_999_999_999);

export const IncomingMessageSchema = z.union([
  z.object({ type: z.literal('zlens:setRange'), range: z.enum(RANGES) }),
  z
    .object({ type: z.literal('zlens:setRange'), from: UNIX_SECONDS, to: UNIX_SECONDS })
    .refine((m) => m.to - m.from >= MIN_WINDOW_SECONDS, { message: `to must be at least ${MIN_WINDOW_SECONDS} s after from` }),
  z.object({ type: z.literal('zlens:setTheme'), theme: z.enum(THEMES) }),
  z.object({ type: z.literal('zlens:setLanguage'), language: z.enum(LANGUAGES) }),
  z.object({ type: z.literal('zlens:setToken'), token: TokenSchema }),
]);
export type IncomingMessage = z.infer<typeof IncomingMessageSchema>;

export interface ResizeMessage {
  type: 'zlens:resize';
  height: number;
}
export interface RangeMessage {
  type: 'zlens:range';
  /** Unix seconds. */
  from: number;
  to: number;
  /** The preset when the range is relative (`1h`), null after a zoom or an absolute pick. */
  range: string | null;
}
/** Posted once each time the page becomes signed out: the portal should send a (fresh) token. */
export interface AuthRequiredMessage {
  type: 'zlens:authRequired';
  /** The BFF's reason in English (no token, expired token, ...). */
  message: string;
  /** The same as a code (`missing`, `expired`, ...; UNAUTHENTICATED_REASONS), null when the BFF gave none. */
  reason: UnauthenticatedReason | null;
}
export type OutgoingMessage = ResizeMessage | RangeMessage | AuthRequiredMessage;

/** The origins that may talk to this page: the configured portals, and zlens's own with 'self'. */
export function allowedOrigins(config: EmbedConfig, selfOrigin: string): ReadonlySet<string> {
  const origins = new Set(config.allowedOrigins);
  if (config.allowSelf) origins.add(selfOrigin);
  return origins;
}

/**
 * The parent's origin if it is allowed: the first allowed origin that matches what the browser
 * says framed us (`location.ancestorOrigins[0]`, else the origin of `document.referrer`).
 * Null when the parent is not allowed or not known: then nothing is posted.
 */
export function parentOrigin(allowed: ReadonlySet<string>, ancestor: string | undefined, referrer: string): string | null {
  let candidate = ancestor;
  if (candidate === undefined && referrer !== '') {
    try {
      candidate = new URL(referrer).origin;
    } catch {
      candidate = undefined;
    }
  }
  if (candidate === undefined) return null;
  return [...allowed].find((origin) => origin === candidate) ?? null;
}

export type HandleResult =
  { kind: 'applied'; change: Partial<ViewParams> } | { kind: 'token'; token: string } | { kind: 'ignored'; reason: string };

/**
 * What an incoming message changes, or why it is ignored. Messages that are not zlens's
 * (no `zlens:` type) are ignored silently by the caller; every other refusal has a reason.
 */
export function handleMessage(origin: string, data: unknown, allowed: ReadonlySet<string>): HandleResult {
  if (!allowed.has(origin)) return { kind: 'ignored', reason: `origin ${origin} is not allowed` };
  const parsed = IncomingMessageSchema.safeParse(data);
  if (!parsed.success) return { kind: 'ignored', reason: 'not a zlens message zlens accepts' };
  const message = parsed.data;
  switch (message.type) {
    case 'zlens:setRange':
      return { kind: 'applied', change: 'range' in message ? { range: message.range } : { from: message.from, to: message.to } };
    case 'zlens:setTheme':
      return { kind: 'applied', change: { theme: message.theme } };
    case 'zlens:setLanguage':
      return { kind: 'applied', change: { lang: message.language } };
    case 'zlens:setToken':
      return { kind: 'token', token: message.token };
  }
}

export function isZlensMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && typeof data.type === 'string' && data.type.startsWith('zlens:');
}
