// A deadline that counts only the time in which this process could have heard an answer. A timer
// that fires late means the event loop was busy (parsing a large answer, serialising a fleet
// heatmap on a starved CPU) and an upstream's answer may have sat in the socket all along: the late
// stretch does not count against the upstream. The breaker's liveness check is bounded by it, so
// its verdict is about Prometheus, not about the BFF's own event loop (docs/benchmarks.md "BFF
// soak": with a plain timer, a busy BFF took its own stalls for a Prometheus that did not answer).

/** How often the deadline looks at the clock; a tick later than twice this counts as two ticks. */
const TICK_MS = 100;

export interface ResponsiveDeadline {
  /** Aborts with a TimeoutError once `ms` of responsive time have passed. */
  signal: AbortSignal;
  /** Stops the ticks (the answer came). */
  dispose(): void;
}

export function responsiveDeadline(ms: number, nowMs: () => number = () => performance.now()): ResponsiveDeadline {
  const controller = new AbortController();
  let counted = 0;
  let last = nowMs();
  const timer = setInterval(() => {
    const now = nowMs();
    counted += Math.min(now - last, 2 * TICK_MS);
    last = now;
    if (counted < ms) return;
    clearInterval(timer);
    controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError'));
  }, TICK_MS);
  timer.unref();
  return { signal: controller.signal, dispose: () => clearInterval(timer) };
}
