// Starts the simulated HMC (HTTPS) and its exporter-style /metrics (HTTP) together.

import type { AddressInfo, Server as NetServer } from 'node:net';
import { defaultScenario } from './default-scenario.js';
import { createExporterServer } from './exporter-server.js';
import { createHmcServer, selfSignedTls, type TlsMaterial } from './hmc-server.js';
import type { Scenario } from './scenario.js';

export interface Credentials {
  readonly userid: string;
  readonly password: string;
}

export interface SimulatorOptions {
  /** Default: defaultScenario(). */
  readonly scenario?: Scenario;
  /** Interface to bind both servers to. Default 127.0.0.1. */
  readonly host?: string;
  /** HTTPS port of the HMC API; 0 (the default) picks a free one. */
  readonly hmcPort?: number;
  /** HTTP port of /metrics; 0 (the default) picks a free one. */
  readonly metricsPort?: number;
  /** Certificate and key to serve; default: a fresh self-signed certificate (see caPem). */
  readonly tls?: TlsMaterial;
  /** Default: userid `zlens`, password `zlens-sim`. */
  readonly credentials?: Credentials;
  /** The clock (ms since the epoch) that picks the sample slot. Default Date.now. */
  readonly now?: () => number;
  /** Idle time after which a session answers 403.5. Default: sessions never time out. */
  readonly sessionIdleTimeoutMs?: number;
}

export interface RunningSimulator {
  /** `https://host:port` of the HMC Web Services API. */
  readonly hmcUrl: string;
  /** `http://host:port/metrics` in the zhmc-prometheus-exporter format. */
  readonly metricsUrl: string;
  /** `host:port` of /metrics, for a Prometheus scrape config. */
  readonly metricsTarget: string;
  /** The served certificate: pass it as `ca` to verify the HMC's TLS. */
  readonly caPem: string;
  readonly credentials: Credentials;
  readonly scenario: Scenario;
  /** Invalidates every session (as an HMC restart does): the next call gets 403.5. */
  expireAllSessions(): void;
  close(): Promise<void>;
}

export const DEFAULT_CREDENTIALS: Credentials = { userid: 'zlens', password: 'zlens-sim' };

// Both node:http and node:https servers.
type HttpServer = NetServer & { closeAllConnections(): void };

async function listen(server: HttpServer, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return (address satisfies AddressInfo).port;
}

async function closeServer(server: HttpServer): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
  });
}

/** A URL host part: IPv6 literals go in brackets. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const scenario = options.scenario ?? defaultScenario();
  const host = options.host ?? '127.0.0.1';
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const now = options.now ?? Date.now;
  const tls = options.tls ?? (await selfSignedTls());

  const hmc = createHmcServer({
    scenario,
    credentials,
    tls,
    now,
    ...(options.sessionIdleTimeoutMs === undefined ? {} : { sessionIdleTimeoutMs: options.sessionIdleTimeoutMs }),
  });
  const exporter = createExporterServer(scenario, now);
  try {
    const hmcPort = await listen(hmc.server, options.hmcPort ?? 0, host);
    const metricsPort = await listen(exporter, options.metricsPort ?? 0, host);
    const metricsTarget = `${urlHost(host)}:${metricsPort}`;
    return {
      hmcUrl: `https://${urlHost(host)}:${hmcPort}`,
      metricsUrl: `http://${metricsTarget}/metrics`,
      metricsTarget,
      caPem: tls.cert,
      credentials,
      scenario,
      expireAllSessions: () => hmc.sessions.expireAll(),
      close: async () => {
        await Promise.all([closeServer(hmc.server), closeServer(exporter)]);
      },
    };
  } catch (error) {
    await Promise.allSettled([closeServer(hmc.server), closeServer(exporter)]);
    throw error;
  }
}
