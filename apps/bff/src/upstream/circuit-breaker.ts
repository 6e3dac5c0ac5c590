// A circuit breaker for an upstream that stops answering (Prometheus hung by SIGSTOP, killed, or
// unreachable). Closed: requests go. OPEN: no new request is sent and the ones in flight are ended
// (their signal aborts), so every caller answers at once — with stale data where it has some —
// instead of each waiting out its own timeout against a dead upstream.
//
// What opens it is evidence that the upstream is not answering, not that one query is heavy:
// - a refused or reset connection (`unreachable`) opens it at once;
// - a query that timed out, or is still unanswered after a while (`suspect`), is NOT such evidence:
//   an overloaded but alive Prometheus times out on heavy queries while it answers cheap ones. The
//   breaker asks the upstream's cheap liveness check (`checkAlive`: Prometheus' `1`, with a short
//   bound) and opens only when that fails too;
// - a failed liveness check (also the readiness probe's) opens it.
// After a back-off (0.5 s, doubling to at most 5 s) ONE caller runs the liveness check (half-open);
// success closes the circuit, failure opens it again. Recovery follows within ~5 s of the upstream
// returning.

export type CircuitState = 'closed' | 'open' | 'half_open';

export const CIRCUIT_BACKOFF_MIN_MS = 500;
export const CIRCUIT_BACKOFF_MAX_MS = 5_000;

export type Admission = { kind: 'send' } | { kind: 'probe' } | { kind: 'reject'; retryInMs: number };

/**
 * What a liveness check found: the upstream answered (alive; `error` when it said no, e.g. 401), or
 * it did not (`error` says why).
 */
export type Liveness = { alive: true; error?: Error } | { alive: false; error: Error };

export interface CircuitBreakerOptions {
  nowMs: () => number;
  /** The upstream's cheapest question, bounded by a short timeout; never throws. */
  checkAlive: () => Promise<Liveness>;
  /** Told on every change of state (the /metrics gauge, a log line). */
  onChange?: (state: CircuitState, reason: string) => void;
}

export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private backoffMs = 0;
  private openUntilMs = 0;
  private trip = new AbortController();
  private checking: Promise<Liveness> | null = null;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): CircuitState {
    return this.current;
  }

  /** Aborts, with the reason, when the circuit opens: requests in flight listen to it. */
  get signal(): AbortSignal {
    return this.trip.signal;
  }

  /** Whether a new request may go: always when closed; one probe after the back-off; else not. */
  admit(): Admission {
    if (this.current === 'closed') return { kind: 'send' };
    const left = this.openUntilMs - this.options.nowMs();
    if (this.current === 'open' && left <= 0) {
      this.change('half_open', 'back-off over: probing');
      return { kind: 'probe' };
    }
    return { kind: 'reject', retryInMs: Math.max(0, left) };
  }

  /** The upstream answered (whatever it said): the circuit closes. */
  success(): void {
    this.backoffMs = 0;
    if (this.current !== 'closed') this.change('closed', 'the upstream answered');
  }

  /** The connection was refused or reset: nothing is listening, the circuit opens at once. */
  unreachable(reason: Error): void {
    this.open(reason);
  }

  /**
   * A query timed out, or has waited long: maybe the upstream is hung, maybe the query is heavy.
   * The liveness check decides (one at a time, shared); only its failure opens the circuit.
   */
  suspect(): Promise<Liveness> {
    if (this.current !== 'closed') return Promise.resolve({ alive: false, error: new Error('the circuit is already open') });
    return this.check();
  }

  /** The liveness check (a probe, the readiness check): success closes the circuit, failure opens it. */
  check(): Promise<Liveness> {
    this.checking ??= this.options
      .checkAlive()
      .then((liveness) => {
        if (liveness.alive) this.success();
        else this.open(liveness.error);
        return liveness;
      })
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  private open(reason: Error): void {
    // Already open: the requests that fail now were sent before it opened; the back-off stands.
    if (this.current === 'open') return;
    this.backoffMs = Math.min(CIRCUIT_BACKOFF_MAX_MS, this.backoffMs === 0 ? CIRCUIT_BACKOFF_MIN_MS : this.backoffMs * 2);
    this.openUntilMs = this.options.nowMs() + this.backoffMs;
    this.change('open', reason.message);
    // Requests still waiting on the dead upstream end now, with the reason.
    const tripped = this.trip;
    this.trip = new AbortController();
    tripped.abort(reason);
  }

  private change(state: CircuitState, reason: string): void {
    this.current = state;
    this.options.onChange?.(state, reason);
  }
}
