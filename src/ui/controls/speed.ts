// The speed slider works on a log scale: each notch multiplies the speed by the same factor,
// so 1/1000×, 1/100×, 1/10× and 1× sit at equal distances.

import { MAX_SPEED, MIN_SPEED } from '../../worker/protocol';

/** Notches per factor of ten. */
export const NOTCHES_PER_DECADE = 10;
const MIN_LOG = Math.log10(MIN_SPEED);
const MAX_LOG = Math.log10(MAX_SPEED);
export const SLIDER_MIN = 0;
export const SLIDER_MAX = Math.round((MAX_LOG - MIN_LOG) * NOTCHES_PER_DECADE);
/** How many notches the [ and ] keys move: three notches is about a factor of two. */
export const KEY_NOTCHES = 3;

export function speedToSlider(speed: number): number {
  const clamped = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
  return Math.round((Math.log10(clamped) - MIN_LOG) * NOTCHES_PER_DECADE);
}

export function sliderToSpeed(position: number): number {
  const p = Math.min(SLIDER_MAX, Math.max(SLIDER_MIN, position));
  const speed = 10 ** (MIN_LOG + p / NOTCHES_PER_DECADE);
  // Whole decades come out exact (0.01, not 0.010000000000000002).
  return Number(speed.toPrecision(6));
}

/** One speed step faster (+1) or slower (-1), as the [ and ] keys do. */
export function nudgeSpeed(speed: number, direction: 1 | -1): number {
  return sliderToSpeed(speedToSlider(speed) + direction * KEY_NOTCHES);
}

/** "1/100×", "1/320×", "1×": a fraction of real time, rounded to two significant digits. */
export function formatSpeed(speed: number): string {
  if (speed >= 1) return `${Number(speed.toPrecision(2))}×`;
  const denominator = Number((1 / speed).toPrecision(2));
  return `1/${denominator}×`;
}
