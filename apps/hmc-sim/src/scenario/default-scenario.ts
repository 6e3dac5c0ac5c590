// The scenario used when none is given: the `demo` preset (two LinuxONE CPCs in DPM mode and one
// z/OS CPC in classic mode, see presets.ts).

import { DEFAULT_SEED, demoScenario } from './presets.js';
import type { Scenario } from './scenario.js';

export { DEFAULT_SEED };

/** The built-in scenario (a fresh object on each call). */
export function defaultScenario(): Scenario {
  return demoScenario();
}
