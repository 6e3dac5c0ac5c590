// Bounded concurrency for upstream calls: a slow upstream must not collect an unbounded pile of
// open requests from many browsers (design.md "Query hygiene"). The wait for a slot counts inside
// the caller's deadline: with a signal, a waiter whose deadline passes leaves the queue at once
// with the signal's reason (a TimeoutError), instead of waiting for a slot and only then timing out.

export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxInFlight: number) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new RangeError('maxInFlight must be a positive integer');
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.active >= this.maxInFlight) await this.slot(signal);
    else this.active += 1;
    try {
      // A slot granted in the same moment the deadline passed is handed on, the task not started.
      signal?.throwIfAborted();
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
      if (next) next();
      else this.active -= 1;
    }
  }

  get inFlight(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  private slot(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const granted = (): void => {
        signal?.removeEventListener('abort', abandon);
        resolve();
      };
      const abandon = (): void => {
        const index = this.waiting.indexOf(granted);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted while waiting for a slot'));
      };
      this.waiting.push(granted);
      signal?.addEventListener('abort', abandon, { once: true });
    });
  }
}
