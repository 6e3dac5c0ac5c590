import { describe, expect, it } from 'vitest';
import { captureLogger } from './test/helpers.js';

describe('createLogger', () => {
  it('redacts secrets that reach a logged object, at any of the usual depths', () => {
    const { logger, text } = captureLogger();
    logger.info(
      {
        password: 'p1-secret',
        'x-api-session': 's1-secret',
        req: { headers: { authorization: 'Bearer t1-secret', 'x-api-session': 's2-secret' } },
        body: { userid: 'u1-secret', token: 't2-secret' },
        hmc: 'https://hmc.example:6794',
      },
      'a request',
    );
    const out = text();
    expect(out).toContain('https://hmc.example:6794');
    expect(out).toContain('[redacted]');
    expect(out).not.toMatch(/-secret/);
  });
});
