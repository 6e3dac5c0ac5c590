// The breaker's state machine with a clock the test moves and a liveness check the test answers (it
// stands for the upstream's cheap question; the Prometheus client's tests ask a real HTTP server).
import { describe, expect, it } from 'vitest';
import { CIRCUIT_BACKOFF_MAX_MS, CIRCUIT_BACKOFF_MIN_MS, CircuitBreaker, type CircuitState, type Liveness } from './circuit-breaker.js';

function build() {
  let now = 1_000_000;
  const pending: ((liveness: Liveness) => void)[] = [];
  const changes: CircuitState[] = [];
  const breaker = new CircuitBreaker({
    nowMs: () => now,
    checkAlive: () => new Promise<Liveness>((resolve) => pending.push(resolve)),
    onChange: (state) => changes.push(state),
  });
  /** Answers the liveness check in flight. */
  const answer = async (liveness: Liveness): Promise<void> => {
    const resolve = pending.shift();
    if (resolve === undefined) throw new Error('no liveness check in flight');
    resolve(liveness);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { breaker, pending, changes, answer, advance: (ms: number) => void (now += ms) };
}

const HUNG: Liveness = { alive: false, error: new Error('no answer to `1` within 2500 ms') };
const ALIVE: Liveness = { alive: true };

describe('CircuitBreaker', () => {
  it('opens at once on a refused connection and ends the requests in flight with the reason', () => {
    const { breaker, pending } = build();
    const inFlight = breaker.signal;
    breaker.unreachable(new Error('connect ECONNREFUSED'));
    expect(breaker.state).toBe('open');
    expect(inFlight.aborted).toBe(true);
    expect((inFlight.reason as Error).message).toBe('connect ECONNREFUSED');
    expect(breaker.signal.aborted).toBe(false);
    expect(pending).toHaveLength(0);
    expect(breaker.admit()).toEqual({ kind: 'reject', retryInMs: CIRCUIT_BACKOFF_MIN_MS });
  });

  it('does not open on timeouts while the liveness check answers (an overloaded but alive upstream)', async () => {
    const { breaker, pending, answer, changes } = build();
    for (let i = 0; i < 5; i++) {
      const verdict = breaker.suspect();
      await answer(ALIVE);
      expect(await verdict).toEqual(ALIVE);
      expect(breaker.state).toBe('closed');
      expect(breaker.admit()).toEqual({ kind: 'send' });
    }
    expect(pending).toHaveLength(0);
    expect(changes).toEqual([]);
  });

  it('opens when a timeout is confirmed by a failed liveness check', async () => {
    const { breaker, answer } = build();
    const inFlight = breaker.signal;
    void breaker.suspect();
    expect(breaker.state).toBe('closed');
    await answer(HUNG);
    expect(breaker.state).toBe('open');
    expect(inFlight.reason).toBe(HUNG.error);
  });

  it('asks one liveness check for many suspects at once', async () => {
    const { breaker, pending, answer } = build();
    const verdicts = [breaker.suspect(), breaker.suspect(), breaker.check()];
    expect(pending).toHaveLength(1);
    await answer(HUNG);
    expect(await Promise.all(verdicts)).toEqual([HUNG, HUNG, HUNG]);
    // Open: further suspects ask nothing.
    expect(await breaker.suspect()).toMatchObject({ alive: false });
    expect(pending).toHaveLength(0);
  });

  it('counts an answer with an error (401, an error page) as alive', async () => {
    const { breaker, answer } = build();
    void breaker.suspect();
    await answer({ alive: true, error: new Error('Prometheus answered 401') });
    expect(breaker.state).toBe('closed');
  });

  it('lets one probe through after the back-off, doubling it up to the maximum while the upstream stays away', async () => {
    const { breaker, answer, advance, changes } = build();
    breaker.unreachable(new Error('reset'));
    let backoff = CIRCUIT_BACKOFF_MIN_MS;
    for (let round = 0; round < 6; round++) {
      advance(backoff - 1);
      expect(breaker.admit()).toEqual({ kind: 'reject', retryInMs: 1 });
      advance(1);
      expect(breaker.admit()).toEqual({ kind: 'probe' });
      expect(breaker.state).toBe('half_open');
      // While the probe is out, everyone else is refused.
      expect(breaker.admit().kind).toBe('reject');
      const probe = breaker.check();
      await answer(HUNG);
      await probe;
      expect(breaker.state).toBe('open');
      backoff = Math.min(CIRCUIT_BACKOFF_MAX_MS, backoff * 2);
    }
    expect(backoff).toBe(CIRCUIT_BACKOFF_MAX_MS);
    advance(CIRCUIT_BACKOFF_MAX_MS);
    expect(breaker.admit()).toEqual({ kind: 'probe' });
    const probe = breaker.check();
    await answer(ALIVE);
    await probe;
    expect(breaker.state).toBe('closed');
    expect(changes.at(-1)).toBe('closed');
    // Closed again: the back-off starts over.
    breaker.unreachable(new Error('reset'));
    expect(breaker.admit()).toEqual({ kind: 'reject', retryInMs: CIRCUIT_BACKOFF_MIN_MS });
  });

  it('closes when a request sent before it opened is answered after all', () => {
    const { breaker } = build();
    breaker.unreachable(new Error('reset'));
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.admit()).toEqual({ kind: 'send' });
  });
});
