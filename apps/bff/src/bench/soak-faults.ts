// The soak benchmark's fault table: one fault at a time on the real Prometheus (killed, hung by
// SIGSTOP, slow through the forwarder), with a viewer's requests every 250 ms and the banner's
// status poll every second meanwhile; then the fault ends and the time until a request that must
// reach Prometheus (a range never asked before) is answered fresh again.
import { measuredGet, newTally, statusSummary, type Tally } from './soak-load.js';
import { percentile } from './measure.js';

export interface Fault {
  name: string;
  /** Starts the fault. */
  inject(): Promise<void>;
  /** Ends it; resolves when the upstream is back (a restarted Prometheus is ready). */
  heal(): Promise<void>;
}

export interface FaultRow {
  name: string;
  statuses: string;
  staleServed: boolean;
  p50Ms: number;
  maxMs: number;
  /** From the end of the fault to the first fresh answer that needed Prometheus; null: not within the limit. */
  recoverMs: number | null;
  healMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface FaultProbe {
  base: string;
  /** A viewer's panels (to=now): served from the cache, stale or failing during the fault. */
  panels: readonly string[];
  /** A request nobody asked before (attempt number k), so its answer must come from Prometheus. */
  fresh(k: number): string;
}

export async function runFault(fault: Fault, probe: FaultProbe, faultMs: number): Promise<FaultRow> {
  const tally: Tally = newTally();
  let attempt = 0;
  let polling = true;
  // The page's banner asks for /api/v1/status about once a second; it is also the breaker's probe.
  const statusPoll = (async () => {
    while (polling) {
      await fetch(`${probe.base}/api/v1/status`, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
      await sleep(1000);
    }
  })();
  await fault.inject();
  const until = performance.now() + faultMs;
  while (performance.now() < until) {
    const paths = [...probe.panels, probe.fresh((attempt += 1))];
    await Promise.all(paths.map((path) => measuredGet(probe.base, path, tally, 60_000)));
    await sleep(250);
  }
  const healStarted = performance.now();
  await fault.heal();
  const healed = performance.now();
  let recoverMs: number | null = null;
  const scratch = newTally();
  while (performance.now() - healed < 60_000) {
    const { status } = await measuredGet(probe.base, probe.fresh((attempt += 1)), scratch, 30_000);
    if (status === '200') {
      recoverMs = performance.now() - healed;
      break;
    }
    await sleep(100);
  }
  polling = false;
  await statusPoll;
  return {
    name: fault.name,
    statuses: statusSummary(tally),
    staleServed: (tally.byStatus.get('200 stale') ?? 0) > 0,
    p50Ms: percentile(tally.latenciesMs, 50),
    maxMs: Math.max(...tally.latenciesMs),
    recoverMs,
    healMs: healed - healStarted,
  };
}
