// Configuration: read and validated once at start-up, from the environment record server.ts (or
// demo/main.ts) hands in. Nothing else in the BFF reads the environment (lint rule), so every setting
// is visible here, and a bad value fails start-up with a message that names the variable.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import type { JSONWebKeySet } from 'jose';
import { fileURLToPath } from 'node:url';
import { DURATION_UNIT_SECONDS } from '@zlens/shared';
import { z } from 'zod';
import { CredsFileError, parseCredsFile, type CredsFileHmc } from './creds-file.js';
import { DEFAULT_CACHE_MAX_BYTES, DEFAULT_UPSTREAM_MAX_BYTES } from './upstream-limits.js';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface PrometheusConfig {
  /** Base URL of any PromQL HTTP API, path prefix included; always ends with `/`. */
  url: string;
  /** Extra request headers: authorization (bearer or basic) and the configured ones. */
  headers: Readonly<Record<string, string>>;
}

export interface HmcConfig {
  /** https://host:port (no path). */
  url: string;
  userid: string;
  password: string;
  /** PEM text of the CA to trust; null means the system CAs. */
  ca: string | null;
  /** TLS verification off (only by the explicit switch or `verify_cert: false`). */
  insecure: boolean;
}

/** How a caller of /api/v1 is known (ZLENS_AUTH). */
export type AuthConfig =
  | { mode: 'none' }
  | {
      mode: 'proxy';
      /** The request header, lower case, in which the portal's reverse proxy names the user. */
      userHeader: string;
      /** Addresses and CIDR ranges (`10.1.2.3`, `10.1.0.0/16`, `::1`) the proxy connects from. */
      proxyAddresses: readonly string[];
    }
  | {
      mode: 'token';
      /** Where the key that verifies a bearer JWT comes from: exactly one of the three. */
      key: { kind: 'jwks-file'; jwks: JSONWebKeySet } | { kind: 'jwks-url'; url: string } | { kind: 'secret'; secret: Uint8Array };
      /** Required `iss` and `aud` values; null means not checked. */
      issuer: string | null;
      audience: string | null;
      /** The claim that names the user (`sub` unless configured). */
      userClaim: string;
      clockToleranceSeconds: number;
    };

export interface Config {
  host: string;
  port: number;
  /**
   * The path prefix zlens is served under behind a reverse proxy (`/zlens`), or '' for the host
   * root. The SPA and /api/v1 live under it; /healthz, /readyz and /metrics stay at the root.
   */
  basePath: string;
  auth: AuthConfig;
  logLevel: LogLevel;
  /** The built SPA, or null when there is none to serve. */
  webDir: string | null;
  prometheus: PrometheusConfig | null;
  hmc: HmcConfig | null;
  /**
   * `auto`: heatmaps and top-N read the shipped recording rules' 5-minute buckets where Prometheus
   * has them (checked every 10 min); `off`: always the raw metrics.
   */
  recordedSeries: 'auto' | 'off';
  /** Alertmanager's API v2 base URL, for silences and inhibitions of the firing alerts; null: not asked. */
  alertmanagerUrl: URL | null;
  upstreamTimeoutMs: number;
  /**
   * The largest body read from an upstream (Prometheus, HMC); a longer answer is aborted and
   * counts as an upstream error, so one lying or runaway upstream cannot exhaust the heap.
   */
  upstreamMaxBytes: number;
  liveWindowSeconds: number;
  /** Samples the live source holds over all series (12 bytes each); the window gives way beyond. */
  liveMaxSamples: number;
  hmcPollSeconds: number;
  /** Upstream requests in flight at once, per upstream. */
  upstreamMaxInFlight: number;
  /** Result cache: how long an answer is kept; ZLENS_CACHE_MAX_ENTRIES 0 turns it off (its only use now). */
  cacheTtlSeconds: number;
  cacheMaxEntries: number;
  /** What the BFF's caches (ByteCache) may hold together, in bytes of heap; 0 turns them off. */
  cacheMaxBytes: number;
  /** How long the last answer of each panel is kept, to be served stale while Prometheus is down; 0: never stale. */
  staleKeepSeconds: number;
  /** How long the joined inventory (Prometheus label sets, HMC objects) is reused. */
  inventoryTtlSeconds: number;
  /**
   * Who may frame zlens (CSP `frame-ancestors`): `'self'`, and/or portal origins
   * (`https://portal.example:8443`); `['\'none\'']` forbids framing. Never a wildcard.
   */
  frameAncestors: readonly string[];
  /** Start-up notes for the log (e.g. "the creds file lists 2 HMCs; the first is used"); never a secret. */
  notes: readonly string[];
}

/** The HMC metrics service produces a sample every 15 s; polling faster only loads the HMC. */
export const MIN_HMC_POLL_SECONDS = 15;
const DEFAULT_HMC_PORT = 6794;
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));
const DURATION = /^(\d{1,6})([smhdw])$/;

/** Collects every problem instead of stopping at the first, so one start-up shows them all. */
class Reader {
  readonly problems: string[] = [];
  /** Things worth saying at start-up that are not problems (e.g. which of several HMCs is used). */
  readonly notes: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push(`${name}: must be an integer from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return Number(value);
  }

  bool(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.problems.push(`${name}: must be true or false, got "${value}"`);
    return undefined;
  }

  file(name: string, path: string): string | null {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      const reason = err instanceof Error && 'code' in err ? String(err.code) : 'unreadable';
      this.problems.push(`${name}: cannot read file "${path}" (${reason})`);
      return null;
    }
  }

  url(name: string, value: string, protocols: readonly string[]): URL | null {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.problems.push(`${name}: must be an absolute URL, got "${value}"`);
      return null;
    }
    if (!protocols.includes(url.protocol)) {
      this.problems.push(`${name}: must use ${protocols.join(' or ')}, got "${url.protocol}"`);
      return null;
    }
    return url;
  }
}

export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  const [, amount, unit] = match;
  if (amount === undefined || unit === undefined) return null;
  const seconds = Number(amount) * (DURATION_UNIT_SECONDS[unit] ?? 0);
  return seconds > 0 ? seconds : null;
}

function readPrometheus(r: Reader): PrometheusConfig | null {
  const raw = r.raw('ZLENS_PROMETHEUS_URL');
  const token = r.raw('ZLENS_PROMETHEUS_BEARER_TOKEN');
  const username = r.raw('ZLENS_PROMETHEUS_USERNAME');
  const password = r.raw('ZLENS_PROMETHEUS_PASSWORD');
  const headersText = r.raw('ZLENS_PROMETHEUS_HEADERS');
  if (raw === undefined) {
    for (const [name, value] of [
      ['ZLENS_PROMETHEUS_BEARER_TOKEN', token],
      ['ZLENS_PROMETHEUS_USERNAME', username],
      ['ZLENS_PROMETHEUS_PASSWORD', password],
      ['ZLENS_PROMETHEUS_HEADERS', headersText],
    ] as const) {
      if (value !== undefined) r.problems.push(`${name}: is set but ZLENS_PROMETHEUS_URL is not`);
    }
    return null;
  }
  const url = r.url('ZLENS_PROMETHEUS_URL', raw, ['http:', 'https:']);
  const headers: Record<string, string> = {};
  if (headersText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(headersText);
    } catch {
      parsed = undefined;
    }
    const result = z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/), z.string()).safeParse(parsed);
    if (result.success) Object.assign(headers, result.data);
    else r.problems.push('ZLENS_PROMETHEUS_HEADERS: must be a JSON object of header names to string values');
  }
  if (token !== undefined && (username !== undefined || password !== undefined)) {
    r.problems.push('ZLENS_PROMETHEUS_BEARER_TOKEN: set either a bearer token or a username and password, not both');
  } else if (token !== undefined) {
    headers.authorization = `Bearer ${token}`;
  } else if ((username === undefined) !== (password === undefined)) {
    r.problems.push(
      username === undefined
        ? 'ZLENS_PROMETHEUS_USERNAME: is required with ZLENS_PROMETHEUS_PASSWORD'
        : 'ZLENS_PROMETHEUS_PASSWORD: is required with ZLENS_PROMETHEUS_USERNAME',
    );
  } else if (username !== undefined && password !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  if (url !== null && (url.username !== '' || url.password !== '')) {
    r.problems.push('ZLENS_PROMETHEUS_URL: must not contain credentials; use ZLENS_PROMETHEUS_USERNAME and ZLENS_PROMETHEUS_PASSWORD');
    return null;
  }
  if (url === null) return null;
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { url: base, headers };
}

function hmcUrlFromHost(host: string): string {
  // hmccreds.yaml names a host (name or IP), optionally with a port; IPv6 needs brackets.
  if (/^https?:\/\//.test(host)) return host;
  const bare = host.includes(':') && !host.startsWith('[') && host.split(':').length > 2 ? `[${host}]` : host;
  return /:\d+$/.test(bare) ? `https://${bare}` : `https://${bare}:${DEFAULT_HMC_PORT}`;
}

function readHmc(r: Reader): HmcConfig | null {
  let url = r.raw('ZLENS_HMC_URL');
  let userid = r.raw('ZLENS_HMC_USERID');
  let password = r.raw('ZLENS_HMC_PASSWORD');
  let verify: CredsFileHmc['verify'] | undefined;
  const credsPath = r.raw('ZLENS_HMC_CREDS_FILE');
  if (credsPath !== undefined) {
    const text = r.file('ZLENS_HMC_CREDS_FILE', credsPath);
    if (text !== null) {
      try {
        const creds = parseCredsFile(text, credsPath);
        // Explicit variables win over the file, so one value can be overridden without editing it.
        url ??= hmcUrlFromHost(creds.host);
        userid ??= creds.userid;
        password ??= creds.password;
        verify = creds.verify;
        r.notes.push(...creds.notes);
      } catch (err) {
        if (!(err instanceof CredsFileError)) throw err;
        r.problems.push(`ZLENS_HMC_CREDS_FILE: ${err.message}`);
      }
    }
  }
  const caPath = r.raw('ZLENS_HMC_CA_FILE');
  const insecureSwitch = r.bool('ZLENS_HMC_INSECURE');
  if (url === undefined && userid === undefined && password === undefined) {
    if (caPath !== undefined) r.problems.push('ZLENS_HMC_CA_FILE: is set but no HMC is configured (ZLENS_HMC_URL)');
    return null;
  }
  if (url === undefined) r.problems.push('ZLENS_HMC_URL: is required when HMC credentials are set');
  if (userid === undefined) r.problems.push('ZLENS_HMC_USERID: is required when an HMC is configured');
  if (password === undefined) r.problems.push('ZLENS_HMC_PASSWORD: is required when an HMC is configured');
  const parsedUrl = url === undefined ? null : r.url('ZLENS_HMC_URL', url, ['https:']);
  if (parsedUrl !== null && parsedUrl.pathname !== '/') {
    r.problems.push(`ZLENS_HMC_URL: must not have a path (the API lives at /api), got "${parsedUrl.pathname}"`);
  }
  let ca: string | null = null;
  if (caPath !== undefined) ca = r.file('ZLENS_HMC_CA_FILE', caPath);
  else if (typeof verify === 'object') ca = verify.caPem;
  const insecure = insecureSwitch ?? verify === false;
  if (insecure && caPath !== undefined) {
    r.problems.push('ZLENS_HMC_INSECURE: cannot be true together with ZLENS_HMC_CA_FILE');
  }
  if (parsedUrl === null || userid === undefined || password === undefined) return null;
  return { url: parsedUrl.origin, userid, password, ca, insecure };
}

/**
 * ZLENS_FRAME_ANCESTORS: space- or comma-separated origins, plus the keywords 'self' and 'none'.
 * Only exact scheme://host[:port] origins are accepted: no wildcards, no paths, no bare schemes,
 * so the policy can never turn into a blanket allow.
 */
function readFrameAncestors(r: Reader): readonly string[] {
  const name = 'ZLENS_FRAME_ANCESTORS';
  const raw = r.raw(name);
  if (raw === undefined) return ["'self'"];
  const sources: string[] = [];
  const before = r.problems.length;
  for (const token of raw.split(/[\s,]+/).filter((t) => t !== '')) {
    const keyword = token.toLowerCase().replace(/^'|'$/g, '');
    if (keyword === 'self' || keyword === 'none') {
      if (!sources.includes(`'${keyword}'`)) sources.push(`'${keyword}'`);
      continue;
    }
    if (token.includes('*')) {
      r.problems.push(`${name}: wildcards are not allowed, name each portal origin ("${token}")`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(token);
    } catch {
      r.problems.push(`${name}: must list origins like https://portal.example:8443 or 'self', got "${token}"`);
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === 'null') {
      r.problems.push(`${name}: an origin must use http or https, got "${token}"`);
    } else if (url.href !== `${url.origin}/`) {
      r.problems.push(`${name}: an origin has no path, query or credentials, got "${token}"`);
    } else if (!sources.includes(url.origin)) {
      sources.push(url.origin);
    }
  }
  if (sources.includes("'none'") && sources.length > 1) {
    r.problems.push(`${name}: 'none' cannot be combined with other sources`);
  }
  if (sources.length === 0 && r.problems.length === before) r.problems.push(`${name}: names no source; use 'none' to forbid framing`);
  return sources.length === 0 ? ["'self'"] : sources;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** A shared HS256 secret shorter than the hash (32 bytes) is guessable (RFC 7518 §3.2). */
const MIN_SECRET_BYTES = 32;
const AUTH_VARIABLES: Readonly<Record<'proxy' | 'token', readonly string[]>> = {
  proxy: ['ZLENS_AUTH_PROXY_HEADER', 'ZLENS_AUTH_PROXY_ADDRESSES'],
  token: [
    'ZLENS_AUTH_JWKS_FILE',
    'ZLENS_AUTH_JWKS_URL',
    'ZLENS_AUTH_SECRET_FILE',
    'ZLENS_AUTH_ISSUER',
    'ZLENS_AUTH_AUDIENCE',
    'ZLENS_AUTH_USER_CLAIM',
    'ZLENS_AUTH_CLOCK_TOLERANCE_SECONDS',
  ],
};

/** `10.1.2.3`, `::1`, `10.1.0.0/16`, `fd00::/8`. */
function isAddressOrRange(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function readProxyAuth(r: Reader): AuthConfig {
  const header = (r.raw('ZLENS_AUTH_PROXY_HEADER') ?? 'x-forwarded-user').toLowerCase();
  if (!HEADER_NAME.test(header)) r.problems.push(`ZLENS_AUTH_PROXY_HEADER: must be an HTTP header name, got "${header}"`);
  const raw = r.raw('ZLENS_AUTH_PROXY_ADDRESSES');
  if (raw === undefined) {
    r.problems.push('ZLENS_AUTH_PROXY_ADDRESSES: is required with ZLENS_AUTH=proxy (the addresses the portal proxy connects from)');
    return { mode: 'proxy', userHeader: header, proxyAddresses: [] };
  }
  const proxyAddresses = raw.split(/[\s,]+/).filter((t) => t !== '');
  for (const entry of proxyAddresses) {
    if (!isAddressOrRange(entry)) r.problems.push(`ZLENS_AUTH_PROXY_ADDRESSES: must list IP addresses or CIDR ranges, got "${entry}"`);
  }
  return { mode: 'proxy', userHeader: header, proxyAddresses };
}

function readTokenAuth(r: Reader): AuthConfig {
  const jwksFile = r.raw('ZLENS_AUTH_JWKS_FILE');
  const jwksUrl = r.raw('ZLENS_AUTH_JWKS_URL');
  const secretFile = r.raw('ZLENS_AUTH_SECRET_FILE');
  const given = [jwksFile, jwksUrl, secretFile].filter((v) => v !== undefined).length;
  if (given !== 1) {
    r.problems.push(
      `ZLENS_AUTH_JWKS_FILE, ZLENS_AUTH_JWKS_URL or ZLENS_AUTH_SECRET_FILE: set exactly one with ZLENS_AUTH=token (${given} set)`,
    );
  }
  let key: Extract<AuthConfig, { mode: 'token' }>['key'] = { kind: 'secret', secret: new Uint8Array() };
  if (jwksFile !== undefined) {
    const text = r.file('ZLENS_AUTH_JWKS_FILE', jwksFile);
    let jwks: unknown;
    try {
      jwks = text === null ? undefined : JSON.parse(text);
    } catch {
      jwks = undefined;
    }
    const shape = z.object({ keys: z.array(z.object({ kty: z.string() }).loose()).min(1) }).safeParse(jwks);
    if (shape.success) key = { kind: 'jwks-file', jwks: shape.data };
    else if (text !== null) r.problems.push('ZLENS_AUTH_JWKS_FILE: must be a JSON Web Key Set ({"keys": [...]}, at least one key)');
  } else if (jwksUrl !== undefined) {
    const url = r.url('ZLENS_AUTH_JWKS_URL', jwksUrl, ['https:', 'http:']);
    // Keys fetched over plain HTTP could be swapped on the way: only from this machine.
    if (url?.protocol === 'http:' && !['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)) {
      r.problems.push(`ZLENS_AUTH_JWKS_URL: must use https (http only for 127.0.0.1, ::1 or localhost), got "${jwksUrl}"`);
    }
    key = { kind: 'jwks-url', url: url?.href ?? jwksUrl };
  } else if (secretFile !== undefined) {
    const text = r.file('ZLENS_AUTH_SECRET_FILE', secretFile);
    // A trailing newline from `echo secret > file` is not part of the secret.
    const secret = new TextEncoder().encode(text?.replace(/\r?\n$/, '') ?? '');
    if (text !== null && secret.length < MIN_SECRET_BYTES) {
      r.problems.push(`ZLENS_AUTH_SECRET_FILE: the secret must be at least ${MIN_SECRET_BYTES} bytes, got ${secret.length}`);
    }
    key = { kind: 'secret', secret };
  }
  const userClaim = r.raw('ZLENS_AUTH_USER_CLAIM') ?? 'sub';
  return {
    mode: 'token',
    key,
    issuer: r.raw('ZLENS_AUTH_ISSUER') ?? null,
    audience: r.raw('ZLENS_AUTH_AUDIENCE') ?? null,
    userClaim,
    clockToleranceSeconds: r.int('ZLENS_AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300),
  };
}

/** ZLENS_AUTH: none (the default, for the demo), proxy or token; the other mode's variables are refused. */
function readAuth(r: Reader): AuthConfig {
  const mode = r.raw('ZLENS_AUTH') ?? 'none';
  if (mode !== 'none' && mode !== 'proxy' && mode !== 'token') {
    r.problems.push(`ZLENS_AUTH: must be none, proxy or token, got "${mode}"`);
    return { mode: 'none' };
  }
  for (const [owner, names] of Object.entries(AUTH_VARIABLES)) {
    if (owner === mode) continue;
    for (const name of names) if (r.raw(name) !== undefined) r.problems.push(`${name}: is set but ZLENS_AUTH is not ${owner}`);
  }
  if (mode === 'proxy') return readProxyAuth(r);
  if (mode === 'token') return readTokenAuth(r);
  return { mode: 'none' };
}

/** ZLENS_BASE_PATH: `/zlens` or `/tools/zlens/` (the trailing slash is dropped); '' or `/` is the root. */
function readBasePath(r: Reader): string {
  const raw = r.raw('ZLENS_BASE_PATH');
  if (raw === undefined || raw === '/') return '';
  const path = raw.replace(/\/+$/, '');
  const segments = path.split('/').slice(1);
  if (!path.startsWith('/') || segments.some((s) => !/^[A-Za-z0-9._~-]+$/.test(s) || s === '.' || s === '..')) {
    r.problems.push(`ZLENS_BASE_PATH: must be a path like /zlens (letters, digits, . _ ~ -), got "${raw}"`);
    return '';
  }
  return path;
}

function readWebDir(r: Reader): string | null {
  const explicit = r.raw('ZLENS_WEB_DIR');
  if (explicit === undefined) return existsSync(DEFAULT_WEB_DIR) ? DEFAULT_WEB_DIR : null;
  if (!existsSync(explicit) || !statSync(explicit).isDirectory()) {
    r.problems.push(`ZLENS_WEB_DIR: "${explicit}" is not a directory`);
    return null;
  }
  return explicit;
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Env): Config {
  const r = new Reader(env);
  const host = r.raw('ZLENS_HOST') ?? '127.0.0.1';
  const port = r.int('ZLENS_PORT', 8080, 0, 65_535);
  const basePath = readBasePath(r);
  const auth = readAuth(r);
  const levelText = r.raw('ZLENS_LOG_LEVEL') ?? 'info';
  const level = z.enum(LOG_LEVELS).safeParse(levelText);
  if (!level.success) r.problems.push(`ZLENS_LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}, got "${levelText}"`);
  const webDir = readWebDir(r);
  const prometheus = readPrometheus(r);
  const hmc = readHmc(r);
  const recordedText = r.raw('ZLENS_RECORDED_SERIES') ?? 'auto';
  if (recordedText !== 'auto' && recordedText !== 'off')
    r.problems.push(`ZLENS_RECORDED_SERIES: must be auto or off, got "${recordedText}"`);
  const alertmanagerText = r.raw('ZLENS_ALERTMANAGER_URL');
  const alertmanagerUrl = alertmanagerText === undefined ? null : r.url('ZLENS_ALERTMANAGER_URL', alertmanagerText, ['http:', 'https:']);
  if (alertmanagerText !== undefined && prometheus === null) {
    r.problems.push('ZLENS_ALERTMANAGER_URL: alerts come from Prometheus, so ZLENS_PROMETHEUS_URL must be set too');
  }
  const upstreamTimeoutMs = r.int('ZLENS_UPSTREAM_TIMEOUT_MS', 10_000, 100, 600_000);
  const upstreamMaxBytes = r.int('ZLENS_UPSTREAM_MAX_BYTES', DEFAULT_UPSTREAM_MAX_BYTES, 65_536, 1_073_741_824);
  const windowText = r.raw('ZLENS_LIVE_WINDOW') ?? '6h';
  const liveWindowSeconds = parseDuration(windowText);
  if (liveWindowSeconds === null || liveWindowSeconds < 60 || liveWindowSeconds > 7 * 86_400) {
    r.problems.push(`ZLENS_LIVE_WINDOW: must be a duration like 30m, 6h or 1d (1 minute to 7 days), got "${windowText}"`);
  }
  const liveMaxSamples = r.int('ZLENS_LIVE_MAX_SAMPLES', 10_000_000, 10_000, 1_000_000_000);
  const hmcPollSeconds = r.int('ZLENS_HMC_POLL_SECONDS', MIN_HMC_POLL_SECONDS, MIN_HMC_POLL_SECONDS, 3600);
  const upstreamMaxInFlight = r.int('ZLENS_UPSTREAM_MAX_IN_FLIGHT', 8, 1, 256);
  const cacheTtlSeconds = r.int('ZLENS_CACHE_TTL_SECONDS', 300, 1, 86_400);
  const cacheMaxEntries = r.int('ZLENS_CACHE_MAX_ENTRIES', 1000, 0, 1_000_000);
  const cacheMaxBytes = r.int('ZLENS_CACHE_MAX_BYTES', DEFAULT_CACHE_MAX_BYTES, 0, 17_179_869_184);
  const staleKeepSeconds = r.int('ZLENS_STALE_KEEP_SECONDS', 3600, 0, 7 * 86_400);
  const inventoryTtlSeconds = r.int('ZLENS_INVENTORY_TTL_SECONDS', 60, 1, 86_400);
  const frameAncestors = readFrameAncestors(r);
  if (prometheus === null && hmc === null && r.problems.length === 0) {
    r.problems.push('ZLENS_PROMETHEUS_URL or ZLENS_HMC_URL: configure at least one data source');
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return {
    host,
    port,
    basePath,
    auth,
    logLevel: level.success ? level.data : 'info',
    webDir,
    prometheus,
    hmc,
    recordedSeries: recordedText === 'off' ? 'off' : 'auto',
    alertmanagerUrl,
    upstreamTimeoutMs,
    upstreamMaxBytes,
    liveWindowSeconds: liveWindowSeconds ?? 21_600,
    liveMaxSamples,
    hmcPollSeconds,
    upstreamMaxInFlight,
    cacheTtlSeconds,
    cacheMaxEntries,
    cacheMaxBytes,
    staleKeepSeconds,
    inventoryTtlSeconds,
    frameAncestors,
    notes: r.notes,
  };
}
