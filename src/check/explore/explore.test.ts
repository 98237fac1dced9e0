// The bounded model checker against cases whose answers follow from the paper, not from the code:
// the shortest way to break the election restriction, the safe rules holding over a whole bounded
// space, and symmetry reduction changing how many states are visited but never what is found.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenario/run';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { cBackBehind as cBackInput } from './c-back-behind.fixture';
import { explore } from './explore';

function scenarioOf(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const cBackBehind = (unsafe: ScenarioInput['unsafe'] = {}) => scenarioOf(cBackInput(unsafe));

const ELECTIONS_ONLY: ExploreBounds = { ...DEFAULT_BOUNDS, writes: 0, heartbeats: 0, maxTerm: 3, depth: 4 };

describe('the explorer finds the shortest counterexample', () => {
  it('without the election restriction (§5.4.1): C, behind, is elected and loses a committed entry', () => {
    const scenario = cBackBehind({ noElectionRestriction: true });
    const result = explore(scenario, 1000, ELECTIONS_ONLY);

    expect(result.outcome).toBe('violation');
    const found = result.counterexample!;
    expect(found.violation.invariant).toBe('Leader Completeness');
    expect(found.violation.nodes).toEqual(['C']);
    // The shortest way: C must reach a term above B's 1 (two timeouts: terms 1 and 2), its
    // RequestVote must reach a voter with the entry, and the grant must come back. Four choices.
    expect(found.path.map((a) => a.do)).toEqual(['timeout', 'timeout', 'deliver', 'deliver']);
  });

  it('the counterexample is an ordinary scenario: the headless runner replays it to the same violation', () => {
    const found = explore(cBackBehind({ noElectionRestriction: true }), 1000, ELECTIONS_ONLY).counterexample!;
    const report = runScenario(found.scenario, 1000);
    expect(report.violations[0]).toMatchObject({ invariant: 'Leader Completeness', time: 1000 });
    expect(found.scenario.actions.filter((a) => a.afterStep !== undefined)).toHaveLength(found.path.length);
  });

  it('with the restriction on, the same bounded space holds no violation', () => {
    const result = explore(cBackBehind(), 1000, ELECTIONS_ONLY);
    expect(result.counterexample).toBeNull();
    expect(['depth', 'exhausted']).toContain(result.outcome);
    expect(result.states).toBeGreaterThan(100);
    expect(result.depth).toBe(4);
  });
});

describe('bounds and symmetry', () => {
  /** A hand-driven 2-node cluster where only elections of term 1 fit the bounds. */
  const oneTerm = scenarioOf({ version: 1, nodes: 2, timing: HAND_DRIVEN_TIMING });
  const termOne: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 1, maxLog: 0, writes: 0, heartbeats: 0, depth: 60 };

  it('exhausts a bounded space and reports the depth it reached', () => {
    const result = explore(oneTerm, 0, { ...termOne, symmetry: true });
    expect(result.outcome).toBe('exhausted');
    // Two candidacies of term 1 (one each), each with one RequestVote and its reply to deliver or
    // drop: no path is longer than 2 + 2 × 2 = 6 choices, and timeout, deliver, deliver, then the
    // leader's heartbeat to deliver and its reply, and the other's timeout, take at least 5.
    expect(result.depth).toBeLessThanOrEqual(6);
    expect(result.depth).toBeGreaterThanOrEqual(5);
  });

  it('symmetry merges renamed copies, so fewer states, but the same reachable outcome', () => {
    const merged = explore(oneTerm, 0, { ...termOne, symmetry: true });
    const plain = explore(oneTerm, 0, { ...termOne, symmetry: false });
    expect(plain.outcome).toBe('exhausted');
    expect(merged.depth).toBe(plain.depth);
    // Two interchangeable nodes: a state has at most two renamed copies, and the start has one.
    expect(merged.states).toBeLessThan(plain.states);
    expect(merged.states).toBeGreaterThanOrEqual(plain.states / 2);
  });

  it('a counterexample is as short with symmetry reduction as without', () => {
    const scenario = cBackBehind({ noElectionRestriction: true });
    const merged = explore(scenario, 1000, { ...ELECTIONS_ONLY, symmetry: true }).counterexample!;
    const plain = explore(scenario, 1000, { ...ELECTIONS_ONLY, symmetry: false }).counterexample!;
    expect(merged.path).toHaveLength(plain.path.length);
  });

  it('stops at the state budget, saying it did not exhaust the space', () => {
    const result = explore(oneTerm, 0, { ...termOne, maxStates: 10 });
    expect(result.outcome).toBe('states');
    expect(result.states).toBe(10);
  });

  it('stops when cancelled, saying so', () => {
    let calls = 0;
    const result = explore(oneTerm, 0, termOne, { cancelled: () => ++calls >= 2 });
    expect(result.outcome).toBe('cancelled');
  });

  it('never explores past the term bound', () => {
    // With max term 0 no election can start: the only state is the first one.
    const result = explore(oneTerm, 0, { ...termOne, maxTerm: 0 });
    expect(result).toMatchObject({ outcome: 'exhausted', states: 1, depth: 0 });
  });
});
