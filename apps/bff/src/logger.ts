// Structured logs (pino). Secrets are kept out of log calls in the first place; the redaction
// list is the second line of defence for anything that slips into a logged object.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

const SECRET_KEYS = ['password', 'authorization', 'x-api-session', 'token', 'api-session', 'session-credential', 'userid'];

export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) => [
  `["${key}"]`,
  `*["${key}"]`,
  `*.*["${key}"]`,
  `req.headers["${key}"]`,
]);

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'zlens-bff' },
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
