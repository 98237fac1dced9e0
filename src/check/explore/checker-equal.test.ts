// Interning checker histories by field-by-field equality (checker-equal.ts) must merge exactly the
// histories whose texts (checker-key.ts, names kept) are equal: merging two with different texts
// would give a state another state's history, and the checker would judge its future wrongly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCheckerState, type CheckerState } from '../../sim/checker';
import { checkerKeyText } from './checker-key';
import { checkerStateHash, sameCheckerState } from './checker-equal';

const keep = (name: string) => name;
const text = (s: CheckerState) => checkerKeyText(s, keep);

const node = fc.constantFrom('A', 'B', 'C');
const small = fc.integer({ min: 0, max: 3 });
/** Short arrays, sometimes with holes (the checker truncates and writes past the end). */
const numbers = fc.array(fc.option(small, { nil: undefined }), { maxLength: 3 }).map((values) => {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v !== undefined) out[i] = v;
  });
  out.length = values.length;
  return out;
});
const record = <T>(keys: fc.Arbitrary<string>, value: fc.Arbitrary<T>) =>
  fc.dictionary(keys, value, { maxKeys: 3 }) as fc.Arbitrary<Record<string, T>>;

const checkerState: fc.Arbitrary<CheckerState> = fc.record({
  prefixHashes: record(node, numbers),
  leaderOfTerm: record(fc.constantFrom('1', '2'), node),
  prefixTerm: numbers,
  prefixHash: numbers,
  prefixOther: record(fc.constantFrom('1:2', '2:3'), small),
  committedPrefix: numbers,
  committedTerm: numbers,
  appliedEntry: numbers,
  votes: record(fc.constantFrom('A:1', 'B:1', 'C:2'), node),
  commitIndex: record(node, small),
  role: record(node, fc.constantFrom('follower', 'candidate', 'leader')),
});

/** The same history with every map's keys added in reverse order. */
function reordered(s: CheckerState): CheckerState {
  const flip = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).reverse());
  return {
    ...s,
    prefixHashes: flip(s.prefixHashes),
    leaderOfTerm: flip(s.leaderOfTerm),
    prefixOther: flip(s.prefixOther),
    votes: flip(s.votes),
    commitIndex: flip(s.commitIndex),
    role: flip(s.role),
  };
}

describe('sameCheckerState', () => {
  it('agrees with the text on random pairs of histories', () => {
    fc.assert(
      fc.property(checkerState, checkerState, (a, b) => {
        expect(sameCheckerState(a, b)).toBe(text(a) === text(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a history equal to its copy with keys in another order, and hashes both alike', () => {
    fc.assert(
      fc.property(checkerState, (a) => {
        const b = reordered(a);
        expect(sameCheckerState(a, b)).toBe(true);
        expect(checkerStateHash(a)).toBe(checkerStateHash(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart histories that differ in one field', () => {
    const base = emptyCheckerState();
    const changed: CheckerState[] = [
      { ...base, prefixHashes: { A: [] } },
      { ...base, prefixHashes: { A: [1] } },
      { ...base, leaderOfTerm: { 1: 'A' } },
      { ...base, prefixTerm: [1] },
      { ...base, prefixHash: [undefined as unknown as number] },
      { ...base, prefixOther: { '1:2': 0 } },
      { ...base, committedPrefix: [0] },
      { ...base, committedTerm: [2] },
      { ...base, appliedEntry: [3] },
      { ...base, votes: { 'A:1': 'B' } },
      { ...base, commitIndex: { A: 0 } },
      { ...base, role: { A: 'leader' } },
    ];
    for (const c of changed) {
      expect(text(c)).not.toBe(text(base));
      expect(sameCheckerState(base, c)).toBe(false);
      expect(sameCheckerState(c, base)).toBe(false);
    }
  });
});
