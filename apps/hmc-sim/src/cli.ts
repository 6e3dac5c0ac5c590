#!/usr/bin/env node
// Command line: `serve` runs the simulated HMC and its /metrics; `history` writes OpenMetrics
// history for `promtool tsdb create-blocks-from openmetrics`.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExporterConfigError, exporterConfigFromFile, type ExporterConfig } from './exporter/exporter-config.js';
import { writeHistory } from './history/history.js';
import { PRESETS, presetScenario, type PresetName } from './scenario/presets.js';
import { loadScenario, scenarioToYaml } from './scenario/scenario-file.js';
import type { Scenario } from './scenario/scenario.js';
import { DEFAULT_CREDENTIALS, startSimulator } from './simulator.js';
import { SESSION_END_BEHAVIOURS } from './stomp/stomp-server.js';

const USAGE = `Usage:
  hmc-sim serve [--host 127.0.0.1] [--port 6794] [--metrics-port 9291] [--stomp-port 61612]
                [--admin-port PORT] [--cert FILE --key FILE] [--userid U --password P]
                [--ca-out FILE] [--preset demo|large | --scenario FILE.yaml] [EXPORTER]
                [--notifications-after-session-end silent|keep|error|close]
  hmc-sim history --out FILE [--hours 24] [--end <ms since epoch>] [--step 15]
                [--families catalog|all|NAME,NAME] [--preset demo|large | --scenario FILE.yaml] [EXPORTER]
  hmc-sim scenario [--preset demo|large]       print a preset as a scenario file (YAML)

serve    HMC Web Services API over HTTPS on --port, STOMP notifications over TLS on --stomp-port,
         exporter-format /metrics over HTTP on --metrics-port, and with --admin-port the admin
         endpoint for faults (off otherwise). Without --cert/--key a self-signed certificate is
         made; its PEM is written to --ca-out (default: <tmp>/zlens-hmc-sim/ca.pem).
         --notifications-after-session-end: what a STOMP subscription to an ended session's topic
         gets (UNKNOWN on a real HMC): silent (default), keep, error (ERROR frame) or close.
history  OpenMetrics samples from --end minus --hours up to --end (default end: one minute ago),
         every --step seconds (a multiple of 15), of the zlens catalog metrics (--families
         catalog, the default), of everything /metrics serves (all), or of the named families.
EXPORTER what /metrics (and the history) export, as IBM's exporter would with that config:
         --exporter-config FILE   the exporter's own config file (its metric_groups: and cpcs:)
         --exporter-groups all|GROUP,GROUP   the exported metric groups (default all)
         --exporter-cpcs NAME,NAME           only these CPCs (default every CPC)`;

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

function preset(value: string | undefined): PresetName {
  const found = PRESETS.find((p) => p === (value ?? 'demo'));
  if (found === undefined) throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, got "${value ?? ''}"`);
  return found;
}

async function scenarioFrom(file: string | undefined, presetName: string | undefined): Promise<Scenario> {
  if (file !== undefined && presetName !== undefined) throw new UsageError('--scenario and --preset exclude each other');
  return file === undefined ? presetScenario(preset(presetName)) : loadScenario(await readFile(file, 'utf8'));
}

const EXPORTER_OPTIONS = {
  'exporter-config': { type: 'string' },
  'exporter-groups': { type: 'string' },
  'exporter-cpcs': { type: 'string' },
} as const;

async function exporterConfig(values: {
  'exporter-config'?: string;
  'exporter-groups'?: string;
  'exporter-cpcs'?: string;
}): Promise<ExporterConfig | undefined> {
  const file = values['exporter-config'];
  const groups = values['exporter-groups'];
  const cpcs = values['exporter-cpcs'];
  if (file !== undefined && (groups !== undefined || cpcs !== undefined)) {
    throw new UsageError('--exporter-config excludes --exporter-groups and --exporter-cpcs');
  }
  if (file !== undefined) return exporterConfigFromFile(await readFile(file, 'utf8'));
  if (groups === undefined && cpcs === undefined) return undefined;
  const list = (text: string): string[] =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  return {
    metricGroups: groups === undefined || groups === 'all' ? 'all' : list(groups),
    ...(cpcs === undefined ? {} : { cpcs: list(cpcs) }),
  };
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'metrics-port': { type: 'string' },
      'stomp-port': { type: 'string' },
      'admin-port': { type: 'string' },
      preset: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      userid: { type: 'string' },
      password: { type: 'string' },
      'ca-out': { type: 'string' },
      scenario: { type: 'string' },
      'notifications-after-session-end': { type: 'string' },
      ...EXPORTER_OPTIONS,
    },
  });
  const afterEnd = values['notifications-after-session-end'];
  const notificationsAfterSessionEnd = SESSION_END_BEHAVIOURS.find((b) => b === afterEnd);
  if (afterEnd !== undefined && notificationsAfterSessionEnd === undefined) {
    throw new UsageError(`--notifications-after-session-end must be one of ${SESSION_END_BEHAVIOURS.join(', ')}, got "${afterEnd}"`);
  }
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
  const exporter = await exporterConfig(values);
  const sim = await startSimulator({
    scenario: await scenarioFrom(values.scenario, values.preset),
    host: values.host,
    hmcPort: integer(values.port, 'port', 6794, 0),
    metricsPort: integer(values['metrics-port'], 'metrics-port', 9291, 0),
    stompPort: integer(values['stomp-port'], 'stomp-port', 61612, 0),
    ...(values['admin-port'] === undefined ? {} : { adminPort: integer(values['admin-port'], 'admin-port', 0, 0) }),
    credentials,
    ...(tls === undefined ? {} : { tls }),
    ...(exporter === undefined ? {} : { exporter }),
    ...(notificationsAfterSessionEnd === undefined ? {} : { notificationsAfterSessionEnd }),
  });
  const caFile = resolve(values['ca-out'] ?? join(tmpdir(), 'zlens-hmc-sim', 'ca.pem'));
  await mkdir(dirname(caFile), { recursive: true });
  await writeFile(caFile, sim.caPem);
  const partitions = sim.scenario.cpcs.reduce((sum, cpc) => sum + cpc.partitions.length + cpc['logical-partitions'].length, 0);
  console.log(`HMC API   ${sim.hmcUrl}  (userid ${credentials.userid})`);
  console.log(`STOMP     ${sim.hmcUrl.replace('https://', 'ssl://').replace(/:\d+$/, `:${sim.stompPort}`)}`);
  console.log(`/metrics  ${sim.metricsUrl}`);
  if (sim.adminUrl !== undefined) console.log(`admin     ${sim.adminUrl}/admin/faults`);
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
      families: { type: 'string' },
      preset: { type: 'string' },
      scenario: { type: 'string' },
      ...EXPORTER_OPTIONS,
    },
  });
  if (values.out === undefined) throw new UsageError('--out FILE is required');
  const hours = positive(values.hours, 'hours', 24);
  // promtool backfill wants history that ends before Prometheus' head block starts.
  const endMs = integer(values.end, 'end', Date.now() - 60_000, 0);
  const stepSeconds = integer(values.step, 'step', 15, 15);
  if (stepSeconds % 15 !== 0) throw new UsageError(`--step must be a multiple of 15, got ${stepSeconds}`);
  const families =
    values.families === undefined || values.families === 'catalog' || values.families === 'all'
      ? (values.families ?? 'catalog')
      : values.families.split(',');
  const exporter = await exporterConfig(values);
  const stats = await writeHistory(
    await scenarioFrom(values.scenario, values.preset),
    { startMs: endMs - hours * 3_600_000, endMs, stepSeconds, families, ...(exporter === undefined ? {} : { exporter }) },
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
  if (command === 'scenario') {
    const { values } = parseArgs({ args: rest, strict: true, options: { preset: { type: 'string' } } });
    process.stdout.write(scenarioToYaml(presetScenario(preset(values.preset))));
    return;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // parseArgs reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS_* code.
  const isArgError =
    error instanceof UsageError ||
    error instanceof ExporterConfigError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  console.error(`hmc-sim: ${error instanceof Error ? error.message : String(error)}`);
  if (isArgError) console.error(`\n${USAGE}`);
  process.exit(isArgError ? 2 : 1);
});
