// When to stop sending the HMC requests, and when to start again. After a busy (409), 5xx, timeout,
// oversized or unreachable answer the HMC gets no requests for a back-off (1 s, doubling, at most
// 60 s): a struggling HMC is not loaded further, and callers answer at once with what they have.
// The back-off is not waited out whole: a cheap probe (GET /api/version, no session) at most every
// PROBE_INTERVAL_MS ends it as soon as the HMC answers again, so recovery takes seconds, not the
// 26-60 s of a long back-off. The state is also what /readyz and /api/v1/status report.
import { upstreamExcerpt } from '../errors.js';

export const HMC_BACKOFF_MIN_MS = 1_000;
export const HMC_BACKOFF_MAX_MS = 60_000;
/** How often a backing-off client asks the HMC whether it is back. */
export const HMC_PROBE_INTERVAL_MS = 2_000;

export interface HmcHealth {
  /** ok: the last exchange succeeded (or none happened yet); down: backing off after failures. */
  state: 'ok' | 'down' | 'unknown';
  /** When the HMC last answered well (ms since epoch), or null. */
  lastOkMs: number | null;
  /** The last failure, redacted and bounded; null after a success. */
  lastError: string | null;
  /** When the last exchange (good or bad) ended, ms since epoch, or null. */
  lastContactMs: number | null;
}

export class HmcBreaker {
  private backoffMs = 0;
  private backoffUntilMs = 0;
  private lastProbeMs = Number.NEGATIVE_INFINITY;
  private lastOkMs: number | null = null;
  private lastError: string | null = null;
  private lastContactMs: number | null = null;

  /** Milliseconds left of the back-off, or 0 when requests may go. */
  remainingMs(nowMs: number): number {
    return Math.max(0, this.backoffUntilMs - nowMs);
  }

  /** True (and the probe is counted as started) when a probe is due during a back-off. */
  probeDue(nowMs: number): boolean {
    if (this.remainingMs(nowMs) === 0 || nowMs - this.lastProbeMs < HMC_PROBE_INTERVAL_MS) return false;
    this.lastProbeMs = nowMs;
    return true;
  }

  success(nowMs: number): void {
    this.backoffMs = 0;
    this.backoffUntilMs = 0;
    this.lastOkMs = nowMs;
    this.lastError = null;
    this.lastContactMs = nowMs;
  }

  /** A failure that says the HMC is struggling or away: start or lengthen the back-off. */
  failure(nowMs: number, message: string): void {
    this.backoffMs = Math.min(HMC_BACKOFF_MAX_MS, this.backoffMs === 0 ? HMC_BACKOFF_MIN_MS : this.backoffMs * 2);
    this.backoffUntilMs = nowMs + this.backoffMs;
    // The failing request was as good as a probe: the next one waits a full interval.
    this.lastProbeMs = nowMs;
    this.lastError = upstreamExcerpt(message);
    this.lastContactMs = nowMs;
  }

  /** An answer that is the caller's problem (404, 403): the HMC itself is fine. */
  answered(nowMs: number): void {
    this.lastContactMs = nowMs;
    if (this.backoffUntilMs <= nowMs) {
      this.backoffMs = 0;
      this.lastOkMs = nowMs;
      this.lastError = null;
    }
  }

  health(nowMs: number): HmcHealth {
    const state =
      this.remainingMs(nowMs) > 0 || (this.lastError !== null && this.backoffMs > 0)
        ? 'down'
        : this.lastContactMs === null
          ? 'unknown'
          : 'ok';
    return { state, lastOkMs: this.lastOkMs, lastError: this.lastError, lastContactMs: this.lastContactMs };
  }
}
