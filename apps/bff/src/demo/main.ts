// `pnpm start` (the BFF's `demo` script): the whole stack on one machine, in its own folder because
// it is not part of the BFF that ships (server.ts is) and is the only BFF code that starts the
// simulator. Starts the HMC simulator in-process; with a `prometheus` binary on PATH (and
// ZLENS_DEMO_LIVE not 1) also a throw-away Prometheus holding 24 h of simulated history (and two
// weeks of processor usage at 5-minute points, enough for the forecast) and scraping the
// simulator, evaluating the alerting rules zlens ships (docker/prometheus/rules); then
// the BFF with the same buildDeps as server.ts, configured by the same ZLENS_* variables (the demo
// only sets the upstreams, and port 8080 and log level warn unless given). TLS to the simulator
// stays verified: its certificate is the CA file.
import { constants } from 'node:fs';
import { access, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrapeLabels, startPrometheus, startSimulator, writeHistory, type RunningPrometheus, type RunningSimulator } from '@zlens/hmc-sim';
import { ConfigError, loadConfig, type Env } from '../config.js';
import { createLogger } from '../logger.js';
import { startBff, type RunningBff } from '../run.js';

const DAY_MS = 86_400_000;
const HISTORY_MS = 24 * 3600_000;
/**
 * 30 s history points: half the samples of 15 s (the demo starts in seconds, not half a minute),
 * still two points in the shortest rate() window (4 scrapes = 60 s) so counters chart as rates.
 */
const HISTORY_STEP_SECONDS = 30;
/** The samples written while the history loads: at the scrape interval, as the scrapes that follow. */
const CATCH_UP_STEP_SECONDS = 15;
/**
 * The forecast (GET /api/v1/forecast) needs 7 whole days of daily peaks: the 13 days before the
 * last 24 h (from a UTC midnight) hold the two series it reads, at 5-minute points. Measured on two
 * shared cores: 4 s to write and 3 s to backfill, beside about 30 s and 60 s for the 24 h of every
 * metric.
 */
const OLDER_DAYS = 13;
const OLDER_STEP_SECONDS = 300;
const FORECAST_FAMILIES = ['zhmc_cpc_processor_usage_ratio', 'zhmc_partition_processor_usage_ratio'];
const RULES_DIR = fileURLToPath(new URL('../../../../docker/prometheus/rules/', import.meta.url));

/** The shipped alerting and recording rules, as absolute paths (none when the folder is absent). */
async function shippedRules(): Promise<string[]> {
  try {
    return (await readdir(RULES_DIR)).filter((name) => name.endsWith('.yml')).map((name) => join(RULES_DIR, name));
  } catch {
    return [];
  }
}

/** The samples after `lastMs` (the history's last) up to now at the scrape interval, or undefined when none is due yet. */
async function writeCatchUp(
  scenario: RunningSimulator['scenario'],
  targetLabels: Readonly<Record<string, string>>,
  lastMs: number,
  file: string,
): Promise<string | undefined> {
  const range = { startMs: lastMs + CATCH_UP_STEP_SECONDS * 1000, endMs: Date.now(), stepSeconds: CATCH_UP_STEP_SECONDS };
  if (range.endMs < range.startMs) return undefined;
  await writeHistory(scenario, { ...range, targetLabels }, file);
  return file;
}

async function onPath(name: string, path: string | undefined): Promise<boolean> {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    try {
      await access(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

async function main(env: Env): Promise<void> {
  const tempDir = await mkdtemp(join(tmpdir(), 'zlens-demo-'));
  let sim: RunningSimulator | null = null;
  let prom: RunningPrometheus | null = null;
  let bff: RunningBff | null = null;
  // Each part is stopped even when an earlier one fails to close cleanly.
  const shutdown = async (): Promise<void> => {
    const results = await Promise.allSettled([bff?.close()]);
    results.push(...(await Promise.allSettled([prom?.close(), sim?.close()])));
    await rm(tempDir, { recursive: true, force: true });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
  try {
    sim = await startSimulator({ hmcPort: 0 });
    const caFile = join(tempDir, 'hmc-ca.pem');
    await writeFile(caFile, sim.caPem);
    const withPrometheus = env.ZLENS_DEMO_LIVE !== '1' && (await onPath('prometheus', env.PATH)) && (await onPath('promtool', env.PATH));
    if (withPrometheus) {
      console.log('zlens demo: writing 24 h of simulated history (14 days of processor usage) for Prometheus …');
      const historyFile = join(tempDir, 'history.om');
      const olderFile = join(tempDir, 'older.om');
      // History up to now (writeHistory aligns it down to the step): Prometheus refuses samples older
      // than its newest block, and its first scrape comes after the backfill, so none is refused.
      // Loading it takes minutes, so right before Prometheus starts the minutes since are written
      // too (catchUp), at the scrape interval: the first scrape follows the history within about one
      // interval, and counter rates run on across the seam (a 60 s rate right at it can read up to a
      // fifth low: /metrics serves a slot's value until the next slot, so a scrape's value is up to
      // 15 s older than its time, the history's none). With the scrape's job and instance labels the
      // history and the scraped samples are one series.
      const endMs = Date.now();
      const range = {
        startMs: endMs - HISTORY_MS,
        endMs,
        stepSeconds: HISTORY_STEP_SECONDS,
        targetLabels: scrapeLabels(sim.metricsTarget),
      };
      const scenario = sim.scenario;
      const written = await writeHistory(scenario, range, historyFile);
      // The older days start one step after a UTC midnight (the forecast's first day is a whole
      // day, not the evening of one; a sample at midnight itself would be the day before's only
      // sample, as a daily peak's window ends at its time inclusive) and end one coarse step before
      // the 24 h begin: the files do not overlap.
      const older = {
        startMs: Math.floor(range.startMs / DAY_MS - OLDER_DAYS) * DAY_MS + OLDER_STEP_SECONDS * 1000,
        endMs: range.startMs - OLDER_STEP_SECONDS * 1000,
      };
      await writeHistory(
        scenario,
        { ...older, stepSeconds: OLDER_STEP_SECONDS, families: FORECAST_FAMILIES, targetLabels: range.targetLabels },
        olderFile,
      );
      prom = await startPrometheus({
        scrapeTargets: [sim.metricsTarget],
        historyFile: [historyFile, olderFile],
        catchUp: () => writeCatchUp(scenario, range.targetLabels, written.lastMs, join(tempDir, 'catch-up.om')),
        ruleFiles: await shippedRules(),
      });
    }
    const config = loadConfig({
      ...env,
      ZLENS_PORT: env.ZLENS_PORT ?? '8080',
      ZLENS_LOG_LEVEL: env.ZLENS_LOG_LEVEL ?? 'warn',
      ZLENS_PROMETHEUS_URL: prom?.url,
      ZLENS_HMC_URL: sim.hmcUrl,
      ZLENS_HMC_USERID: sim.credentials.userid,
      ZLENS_HMC_PASSWORD: sim.credentials.password,
      ZLENS_HMC_CA_FILE: caFile,
    });
    bff = await startBff(config, createLogger(config.logLevel));
    const what = prom
      ? 'Prometheus with 24 h of simulated history, 14 days of processor usage'
      : `live mode: polling the simulated HMC every ${config.hmcPollSeconds} s`;
    console.log(`zlens demo: ${bff.url} (${what})`);
    if (config.webDir === null) console.log('zlens demo: no built web UI found (pnpm --filter @zlens/web build); serving the API only');
  } catch (err) {
    await shutdown();
    throw err;
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('zlens demo: shutting down');
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('zlens demo: shutdown failed:', err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// eslint-disable-next-line no-restricted-syntax -- the demo entry point hands the environment over once, like server.ts
main(process.env).catch((err: unknown) => {
  console.error(`zlens demo: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
