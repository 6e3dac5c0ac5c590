// A JSON number the HMC writes as a float. The HMC writes a double with its fraction (`22.0`);
// JavaScript's JSON.stringify writes a whole number without it (`22`), which a Python client such
// as zhmcclient then reads as an int (its end-to-end tests check the type of the sustainability
// data's temperatures). hmc-server.ts writes every reply with hmcJsonText.

export class JsonFloat {
  constructor(readonly value: number) {}
}

/** A reply body: JSON whose numbers may be JsonFloats. */
export type ReplyJson = string | number | boolean | null | JsonFloat | readonly ReplyJson[] | { readonly [key: string]: ReplyJson };

// JSON.stringify escapes U+0000, so a marked value cannot be mistaken for text a client sent.
const MARK = '\u0000float:';
const MARKED = /"\\u0000float:([^"]*)"/g;

/** The JSON text of a reply body, JsonFloat values with a fraction (22 → 22.0, 21.5 → 21.5). */
export function hmcJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof JsonFloat ? `${MARK}${floatText(v.value)}` : v));
  return text.replace(MARKED, '$1');
}

function floatText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
