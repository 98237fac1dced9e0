// The timeline's time → pixel mapping: a straight line, clamped to both ends. d3-scale's scaleLinear does
// the same, but it brings d3-interpolate, d3-color and d3-format (≈ 10 kB gzip) into the first load for two
// multiplications; d3-scale stays where it earns its bytes (space-time, history), which load on demand.

export interface ClampedLinear {
  (value: number): number;
  /** The domain value drawn at `pixel`, clamped to the domain. */
  readonly invert: (pixel: number) => number;
}

/** Maps [d0, d1] onto [r0, r1]; values outside the domain (and pixels outside the range) are clamped. */
export function clampedLinear(domain: readonly [number, number], range: readonly [number, number]): ClampedLinear {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const clamp = (v: number, a: number, b: number): number => Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
  // A zero-width domain or range (the timeline never builds one) maps to its start instead of dividing by zero.
  const forward = (value: number): number =>
    d1 === d0 ? r0 : r0 + ((clamp(value, d0, d1) - d0) * (r1 - r0)) / (d1 - d0);
  const invert = (pixel: number): number =>
    r1 === r0 ? d0 : d0 + ((clamp(pixel, r0, r1) - r0) * (d1 - d0)) / (r1 - r0);
  return Object.assign(forward, { invert });
}
