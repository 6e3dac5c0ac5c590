// Time is a dependency, so tests can pin "now" and sources agree on it.
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };
