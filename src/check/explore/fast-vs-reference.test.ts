// The fast explorer against the reference one (the first, Simulation-based design, kept only for
// this): on each fixture both must report the same distinct states, transitions, depth and outcome,
// and the same shortest counterexample. The figures were recorded from the reference before the
// fast explorer was written, so the reference is checked against them too.

import { describe, expect, it } from 'vitest';
import { explore, exploreWith } from './explore';
import { referenceExplore } from './reference-explore';
import { REFERENCE_FIXTURES } from './reference-fixtures';

const figures = (r: { states: number; transitions: number; depth: number; outcome: string }) => ({
  states: r.states,
  transitions: r.transitions,
  depth: r.depth,
  outcome: r.outcome,
});

describe('the fast explorer visits exactly what the reference explorer visits', { timeout: 120_000 }, () => {
  for (const fixture of REFERENCE_FIXTURES) {
    it(fixture.name, () => {
      const reference = referenceExplore(fixture.scenario, fixture.at, fixture.bounds);
      const fast = explore(fixture.scenario, fixture.at, fixture.bounds);
      expect(figures(reference)).toEqual(fixture.expected);
      expect(figures(fast)).toEqual(fixture.expected);
      expect(fast.counterexample?.path).toEqual(reference.counterexample?.path);
      expect(fast.counterexample?.violation).toEqual(reference.counterexample?.violation);
    });
  }
});

describe('the comparison can fail', { timeout: 60_000 }, () => {
  // An explorer that never drops a message (or never lets a timer fire) misses states the reference
  // visits: the figures differ, so the equality above is a real check, not two copies of one number.
  const [first] = REFERENCE_FIXTURES;
  for (const omit of ['drop', 'timeout'] as const) {
    it(`an explorer that never takes a "${omit}" choice reports other figures`, () => {
      const broken = exploreWith(first!.scenario, first!.at, first!.bounds, {}, { omit });
      expect(figures(broken)).not.toEqual(first!.expected);
    });
  }
});
