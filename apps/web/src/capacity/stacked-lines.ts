// The stacked chart's lines from GET /api/v1/stacked: one per named partition (palette colours in
// rank order), then "other" in grey; together they reach the CPC's processor usage.
import { gray50 } from '@carbon/colors';
import type { StackedResponse } from '@zlens/shared';
import type { UsageLine } from '../components/usage-chart-option';

export const OTHER_COLOR = gray50;

export function stackedLines(data: StackedResponse, otherName: string): UsageLine[] {
  const lines: UsageLine[] = data.parts.map((part) => ({ name: part.partition, timestamps: data.timestamps, values: part.values }));
  // "Other" only when there is someone else: a CPC of n or fewer partitions has none.
  if (data.partitions > data.parts.length || data.other.some((v) => v !== null && v > 1e-9)) {
    lines.push({ name: otherName, color: OTHER_COLOR, timestamps: data.timestamps, values: data.other });
  }
  return lines;
}
