// Types of stack.mjs, which the Playwright global setup (TypeScript) shares with the bench (plain Node).
import type { Scenario } from '@zlens/hmc-sim';

export declare const DIST: string;

export interface RunningStack {
  baseUrl: string;
  setupSeconds: number;
  scenario: Scenario;
  close(): Promise<void>;
}

export declare function startStack(
  preset: 'demo' | 'large' | undefined,
  hours: number,
  families?: 'catalog' | 'all' | readonly string[],
): Promise<RunningStack>;
