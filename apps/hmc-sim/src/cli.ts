#!/usr/bin/env node
// Command line: `serve` runs the simulated HMC and its /metrics; `history` writes OpenMetrics
// history for `promtool tsdb create-blocks-from openmetrics`.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultScenario } from './default-scenario.js';
import { writeHistory } from './history.js';
import { loadScenario } from './scenario-file.js';
import type { Scenario } from './scenario.js';
import { DEFAULT_CREDENTIALS, startSimulator } from './simulator.js';

const USAGE = `Usage:
  hmc-sim serve [--host 127.0.0.1] [--port 6794] [--metrics-port 9291] [--cert FILE --key FILE]
                [--userid U --password P] [--ca-out FILE] [--scenario FILE.yaml]
  hmc-sim history --out FILE [--hours 24] [--end <ms since epoch>] [--step 15] [--scenario FILE.yaml]

serve    HMC Web Services API over HTTPS on --port, exporter-format /metrics over HTTP on
         --metrics-port. Without --cert/--key a self-signed certificate is made; its PEM is written
         to --ca-out (default: <tmp>/zlens-hmc-sim/ca.pem) for clients to verify with.
history  OpenMetrics samples of every exported series from --end minus --hours up to --end
         (default end: one minute ago), every --step seconds (a multiple of 15).`;

class UsageError extends Error {}

function integer(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return parsed;
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new UsageError(`--${name} must be a positive number, got "${value}"`);
  return parsed;
}

async function scenarioFrom(file: string | undefined): Promise<Scenario> {
  return file === undefined ? defaultScenario() : loadScenario(await readFile(file, 'utf8'));
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'metrics-port': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      userid: { type: 'string' },
      password: { type: 'string' },
      'ca-out': { type: 'string' },
      scenario: { type: 'string' },
    },
  });
  if ((values.cert === undefined) !== (values.key === undefined)) throw new UsageError('--cert and --key go together');
  if ((values.userid === undefined) !== (values.password === undefined)) throw new UsageError('--userid and --password go together');
  const tls =
    values.cert !== undefined && values.key !== undefined
      ? { cert: await readFile(values.cert, 'utf8'), key: await readFile(values.key, 'utf8') }
      : undefined;
  const credentials =
    values.userid !== undefined && values.password !== undefined
      ? { userid: values.userid, password: values.password }
      : DEFAULT_CREDENTIALS;
  const sim = await startSimulator({
    scenario: await scenarioFrom(values.scenario),
    host: values.host,
    hmcPort: integer(values.port, 'port', 6794, 0),
    metricsPort: integer(values['metrics-port'], 'metrics-port', 9291, 0),
    credentials,
    ...(tls === undefined ? {} : { tls }),
  });
  const caFile = resolve(values['ca-out'] ?? join(tmpdir(), 'zlens-hmc-sim', 'ca.pem'));
  await mkdir(dirname(caFile), { recursive: true });
  await writeFile(caFile, sim.caPem);
  const partitions = sim.scenario.cpcs.reduce((sum, cpc) => sum + cpc.partitions.length, 0);
  console.log(`HMC API   ${sim.hmcUrl}  (userid ${credentials.userid})`);
  console.log(`/metrics  ${sim.metricsUrl}`);
  console.log(`CA PEM    ${caFile}`);
  console.log(`scenario  ${sim.scenario.cpcs.length} CPCs, ${partitions} partitions, seed ${sim.scenario.seed}`);
  const shutdown = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function history(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      hours: { type: 'string' },
      end: { type: 'string' },
      step: { type: 'string' },
      out: { type: 'string' },
      scenario: { type: 'string' },
    },
  });
  if (values.out === undefined) throw new UsageError('--out FILE is required');
  const hours = positive(values.hours, 'hours', 24);
  // promtool backfill wants history that ends before Prometheus' head block starts.
  const endMs = integer(values.end, 'end', Date.now() - 60_000, 0);
  const stepSeconds = integer(values.step, 'step', 15, 15);
  if (stepSeconds % 15 !== 0) throw new UsageError(`--step must be a multiple of 15, got ${stepSeconds}`);
  const stats = await writeHistory(
    await scenarioFrom(values.scenario),
    { startMs: endMs - hours * 3_600_000, endMs, stepSeconds },
    values.out,
  );
  console.log(
    `wrote ${stats.samples} samples of ${stats.series} series, ${new Date(stats.firstMs).toISOString()} .. ${new Date(stats.lastMs).toISOString()}, to ${values.out}`,
  );
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === 'history') return history(rest);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // parseArgs reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS_* code.
  const isArgError = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  console.error(`hmc-sim: ${error instanceof Error ? error.message : String(error)}`);
  if (isArgError) console.error(`\n${USAGE}`);
  process.exit(isArgError ? 2 : 1);
});
