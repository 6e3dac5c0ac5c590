// What of an upstream's words may reach a log line or an error message. An upstream (or a proxy
// before it) may echo the request's headers, credentials included; errors.ts' upstreamExcerpt
// removes what looks like a credential by its shape (`Authorization: Basic …`, `password=…`).
// This adds the credentials zlens itself sends, removed literally wherever they appear: a header
// value, a bearer token, the base64 of basic auth and the password inside it.
import { upstreamExcerpt } from '../errors.js';

/** Shorter strings are not secrets worth hunting (and would redact ordinary words). */
const MIN_SECRET_LENGTH = 4;

/** Every literal to redact for these request headers: their values and what is inside them. */
export function secretsOfHeaders(headers: Readonly<Record<string, string>>): string[] {
  const secrets = new Set<string>();
  for (const value of Object.values(headers)) {
    secrets.add(value);
    const scheme = /^(?:Basic|Bearer)\s+(\S+)$/i.exec(value.trim());
    const credential = scheme?.[1];
    if (credential === undefined) continue;
    secrets.add(credential);
    if (/^basic/i.test(value.trim())) {
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      secrets.add(decoded);
      if (colon >= 0) secrets.add(decoded.slice(colon + 1));
    }
  }
  // Longest first, so a password inside a longer secret does not leave the rest of it behind.
  return [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** A bounded, single-line excerpt of upstream text with `secrets` and credential-shaped fields removed. */
export function redactedExcerpt(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return upstreamExcerpt(out);
}
