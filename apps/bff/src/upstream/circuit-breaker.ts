// A circuit breaker for an upstream that stops answering (Prometheus hung by SIGSTOP, killed, or
// unreachable). Closed: requests go. After a connection failure, two timeouts in a row, or one
// timed-out probe, it OPENS: no new request is sent and the ones in flight are ended (their
// signal aborts), so every caller answers at once — with stale data where it has some — instead
// of each waiting out its own timeout against a dead upstream. After a back-off (0.5 s, doubling
// to at most 5 s) ONE caller probes (half-open); success closes the circuit, failure opens it
// again. Recovery therefore follows within ~5 s of the upstream returning.

export type CircuitState = 'closed' | 'open' | 'half_open';

export const CIRCUIT_BACKOFF_MIN_MS = 500;
export const CIRCUIT_BACKOFF_MAX_MS = 5_000;
/** Timeouts in a row that open the circuit (one slow query alone is not an outage). */
export const TIMEOUTS_TO_OPEN = 2;

export type Admission = { kind: 'send' } | { kind: 'probe' } | { kind: 'reject'; retryInMs: number };

export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private timeoutsInRow = 0;
  private backoffMs = 0;
  private openUntilMs = 0;
  private trip = new AbortController();

  constructor(
    private readonly nowMs: () => number,
    /** Told on every change of state (the /metrics gauge, a log line). */
    private readonly onChange: (state: CircuitState, reason: string) => void = () => undefined,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** Aborts, with `reason`, when the circuit opens: requests in flight listen to it. */
  get signal(): AbortSignal {
    return this.trip.signal;
  }

  /** Whether a new request may go: always when closed; one probe after the back-off; else not. */
  admit(): Admission {
    if (this.current === 'closed') return { kind: 'send' };
    const left = this.openUntilMs - this.nowMs();
    if (this.current === 'open' && left <= 0) {
      this.change('half_open', 'back-off over: probing');
      return { kind: 'probe' };
    }
    return { kind: 'reject', retryInMs: Math.max(0, left) };
  }

  /** The upstream answered (whatever it said): the circuit closes. */
  success(): void {
    this.timeoutsInRow = 0;
    this.backoffMs = 0;
    if (this.current !== 'closed') this.change('closed', 'the upstream answered');
  }

  /**
   * The upstream did not answer: `network` (refused, reset, DNS) opens the circuit at once, as does
   * any failed probe; `timeout` after TIMEOUTS_TO_OPEN in a row.
   */
  failure(kind: 'network' | 'timeout', reason: Error, probe = false): void {
    if (kind === 'timeout' && !probe && this.current === 'closed') {
      this.timeoutsInRow += 1;
      if (this.timeoutsInRow < TIMEOUTS_TO_OPEN) return;
    }
    // Already open: the requests that fail now were sent before it opened; the back-off stands.
    if (this.current === 'open') return;
    this.timeoutsInRow = 0;
    this.backoffMs = Math.min(CIRCUIT_BACKOFF_MAX_MS, this.backoffMs === 0 ? CIRCUIT_BACKOFF_MIN_MS : this.backoffMs * 2);
    this.openUntilMs = this.nowMs() + this.backoffMs;
    this.change('open', reason.message);
    // Requests still waiting on the dead upstream end now, with the reason.
    const tripped = this.trip;
    this.trip = new AbortController();
    tripped.abort(reason);
  }

  private change(state: CircuitState, reason: string): void {
    this.current = state;
    this.onChange(state, reason);
  }
}
