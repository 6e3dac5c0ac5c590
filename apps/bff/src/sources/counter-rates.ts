// Per-second rates from the HMC's cumulative counters (bytes-sent, packets-received, ...), between
// consecutive polls of the same series — what Prometheus's rate() gives the exporter's counters. A
// counter that goes backwards (adapter reset, HMC restart) gives no rate for that interval, and
// neither does a gap longer than a few polls (the HMC was unreachable: the rate would be an average
// over the outage, not a sample).
export class CounterRates {
  private readonly last = new Map<string, { timeSeconds: number; value: number }>();

  constructor(private readonly maxGapSeconds: number) {}

  /** The rate since the previous reading of `key`, or null when there is none to give. */
  rate(key: string, timeSeconds: number, value: number): number | null {
    const previous = this.last.get(key);
    // The same HMC sample read again (the HMC updates every 15 s): nothing new.
    if (previous !== undefined && timeSeconds <= previous.timeSeconds) return null;
    this.last.set(key, { timeSeconds, value });
    if (previous === undefined || value < previous.value) return null;
    const elapsed = timeSeconds - previous.timeSeconds;
    return elapsed > this.maxGapSeconds ? null : (value - previous.value) / elapsed;
  }

  /** Forgets counters not read since `oldestSeconds` (objects that went away). */
  prune(oldestSeconds: number): void {
    for (const [key, reading] of this.last) if (reading.timeSeconds < oldestSeconds) this.last.delete(key);
  }

  get size(): number {
    return this.last.size;
  }
}
