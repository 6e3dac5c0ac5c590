// Starts the whole pipeline for the browser tests, the way a site runs it: the simulated HMC
// (demo preset) over HTTPS, a real Prometheus process with 6 h of backfilled history scraping the
// simulator's exporter-format /metrics, and the BFF as its own process (dist/server.js)
// configured only through its environment, serving the built SPA. The bench starts the same
// stack (bench/stack.mjs). Tests read the URL from ZLENS_E2E_BASE_URL.
//
// The embedding test serves a portal page on another port (another origin); the BFF is told to
// allow exactly that origin to frame it (ZLENS_FRAME_ANCESTORS), and a second portal port that
// it does not name is where a blocked frame is shown.
import { freePort, startStack } from '../bench/stack.mjs';

const HISTORY_HOURS = 6;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const portalPort = await freePort();
  const otherPortalPort = await freePort();
  const stack = await startStack('demo', HISTORY_HOURS, undefined, {
    env: { ZLENS_FRAME_ANCESTORS: `'self' http://127.0.0.1:${portalPort}` },
  });
  /* eslint-disable no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment */
  process.env.ZLENS_E2E_BASE_URL = stack.baseUrl;
  process.env.ZLENS_E2E_PORTAL_PORT = String(portalPort);
  process.env.ZLENS_E2E_OTHER_PORTAL_PORT = String(otherPortalPort);
  /* eslint-enable no-restricted-syntax */
  return () => stack.close();
}
