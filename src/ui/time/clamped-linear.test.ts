import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { clampedLinear } from './clamped-linear';

// d3-scale's clamped scaleLinear is the oracle: the timeline must place and read times exactly as it did.
describe('clampedLinear', () => {
  const cases: [number, number, number, number][] = [
    [0, 1, 8, 9],
    [0, 600_000, 8, 1912],
    [0, 1234.5, 8, 792],
  ];
  for (const [d0, d1, r0, r1] of cases) {
    it(`matches d3's clamped scaleLinear on [${d0}, ${d1}] → [${r0}, ${r1}]`, () => {
      const ours = clampedLinear([d0, d1], [r0, r1]);
      const d3 = scaleLinear().domain([d0, d1]).range([r0, r1]).clamp(true);
      for (const f of [-0.5, 0, 0.1, 0.37, 0.5, 0.999, 1, 1.7]) {
        const value = d0 + f * (d1 - d0);
        expect(ours(value)).toBeCloseTo(d3(value), 9);
        const pixel = r0 + f * (r1 - r0) + (f < 0 ? -20 : f > 1 ? 20 : 0);
        expect(ours.invert(pixel)).toBeCloseTo(d3.invert(pixel), 9);
      }
    });
  }

  it('clamps times beyond the run to the ends of the strip', () => {
    const x = clampedLinear([0, 100], [8, 108]);
    expect(x(-5)).toBe(8);
    expect(x(500)).toBe(108);
    expect(x.invert(0)).toBe(0);
    expect(x.invert(1000)).toBe(100);
  });
});
