// The real pipeline for the web bench: the simulated HMC over HTTPS (a preset), Prometheus with
// backfilled history, the BFF process serving the built SPA. Shared by the bench and the
// Playwright global setup.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrapeLabels, startPrometheus, startSimulator, writeHistory } from '@zlens/hmc-sim';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(HERE, '../dist');

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the BFF exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the BFF did not become ready at ${url}`);
}

/**
 * `options.env`: extra BFF environment (e.g. ZLENS_FRAME_ANCESTORS for the embedding tests);
 * `options.ruleFiles`: alerting and recording rules for Prometheus to evaluate;
 * `options.admin`: the simulator's admin endpoint on (`sim.adminUrl`), to change statuses;
 * `options.stepSeconds`: the history's resolution (default 15 s; weeks of history want minutes).
 */
export async function startStack(preset, hours, families, options = {}) {
  const workDir = await mkdtemp(join(tmpdir(), 'zlens-web-bench-'));
  const sim = await startSimulator({ preset, ...(options.admin ? { adminPort: 0 } : {}) });
  const historyFile = join(workDir, 'history.om');
  const endMs = Date.now();
  const started = Date.now();
  const targetLabels = scrapeLabels(sim.metricsTarget);
  const stepSeconds = options.stepSeconds;
  await writeHistory(sim.scenario, { startMs: endMs - hours * 3_600_000, endMs, families, targetLabels, stepSeconds }, historyFile);
  // Months of backfilled blocks take Prometheus a while to open: a bound, not a wait.
  const prometheus = await startPrometheus({
    scrapeTargets: [sim.metricsTarget],
    historyFile,
    ruleFiles: options.ruleFiles,
    readyTimeoutMs: 600_000,
  });
  const setupSeconds = (Date.now() - started) / 1000;
  const caFile = join(workDir, 'hmc-ca.pem');
  await writeFile(caFile, sim.caPem);
  const bffs = [];
  /** One more BFF on the same simulator and Prometheus, with its own extra environment. */
  const startBff = async (env = {}) => {
    const port = await freePort();
    const bff = spawn(process.execPath, [resolve(HERE, '../../bff/dist/server.js')], {
      env: {
        // eslint-disable-next-line no-restricted-syntax -- the BFF child needs PATH only; its config is explicit below
        PATH: process.env.PATH,
        ZLENS_HOST: '127.0.0.1',
        ZLENS_PORT: String(port),
        ZLENS_LOG_LEVEL: 'warn',
        ZLENS_WEB_DIR: DIST,
        ZLENS_PROMETHEUS_URL: prometheus.url,
        ZLENS_HMC_URL: sim.hmcUrl,
        ZLENS_HMC_USERID: sim.credentials.userid,
        ZLENS_HMC_PASSWORD: sim.credentials.password,
        ZLENS_HMC_CA_FILE: caFile,
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    bffs.push(bff);
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(`${url}/readyz`, bff, 60_000);
    return url;
  };
  const baseUrl = await startBff(options.env);
  return {
    baseUrl,
    setupSeconds,
    scenario: sim.scenario,
    // For tests that make an upstream misbehave: the simulator's faults, Prometheus's data dir
    // (its process is found by it, to be stopped and continued).
    sim,
    prometheusDataDir: prometheus.dataDir,
    startBff,
    close: async () => {
      for (const bff of bffs) {
        if (bff.exitCode !== null) continue;
        bff.kill('SIGTERM');
        await new Promise((r) => bff.once('exit', r));
      }
      await prometheus.close();
      await sim.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
