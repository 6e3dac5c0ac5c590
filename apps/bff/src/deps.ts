// buildDeps(config, logger): the one place that turns a Config into running parts. server.ts,
// demo/main.ts and the web's end-to-end setup all call it, so they run the same BFF.
import { AlertmanagerClient } from './alerts/alertmanager-client.js';
import type { AppDeps } from './app.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { HmcClient } from './hmc/client.js';
import { TopologyCache } from './hmc/topology-cache.js';
import { InventoryService } from './inventory/service.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { PrometheusClient } from './prometheus/client.js';
import { LiveSource } from './sources/live-source.js';
import { PrometheusSource } from './sources/prometheus-source.js';
import { RecordedCoverage } from './sources/recorded-coverage.js';

export interface BuiltDeps {
  deps: AppDeps;
  /** The live source when running in live mode (tests poll it on demand); else null. */
  live: LiveSource | null;
  /** Stops polling, deletes the HMC metrics context, logs off. Safe to call twice. */
  close(): Promise<void>;
}

export interface BuildDepsOptions {
  clock?: Clock;
  /** Start the live poller (default true); tests turn it off and call `live.poll()` themselves. */
  startPolling?: boolean;
}

export function buildDeps(config: Config, logger: Logger, options: BuildDepsOptions = {}): BuiltDeps {
  const clock = options.clock ?? systemClock;
  const metrics = createMetrics();
  const timeoutMs = config.upstreamTimeoutMs;
  const maxInFlight = config.upstreamMaxInFlight;
  const cache = {
    clock,
    ttlMs: config.cacheTtlSeconds * 1000,
    // ZLENS_CACHE_MAX_ENTRIES=0 still turns the cache off, as it did before the byte bound.
    maxBytes: config.cacheMaxEntries === 0 ? 0 : config.cacheMaxBytes,
    staleKeepMs: config.staleKeepSeconds * 1000,
  };
  const prometheus = config.prometheus
    ? new PrometheusClient({
        config: config.prometheus,
        timeoutMs,
        metrics,
        maxInFlight,
        cache,
        logger,
        maxBodyBytes: config.upstreamMaxBytes,
      })
    : null;
  const hmc = config.hmc
    ? new HmcClient({
        config: config.hmc,
        timeoutMs,
        logger,
        metrics,
        clock,
        maxInFlight: Math.min(maxInFlight, 4),
        maxBodyBytes: config.upstreamMaxBytes,
      })
    : null;
  const inventory = new InventoryService({ prometheus, hmc, clock, logger, ttlMs: config.inventoryTtlSeconds * 1000 });
  const alertmanager = config.alertmanagerUrl
    ? new AlertmanagerClient({ url: config.alertmanagerUrl, timeoutMs, maxBytes: config.upstreamMaxBytes, metrics })
    : null;
  const topology = hmc ? new TopologyCache({ hmc, clock, ttlMs: config.inventoryTtlSeconds * 1000 }) : null;

  let live: LiveSource | null = null;
  let source: AppDeps['source'];
  if (prometheus) {
    const coverage = config.recordedSeries === 'auto' ? new RecordedCoverage({ client: prometheus, clock, logger }) : null;
    source = new PrometheusSource(prometheus, coverage);
  } else if (hmc) {
    live = new LiveSource({
      hmc,
      inventory,
      topology: topology ?? new TopologyCache({ hmc, clock, ttlMs: config.inventoryTtlSeconds * 1000 }),
      clock,
      logger,
      metrics,
      windowSeconds: config.liveWindowSeconds,
      maxSamples: config.liveMaxSamples,
      pollSeconds: config.hmcPollSeconds,
    });
    source = live;
    if (options.startPolling ?? true) live.start();
  } else {
    // loadConfig guarantees one source; a hand-built Config without one is a programming error.
    throw new Error('buildDeps: configure Prometheus or an HMC');
  }

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await live?.close();
      await hmc?.close();
    })();
    return closing;
  };
  return { deps: { config, source, inventory, prometheus, hmc, alertmanager, topology, clock, logger, metrics }, live, close };
}
