// Whether the shipped coarse recording rules (docker/prometheus/rules/zlens-records.yml, group
// zlens-coarse) run on the Prometheus behind zlens, and from when their buckets exist. History from
// before the rules were deployed has none (unless backfilled with `promtool tsdb create-blocks-from
// rules`), so the source asks the raw metric for that part of a range: no gap where the rules
// started. Found with instant queries only — is there a bucket in the 10 minutes before T? — at
// now, then back in doubling steps and by bisection to within an hour: about 25 small queries,
// once per RECHECK_MS, answered from the last finding meanwhile.
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { PrometheusClient } from '../prometheus/client.js';
import { sampleValue } from '../prometheus/client.js';
import { RECORDED_BUCKET_SECONDS, buildRecordedPhaseQuery, buildRecordedPresenceQuery } from '../prometheus/promql.js';

/** How often the finding is renewed (rules deployed or removed, retention moving the start). */
export const RECHECK_MS = 10 * 60_000;
/** After a failed check (Prometheus away), ask again this soon. */
const RETRY_MS = 30_000;
/** The bisection stops within this much of the first bucket. */
const PRECISION_SECONDS = 3600;
/** The furthest back it looks: five years, zlens' longest range. */
const MAX_BACK_SECONDS = 5 * 366 * 86_400;

export interface RecordedCoverageOptions {
  client: PrometheusClient;
  clock: Clock;
  logger: Logger;
}

/** Where the recorded buckets are: from `since` to `until` (unix seconds), ending at 5-minute marks + `phaseMs`. */
export interface Coverage {
  since: number;
  /** A minute before now: a bucket is written when its rule group has run, just after its time. */
  until: number;
  phaseMs: number;
}

/** How long after its time a bucket may still be missing (the group's evaluation takes a moment). */
const WRITE_GRACE_SECONDS = 60;

export class RecordedCoverage {
  private known: { coverage: Omit<Coverage, 'until'> | null; untilMs: number } | null = null;
  private checking: Promise<Omit<Coverage, 'until'> | null> | null = null;

  constructor(private readonly options: RecordedCoverageOptions) {}

  /**
   * From when the recorded buckets exist up to now, and their phase; null when there are none (the
   * rules are not deployed): then every query reads the raw metric.
   */
  async get(): Promise<Coverage | null> {
    const nowMs = this.options.clock.nowMs();
    let found = this.known?.coverage ?? null;
    if (this.known === null || nowMs >= this.known.untilMs) {
      this.checking ??= this.check().finally(() => (this.checking = null));
      // A renewal runs in the background; only the very first finding is waited for.
      if (this.known === null) found = await this.checking;
    }
    return found === null ? null : { ...found, until: Math.floor(nowMs / 1000) - WRITE_GRACE_SECONDS };
  }

  private async check(): Promise<Omit<Coverage, 'until'> | null> {
    const now = Math.floor(this.options.clock.nowMs() / 1000);
    try {
      const coverage = (await this.present(now)) ? { since: await this.firstPresent(now), phaseMs: await this.phaseMs(now) } : null;
      if (coverage?.since !== this.known?.coverage?.since) {
        const found =
          coverage === null
            ? { recordedSince: null }
            : { recordedSince: new Date(coverage.since * 1000).toISOString(), phaseMs: coverage.phaseMs };
        this.options.logger.info(found, coverage === null ? 'recorded series: none, raw queries' : 'recorded series found');
      }
      this.known = { coverage, untilMs: this.options.clock.nowMs() + RECHECK_MS };
      return coverage;
    } catch (error) {
      // Not known: raw queries are always right, only slower. Keep the last finding if there is one.
      this.options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'recorded series: check failed');
      const coverage = this.known?.coverage ?? null;
      this.known = { coverage, untilMs: this.options.clock.nowMs() + RETRY_MS };
      return coverage;
    }
  }

  /** The newest bucket's time within its 5 minutes (at now, else one bucket earlier; 0 if neither has one). */
  private async phaseMs(now: number): Promise<number> {
    for (const at of [now, now - RECORDED_BUCKET_SECONDS]) {
      const newest = sampleValue((await this.options.client.query(buildRecordedPhaseQuery(), at))[0]?.value[1] ?? 'NaN');
      if (newest !== null) return Math.round(newest * 1000) % (RECORDED_BUCKET_SECONDS * 1000);
    }
    return 0;
  }

  private async present(at: number): Promise<boolean> {
    return (await this.options.client.query(buildRecordedPresenceQuery(), at)).length > 0;
  }

  /** The earliest probe time with a bucket, within PRECISION_SECONDS (present at `now`). */
  private async firstPresent(now: number): Promise<number> {
    let present = now;
    let back = PRECISION_SECONDS;
    let absent: number | null = null;
    while (absent === null && back <= MAX_BACK_SECONDS) {
      const at = now - back;
      if (await this.present(at)) present = at;
      else absent = at;
      back *= 2;
    }
    if (absent === null) return present;
    while (present - absent > PRECISION_SECONDS) {
      const middle = Math.floor((present + absent) / 2);
      if (await this.present(middle)) present = middle;
      else absent = middle;
    }
    return present;
  }
}
