// Figure 8 of the Raft paper: why a leader must not commit an entry of an earlier term
// by counting replicas (§5.4.2). S1..S5 are A..E; the scenario is built in test-helpers.

import { describe, expect, it } from 'vitest';
import {
  FIGURE8_BEFORE_CRASH,
  FIGURE8_END,
  figure8,
  invariantsBroken,
  nodeOf,
  raftEvents,
  simulation,
  termsOf,
} from './test-helpers';

describe('Figure 8', () => {
  it('(c) the leader of term 4 has the term-2 entry on a majority but does not commit it', () => {
    const sim = simulation(figure8());
    sim.runUntil(FIGURE8_BEFORE_CRASH);
    const a = nodeOf(sim, 'A');
    expect(a.role).toBe('leader');
    expect(a.currentTerm).toBe(4);
    const holders = ['A', 'B', 'C', 'D'].filter((id) => termsOf(nodeOf(sim, id).log)[1] === 2);
    expect(holders.length).toBeGreaterThanOrEqual(3);
    expect(a.commitIndex).toBe(0);
    for (const id of ['B', 'C', 'D']) expect(nodeOf(sim, id).commitIndex).toBe(0);
  });

  it('(d) so when E overwrites index 2 with its term-3 entry, nothing committed is lost', () => {
    const sim = simulation(figure8());
    sim.runUntil(FIGURE8_END);
    const e = nodeOf(sim, 'E');
    expect(e.role).toBe('leader');
    expect(e.currentTerm).toBe(5);
    // E's term-4 bid came too late: every voter had already voted for A in term 4.
    const term4 = raftEvents(sim, 'voteRefused').filter((v) => v.event.candidate === 'E' && v.event.term === 4);
    expect(term4.map((v) => v.event.reason)).toEqual(['already-voted', 'already-voted', 'already-voted']);
    for (const id of ['B', 'C', 'D']) expect(termsOf(nodeOf(sim, id).log)).toEqual([1, 3]);
    expect(sim.violations).toEqual([]);
  });

  it('(e) once an entry of term 4 is on a majority, index 2 is committed and E cannot be elected', () => {
    const sim = simulation(figure8({ termFourEntry: true }));
    sim.runUntil(FIGURE8_BEFORE_CRASH);
    expect(nodeOf(sim, 'A').commitIndex).toBe(3);
    sim.runUntil(FIGURE8_END);
    expect(nodeOf(sim, 'E').role).not.toBe('leader');
    const refusals = raftEvents(sim, 'voteRefused').filter((v) => v.event.candidate === 'E' && v.event.term === 5);
    expect(refusals.map((v) => v.event.reason)).toEqual([
      'log-not-up-to-date',
      'log-not-up-to-date',
      'log-not-up-to-date',
    ]);
    for (const id of ['B', 'C', 'D']) expect(termsOf(nodeOf(sim, id).log)).toEqual([1, 2, 4]);
    expect(sim.violations).toEqual([]);
  });

  it('with unsafe.commitPreviousTerms, A commits index 2 and E then erases it: the checker reports it', () => {
    const sim = simulation(figure8({ commitPreviousTerms: true }));
    sim.runUntil(FIGURE8_BEFORE_CRASH);
    expect(nodeOf(sim, 'A').commitIndex).toBe(2);
    expect(sim.violations).toEqual([]);
    sim.runUntil(FIGURE8_END);
    expect(nodeOf(sim, 'E').role).toBe('leader');
    // E is elected without committed entry 2, then deletes it from followers that had committed it.
    expect(invariantsBroken(sim)).toEqual(['Leader Completeness', 'State Machine Safety']);
    const completeness = sim.violations.find((v) => v.invariant === 'Leader Completeness')!;
    expect(completeness).toMatchObject({ nodes: ['E'], index: 2, term: 5 });
    const safety = sim.violations.filter((v) => v.invariant === 'State Machine Safety');
    expect(safety.every((v) => v.index === 2)).toBe(true);
  });
});
