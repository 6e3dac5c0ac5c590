// A fleet card draws its CPC's usages in one small chart: each line in its own colour, named by the
// figure above it in that colour (issue 16: a classic card drew processor and channels in one purple).
import { describe, expect, it } from 'vitest';
import { CPC_MODES } from '@zlens/shared';
import { metricColor } from '../../components/theme';
import { cardMetrics } from './CpcCard';

describe('a fleet card', () => {
  it.each([...CPC_MODES, null])('of a %s CPC draws each usage in a colour of its own', (mode) => {
    const colors = cardMetrics(mode).map(({ metric }) => metricColor(metric));
    expect(colors.length).toBeGreaterThan(1);
    expect(new Set(colors).size).toBe(colors.length);
  });
});
