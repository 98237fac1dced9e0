// The hand-written grouping must write what en-US's own formatter writes, for every whole number a
// panel shows (times, counts, steps), negative ones included.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped, wholeMs } from './format';

const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

describe('grouped', () => {
  it('writes a whole number as Intl.NumberFormat en-US does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(grouped(n)).toBe(intl.format(n === 0 ? 0 : n));
      }),
    );
    for (const n of [0, 7, 999, 1000, 12345, 100000, 999999, 1000000, -1000, -999])
      expect(grouped(n)).toBe(intl.format(n));
  });

  it('rounds first, as the panels did', () => {
    expect(wholeMs(1234.4)).toBe('1,234');
    expect(wholeMs(1234.5)).toBe('1,235');
    expect(grouped(-0.2)).toBe('0');
    expect(grouped(Number.NaN)).toBe('NaN');
  });
});
