// Deterministic pseudo-randomness: every "random" number in the simulator is a hash of what it
// describes (seed, object, metric, time slot), so the same inputs always give the same output
// and any process (live server, history writer, a test) can recompute any sample on its own.

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit key for ids and names. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes 32-bit integers into one well-spread 32-bit hash (murmur3's finaliser per step). */
export function mix(...values: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h ^= value | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) from the hash of the values. */
export function unit(...values: readonly number[]): number {
  return mix(...values) / 0x100000000;
}
