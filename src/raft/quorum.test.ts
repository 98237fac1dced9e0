// Quorums as §5.2/§5.3 define them, and as §6 combines them for joint consensus: a
// decision of C_old,new needs a majority of each set, never of their union.

import { describe, expect, it } from 'vitest';
import { majorityOf, Quorum } from './quorum';

const single = new Quorum({ voters: ['A', 'B', 'C', 'D', 'E'], learners: [] });
const joint = new Quorum({ voters: ['C', 'D', 'E'], old: ['A', 'B', 'C'], learners: [] });

describe('a majority of one voter set (§5.2, course notes §5)', () => {
  it('is ⌊N/2⌋+1: a 4-node cluster needs 3, as many as a 5-node one tolerates failures of 2', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(majorityOf)).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });

  it('wins an election with 3 of 5 votes, loses once 3 refused, and waits in between', () => {
    expect(single.tally(['A', 'B'], ['C']).result).toBe('pending');
    expect(single.tally(['A', 'B', 'D'], ['C']).result).toBe('won');
    expect(single.tally(['A'], ['B', 'C', 'D']).result).toBe('lost');
  });

  it('does not count a vote from outside the configuration', () => {
    expect(single.tally(['A', 'B', 'X', 'Y'], []).result).toBe('pending');
  });

  it('commits the highest index held by a majority (§5.3): the median of five match indexes', () => {
    const match: Record<string, number> = { A: 9, B: 7, C: 5, D: 2, E: 0 };
    expect(single.committedIndex((id) => match[id] ?? 0)).toBe(5);
    expect(single.replicas(5, (id) => match[id] ?? 0)).toBe(3);
  });

  it('has a quorum for checkQuorum with 3 of 5 heard, not with 2', () => {
    expect(single.hasQuorum((id) => ['A', 'B', 'C'].includes(id))).toBe(true);
    expect(single.hasQuorum((id) => ['A', 'E'].includes(id))).toBe(false);
  });
});

describe('a joint configuration C_old,new (§6): both majorities must agree', () => {
  it('an election needs a majority of the new set and of the old set', () => {
    // C, D, E is a majority of the union but only 1 of the old set {A, B, C}.
    expect(joint.tally(['C', 'D', 'E'], []).result).toBe('pending');
    expect(joint.tally(['B', 'C', 'D'], []).result).toBe('won');
    // Two refusals in the old set leave it no majority: the election is lost.
    expect(joint.tally(['C', 'D', 'E'], ['A', 'B']).result).toBe('lost');
  });

  it('commits only what a majority of both sets holds', () => {
    const match: Record<string, number> = { A: 1, B: 1, C: 6, D: 6, E: 6 };
    expect(joint.committedIndex((id) => match[id] ?? 0)).toBe(1);
    match.B = 6;
    expect(joint.committedIndex((id) => match[id] ?? 0)).toBe(6);
  });

  it('lists every voter once and describes both majorities', () => {
    expect(joint.voters().sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(joint.describe()).toEqual([
      { voters: ['C', 'D', 'E'], needed: 2 },
      { voters: ['A', 'B', 'C'], needed: 2 },
    ]);
  });

  it('a learner is no voter', () => {
    const withLearner = new Quorum({ voters: ['A', 'B', 'C'], learners: ['D'] });
    expect(withLearner.isVoter('D')).toBe(false);
    expect(withLearner.tally(['A', 'D'], []).result).toBe('pending');
  });
});
