// Logged-on sessions and the metrics contexts they own. Unlike zhmcclient's mock (hmc-api.md §6),
// sessions are checked: no header is 403.4, an unknown or expired id is 403.5, and a session's
// metrics contexts die with it (their URIs then answer 404.1, as after an HMC reboot).

import { randomBytes } from 'node:crypto';
import type { MetricGroupInfo } from '../metrics-service/metric-groups.js';

export interface MetricsContext {
  readonly uri: string;
  readonly groups: readonly MetricGroupInfo[];
  readonly anticipatedFrequencySeconds: number;
}

export interface Session {
  readonly id: string;
  readonly userid: string;
  readonly credential: string;
  readonly notificationTopic: string;
  readonly jobNotificationTopic: string;
  lastUsedMs: number;
  readonly contexts: Map<string, MetricsContext>;
}

export const METRICS_CONTEXT_BASE = '/api/services/metrics/context';

type EndListener = (session: Session) => void;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly endListeners = new Set<EndListener>();
  private topicCounter = 100;
  private contextCounter = 0;

  constructor(
    private readonly now: () => number,
    /** Idle time after which a session is invalid (403.5); undefined = never. */
    private readonly idleTimeoutMs: number | undefined,
  ) {}

  create(userid: string): Session {
    this.topicCounter += 1;
    const topic = `${userid}.${this.topicCounter}`;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      userid,
      credential: randomBytes(24).toString('base64url'),
      notificationTopic: topic,
      jobNotificationTopic: `${topic}job`,
      lastUsedMs: this.now(),
      contexts: new Map(),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (touching it), or undefined when unknown or idle too long. */
  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    const now = this.now();
    if (this.idledOut(session, now)) {
      this.end(session);
      return undefined;
    }
    session.lastUsedMs = now;
    return session;
  }

  /** The live session whose object or job notification topic this is (not touching it). */
  findByTopic(topic: string): Session | undefined {
    for (const session of this.sessions.values()) {
      if (session.notificationTopic !== topic && session.jobNotificationTopic !== topic) continue;
      if (!this.idledOut(session, this.now())) return session;
      this.end(session);
      return undefined;
    }
    return undefined;
  }

  delete(id: string): void {
    const session = this.sessions.get(id);
    if (session !== undefined) this.end(session);
  }

  /** Forgets every session, as an HMC restart does; clients must log on again. */
  expireAll(): void {
    for (const session of [...this.sessions.values()]) this.end(session);
  }

  /** Called once for each session that ends (logoff, idle timeout, expiry); returns an unsubscribe function. */
  onEnd(listener: EndListener): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private idledOut(session: Session, now: number): boolean {
    return this.idleTimeoutMs !== undefined && now - session.lastUsedMs > this.idleTimeoutMs;
  }

  private end(session: Session): void {
    if (!this.sessions.delete(session.id)) return;
    for (const listener of this.endListeners) listener(session);
  }

  get size(): number {
    return this.sessions.size;
  }

  addContext(session: Session, groups: readonly MetricGroupInfo[], anticipatedFrequencySeconds: number): MetricsContext {
    this.contextCounter += 1;
    const context: MetricsContext = {
      uri: `${METRICS_CONTEXT_BASE}/${this.contextCounter}`,
      groups,
      anticipatedFrequencySeconds,
    };
    session.contexts.set(context.uri, context);
    return context;
  }
}
