// How long an API request waits for the HMC. An HMC read a request needs (a partition's properties,
// an adapter's ports, a topology walk) that takes longer than this is not waited out: the request
// answers with what is known, marked stale, and the read carries on for whoever caches its result.
import { HmcError } from './hmc-error.js';

export const HMC_WAIT_MS = 2_000;

/** `promise`'s outcome if it settles within `ms`; else an HmcError (504) while it carries on. */
export async function withinBound<T>(promise: Promise<T>, what: string, ms = HMC_WAIT_MS): Promise<T> {
  // The late outcome belongs to the cache that keeps the promise; here it must not go unhandled.
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new HmcError(504, 0, `HMC: ${what} did not answer within ${ms} ms; carrying on in the background`, 'upstream_timeout')),
      ms,
    );
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
