// §5.3 and Figure 7: the follower's suffix that the leader's repair will delete, known before it happens.

import { describe, expect, it } from 'vitest';
import { RaftLog } from '../raft/log';
import { conflictFrom } from './log-conflict';
import { logOf, nodeOf, run } from './test-helpers';

const log = (...terms: number[]): RaftLog => new RaftLog(logOf(...terms));
// Figure 7's leader, in term 8: 1 1 1 4 4 5 5 6 6 6.
const leader = { log: log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), currentTerm: 8, matchIndex: 0 };

describe('conflictFrom (Figure 7)', () => {
  it('a follower that only lacks entries (a, b) has nothing to overwrite', () => {
    expect(conflictFrom(log(1, 1, 1, 4, 4, 5, 5, 6, 6), leader)).toBeNull();
    expect(conflictFrom(log(1, 1, 1, 4), leader)).toBeNull();
  });

  it('extra entries of an older term past the leader’s log (c, d) will be overwritten', () => {
    expect(conflictFrom(log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6), leader)).toBe(11);
    expect(conflictFrom(log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7), leader)).toBe(11);
  });

  it('a different term at an index the leader holds (e, f) starts the conflict there', () => {
    expect(conflictFrom(log(1, 1, 1, 4, 4, 4, 4), leader)).toBe(6);
    expect(conflictFrom(log(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3), leader)).toBe(4);
  });

  it('entries of the leader’s own term past its log are not contradicted', () => {
    expect(conflictFrom(log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8), leader)).toBeNull();
  });

  it('starts after matchIndex: what the leader knows matches is not compared again', () => {
    expect(conflictFrom(log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6), { ...leader, matchIndex: 10 })).toBe(11);
  });
});

describe('the frame carries it', () => {
  it('a follower’s conflicting suffix is marked from the moment a leader rules, until the repair removed it', () => {
    // B holds entries of term 2 that A (elected in term 4 with 1 3) will overwrite from index 2.
    const sim = run(
      {
        version: 1,
        nodes: 3,
        seed: 4,
        timing: { electionTimeout: [50_000, 60_000] },
        initial: {
          A: { term: 3, log: logOf(1, 3) },
          B: { term: 3, log: logOf(1, 2, 2) },
          C: { term: 3, log: logOf(1, 3) },
        },
        actions: [{ at: 10, do: 'timeout', node: 'A' }],
      },
      10,
    );
    expect(nodeOf(sim, 'B').conflictFrom).toBeNull(); // No leader yet: nothing is doomed.
    while (nodeOf(sim, 'A').role !== 'leader') sim.step();
    expect(nodeOf(sim, 'B').conflictFrom).toBe(2);
    expect(nodeOf(sim, 'B').log).toHaveLength(3);
    expect(nodeOf(sim, 'C').conflictFrom).toBeNull();
    expect(nodeOf(sim, 'A').conflictFrom).toBeNull();
    sim.runUntil(2_000);
    expect(nodeOf(sim, 'B').log.map((e) => e.term)).toEqual([1, 3]);
    expect(nodeOf(sim, 'B').conflictFrom).toBeNull();
  });
});
