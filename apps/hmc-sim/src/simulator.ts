// Starts the simulated HMC (HTTPS API and STOMP over TLS), its exporter-style /metrics (HTTP) and,
// when enabled, the admin endpoint for faults (HTTP).

import type { AddressInfo, Server as NetServer } from 'node:net';
import { createAdminServer } from './admin-server.js';
import { defaultScenario } from './scenario/default-scenario.js';
import { resolveExporterConfig, type ExporterConfig, type ResolvedExporterConfig } from './exporter/exporter-config.js';
import { createExporterServer } from './exporter/exporter-server.js';
import type { FaultSettings } from './hmc-api/faults.js';
import { createHmcServer, selfSignedTls, type TlsMaterial } from './hmc-api/hmc-server.js';
import { presetScenario, type PresetName } from './scenario/presets.js';
import type { Scenario, WorkloadProfile } from './scenario/scenario.js';
import { SiteState, type StatusChange } from './scenario/site-state.js';
import { createStompServer, type SessionEndBehaviour } from './stomp/stomp-server.js';

export interface Credentials {
  readonly userid: string;
  readonly password: string;
}

export interface SimulatorOptions {
  /** Default: the `preset` (or `demo`). */
  readonly scenario?: Scenario;
  /** A shipped site, used when no scenario is given. Default `demo`. */
  readonly preset?: PresetName;
  /** Interface to bind all servers to. Default 127.0.0.1. */
  readonly host?: string;
  /** HTTPS port of the HMC API; 0 (the default) picks a free one. */
  readonly hmcPort?: number;
  /** HTTP port of /metrics; 0 (the default) picks a free one. */
  readonly metricsPort?: number;
  /** STOMP-over-TLS port of the notifications; 0 (the default) picks a free one. */
  readonly stompPort?: number;
  /** Start the admin endpoint (faults, statuses) on this HTTP port (0 = any); off when absent. */
  readonly adminPort?: number;
  /** Certificate and key to serve; default: a fresh self-signed certificate (see caPem). */
  readonly tls?: TlsMaterial;
  /** Default: userid `zlens`, password `zlens-sim`. */
  readonly credentials?: Credentials;
  /** The clock (ms since the epoch) that picks the sample slot. Default Date.now. */
  readonly now?: () => number;
  /** Idle time after which a session answers 403.5. Default: sessions never time out. */
  readonly sessionIdleTimeoutMs?: number;
  /**
   * What the exporter-format /metrics exports, as the exporter's config file says it
   * (`metric_groups:` with `export: true`, `cpcs:`). Default: every group, every CPC.
   */
  readonly exporter?: ExporterConfig;
  /**
   * What a STOMP subscription to an ended session's topic gets (UNKNOWN for a real HMC):
   * `silent` (default), `keep`, `error` or `close`; see SESSION_END_BEHAVIOURS.
   */
  readonly notificationsAfterSessionEnd?: SessionEndBehaviour;
}

/** Faults on demand (the admin endpoint does the same over HTTP). */
export interface SimulatorFaults {
  /** Replaces the active request faults (see FaultSettings). */
  set(settings: FaultSettings): void;
  clear(): void;
  current(): FaultSettings;
  /** Every session is gone: the next call answers 403.5, old metrics contexts 404.1. */
  expireAllSessions(): void;
  /** The HMC API and STOMP stop listening (connections are cut); back after `ms` when given. */
  goDown(ms?: number): Promise<void>;
  /** Listening again on the same ports; sessions are lost, as after an HMC reboot. */
  comeBack(): Promise<void>;
}

export interface RunningSimulator {
  /** `https://host:port` of the HMC Web Services API. */
  readonly hmcUrl: string;
  /** `http://host:port/metrics` in the zhmc-prometheus-exporter format. */
  readonly metricsUrl: string;
  /** `host:port` of /metrics, for a Prometheus scrape config. */
  readonly metricsTarget: string;
  /** The STOMP-over-TLS port of the notifications (same certificate as the API). */
  readonly stompPort: number;
  /** `http://host:port` of the admin endpoint, when enabled. */
  readonly adminUrl: string | undefined;
  /** The served certificate: pass it as `ca` to verify the HMC's TLS. */
  readonly caPem: string;
  readonly credentials: Credentials;
  /** The site as it is now (statuses change through setStatus). */
  readonly scenario: Scenario;
  readonly faults: SimulatorFaults;
  /** Invalidates every session (as an HMC restart does): the next call gets 403.5. */
  expireAllSessions(): void;
  /** Changes the status of the CPC, partition, LPAR or adapter with this object URI, and notifies. */
  setStatus(uri: string, status: string): StatusChange;
  /** Drives the running partitions/LPARs with this URI (or all of this CPC's) with a workload profile, e.g. `saturated`. */
  setWorkload(uri: string, workload: string): { uri: string; workload: WorkloadProfile; changed: number };
  /** The exporter config /metrics follows now. */
  readonly exporterConfig: ExporterConfig;
  /** Changes what /metrics exports from the next scrape on; throws ExporterConfigError when invalid. */
  setExporterConfig(config: ExporterConfig): void;
  close(): Promise<void>;
}

export const DEFAULT_CREDENTIALS: Credentials = { userid: 'zlens', password: 'zlens-sim' };

// node:http, node:https and node:tls servers.
type AnyServer = NetServer & { closeAllConnections?: () => void };

async function listen(server: AnyServer, port: number, host: string): Promise<number> {
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

async function closeServer(server: AnyServer, sockets: Iterable<{ destroy(): void }> = []): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections?.();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
  });
}

/** A URL host part: IPv6 literals go in brackets. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const site = new SiteState(options.scenario ?? (options.preset === undefined ? defaultScenario() : presetScenario(options.preset)));
  const host = options.host ?? '127.0.0.1';
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const now = options.now ?? Date.now;
  const tls = options.tls ?? (await selfSignedTls());
  const current = (): Scenario => site.scenario;

  const hmc = createHmcServer({
    scenario: current,
    credentials,
    tls,
    now,
    ...(options.sessionIdleTimeoutMs === undefined ? {} : { sessionIdleTimeoutMs: options.sessionIdleTimeoutMs }),
  });
  const stomp = createStompServer({
    tls,
    sessions: hmc.sessions,
    credentials,
    site,
    ...(options.notificationsAfterSessionEnd === undefined ? {} : { afterSessionEnd: options.notificationsAfterSessionEnd }),
  });
  let exporterConfig: ExporterConfig = options.exporter ?? { metricGroups: 'all' };
  let resolvedExporter: ResolvedExporterConfig = resolveExporterConfig(exporterConfig, site.scenario);
  const setExporterConfig = (config: ExporterConfig): void => {
    resolvedExporter = resolveExporterConfig(config, site.scenario);
    exporterConfig = config;
  };
  const exporter = createExporterServer(current, now, () => resolvedExporter);
  let comeBackTimer: NodeJS.Timeout | undefined;
  let hmcPort = 0;
  let stompPort = 0;

  const goDown = async (): Promise<void> => {
    await Promise.all([closeServer(hmc.server), closeServer(stomp.server, stomp.connections)]);
  };
  const comeBack = async (): Promise<void> => {
    if (comeBackTimer !== undefined) clearTimeout(comeBackTimer);
    comeBackTimer = undefined;
    hmc.sessions.expireAll();
    if (!hmc.server.listening) await listen(hmc.server, hmcPort, host);
    if (!stomp.server.listening) await listen(stomp.server, stompPort, host);
  };
  const faults: SimulatorFaults = {
    set: (settings) => hmc.faults.set(settings),
    clear: () => hmc.faults.clear(),
    current: () => hmc.faults.current(),
    expireAllSessions: () => hmc.sessions.expireAll(),
    goDown: async (ms) => {
      await goDown();
      if (ms !== undefined) {
        comeBackTimer = setTimeout(() => {
          void comeBack();
        }, ms);
      }
    },
    comeBack,
  };
  const setStatus = (uri: string, status: string): StatusChange => site.setStatus(uri, status);
  const setWorkload = (uri: string, workload: string): ReturnType<SiteState['setWorkload']> => site.setWorkload(uri, workload);
  const admin =
    options.adminPort === undefined
      ? undefined
      : createAdminServer({ faults, setStatus, setWorkload, exporter: { get: () => exporterConfig, set: setExporterConfig } });
  const servers: AnyServer[] = [hmc.server, stomp.server, exporter, ...(admin === undefined ? [] : [admin])];
  try {
    hmcPort = await listen(hmc.server, options.hmcPort ?? 0, host);
    stompPort = await listen(stomp.server, options.stompPort ?? 0, host);
    const metricsPort = await listen(exporter, options.metricsPort ?? 0, host);
    const adminPort = admin === undefined ? undefined : await listen(admin, options.adminPort ?? 0, host);
    const metricsTarget = `${urlHost(host)}:${metricsPort}`;
    return {
      hmcUrl: `https://${urlHost(host)}:${hmcPort}`,
      metricsUrl: `http://${metricsTarget}/metrics`,
      metricsTarget,
      stompPort,
      adminUrl: adminPort === undefined ? undefined : `http://${urlHost(host)}:${adminPort}`,
      caPem: tls.cert,
      credentials,
      get scenario() {
        return site.scenario;
      },
      faults,
      expireAllSessions: () => hmc.sessions.expireAll(),
      setStatus,
      setWorkload,
      get exporterConfig() {
        return exporterConfig;
      },
      setExporterConfig,
      close: async () => {
        if (comeBackTimer !== undefined) clearTimeout(comeBackTimer);
        await Promise.all(servers.map((server) => closeServer(server, server === stomp.server ? stomp.connections : [])));
      },
    };
  } catch (error) {
    await Promise.allSettled(servers.map((server) => closeServer(server, server === stomp.server ? stomp.connections : [])));
    throw error;
  }
}
