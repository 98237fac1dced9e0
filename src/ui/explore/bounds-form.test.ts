import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS } from '../../check/explore/bounds';
import { defaultBoundsText, readBounds } from './bounds-form';

describe('the exploration bounds form', () => {
  it('starts from the explorer defaults and reads them back unchanged', () => {
    expect(readBounds(defaultBoundsText())).toEqual({ ok: true, bounds: DEFAULT_BOUNDS });
  });

  it('reads typed values, blanks around them allowed', () => {
    const reading = readBounds({ ...defaultBoundsText(), maxTerm: ' 4 ', writes: '2', depth: '12' });
    expect(reading).toMatchObject({ ok: true, bounds: { maxTerm: 4, writes: 2, depth: 12 } });
  });

  it('names every bad field with its range, and never rounds a value into another', () => {
    const reading = readBounds({ ...defaultBoundsText(), maxTerm: '-1', crashes: '2.5', depth: '0', writes: '' });
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toEqual([
      { field: 'maxTerm', min: 0, max: 50, text: '-1' },
      { field: 'crashes', min: 0, max: 10, text: '2.5' },
      { field: 'writes', min: 0, max: 10, text: '' },
      { field: 'depth', min: 1, max: 200, text: '0' },
    ]);
  });

  it('reads the fast-clock ticks (a budget kind, so a field of its own) within their range', () => {
    expect(readBounds({ ...defaultBoundsText(), ticks: '2' })).toMatchObject({ ok: true, bounds: { ticks: 2 } });
    const reading = readBounds({ ...defaultBoundsText(), ticks: '11' });
    expect(reading.ok ? [] : reading.problems).toEqual([{ field: 'ticks', min: 0, max: 10, text: '11' }]);
  });

  it('refuses values past the range and exponent notation', () => {
    const reading = readBounds({ ...defaultBoundsText(), maxLog: '51', duplicates: '1e1' });
    expect(reading.ok ? [] : reading.problems.map((p) => p.field)).toEqual(['maxLog', 'duplicates']);
  });
});
