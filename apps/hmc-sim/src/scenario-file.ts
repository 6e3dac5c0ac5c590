// Scenario files: YAML in the shape of Scenario (hmc-api.md §6 tree: cpcs[].partitions[], kebab-case
// HMC property names), validated field by field so a bad file fails with the path of the bad field.
// Omitted properties get the same defaults as the built-in scenario.

import { parse } from 'yaml';
import { fnv1a } from './hash.js';
import { isRecord } from './narrow.js';
import {
  CPC_STATUSES,
  DEFAULT_HMC,
  PARTITION_STATUSES,
  PARTITION_TYPES,
  PROCESSOR_MODES,
  WORKLOAD_PROFILES,
  type CpcSpec,
  type HmcInfo,
  type PartitionSpec,
  type Scenario,
} from './scenario.js';
import { DEFAULT_SEED } from './default-scenario.js';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

type Fields = Record<string, unknown>;

function record(value: unknown, path: string): Fields {
  if (!isRecord(value)) throw new ScenarioError(`${path}: expected a mapping`);
  return value;
}

// Object ids become URI segments (/api/partitions/{object-id}).
function objectId(fields: Fields, path: string, fallback: string): string {
  const id = text(fields, 'object-id', path, fallback);
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new ScenarioError(`${path}.object-id: only letters, digits, '.', '_' and '-'`);
  return id;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ScenarioError(`${path}: expected a list`);
  return value;
}

function text(fields: Fields, key: string, path: string, fallback?: string): string {
  const value = fields[key] ?? fallback;
  if (typeof value !== 'string' || value === '') throw new ScenarioError(`${path}.${key}: expected a non-empty string`);
  return value;
}

function count(fields: Fields, key: string, path: string, fallback: number, min = 0): number {
  const value = fields[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ScenarioError(`${path}.${key}: expected an integer >= ${min}`);
  }
  return value;
}

function oneOf<T extends string>(fields: Fields, key: string, path: string, allowed: readonly T[], fallback: T): T {
  const value = fields[key] ?? fallback;
  const found = allowed.find((item) => item === value);
  if (found === undefined) throw new ScenarioError(`${path}.${key}: expected one of ${allowed.join(', ')}`);
  return found;
}

const idFrom = (kind: string, name: string): string => `${kind}-${fnv1a(name).toString(16).padStart(8, '0')}`;

function partitionFrom(value: unknown, path: string, cpcName: string): PartitionSpec {
  const f = record(value, path);
  const name = text(f, 'name', path);
  const memory = count(f, 'initial-memory', path, 16384, 1);
  return {
    'object-id': objectId(f, path, idFrom('partition', `${cpcName}/${name}`)),
    name,
    description: typeof f.description === 'string' ? f.description : '',
    type: oneOf(f, 'type', path, PARTITION_TYPES, 'linux'),
    status: oneOf(f, 'status', path, PARTITION_STATUSES, 'active'),
    'processor-mode': oneOf(f, 'processor-mode', path, PROCESSOR_MODES, 'shared'),
    'cp-processors': count(f, 'cp-processors', path, 0),
    'ifl-processors': count(f, 'ifl-processors', path, 2),
    'initial-cp-processing-weight': count(f, 'initial-cp-processing-weight', path, 100, 1),
    'initial-ifl-processing-weight': count(f, 'initial-ifl-processing-weight', path, 100, 1),
    'initial-memory': memory,
    'maximum-memory': count(f, 'maximum-memory', path, memory, memory),
    workload: oneOf(f, 'workload', path, WORKLOAD_PROFILES, 'steady'),
  };
}

function cpcFrom(value: unknown, path: string): CpcSpec {
  const f = record(value, path);
  const name = text(f, 'name', path);
  if (f['dpm-enabled'] === false) throw new ScenarioError(`${path}: classic-mode CPCs (dpm-enabled: false) are not simulated yet`);
  const partitions = list(f.partitions ?? [], `${path}.partitions`).map((p, i) => partitionFrom(p, `${path}.partitions[${i}]`, name));
  return {
    'object-id': objectId(f, path, idFrom('cpc', name)),
    name,
    description: typeof f.description === 'string' ? f.description : '',
    'machine-type': text(f, 'machine-type', path, '3931'),
    'machine-model': text(f, 'machine-model', path, 'A01'),
    'machine-serial-number': text(f, 'machine-serial-number', path, '000000000000'),
    'se-version': text(f, 'se-version', path, '2.16.0'),
    status: oneOf(f, 'status', path, CPC_STATUSES, 'active'),
    'dpm-enabled': true,
    'processor-count-general-purpose': count(f, 'processor-count-general-purpose', path, 0),
    'processor-count-ifl': count(f, 'processor-count-ifl', path, 16),
    'processor-count-iip': count(f, 'processor-count-iip', path, 0),
    'processor-count-icf': count(f, 'processor-count-icf', path, 0),
    'processor-count-service-assist': count(f, 'processor-count-service-assist', path, 4),
    'processor-count-spare': count(f, 'processor-count-spare', path, 2),
    'storage-total-installed': count(f, 'storage-total-installed', path, 1048576, 1),
    'storage-hardware-system-area': count(f, 'storage-hardware-system-area', path, 196608),
    partitions,
  };
}

function hmcFrom(value: unknown): HmcInfo {
  if (value === undefined) return DEFAULT_HMC;
  const f = record(value, 'hmc');
  return {
    'hmc-name': text(f, 'hmc-name', 'hmc', DEFAULT_HMC['hmc-name']),
    'hmc-version': text(f, 'hmc-version', 'hmc', DEFAULT_HMC['hmc-version']),
    'api-major-version': count(f, 'api-major-version', 'hmc', DEFAULT_HMC['api-major-version']),
    'api-minor-version': count(f, 'api-minor-version', 'hmc', DEFAULT_HMC['api-minor-version']),
  };
}

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new ScenarioError(`duplicate ${what}: ${value}`);
    seen.add(value);
  }
}

/** Validates a parsed scenario document (for example from JSON). */
export function scenarioFrom(document: unknown): Scenario {
  const f = record(document, 'scenario');
  const cpcs = list(f.cpcs, 'cpcs').map((c, i) => cpcFrom(c, `cpcs[${i}]`));
  assertUnique(cpcs.map((c) => c.name), 'CPC name');
  const partitions = cpcs.flatMap((c) => c.partitions);
  assertUnique([...cpcs.map((c) => c['object-id']), ...partitions.map((p) => p['object-id'])], 'object-id');
  for (const cpc of cpcs) assertUnique(cpc.partitions.map((p) => p.name), `partition name in ${cpc.name}`);
  return { seed: count(f, 'seed', 'scenario', DEFAULT_SEED), hmc: hmcFrom(f.hmc), cpcs };
}

/** Parses and validates a YAML scenario file; throws ScenarioError naming the bad field. */
export function loadScenario(yamlText: string): Scenario {
  let document: unknown;
  try {
    document = parse(yamlText);
  } catch (error) {
    throw new ScenarioError(`not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return scenarioFrom(document);
}
