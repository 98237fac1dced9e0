import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED } from '../../worker/protocol';
import { formatSpeed, nudgeSpeed, SLIDER_MAX, SLIDER_MIN, sliderToSpeed, speedToSlider } from './speed';

describe('speed slider scale', () => {
  it('spans 1/1000× to 1× with whole decades at equal distances', () => {
    expect(sliderToSpeed(SLIDER_MIN)).toBe(MIN_SPEED);
    expect(sliderToSpeed(SLIDER_MAX)).toBe(MAX_SPEED);
    const decade = (SLIDER_MAX - SLIDER_MIN) / 3;
    expect(sliderToSpeed(SLIDER_MIN + decade)).toBe(0.01);
    expect(sliderToSpeed(SLIDER_MIN + 2 * decade)).toBe(0.1);
  });

  it('puts the middle of the track at the geometric, not arithmetic, middle', () => {
    const middle = sliderToSpeed((SLIDER_MIN + SLIDER_MAX) / 2);
    expect(middle).toBeCloseTo(Math.sqrt(MIN_SPEED * MAX_SPEED), 5);
    expect(middle).toBeLessThan(0.05);
  });

  it('round-trips every notch and clamps speeds outside the range', () => {
    for (let p = SLIDER_MIN; p <= SLIDER_MAX; p++) expect(speedToSlider(sliderToSpeed(p))).toBe(p);
    expect(speedToSlider(5)).toBe(SLIDER_MAX);
    expect(speedToSlider(0.000001)).toBe(SLIDER_MIN);
    expect(sliderToSpeed(SLIDER_MAX + 10)).toBe(MAX_SPEED);
  });

  it('starts at the default speed', () => {
    expect(sliderToSpeed(speedToSlider(DEFAULT_SPEED))).toBe(DEFAULT_SPEED);
  });

  it('nudges by the same factor each way and stops at the ends', () => {
    const faster = nudgeSpeed(0.01, 1);
    const slower = nudgeSpeed(0.01, -1);
    expect(faster / 0.01).toBeCloseTo(0.01 / slower, 2);
    expect(faster).toBeGreaterThan(0.01);
    expect(nudgeSpeed(MAX_SPEED, 1)).toBe(MAX_SPEED);
    expect(nudgeSpeed(MIN_SPEED, -1)).toBe(MIN_SPEED);
  });

  it('shows speeds as fractions of real time', () => {
    expect(formatSpeed(0.01)).toBe('1/100×');
    expect(formatSpeed(0.001)).toBe('1/1000×');
    expect(formatSpeed(1)).toBe('1×');
    expect(formatSpeed(sliderToSpeed(5))).toBe('1/320×');
  });
});
