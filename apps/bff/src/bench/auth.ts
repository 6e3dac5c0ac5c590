// `pnpm --filter @zlens/bff bench` (second part): what sign-in costs per API request. The BFF's
// GET /api/v1/session needs no upstream, so its throughput under autocannon is the BFF's own
// per-request work plus, in token mode, one JWT verification. Modes: none, proxy (header and
// peer-address check), token with HS256 (shared secret), RS256 and ES256 (JWKS file). Writes
// docs/benchmarks.md (section `bff-auth`).
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { writeBenchmarkSection } from '@zlens/hmc-sim';
import { createApp } from '../app.js';
import { loadConfig, type Env } from '../config.js';
import { buildDeps } from '../deps.js';
import { createLogger } from '../logger.js';

const SECONDS = 8;
const CONNECTIONS = 10;

interface Case {
  name: string;
  env: Env;
  headers: Record<string, string>;
}

async function cases(): Promise<Case[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zlens-auth-bench-'));
  const secretFile = join(dir, 'secret');
  const secret = 'a shared secret of the portal, 32 bytes or more';
  writeFileSync(secretFile, secret);
  const expiry = Math.floor(Date.now() / 1000) + 3600;
  const hs256 = await new SignJWT({ sub: 'alice', aud: 'zlens' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiry)
    .sign(new TextEncoder().encode(secret));
  const asymmetric = async (alg: 'RS256' | 'ES256') => {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    const file = join(dir, `${alg}.json`);
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: alg, alg }] }));
    const token = await new SignJWT({ sub: 'alice', aud: 'zlens' })
      .setProtectedHeader({ alg, kid: alg })
      .setExpirationTime(expiry)
      .sign(privateKey);
    return { file, token };
  };
  const rs256 = await asymmetric('RS256');
  const es256 = await asymmetric('ES256');
  const token = (extra: Env): Env => ({ ZLENS_AUTH: 'token', ZLENS_AUTH_AUDIENCE: 'zlens', ...extra });
  return [
    { name: 'none', env: {}, headers: {} },
    {
      name: 'proxy (user header from 127.0.0.0/8)',
      env: { ZLENS_AUTH: 'proxy', ZLENS_AUTH_PROXY_ADDRESSES: '127.0.0.0/8' },
      headers: { 'x-forwarded-user': 'alice' },
    },
    {
      name: 'token HS256 (shared secret)',
      env: token({ ZLENS_AUTH_SECRET_FILE: secretFile }),
      headers: { authorization: `Bearer ${hs256}` },
    },
    {
      name: 'token RS256 (JWKS file, 2048-bit key)',
      env: token({ ZLENS_AUTH_JWKS_FILE: rs256.file }),
      headers: { authorization: `Bearer ${rs256.token}` },
    },
    {
      name: 'token ES256 (JWKS file)',
      env: token({ ZLENS_AUTH_JWKS_FILE: es256.file }),
      headers: { authorization: `Bearer ${es256.token}` },
    },
  ];
}

async function listen(env: Env): Promise<{ url: string; server: Server }> {
  // A Prometheus nobody asks: /session reaches no upstream.
  const config = { ...loadConfig({ ZLENS_PROMETHEUS_URL: 'http://127.0.0.1:9/', ...env }), webDir: null };
  const server = createApp(buildDeps(config, createLogger('warn')).deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  let baseline: number | null = null;
  for (const c of await cases()) {
    const { url, server } = await listen(c.env);
    const options = { url: `${url}/api/v1/session`, headers: c.headers, connections: CONNECTIONS };
    await autocannon({ ...options, duration: 2 }); // warm-up (JIT, key import)
    const result = await autocannon({ ...options, duration: SECONDS });
    server.close();
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${c.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const rps = result.requests.average;
    baseline ??= rps;
    const extraUs = (1 / rps - 1 / baseline) * 1e6;
    console.log(`${c.name}: ${rps.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
    rows.push(
      `| ${c.name} | ${rps.toFixed(0)} | ${result.latency.p50} / ${result.latency.p99} | ${c.name === 'none' ? '—' : `${extraUs.toFixed(0)} µs`} |`,
    );
  }
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const markdown = [
    `Run ${new Date().toISOString()} on ${cpus().length} × ${cpu}, Node ${process.version}; 1-minute load average ${loadBefore.toFixed(1)} before and ${(loadavg()[0] ?? 0).toFixed(1)} after.`,
    '',
    `\`GET /api/v1/session\` (no upstream) under autocannon, ${CONNECTIONS} connections for ${SECONDS} s after a 2 s warm-up, BFF and load generator in one process on loopback. "Extra per request" is 1/throughput minus that of mode none: the CPU time sign-in adds to every API request (one JWT verification in token mode; jose uses Node's WebCrypto).`,
    '',
    '| mode | requests/s | latency p50 / p99 ms | extra per request |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  const file = await writeBenchmarkSection('bff-auth', 'BFF: what sign-in costs per request (apps/bff)', markdown);
  console.log(`written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
