// Starts the whole pipeline for the browser tests, the way a site runs it: the simulated HMC
// over HTTPS, a real Prometheus process with 6 h of backfilled history scraping the simulator's
// exporter-format /metrics, and the BFF as its own process (dist/server.js) configured only
// through its environment, serving the built SPA. Tests read the URL from ZLENS_E2E_BASE_URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrometheus, startSimulator, writeHistory } from '@zlens/hmc-sim';

const HERE = dirname(fileURLToPath(import.meta.url));
const HISTORY_HOURS = 6;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the BFF exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the BFF did not become ready at ${url} within ${timeoutMs} ms`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), 'zlens-e2e-'));
  const sim = await startSimulator({});

  const historyFile = join(workDir, 'history.om');
  const endMs = Date.now() - 60_000;
  await writeHistory(sim.scenario, { startMs: endMs - HISTORY_HOURS * 3_600_000, endMs, stepSeconds: 15 }, historyFile);
  const prometheus = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile });

  const caFile = join(workDir, 'hmc-ca.pem');
  await writeFile(caFile, sim.caPem);
  const port = await freePort();
  const bff = spawn(process.execPath, [resolve(HERE, '../../bff/dist/server.js')], {
    env: {
      // eslint-disable-next-line no-restricted-syntax -- the child needs PATH to find nothing else; config stays explicit below
      PATH: process.env.PATH,
      ZLENS_HOST: '127.0.0.1',
      ZLENS_PORT: String(port),
      ZLENS_LOG_LEVEL: 'warn',
      ZLENS_WEB_DIR: resolve(HERE, '../dist'),
      ZLENS_PROMETHEUS_URL: prometheus.url,
      ZLENS_HMC_URL: sim.hmcUrl,
      ZLENS_HMC_USERID: sim.credentials.userid,
      ZLENS_HMC_PASSWORD: sim.credentials.password,
      ZLENS_HMC_CA_FILE: caFile,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(`${baseUrl}/readyz`, bff, 30_000);
  // eslint-disable-next-line no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment
  process.env.ZLENS_E2E_BASE_URL = baseUrl;

  return async () => {
    bff.kill('SIGTERM');
    await new Promise((r) => bff.once('exit', r));
    await prometheus.close();
    await sim.close();
    await rm(workDir, { recursive: true, force: true });
  };
}
