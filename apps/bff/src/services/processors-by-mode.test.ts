import { describe, expect, it } from 'vitest';
import { processorsByMode } from './processors-by-mode.js';

const lpar = (status: string, processorMode: string | null, cp: number | null, icf = 0) => ({
  status,
  properties: { processorMode, processors: { cp, ifl: 0, iip: 0, icf } },
});

describe('processorsByMode', () => {
  it('adds up each activated LPAR’s processors in its mode', () => {
    const byMode = processorsByMode([
      lpar('operating', 'shared', 12),
      lpar('not-operating', 'shared', 2),
      lpar('operating', 'dedicated', 0, 2),
    ]);
    expect(byMode).toEqual({ shared: { cp: 14, ifl: 0, iip: 0, icf: 0 }, dedicated: { cp: 0, ifl: 0, iip: 0, icf: 2 } });
  });

  it('leaves out LPARs that are not activated', () => {
    expect(processorsByMode([lpar('not-activated', 'dedicated', 4)]).dedicated.cp).toBe(0);
  });

  it('makes a sum unknown where an LPAR’s mode or count is unknown, never a zero', () => {
    const unknownMode = processorsByMode([lpar('operating', null, 4)]);
    expect(unknownMode.shared.cp).toBeNull();
    expect(unknownMode.dedicated.cp).toBeNull();
    // An LPAR with no processors of a type adds nothing to either mode, whatever its mode.
    expect(unknownMode.dedicated.icf).toBe(0);
    const unknownCount = processorsByMode([lpar('operating', 'dedicated', null), lpar('operating', 'shared', 3)]);
    expect(unknownCount.dedicated.cp).toBeNull();
    expect(unknownCount.shared.cp).toBe(3);
    expect(processorsByMode([{ status: 'operating', properties: null }]).shared.cp).toBeNull();
  });
});
