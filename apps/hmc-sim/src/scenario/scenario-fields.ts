// Field readers for scenario documents: each checks one value and names its path when it is wrong.

import { isRecord } from '../narrow.js';
import { ScenarioError } from './scenario-error.js';

export type Fields = Record<string, unknown>;

export function record(value: unknown, path: string): Fields {
  if (!isRecord(value)) throw new ScenarioError(`${path}: expected a mapping`);
  return value;
}

export function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ScenarioError(`${path}: expected a list`);
  return value;
}

export function text(f: Fields, key: string, path: string): string;
export function text(f: Fields, key: string, path: string, optional: 'optional'): string | undefined;
export function text(f: Fields, key: string, path: string, optional?: 'optional'): string | undefined {
  const value = f[key];
  if (value === undefined && optional !== undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new ScenarioError(`${path}.${key}: expected a non-empty string`);
  return value;
}

/** A string that may be empty (descriptions, load parameters). */
export function anyText(f: Fields, key: string, path: string): string | undefined {
  const value = f[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ScenarioError(`${path}.${key}: expected a string`);
  return value;
}

// Object ids become URI segments (/api/partitions/{object-id}).
export function objectId(f: Fields, key: string, path: string): string | undefined {
  const id = text(f, key, path, 'optional');
  if (id !== undefined && !/^[A-Za-z0-9._-]+$/.test(id)) throw new ScenarioError(`${path}.${key}: only letters, digits, '.', '_' and '-'`);
  return id;
}

export function count(f: Fields, key: string, path: string, min = 0): number | undefined {
  const value = f[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ScenarioError(`${path}.${key}: expected an integer >= ${min}`);
  }
  return value;
}

export function flag(f: Fields, key: string, path: string): boolean | undefined {
  const value = f[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new ScenarioError(`${path}.${key}: expected true or false`);
  return value;
}

export function oneOf<T extends string>(f: Fields, key: string, path: string, allowed: readonly T[]): T | undefined {
  const value = f[key];
  if (value === undefined) return undefined;
  const found = allowed.find((item) => item === value);
  if (found === undefined) throw new ScenarioError(`${path}.${key}: expected one of ${allowed.join(', ')}`);
  return found;
}

export function names(f: Fields, key: string, path: string): string[] {
  return list(f[key], `${path}.${key}`).map((value, i) => {
    if (typeof value !== 'string' || value === '') throw new ScenarioError(`${path}.${key}[${i}]: expected a name`);
    return value;
  });
}
