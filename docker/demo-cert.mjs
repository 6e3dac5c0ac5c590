// Demo profile only: a self-signed certificate for the simulator's compose service name, so the
// exporter and zlens verify TLS to it like they verify a real HMC (the simulator's own
// certificate covers 127.0.0.1, ::1 and localhost only). Runs inside the hmc-sim image, where
// `selfsigned` is a dependency of apps/hmc-sim.
//   node apps/hmc-sim/demo-cert.mjs <out dir> [host name ...]   (default host: hmc-sim)
// Writes cert.pem, key.pem and ca.pem (the certificate is its own CA) unless cert.pem exists.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

const [outDir = '/certs', ...names] = process.argv.slice(2);
const hosts = names.length > 0 ? names : ['hmc-sim'];
const certFile = join(outDir, 'cert.pem');

if (existsSync(certFile)) {
  console.log(`demo-cert: ${certFile} exists, kept`);
} else {
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + 365 * 24 * 3_600_000);
  const pems = await generate([{ name: 'commonName', value: hosts[0] }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...hosts.map((value) => ({ type: 2, value })),
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'key.pem'), pems.private, { mode: 0o600 });
  await writeFile(join(outDir, 'ca.pem'), pems.cert);
  await writeFile(certFile, pems.cert);
  console.log(`demo-cert: wrote ${outDir}/{cert,key,ca}.pem for ${hosts.join(', ')}`);
}
