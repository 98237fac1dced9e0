import { describe, expect, it } from 'vitest';
import { isPresentSearch, withPresent } from './present-store';

describe('presenter mode in the page address', () => {
  it('reads ?present=1 and ignores its absence (old links open as before)', () => {
    expect(isPresentSearch('?present=1')).toBe(true);
    expect(isPresentSearch('?embed=1&present=1')).toBe(true);
    expect(isPresentSearch('')).toBe(false);
    expect(isPresentSearch('?present=0')).toBe(false);
  });

  it('adds and removes the parameter without touching the link fragment', () => {
    const on = withPresent('https://host/app/?embed=1#v1.abc', true);
    expect(on).toBe('https://host/app/?embed=1&present=1#v1.abc');
    expect(withPresent(on, false)).toBe('https://host/app/?embed=1#v1.abc');
  });
});
