// The checker's membership invariants (§6): at most one uncommitted configuration entry in a
// leader's log, and a leader's commit counted under the configuration in its log at that
// moment. Each with a minimal violating history and a minimal legal one.

import { describe, expect, it } from 'vitest';
import { RaftLog } from '../raft/log';
import { initialState } from '../raft/node';
import type { Configuration, LogEntry, NodeId, RaftState } from '../raft/types';
import { emptyCheckerState, SafetyChecker } from './checker';

const ABC: Configuration = { voters: ['A', 'B', 'C'], learners: [] };
const noop: LogEntry = { term: 1, command: '', noop: true };
const addD: LogEntry = { term: 1, command: '', config: { voters: ['A', 'B', 'C', 'D'] } };
const addE: LogEntry = { term: 1, command: '', config: { voters: ['A', 'B', 'C', 'D', 'E'] } };

function leaderState(log: LogEntry[], commitIndex: number): RaftState {
  const s = initialState({ currentTerm: 1, votedFor: 'A', log: new RaftLog(log), initialConfiguration: ABC });
  return { ...s, role: 'leader', commitIndex, lastApplied: commitIndex };
}

function checker(logs: Record<NodeId, LogEntry[]>): SafetyChecker {
  const c = new SafetyChecker(emptyCheckerState());
  for (const [id, log] of Object.entries(logs)) c.seedLog(id, log, 0);
  return c;
}

describe('Configuration Safety: at most one uncommitted configuration entry in a leader’s log', () => {
  it('flags a leader that appends a second change before the first commits', () => {
    const c = checker({ A: [noop, addD], B: [noop], C: [noop] });
    const after = leaderState([noop, addD, addE], 1);
    const found = c.observe('A', { type: 'entriesAppended', fromIndex: 3, entries: [addE], leader: 'A' }, after, 10);
    expect(found.map((v) => v.invariant)).toEqual(['Configuration Safety']);
  });

  it('accepts a second change once the first is committed', () => {
    const c = checker({ A: [noop, addD], B: [noop, addD], C: [noop, addD] });
    const after = leaderState([noop, addD, addE], 2);
    const found = c.observe('A', { type: 'entriesAppended', fromIndex: 3, entries: [addE], leader: 'A' }, after, 10);
    expect(found).toEqual([]);
  });
});

describe('Commit Quorum: a leader commits what a majority of its configuration holds', () => {
  const commit = {
    type: 'commitAdvanced',
    from: 1,
    to: 2,
    by: 'majority',
    replicas: 2,
    term: 1,
    currentTerm: 1,
    quorum: [],
  } as const;

  it('flags a commit held by two of {A,B,C,D}', () => {
    // A uses C_new = {A,B,C,D} (its log's latest configuration): A and B are not a majority of four.
    const c = checker({ A: [noop, addD], B: [noop, addD], C: [noop], D: [] });
    const after = { ...leaderState([noop, addD], 2), configuration: { voters: ['A', 'B', 'C', 'D'], learners: [] } };
    expect(c.observe('A', commit, after, 10).map((v) => v.invariant)).toEqual(['Commit Quorum']);
  });

  it('accepts the same commit held by three of {A,B,C,D}', () => {
    const c = checker({ A: [noop, addD], B: [noop, addD], C: [noop, addD], D: [] });
    const after = { ...leaderState([noop, addD], 2), configuration: { voters: ['A', 'B', 'C', 'D'], learners: [] } };
    expect(c.observe('A', commit, after, 10)).toEqual([]);
  });

  it('in C_old,new, needs a majority of both sets', () => {
    const joint: Configuration = { voters: ['C', 'D', 'E'], old: ['A', 'B', 'C'], learners: [] };
    const logs = { A: [noop, addD], B: [noop, addD], C: [noop], D: [noop], E: [noop] };
    const after = { ...leaderState([noop, addD], 2), configuration: joint };
    expect(
      checker(logs)
        .observe('A', commit, after, 10)
        .map((v) => v.invariant),
    ).toEqual(['Commit Quorum']);
    const both = { ...logs, C: [noop, addD], D: [noop, addD] };
    expect(checker(both).observe('A', commit, after, 10)).toEqual([]);
  });
});
