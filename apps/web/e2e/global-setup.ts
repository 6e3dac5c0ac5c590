// Starts the whole pipeline for the browser tests, the way a site runs it: the simulated HMC
// (demo preset) over HTTPS, a real Prometheus process with 6 h of backfilled history scraping the
// simulator's exporter-format /metrics, and the BFF as its own process (dist/server.js)
// configured only through its environment, serving the built SPA. The bench starts the same
// stack (bench/stack.mjs). Tests read the URL from ZLENS_E2E_BASE_URL.
import { startStack } from '../bench/stack.mjs';

const HISTORY_HOURS = 6;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack('demo', HISTORY_HOURS);
  // eslint-disable-next-line no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment
  process.env.ZLENS_E2E_BASE_URL = stack.baseUrl;
  return () => stack.close();
}
