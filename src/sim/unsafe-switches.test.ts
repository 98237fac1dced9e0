// Each unsafe teaching switch removes one rule of the paper. In a scenario built to
// exercise that rule, the switch must produce the violation the rule prevents, and
// the same scenario without the switch must run clean.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { FIGURE8_END, figure8, HAND_DRIVEN_TIMING, invariantsBroken, nodeOf, run, termsOf } from './test-helpers';

/**
 * §5.4.1: A leads term 1 and commits "set x 1" with B while C is down. A crashes, C
 * returns with an empty log and asks B for its vote in term 2, then takes a command.
 */
function staleCandidate(unsafe: 'from the start' | 'switched on mid-run' | 'off'): ScenarioInput {
  return {
    version: 1,
    nodes: 3,
    timing: HAND_DRIVEN_TIMING,
    unsafe: { noElectionRestriction: unsafe === 'from the start' },
    actions: [
      { at: 0, do: 'timeout', node: 'A' },
      { at: 50, do: 'kill', node: 'C' },
      { at: 100, do: 'submit', command: 'set x 1', node: 'A' },
      { at: 400, do: 'kill', node: 'A' },
      { at: 410, do: 'restart', node: 'C' },
      ...(unsafe === 'switched on mid-run'
        ? [{ at: 415, do: 'setOptions' as const, unsafe: { noElectionRestriction: true } }]
        : []),
      { at: 420, do: 'timeout', node: 'C' },
      { at: 500, do: 'submit', command: 'set x 2', node: 'C' },
    ],
  };
}

/**
 * Figure 2 (persistent state): A wins term 1 with B's vote while C is cut off. A and B
 * crash, B restarts, and C, back on the network, asks B for its vote in term 1.
 */
function secondVote(forgetOnRestart: boolean): ScenarioInput {
  return {
    version: 1,
    nodes: 3,
    timing: HAND_DRIVEN_TIMING,
    unsafe: { forgetOnRestart },
    actions: [
      { at: 0, do: 'isolate', node: 'C' },
      { at: 0, do: 'timeout', node: 'A' },
      { at: 100, do: 'kill', node: 'A' },
      { at: 100, do: 'kill', node: 'B' },
      { at: 110, do: 'restart', node: 'B' },
      { at: 200, do: 'restore', node: 'C' },
      { at: 200, do: 'timeout', node: 'C' },
    ],
  };
}

describe('unsafe switches', () => {
  it('noElectionRestriction: a candidate without a committed entry is elected (Leader Completeness) and erases it (State Machine Safety)', () => {
    const sim = run(staleCandidate('from the start'), 1000);
    expect(nodeOf(sim, 'C').role).toBe('leader');
    expect(invariantsBroken(sim)).toEqual(['Leader Completeness', 'State Machine Safety']);
    expect(sim.violations.find((v) => v.invariant === 'Leader Completeness')).toMatchObject({
      nodes: ['C'],
      index: 1,
      term: 2,
    });
    // The state machines now disagree: B applied "set x 1" at index 1, C applied "set x 2" there.
    expect(nodeOf(sim, 'B').kv).toEqual({ x: '1' });
    expect(nodeOf(sim, 'C').kv).toEqual({ x: '2' });
    expect(termsOf(nodeOf(sim, 'B').log)).toEqual([2]);
  });

  it('noElectionRestriction switched on mid-run with a setOptions action has the same effect', () => {
    const sim = run(staleCandidate('switched on mid-run'), 1000);
    expect(invariantsBroken(sim)).toEqual(['Leader Completeness', 'State Machine Safety']);
  });

  it('without noElectionRestriction the same scenario is safe: B refuses C', () => {
    const sim = run(staleCandidate('off'), 1000);
    expect(nodeOf(sim, 'C').role).not.toBe('leader');
    expect(nodeOf(sim, 'B').kv).toEqual({ x: '1' });
    expect(sim.violations).toEqual([]);
  });

  it('commitPreviousTerms: Figure 8 commits an entry that a later leader erases', () => {
    const sim = run(figure8({ commitPreviousTerms: true }), FIGURE8_END);
    expect(invariantsBroken(sim)).toEqual(['Leader Completeness', 'State Machine Safety']);
  });

  it('without commitPreviousTerms Figure 8 is safe', () => {
    const sim = run(figure8(), FIGURE8_END);
    expect(sim.violations).toEqual([]);
  });

  it('forgetOnRestart: B forgets its term-1 vote for A and votes again, so term 1 gets two leaders', () => {
    const sim = run(secondVote(true), 1000);
    expect(nodeOf(sim, 'C').role).toBe('leader');
    expect(nodeOf(sim, 'C').currentTerm).toBe(1);
    expect(invariantsBroken(sim)).toEqual(['Election Safety', 'Term Monotonic', 'Vote Stability']);
    expect(sim.violations.find((v) => v.invariant === 'Vote Stability')).toMatchObject({
      nodes: ['B', 'A', 'C'],
      term: 1,
    });
    expect(sim.violations.find((v) => v.invariant === 'Election Safety')).toMatchObject({
      nodes: ['A', 'C'],
      term: 1,
    });
  });

  it('without forgetOnRestart B remembers its vote and C is refused', () => {
    const sim = run(secondVote(false), 1000);
    const b = nodeOf(sim, 'B');
    expect(b.votedFor).toBe('A');
    expect(b.currentTerm).toBe(1);
    expect(nodeOf(sim, 'C').role).not.toBe('leader');
    expect(sim.violations).toEqual([]);
  });
});
