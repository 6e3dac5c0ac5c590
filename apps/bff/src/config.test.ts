import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration, type Env } from './config.js';

const HMC: Env = { ZLENS_HMC_URL: 'https://hmc.example:6794', ZLENS_HMC_USERID: 'monitor', ZLENS_HMC_PASSWORD: 's3cret' };
const PROM: Env = { ZLENS_PROMETHEUS_URL: 'http://prom.example:9090' };

function problemsOf(env: Env): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ ...PROM, ZLENS_WEB_DIR: undefined });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('info');
    expect(config.upstreamTimeoutMs).toBe(10_000);
    expect(config.liveWindowSeconds).toBe(6 * 3600);
    expect(config.liveMaxSamples).toBe(10_000_000);
    expect(config.hmcPollSeconds).toBe(15);
    expect(config.cacheMaxBytes).toBe(128 * 1024 * 1024);
    expect(config.staleKeepSeconds).toBe(3600);
    expect(config.prometheus).toEqual({ url: 'http://prom.example:9090/', headers: {} });
    expect(config.hmc).toBeNull();
    expect(config.auth).toEqual({ mode: 'none' });
    expect(config.basePath).toBe('');
  });

  it('requires at least one data source', () => {
    expect(problemsOf({})).toEqual([expect.stringContaining('ZLENS_PROMETHEUS_URL or ZLENS_HMC_URL')]);
  });

  it.each([
    ['ZLENS_PORT', 'eighty'],
    ['ZLENS_PORT', '70000'],
    ['ZLENS_LOG_LEVEL', 'loud'],
    ['ZLENS_UPSTREAM_TIMEOUT_MS', '-5'],
    ['ZLENS_LIVE_WINDOW', 'six hours'],
    ['ZLENS_LIVE_MAX_SAMPLES', '100'],
    ['ZLENS_HMC_POLL_SECONDS', '5'],
    ['ZLENS_HMC_INSECURE', 'maybe'],
    ['ZLENS_PROMETHEUS_HEADERS', '{"X-Scope-OrgID": 42}'],
    ['ZLENS_PROMETHEUS_HEADERS', 'not json'],
    ['ZLENS_HMC_CA_FILE', '/nonexistent/ca.pem'],
    ['ZLENS_WEB_DIR', '/nonexistent/web'],
  ])('names %s when it is %j', (name, value) => {
    const problems = problemsOf({ ...PROM, ...HMC, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('names the bad URL variables', () => {
    expect(problemsOf({ ZLENS_PROMETHEUS_URL: 'prometheus:9090' })).toEqual([expect.stringMatching(/^ZLENS_PROMETHEUS_URL: /)]);
    expect(problemsOf({ ...HMC, ZLENS_HMC_URL: 'http://hmc:6794' })).toEqual([expect.stringMatching(/^ZLENS_HMC_URL: must use https/)]);
    expect(problemsOf({ ZLENS_PROMETHEUS_URL: 'http://u:p@prom:9090' })[0]).toMatch(/^ZLENS_PROMETHEUS_URL: must not contain credentials/);
  });

  it('reports every problem at once and never echoes a password', () => {
    const problems = problemsOf({ ZLENS_HMC_URL: 'https://hmc:6794', ZLENS_PORT: 'x', ZLENS_PROMETHEUS_PASSWORD: 'hunter2' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['ZLENS_PORT', 'ZLENS_PROMETHEUS_PASSWORD', 'ZLENS_HMC_USERID', 'ZLENS_HMC_PASSWORD']),
    );
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('builds upstream auth headers', () => {
    const bearer = loadConfig({ ...PROM, ZLENS_PROMETHEUS_BEARER_TOKEN: 'tok', ZLENS_PROMETHEUS_HEADERS: '{"X-Scope-OrgID":"site-a"}' });
    expect(bearer.prometheus?.headers).toEqual({ authorization: 'Bearer tok', 'X-Scope-OrgID': 'site-a' });
    const basic = loadConfig({ ...PROM, ZLENS_PROMETHEUS_USERNAME: 'u', ZLENS_PROMETHEUS_PASSWORD: 'p' });
    expect(basic.prometheus?.headers).toEqual({ authorization: `Basic ${Buffer.from('u:p').toString('base64')}` });
    expect(
      problemsOf({ ...PROM, ZLENS_PROMETHEUS_BEARER_TOKEN: 't', ZLENS_PROMETHEUS_USERNAME: 'u', ZLENS_PROMETHEUS_PASSWORD: 'p' }),
    ).toHaveLength(1);
  });

  it('keeps a path prefix of the Prometheus URL', () => {
    expect(loadConfig({ ZLENS_PROMETHEUS_URL: 'https://mimir.example/prometheus' }).prometheus?.url).toBe(
      'https://mimir.example/prometheus/',
    );
  });

  it('reads the exporter credentials file, with variables overriding it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zlens-config-'));
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const creds = join(dir, 'hmccreds.yaml');
    writeFileSync(creds, `metrics:\n  hmc: 10.1.2.3\n  userid: exporter\n  password: pw\n  verify_cert: ${ca}\n`);
    const config = loadConfig({ ZLENS_HMC_CREDS_FILE: creds, ZLENS_HMC_USERID: 'override' });
    expect(config.hmc).toEqual({
      url: 'https://10.1.2.3:6794',
      userid: 'override',
      password: 'pw',
      ca: expect.stringContaining('BEGIN CERTIFICATE'),
      insecure: false,
    });
    writeFileSync(creds, 'metrics:\n  hmc: hmc1\n  userid: exporter\n  password: pw\n  verify_cert: false\n');
    expect(loadConfig({ ZLENS_HMC_CREDS_FILE: creds }).hmc?.insecure).toBe(true);
    writeFileSync(creds, 'prometheus:\n  port: 9291\n');
    expect(problemsOf({ ZLENS_HMC_CREDS_FILE: creds })[0]).toMatch(/^ZLENS_HMC_CREDS_FILE: /);
  });
});

describe('ZLENS_HMC_CREDS_FILE in the exporter 2.x format (version 2)', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'zlens-creds-'));
  const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const v2 = (hmcs: string, extra = ''): string =>
    `version: 2\nhmcs:\n${hmcs}prometheus:\n  port: 9291\nextra_labels:\n  - name: hmc\n    value: "hmc_info['hmc-name']"\ncpcs:\nmetric_groups:\n  partition-usage:\n    export: true\n  cpc-resource:\n    export: false\n${extra}`;

  it('reads the first of hmcs: host, userid, password, verify_cert as a CA file relative to the file', () => {
    const d = dir();
    writeFileSync(join(d, 'hmc-ca.pem'), CA);
    const creds = join(d, 'config.yaml');
    writeFileSync(creds, v2('  - host: hmc1.example\n    userid: exporter\n    password: pw\n    verify_cert: hmc-ca.pem\n'));
    const config = loadConfig({ ZLENS_HMC_CREDS_FILE: creds });
    expect(config.hmc).toEqual({ url: 'https://hmc1.example:6794', userid: 'exporter', password: 'pw', ca: CA, insecure: false });
    expect(config.notes).toEqual([]);
  });

  it('uses the first of several HMCs and says so (without a password)', () => {
    const creds = join(dir(), 'config.yaml');
    writeFileSync(
      creds,
      v2(
        '  - host: 10.0.0.1\n    userid: a\n    password: first-secret\n    verify_cert: false\n  - host: 10.0.0.2\n    userid: b\n    password: second-secret\n',
      ),
    );
    const config = loadConfig({ ZLENS_HMC_CREDS_FILE: creds });
    expect(config.hmc).toMatchObject({ url: 'https://10.0.0.1:6794', userid: 'a', password: 'first-secret', ca: null, insecure: true });
    expect(config.notes).toEqual([expect.stringContaining('lists 2 HMCs; zlens uses the first (10.0.0.1)')]);
    expect(config.notes.join('\n')).not.toMatch(/secret/);
  });

  it('takes verify_cert true (or absent) as the system CAs, and a directory of PEM files as the CAs', () => {
    const d = dir();
    const creds = join(d, 'config.yaml');
    writeFileSync(creds, v2('  - host: hmc1\n    userid: u\n    password: p\n    verify_cert: true\n'));
    expect(loadConfig({ ZLENS_HMC_CREDS_FILE: creds }).hmc).toMatchObject({ ca: null, insecure: false });
    writeFileSync(creds, v2('  - host: hmc1\n    userid: u\n    password: p\n'));
    expect(loadConfig({ ZLENS_HMC_CREDS_FILE: creds }).hmc).toMatchObject({ ca: null, insecure: false });
    const certs = join(d, 'certs');
    mkdirSync(certs);
    writeFileSync(join(certs, 'root.pem'), CA);
    writeFileSync(join(certs, 'README'), 'not a certificate');
    writeFileSync(creds, v2(`  - host: hmc1\n    userid: u\n    password: p\n    verify_cert: ${certs}\n`));
    expect(loadConfig({ ZLENS_HMC_CREDS_FILE: creds }).hmc?.ca).toBe(CA);
  });

  it.each([
    [
      'both metrics: and hmcs:',
      'metrics:\n  hmc: h\n  userid: u\n  password: p\nhmcs:\n  - host: h\n    userid: u\n    password: p\n',
      /not both/,
    ],
    ['neither', 'prometheus:\n  port: 9291\n', /must have "hmcs:"/],
    ['an empty hmcs: list', 'version: 2\nhmcs: []\n', /lists no HMC/],
    ['version 3', 'version: 3\nhmcs:\n  - host: h\n    userid: u\n    password: p\n', /version must be 2/],
    ['an hmcs item without a password', 'version: 2\nhmcs:\n  - host: h\n    userid: u\n', /hmcs\.0\.password/],
    [
      'a missing verify_cert file',
      'version: 2\nhmcs:\n  - host: h\n    userid: u\n    password: p\n    verify_cert: nothing-here.pem\n',
      /verify_cert: cannot read .*nothing-here\.pem/,
    ],
    ['not YAML', 'hmcs: [\n', /not valid YAML/],
  ])('refuses %s, naming the variable', (_, text, message) => {
    const creds = join(dir(), 'config.yaml');
    writeFileSync(creds, text);
    const problems = problemsOf({ ZLENS_HMC_CREDS_FILE: creds });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ZLENS_HMC_CREDS_FILE: /);
    expect(problems[0]).toMatch(message);
  });
});

describe('parseDuration', () => {
  it('reads s, m, h, d and w', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('30m')).toBe(1800);
    expect(parseDuration('6h')).toBe(21_600);
    expect(parseDuration('1d')).toBe(86_400);
    expect(parseDuration('1w')).toBe(604_800);
    expect(parseDuration('0h')).toBeNull();
    expect(parseDuration('6 h')).toBeNull();
  });
});

describe('ZLENS_FRAME_ANCESTORS', () => {
  it("defaults to 'self'", () => {
    expect(loadConfig(PROM).frameAncestors).toEqual(["'self'"]);
  });

  it('reads space- and comma-separated origins and keywords, without duplicates', () => {
    expect(
      loadConfig({
        ...PROM,
        ZLENS_FRAME_ANCESTORS: "https://portal.example:8443,  http://intranet.local/ self 'self' https://portal.example:8443",
      }).frameAncestors,
    ).toEqual(['https://portal.example:8443', 'http://intranet.local', "'self'"]);
  });

  it.each([
    ['*', /wildcards are not allowed/],
    ['https://*.example.com', /wildcards are not allowed/],
    ['https:', /must list origins|must use http/],
    ['portal.example', /must list origins/],
    ['ftp://portal.example', /must use http or https/],
    ['https://portal.example/app', /has no path/],
    ['https://u:p@portal.example', /has no path, query or credentials/],
    ["'none' https://portal.example", /'none' cannot be combined/],
    [' , ', /names no source/],
  ])('refuses %j', (value, message) => {
    const problems = problemsOf({ ...PROM, ZLENS_FRAME_ANCESTORS: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ZLENS_FRAME_ANCESTORS: /);
    expect(problems[0]).toMatch(message);
  });
});

describe('ZLENS_BASE_PATH', () => {
  it.each([
    ['/zlens', '/zlens'],
    ['/tools/zlens/', '/tools/zlens'],
    ['/', ''],
  ])('reads %j as %j', (value, basePath) => {
    expect(loadConfig({ ...PROM, ZLENS_BASE_PATH: value }).basePath).toBe(basePath);
  });

  it.each(['zlens', '/zl ens', '/a/../b', '/zlens?x=1', 'https://portal.example/zlens'])('refuses %j', (value) => {
    expect(problemsOf({ ...PROM, ZLENS_BASE_PATH: value })).toEqual([
      expect.stringMatching(/^ZLENS_BASE_PATH: must be a path like \/zlens/),
    ]);
  });
});

describe('ZLENS_AUTH', () => {
  const secretFile = join(mkdtempSync(join(tmpdir(), 'zlens-config-')), 'secret');
  writeFileSync(secretFile, 'x'.repeat(32) + '\n');

  it('reads proxy mode with its header (lower-cased) and addresses', () => {
    const config = loadConfig({
      ...PROM,
      ZLENS_AUTH: 'proxy',
      ZLENS_AUTH_PROXY_HEADER: 'Remote-User',
      ZLENS_AUTH_PROXY_ADDRESSES: '10.0.0.5, fd00::/8',
    });
    expect(config.auth).toEqual({ mode: 'proxy', userHeader: 'remote-user', proxyAddresses: ['10.0.0.5', 'fd00::/8'] });
  });

  it('reads token mode with a secret file, without its trailing newline', () => {
    const config = loadConfig({ ...PROM, ZLENS_AUTH: 'token', ZLENS_AUTH_SECRET_FILE: secretFile, ZLENS_AUTH_AUDIENCE: 'zlens' });
    expect(config.auth).toMatchObject({ mode: 'token', audience: 'zlens', issuer: null, userClaim: 'sub', clockToleranceSeconds: 30 });
    expect(config.auth.mode === 'token' && config.auth.key.kind === 'secret' && config.auth.key.secret.length).toBe(32);
  });

  it.each<[Env, RegExp]>([
    [{ ZLENS_AUTH: 'ldap' }, /^ZLENS_AUTH: must be none, proxy or token/],
    [{ ZLENS_AUTH: 'proxy' }, /^ZLENS_AUTH_PROXY_ADDRESSES: is required with ZLENS_AUTH=proxy/],
    [
      { ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '10.0.0.0/33' },
      /^ZLENS_AUTH_PROXY_ADDRESSES: must list IP addresses or CIDR ranges, got "10.0.0.0\/33"/,
    ],
    [{ ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: 'proxy.example' }, /^ZLENS_AUTH_PROXY_ADDRESSES: .*"proxy.example"/],
    [
      { ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '::1', ZLENS_AUTH_PROXY_HEADER: 'x user' },
      /^ZLENS_AUTH_PROXY_HEADER: must be an HTTP header name/,
    ],
    [{ ZLENS_AUTH: 'token' }, /^ZLENS_AUTH_JWKS_FILE, ZLENS_AUTH_JWKS_URL or ZLENS_AUTH_SECRET_FILE: set exactly one .*\(0 set\)/],
    [{ ZLENS_AUTH: 'token', ZLENS_AUTH_SECRET_FILE: secretFile, ZLENS_AUTH_JWKS_URL: 'https://portal.example/jwks' }, /\(2 set\)/],
    [{ ZLENS_AUTH: 'token', ZLENS_AUTH_JWKS_URL: 'portal.example/jwks' }, /^ZLENS_AUTH_JWKS_URL: must be an absolute URL/],
    [
      { ZLENS_AUTH: 'token', ZLENS_AUTH_JWKS_URL: 'http://idp.example/jwks' },
      /^ZLENS_AUTH_JWKS_URL: must use https \(http only for 127.0.0.1/,
    ],
    [{ ZLENS_AUTH: 'token', ZLENS_AUTH_SECRET_FILE: '/nonexistent/secret' }, /^ZLENS_AUTH_SECRET_FILE: cannot read file/],
    [
      { ZLENS_AUTH: 'token', ZLENS_AUTH_SECRET_FILE: secretFile, ZLENS_AUTH_CLOCK_TOLERANCE_SECONDS: '3600' },
      /^ZLENS_AUTH_CLOCK_TOLERANCE_SECONDS: must be an integer from 0 to 300/,
    ],
    [
      { ZLENS_AUTH: 'token', ZLENS_AUTH_SECRET_FILE: secretFile, ZLENS_AUTH_PROXY_ADDRESSES: '10.0.0.5' },
      /^ZLENS_AUTH_PROXY_ADDRESSES: is set but ZLENS_AUTH is not proxy/,
    ],
    [{ ZLENS_AUTH_SECRET_FILE: secretFile }, /^ZLENS_AUTH_SECRET_FILE: is set but ZLENS_AUTH is not token/],
  ])('refuses %j', (env, message) => {
    const problems = problemsOf({ ...PROM, ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('refuses a short secret and a file that is not a key set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zlens-config-'));
    writeFileSync(join(dir, 'short'), 'password123');
    writeFileSync(join(dir, 'jwks.json'), '{"keys": []}');
    expect(problemsOf({ ...PROM, ZLENS_AUTH: 'token', ZLENS_AUTH_SECRET_FILE: join(dir, 'short') })).toEqual([
      'ZLENS_AUTH_SECRET_FILE: the secret must be at least 32 bytes, got 11',
    ]);
    expect(problemsOf({ ...PROM, ZLENS_AUTH: 'token', ZLENS_AUTH_JWKS_FILE: join(dir, 'jwks.json') })).toEqual([
      expect.stringMatching(/^ZLENS_AUTH_JWKS_FILE: must be a JSON Web Key Set/),
    ]);
  });
});
