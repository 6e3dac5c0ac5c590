// Narrowing helpers for JSON the tests receive (no casts).

import { isRecord } from '../narrow.js';

export function field(value: unknown, key: string): unknown {
  if (!isRecord(value)) throw new Error(`expected an object with "${key}", got ${JSON.stringify(value)}`);
  return value[key];
}

export function stringField(value: unknown, key: string): string {
  const found = field(value, key);
  if (typeof found !== 'string') throw new Error(`"${key}" is not a string: ${JSON.stringify(found)}`);
  return found;
}

export function arrayField(value: unknown, key: string): unknown[] {
  const found = field(value, key);
  if (!Array.isArray(found)) throw new Error(`"${key}" is not a list: ${JSON.stringify(found)}`);
  return found;
}

export function keysOf(value: unknown): string[] {
  if (!isRecord(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return Object.keys(value);
}
