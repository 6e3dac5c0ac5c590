// Demo profile only: a self-signed certificate for the simulator's compose service name, so the
// exporter and zlens verify TLS to it like they verify a real HMC (the simulator's own
// certificate covers 127.0.0.1, ::1 and localhost only). Runs inside the hmc-sim image, as
// apps/hmc-sim/demo-cert.mjs beside the built simulator.
//   node apps/hmc-sim/demo-cert.mjs <out dir> [host name ...]   (default host: hmc-sim)
// Writes cert.pem, key.pem and ca.pem (the certificate is its own CA) unless cert.pem exists.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// The simulator's own certificate generator (the built package beside this file in the image).
import { selfSignedTls } from './dist/index.js';

const [outDir = '/certs', ...names] = process.argv.slice(2);
const hosts = names.length > 0 ? names : ['hmc-sim'];
const certFile = join(outDir, 'cert.pem');

if (existsSync(certFile)) {
  console.log(`demo-cert: ${certFile} exists, kept`);
} else {
  const tls = await selfSignedTls(hosts);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'key.pem'), tls.key, { mode: 0o600 });
  await writeFile(join(outDir, 'ca.pem'), tls.cert);
  await writeFile(certFile, tls.cert);
  console.log(`demo-cert: wrote ${outDir}/{cert,key,ca}.pem for ${hosts.join(', ')}`);
}
