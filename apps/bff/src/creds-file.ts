// The HMC part of IBM's zhmc-prometheus-exporter config file (ZLENS_HMC_CREDS_FILE), in both of
// its formats, read as the exporter 2.x reads them (zhmc_prometheus_exporter.py and its
// schemas/config_schema.yaml, checked against the exporter's head after release 2.3.3):
// - version 1: a `metrics:` section `{hmc, userid, password, verify_cert?}`;
// - version 2 (exporter 2.0 and later): `version: 2`, `hmcs:` a list of
//   `{host, userid, password, verify_cert?, retry_timeout?}`, beside `prometheus:`, `extra_labels:`,
//   `cpcs:` and `metric_groups:`, which are the exporter's business and only checked for shape.
// As in the exporter: a file with both `metrics` and `hmcs`, or neither, is refused; `version`
// other than 2 is refused; an empty `hmcs` list is refused; of several `hmcs` only the first is
// used ("At this point, only the first item in the list is used", its docs/usage.rst), and zlens
// says so at start-up. `verify_cert`: true or absent = the default CAs, false = no verification,
// a string = a CA file or a directory of PEM files, relative paths from the file's directory.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const VerifyCertSchema = z.union([z.boolean(), z.string().min(1)]);

const V1Schema = z.object({
  hmc: z.string().min(1),
  userid: z.string().min(1),
  password: z.string().min(1),
  verify_cert: VerifyCertSchema.optional(),
});

const HmcItemSchema = z.object({
  host: z.string().min(1),
  userid: z.string().min(1),
  password: z.string().min(1),
  verify_cert: VerifyCertSchema.optional(),
  retry_timeout: z.record(z.string(), z.number().int()).optional(),
});

const FileSchema = z.object({
  version: z.number().int().optional(),
  metrics: V1Schema.optional(),
  hmcs: z.array(HmcItemSchema).optional(),
  extra_labels: z
    .array(z.object({ name: z.string(), value: z.string() }))
    .nullable()
    .optional(),
  cpcs: z.array(z.string()).nullable().optional(),
  metric_groups: z
    .record(z.string(), z.object({ export: z.boolean() }))
    .nullable()
    .optional(),
  prometheus: z.record(z.string(), z.unknown()).nullable().optional(),
});

export interface CredsFileHmc {
  /** The host as written (name, IPv4, IPv6, optionally with a port). */
  host: string;
  userid: string;
  password: string;
  /** true: the default CAs; false: no verification; a string: PEM text of the CAs to trust. */
  verify: boolean | { caPem: string; from: string };
  format: 1 | 2;
  /** Start-up notes worth logging (several HMCs, version 1 format); never a password. */
  notes: string[];
}

export class CredsFileError extends Error {}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${path}: ${issue.message}`;
}

/** PEM text of a CA file, or of every PEM certificate file in a directory (the exporter accepts both). */
function readCa(path: string): string {
  const stat = statSync(path);
  if (!stat.isDirectory()) return readFileSync(path, 'utf8');
  const pems: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const file = join(path, name);
    if (!statSync(file).isFile()) continue;
    const text = readFileSync(file, 'utf8');
    // c_rehash links (<hash>.0) repeat the files they point at; one copy of each certificate is enough.
    if (text.includes('-----BEGIN CERTIFICATE-----') && !pems.includes(text)) pems.push(text);
  }
  if (pems.length === 0) throw new CredsFileError(`verify_cert: the directory "${path}" holds no PEM certificate`);
  return pems.join('\n');
}

/** Parses the text of the file at `path`; throws CredsFileError saying what is wrong (never a password). */
export function parseCredsFile(text: string, path: string): CredsFileHmc {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch {
    throw new CredsFileError('is not valid YAML');
  }
  const parsed = FileSchema.safeParse(document);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CredsFileError(`is not an exporter config file (${first === undefined ? 'unexpected shape' : describeIssue(first)})`);
  }
  const file = parsed.data;
  if (file.metrics !== undefined && file.hmcs !== undefined) {
    throw new CredsFileError('must have either "hmcs:" (version 2) or "metrics:" (version 1), not both');
  }
  if (file.version !== undefined && file.version !== 2) throw new CredsFileError(`version must be 2, got ${file.version}`);
  const notes: string[] = [];
  let hmc: { host: string; userid: string; password: string; verify_cert?: boolean | string | undefined };
  let format: 1 | 2;
  if (file.hmcs !== undefined) {
    const [first, ...others] = file.hmcs;
    if (first === undefined) throw new CredsFileError('"hmcs:" lists no HMC');
    if (others.length > 0) {
      notes.push(`ZLENS_HMC_CREDS_FILE lists ${file.hmcs.length} HMCs; zlens uses the first (${first.host}), as the exporter does`);
    }
    hmc = first;
    format = 2;
  } else if (file.metrics !== undefined) {
    hmc = { host: file.metrics.hmc, userid: file.metrics.userid, password: file.metrics.password, verify_cert: file.metrics.verify_cert };
    format = 1;
  } else {
    throw new CredsFileError('must have "hmcs:" (version 2) or "metrics:" (version 1) naming the HMC, userid and password');
  }
  const verifyCert = hmc.verify_cert ?? true;
  let verify: CredsFileHmc['verify'] = verifyCert === true || verifyCert === false ? verifyCert : true;
  if (typeof verifyCert === 'string') {
    const caPath = isAbsolute(verifyCert) ? verifyCert : join(dirname(path), verifyCert);
    try {
      verify = { caPem: readCa(caPath), from: caPath };
    } catch (err) {
      if (err instanceof CredsFileError) throw err;
      const reason = err instanceof Error && 'code' in err ? String(err.code) : 'unreadable';
      throw new CredsFileError(`verify_cert: cannot read "${caPath}" (${reason})`);
    }
  }
  return { host: hmc.host, userid: hmc.userid, password: hmc.password, verify, format, notes };
}
