// Starts the whole pipeline for the browser tests, the way a site runs it: the simulated HMC
// (demo preset) over HTTPS, a real Prometheus process with 6 h of backfilled history scraping the
// simulator's exporter-format /metrics, and the BFF as its own process (dist/server.js)
// configured only through its environment, serving the built SPA. The bench starts the same
// stack (bench/stack.mjs). Tests read the URLs from ZLENS_E2E_* variables.
//
// The embedding test serves a portal page on another port (another origin); the BFF is told to
// allow exactly that origin to frame it (ZLENS_FRAME_ANCESTORS), and a second portal port that
// it does not name is where a blocked frame is shown.
//
// Prometheus evaluates the alerting and recording rules zlens ships (docker/prometheus/rules), with
// every `for:` set to 0s so the demo site's alerts (a degraded partition) fire within seconds.
//
// The sign-in tests talk to two more BFFs on the same upstreams, as a site behind a portal runs
// them, both under the path prefix /zlens (ZLENS_BASE_PATH): one with ZLENS_AUTH=token and a
// shared secret (the test signs its tokens with it), framed by the same portal origin; one with
// ZLENS_AUTH=proxy that believes only connections from 127.0.0.2 (the test's reverse proxy binds
// that source address; a browser on 127.0.0.1 is not the proxy).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startStack } from '../bench/stack.mjs';

const HISTORY_HOURS = 6;
const RULES_DIR = resolve(import.meta.dirname, '../../../docker/prometheus/rules');

/** The shipped rules with `for:` 0s, written to `dir`; their paths. */
async function quickRules(dir: string): Promise<string[]> {
  const names = (await readdir(RULES_DIR)).filter((name) => name.endsWith('.yml'));
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      await writeFile(path, (await readFile(join(RULES_DIR, name), 'utf8')).replace(/^(\s+for: )\S+$/gm, '$10s'));
      return path;
    }),
  );
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const portalPort = await freePort();
  const otherPortalPort = await freePort();
  const frameAncestors = `'self' http://127.0.0.1:${portalPort}`;
  const rulesDir = await mkdtemp(join(tmpdir(), 'zlens-e2e-rules-'));
  const ruleFiles = await quickRules(rulesDir);
  const stack = await startStack('demo', HISTORY_HOURS, undefined, { env: { ZLENS_FRAME_ANCESTORS: frameAncestors }, ruleFiles });
  const secretDir = await mkdtemp(join(tmpdir(), 'zlens-e2e-secret-'));
  const secret = randomBytes(32).toString('hex');
  await writeFile(join(secretDir, 'secret'), secret, { mode: 0o600 });
  const signedInBaseUrl = await stack.startBff({
    ZLENS_FRAME_ANCESTORS: frameAncestors,
    ZLENS_AUTH: 'token',
    ZLENS_AUTH_SECRET_FILE: join(secretDir, 'secret'),
    ZLENS_AUTH_AUDIENCE: 'zlens',
    ZLENS_BASE_PATH: '/zlens',
  });
  const proxiedBaseUrl = await stack.startBff({
    ZLENS_AUTH: 'proxy',
    ZLENS_AUTH_PROXY_ADDRESSES: '127.0.0.2',
    ZLENS_BASE_PATH: '/zlens',
  });
  /* eslint-disable no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment */
  process.env.ZLENS_E2E_BASE_URL = stack.baseUrl;
  process.env.ZLENS_E2E_PORTAL_PORT = String(portalPort);
  process.env.ZLENS_E2E_OTHER_PORTAL_PORT = String(otherPortalPort);
  process.env.ZLENS_E2E_TOKEN_URL = `${signedInBaseUrl}/zlens`;
  process.env.ZLENS_E2E_TOKEN_SECRET = secret;
  process.env.ZLENS_E2E_PROXY_MODE_URL = proxiedBaseUrl;
  /* eslint-enable no-restricted-syntax */
  return async () => {
    await stack.close();
    await rm(secretDir, { recursive: true, force: true });
    await rm(rulesDir, { recursive: true, force: true });
  };
}
