import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './Pickers';

describe('datetime-local conversion', () => {
  it('round-trips local minutes and rejects anything else', () => {
    const t = Math.floor(new Date(2026, 10, 24, 13, 5).getTime() / 1000);
    expect(toLocalInput(t)).toBe('2026-11-24T13:05');
    expect(fromLocalInput('2026-11-24T13:05')).toBe(t);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});
