// The liveness check's deadline with fake timers and a clock the test moves: a stall of the event
// loop (one late tick) does not count against the upstream; steady time does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { responsiveDeadline } from './responsive-deadline.js';

let now = 0;
beforeEach(() => {
  vi.useFakeTimers();
  now = 0;
});
afterEach(() => vi.useRealTimers());

/** Time passes as it does when the event loop is free: every tick on time. */
function steady(ms: number): void {
  for (let i = 0; i < ms / 100; i++) {
    now += 100;
    vi.advanceTimersByTime(100);
  }
}

describe('responsiveDeadline', () => {
  it('aborts with a TimeoutError after its time when every tick comes on time', () => {
    const { signal } = responsiveDeadline(2_500, () => now);
    steady(2_400);
    expect(signal.aborted).toBe(false);
    steady(100);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('does not count a stall of the event loop: a tick 3 s late counts as 200 ms', () => {
    const { signal } = responsiveDeadline(2_500, () => now);
    steady(1_000);
    // The loop was blocked for 3 s (a large answer parsed); the timer fires once, late.
    now += 3_000;
    vi.advanceTimersByTime(100);
    expect(signal.aborted).toBe(false);
    steady(1_200);
    expect(signal.aborted).toBe(false);
    steady(100);
    expect(signal.aborted).toBe(true);
  });

  it('stops when disposed', () => {
    const { signal, dispose } = responsiveDeadline(500, () => now);
    dispose();
    steady(1_000);
    expect(signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
