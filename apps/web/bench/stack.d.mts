// Types of stack.mjs, which the Playwright global setup (TypeScript) shares with the bench (plain Node).
import type { RunningSimulator, Scenario } from '@zlens/hmc-sim';

export declare const DIST: string;

export interface RunningStack {
  baseUrl: string;
  setupSeconds: number;
  scenario: Scenario;
  /** The simulator (its fault injection), for tests of a misbehaving HMC. */
  sim: RunningSimulator;
  /** Prometheus's data directory: its process's command line names it. */
  prometheusDataDir: string;
  /** Starts one more BFF on the same simulator and Prometheus with extra environment; resolves to its URL. */
  startBff(env?: Readonly<Record<string, string>>): Promise<string>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment for the BFF process (e.g. ZLENS_FRAME_ANCESTORS). */
  env?: Readonly<Record<string, string>>;
  /** Rule files (absolute paths) for Prometheus to evaluate. */
  ruleFiles?: readonly string[];
  /** Start the simulator's admin endpoint (POST /admin/status …) at `sim.adminUrl`. */
  admin?: boolean;
  /** The history's resolution in seconds (default 15; weeks of history want minutes). */
  stepSeconds?: number;
}

/** A port on 127.0.0.1 that was free a moment ago. */
export declare function freePort(): Promise<number>;

export declare function startStack(
  preset: 'demo' | 'large' | undefined,
  hours: number,
  families?: 'catalog' | 'all' | readonly string[],
  options?: StackOptions,
): Promise<RunningStack>;
