// The shipped alerting rules and the UI's default bands are one idea: this reads the rules file
// from the repository and checks every usage threshold in it against USAGE_THRESHOLDS.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { USAGE_THRESHOLDS } from './thresholds.js';

const RULES_FILE = resolve(import.meta.dirname, '../../../docker/prometheus/rules/zlens-alerts.yml');
const RulesSchema = z.object({
  groups: z.array(
    z.object({ rules: z.array(z.object({ alert: z.string(), expr: z.string(), labels: z.record(z.string(), z.string()) })) }),
  ),
});

function rules(): Map<string, { expr: string; severity: string | undefined }> {
  const file = RulesSchema.parse(parse(readFileSync(RULES_FILE, 'utf8')));
  return new Map(file.groups.flatMap((g) => g.rules.map((r) => [r.alert, { expr: r.expr, severity: r.labels.severity }] as const)));
}

/** The ratio a usage rule compares with: the number after its last `>`. */
function threshold(expr: string): number {
  const match = /> ([\d.]+)\s*$/.exec(expr);
  if (match?.[1] === undefined) throw new Error(`no threshold in ${expr}`);
  return Number(match[1]);
}

describe('alerting rule thresholds', () => {
  const all = rules();

  it('CPC processor usage alerts use the UI bands', () => {
    expect(threshold(all.get('ZhmcCpcProcessorUsageCritical')?.expr ?? '') * 100).toBe(USAGE_THRESHOLDS.critical);
    expect(threshold(all.get('ZhmcCpcProcessorUsageHigh')?.expr ?? '') * 100).toBe(USAGE_THRESHOLDS.warning);
  });

  it('adapter, crypto and channel alerts fire at the critical band', () => {
    for (const name of ['ZhmcAdapterUsageHigh', 'ZhmcCryptoAdapterUsageHigh', 'ZhmcChannelUsageHigh']) {
      expect({ name, percent: threshold(all.get(name)?.expr ?? '') * 100 }).toEqual({ name, percent: USAGE_THRESHOLDS.critical });
    }
  });

  it('every alert has a severity the UI knows', () => {
    for (const [name, rule] of all)
      expect({ name, severity: rule.severity }).toEqual({ name, severity: expect.stringMatching(/^(warning|critical)$/) });
  });
});
