import { describe, expect, it } from 'vitest';
import { langFromSearch } from './sim-store';

describe('langFromSearch', () => {
  it('reads ?lang=ko and ?lang=en among other parameters', () => {
    expect(langFromSearch('?lang=ko')).toBe('ko');
    expect(langFromSearch('?present=1&lang=en')).toBe('en');
  });

  it('ignores a missing or unknown language', () => {
    expect(langFromSearch('')).toBeNull();
    expect(langFromSearch('?lang=fr')).toBeNull();
  });
});
