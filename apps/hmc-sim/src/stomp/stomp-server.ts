// The HMC's notification side (hmc-api.md §4, §7): STOMP 1.1/1.2 over TLS. A client sends
// STOMP/CONNECT with login/passcode = userid/password or api-session/session-credential, gets
// CONNECTED, subscribes to `/topic/<notification-topic>` of one of its sessions, and receives a
// `status-change` and a `property-change` MESSAGE whenever a scenario object changes status.
// What happens to a subscription when the session that owns its topic ends (logoff, idle timeout,
// expiry) is UNKNOWN for a real HMC, so it is a setting (SESSION_END_BEHAVIOURS).

import type { Socket } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import type { TlsMaterial } from '../hmc-api/hmc-server.js';
import type { Session, SessionStore } from '../hmc-api/sessions.js';
import type { SiteState, StatusChange } from '../scenario/site-state.js';

/**
 * A subscription to the topic of a session that has ended:
 * - `silent` (default): stays open and receives nothing more (what a JMS broker does with a topic
 *   nobody publishes to any more: the most likely HMC behaviour, not confirmed);
 * - `keep`: keeps receiving the object notifications (the topic outlives its session; zhmcclient's
 *   docs say any logged-on userid may listen to a topic, not only its session);
 * - `error`: gets an ERROR frame naming the topic, and the connection is closed;
 * - `close`: the connection is closed without a frame.
 */
export const SESSION_END_BEHAVIOURS = ['silent', 'keep', 'error', 'close'] as const;
export type SessionEndBehaviour = (typeof SESSION_END_BEHAVIOURS)[number];

export interface StompServerOptions {
  readonly tls: TlsMaterial;
  readonly sessions: SessionStore;
  readonly credentials: { readonly userid: string; readonly password: string };
  readonly site: SiteState;
  /** Default `silent`. */
  readonly afterSessionEnd?: SessionEndBehaviour;
}

export interface StompServer {
  readonly server: Server;
  /** Connected clients (for tests and close()). */
  readonly connections: ReadonlySet<Socket>;
}

interface Frame {
  readonly command: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

interface Subscription {
  readonly id: string;
  readonly topic: string;
  /** Object notifications (status, property changes) go to a session's object topic only. */
  readonly objectTopic: boolean;
}

const SUPPORTED_VERSIONS = ['1.2', '1.1'];
const ACCEPTABLE_STATUS: Readonly<Record<StatusChange['class'], readonly string[]>> = {
  cpc: ['active', 'operating'],
  partition: ['active', 'stopped'],
  'logical-partition': ['operating'],
  adapter: ['active'],
};

function escapeHeader(value: string, version: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/:/g, '\\c');
  return version === '1.2' ? escaped.replace(/\r/g, '\\r') : escaped;
}

function unescapeHeader(value: string): string {
  return value.replace(/\\([\\nrc])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 'c' ? ':' : '\\'));
}

export function encodeFrame(command: string, headers: readonly (readonly [string, string])[], body = '', version = '1.2'): string {
  // CONNECT and CONNECTED frames never escape their headers (STOMP 1.2 "Value Encoding").
  const escape = command === 'CONNECTED' ? (v: string): string => v : (v: string): string => escapeHeader(v, version);
  const lines = headers.map(([name, value]) => `${escape(name)}:${escape(value)}`);
  if (body !== '') lines.push(`content-length:${Buffer.byteLength(body)}`);
  return `${command}\n${lines.join('\n')}\n\n${body}\0`;
}

/** Splits complete frames off the front of the buffer; returns them and the rest. */
export function decodeFrames(input: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let buffer = input;
  for (;;) {
    // Heart-beats and EOLs between frames.
    let start = 0;
    while (start < buffer.length && (buffer[start] === 0x0a || buffer[start] === 0x0d)) start += 1;
    buffer = buffer.subarray(start);
    const headerEnd = buffer.indexOf('\n\n');
    const crlfEnd = buffer.indexOf('\r\n\r\n');
    const end = crlfEnd >= 0 && (headerEnd < 0 || crlfEnd < headerEnd) ? crlfEnd : headerEnd;
    if (end < 0) return { frames, rest: buffer };
    const bodyStart = end + (end === crlfEnd ? 4 : 2);
    const [command = '', ...headerLines] = buffer.subarray(0, end).toString('utf8').split(/\r?\n/);
    const headers = new Map<string, string>();
    const raw = command === 'CONNECT' || command === 'STOMP';
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = raw ? line.slice(0, colon) : unescapeHeader(line.slice(0, colon));
      // The first occurrence of a repeated header wins (STOMP 1.2).
      if (!headers.has(name)) headers.set(name, raw ? line.slice(colon + 1) : unescapeHeader(line.slice(colon + 1)));
    }
    const length = headers.get('content-length');
    let bodyEnd: number;
    if (length !== undefined && /^\d+$/.test(length)) {
      bodyEnd = bodyStart + Number(length);
      if (buffer.length < bodyEnd + 1) return { frames, rest: buffer };
    } else {
      bodyEnd = buffer.indexOf(0, bodyStart);
      if (bodyEnd < 0) return { frames, rest: buffer };
    }
    frames.push({ command, headers, body: buffer.subarray(bodyStart, bodyEnd).toString('utf8') });
    buffer = buffer.subarray(bodyEnd + 1);
  }
}

export function createStompServer(options: StompServerOptions): StompServer {
  const connections = new Set<Socket>();
  const senders = new Set<(change: StatusChange) => void>();
  const enders = new Set<(session: Session) => void>();
  const sequence = new Map<string, number>();
  const afterSessionEnd = options.afterSessionEnd ?? 'silent';
  options.site.onChange((change) => {
    for (const send of senders) send(change);
  });
  options.sessions.onEnd((session) => {
    for (const end of enders) end(session);
  });

  const server = createServer({ cert: options.tls.cert, key: options.tls.key }, (socket: TLSSocket) => {
    connections.add(socket);
    let buffer: Buffer = Buffer.alloc(0);
    let version: string | undefined;
    let userid: string | undefined;
    let sessionId: string | undefined;
    const subscriptions = new Map<string, Subscription>();
    let messageCounter = 0;

    const write = (command: string, headers: readonly (readonly [string, string])[], body = ''): void => {
      if (!socket.destroyed) socket.write(encodeFrame(command, headers, body, version ?? '1.2'));
    };
    const fail = (message: string, frame?: Frame): void => {
      const receipt = frame?.headers.get('receipt');
      write('ERROR', [['message', message], ...(receipt === undefined ? [] : [['receipt-id', receipt] as const])], `${message}\n`);
      socket.end();
    };
    const topicAllowed = (topic: string): boolean => {
      const owner = options.sessions.findByTopic(topic);
      if (owner === undefined) return false;
      return sessionId === undefined ? owner.userid === userid : owner.id === sessionId;
    };
    // The session that owns a subscribed topic ended (see SESSION_END_BEHAVIOURS).
    const sessionEnded = (session: Session): void => {
      const topics = [session.notificationTopic, session.jobNotificationTopic];
      const hit = [...subscriptions.values()].find((subscription) => topics.includes(subscription.topic));
      if (hit === undefined) return;
      if (afterSessionEnd === 'error') fail(`The notification topic ${hit.topic} no longer exists: its HMC session has ended`);
      else if (afterSessionEnd === 'close') socket.end();
    };
    const deliver = (change: StatusChange): void => {
      for (const subscription of subscriptions.values()) {
        if (!subscription.objectTopic) continue;
        // Looking the owner up also ends a session that idled out, which may close this connection.
        const alive = options.sessions.findByTopic(subscription.topic) !== undefined;
        if (socket.destroyed || socket.writableEnded) return;
        if (!alive && afterSessionEnd !== 'keep') continue;
        const unacceptable = !ACCEPTABLE_STATUS[change.class].includes(change.newStatus);
        const notifications: [string, unknown][] = [
          [
            'status-change',
            {
              'change-reports': [{ 'new-status': change.newStatus, 'new-additional-status': '', 'has-unacceptable-status': unacceptable }],
            },
          ],
          [
            'property-change',
            { 'change-reports': [{ 'property-name': 'status', 'old-value': change.oldStatus, 'new-value': change.newStatus }] },
          ],
        ];
        for (const [type, body] of notifications) {
          const nr = sequence.get(subscription.topic) ?? 0;
          sequence.set(subscription.topic, nr + 1);
          messageCounter += 1;
          write(
            'MESSAGE',
            [
              ['destination', `/topic/${subscription.topic}`],
              ['subscription', subscription.id],
              ['message-id', `${subscription.topic}-${messageCounter}`],
              ['content-type', 'application/json;charset=UTF-8'],
              ['notification-type', type],
              ['session-sequence-nr', String(nr)],
              ['class', change.class],
              ['object-id', change.objectId],
              ['object-uri', change.uri],
            ],
            JSON.stringify(body),
          );
        }
      }
    };

    const handle = (frame: Frame): void => {
      if (version === undefined) {
        if (frame.command !== 'CONNECT' && frame.command !== 'STOMP') return fail('the first frame must be CONNECT or STOMP');
        const accepted = (frame.headers.get('accept-version') ?? '').split(',').map((v) => v.trim());
        const chosen = SUPPORTED_VERSIONS.find((v) => accepted.includes(v));
        if (chosen === undefined) return fail(`supported protocol versions are ${SUPPORTED_VERSIONS.join(',')}`);
        const login = frame.headers.get('login') ?? '';
        const passcode = frame.headers.get('passcode') ?? '';
        const session = options.sessions.get(login);
        if (login === options.credentials.userid && passcode === options.credentials.password) {
          userid = login;
        } else if (session !== undefined && session.credential === passcode) {
          userid = session.userid;
          sessionId = session.id;
        } else {
          return fail('Authentication failed: wrong login/passcode or session');
        }
        version = chosen;
        senders.add(deliver);
        enders.add(sessionEnded);
        write('CONNECTED', [
          ['version', chosen],
          ['heart-beat', '0,0'],
          ['server', 'zlens-hmc-sim'],
        ]);
        return;
      }
      switch (frame.command) {
        case 'SUBSCRIBE': {
          const destination = frame.headers.get('destination') ?? '';
          const id = frame.headers.get('id');
          const topic = destination.startsWith('/topic/') ? destination.slice('/topic/'.length) : '';
          if (id === undefined) return fail('SUBSCRIBE needs an id header', frame);
          if (!topicAllowed(topic)) return fail(`unknown destination or not one of your session's topics: ${destination}`, frame);
          subscriptions.set(id, { id, topic, objectTopic: options.sessions.findByTopic(topic)?.notificationTopic === topic });
          break;
        }
        case 'UNSUBSCRIBE':
          subscriptions.delete(frame.headers.get('id') ?? '');
          break;
        case 'DISCONNECT':
          break;
        default:
          return fail(`unsupported frame ${frame.command}`, frame);
      }
      const receipt = frame.headers.get('receipt');
      if (receipt !== undefined) write('RECEIPT', [['receipt-id', receipt]]);
      if (frame.command === 'DISCONNECT') socket.end();
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const { frames, rest } = decodeFrames(buffer);
      buffer = rest;
      for (const frame of frames) handle(frame);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      senders.delete(deliver);
      enders.delete(sessionEnded);
      connections.delete(socket);
    });
  });
  return { server, connections };
}
