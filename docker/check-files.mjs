// Static checks of the deployment files that no linter makes (no Docker engine needed):
// - compose.yaml: every build names an existing Dockerfile and an existing target; every
//   relative bind mount exists (the site's own files, hmccreds.yaml and hmc-ca.pem, are git-ignored:
//   their templates must exist instead); every service runs with a restart policy and a profile.
// - Dockerfiles: every COPY source outside another stage exists in the build context; the final
//   stages run as a non-root user and have a HEALTHCHECK; the zlens stage sets ZLENS_HOST, ZLENS_PORT
//   and ZLENS_WEB_DIR and exposes 8080.
// - prometheus.yml: every scrape target is a compose service name or network alias.
// Plain text scanning, no dependencies: run with `node docker/check-files.mjs`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const problems = [];
const read = (file) => readFileSync(join(here, file), 'utf8');

// ---- compose.yaml: split into service blocks (two-space indented keys under `services:`)
const compose = read('compose.yaml');
const servicesText = compose.split(/^services:\n/m)[1]?.split(/^\S/m)[0] ?? '';
const services = new Map();
for (const block of servicesText.split(/^(?=  [a-z][\w-]*:\s*$)/m)) {
  const name = /^  ([a-z][\w-]*):\s*$/m.exec(block)?.[1];
  if (name) services.set(name, block);
}
if (services.size === 0) problems.push('compose.yaml: no services found');
const siteFiles = { './hmccreds.yaml': 'hmccreds.yaml.template', './hmc-ca.pem': null };
const names = new Set(services.keys());
for (const [name, block] of services) {
  for (const alias of /aliases:\s*\[([^\]]*)\]/.exec(block)?.[1]?.split(',') ?? []) names.add(alias.trim());
  if (!/^    restart: /m.test(block)) problems.push(`compose.yaml: service ${name} has no restart policy`);
  if (!/^    profiles: /m.test(block)) problems.push(`compose.yaml: service ${name} is in no profile`);
  const build = /^    build:\n((?:      .*\n)+)/m.exec(block)?.[1];
  if (build) {
    const context = /context: (\S+)/.exec(build)?.[1] ?? '.';
    const dockerfile = /dockerfile: (\S+)/.exec(build)?.[1] ?? 'Dockerfile';
    const path = join(here, context, dockerfile);
    if (!existsSync(path)) problems.push(`compose.yaml: service ${name} builds ${dockerfile}, which does not exist`);
    const target = /target: (\S+)/.exec(build)?.[1];
    if (target && existsSync(path) && !new RegExp(`^FROM .+ AS ${target}\\s*$`, 'mi').test(readFileSync(path, 'utf8'))) {
      problems.push(`compose.yaml: service ${name} builds target ${target}, which ${dockerfile} does not define`);
    }
  }
  for (const [, source] of block.matchAll(/^      - (?:\$\{[A-Z_]+:-)?(\.\.?\/[^:}]+)\}?:/gm)) {
    if (source in siteFiles) {
      const template = siteFiles[source];
      if (template && !existsSync(join(here, template))) problems.push(`compose.yaml: ${source} has no ${template}`);
    } else if (!existsSync(join(here, source))) {
      problems.push(`compose.yaml: service ${name} mounts ${source}, which does not exist`);
    }
  }
}

// ---- Dockerfiles
function checkDockerfile(file, contextDir, finals) {
  const text = read(file).replace(/\\\n/g, ' ');
  const stages = text.split(/^(?=FROM )/m).filter((s) => s.startsWith('FROM '));
  for (const stage of stages) {
    for (const [, args] of stage.matchAll(/^COPY (.+)$/gm)) {
      if (/--from=/.test(args)) continue;
      const parts = args.split(/\s+/).filter((p) => p && !p.startsWith('--'));
      for (const source of parts.slice(0, -1)) {
        if (!existsSync(join(contextDir, source))) problems.push(`${file}: COPY ${source}: not in the build context`);
      }
    }
  }
  for (const target of finals) {
    const stage = stages.find((s) => new RegExp(`^FROM \\S+ AS ${target}\\s*$`, 'mi').test(s.split('\n')[0]));
    if (!stage) {
      problems.push(`${file}: no stage ${target}`);
      continue;
    }
    const user = /^USER (\S+)/m.exec(stage)?.[1];
    if (!user || user === 'root' || user === '0') problems.push(`${file}: stage ${target} runs as root`);
    if (!/^HEALTHCHECK /m.test(stage)) problems.push(`${file}: stage ${target} has no HEALTHCHECK`);
  }
  return stages;
}
const zlensStages = checkDockerfile('Dockerfile', root, ['hmc-sim', 'zlens']);
const zlens = zlensStages.find((s) => /^FROM \S+ AS zlens\s*$/m.test(s)) ?? '';
for (const name of ['ZLENS_HOST=0.0.0.0', 'ZLENS_PORT=8080', 'ZLENS_WEB_DIR=']) {
  if (!zlens.includes(name)) problems.push(`Dockerfile: stage zlens does not set ${name}`);
}
if (!/^EXPOSE 8080/m.test(zlens)) problems.push('Dockerfile: stage zlens does not expose 8080');
if (!/\/healthz/.test(zlens)) problems.push('Dockerfile: the zlens HEALTHCHECK does not call /healthz');
const exporterStages = checkDockerfile('exporter.Dockerfile', here, []);
const exporter = exporterStages.at(-1) ?? '';
if (!/^USER (?!root)\S+/m.test(exporter)) problems.push('exporter.Dockerfile: runs as root');
if (!existsSync(join(here, 'Dockerfile.dockerignore'))) problems.push('Dockerfile.dockerignore is missing');

// ---- prometheus.yml targets
for (const [, host] of read('prometheus/prometheus.yml').matchAll(/"([a-z][\w.-]*):\d+"/g)) {
  if (host !== 'localhost' && !names.has(host)) problems.push(`prometheus.yml: target host ${host} is no compose service or alias`);
}

if (problems.length > 0) {
  console.error(`check-files: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-files: compose.yaml (${services.size} services), Dockerfile, exporter.Dockerfile, prometheus.yml consistent`);
