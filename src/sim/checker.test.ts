// The invariant checker on its own: for each property of Figure 3 of the Raft paper
// (and the per-node rules of Figure 2 it adds), a minimal history that breaks it and
// must be flagged, and a minimal legal one that must not be. Histories are made by
// hand from RaftEvents and node states, as a node would report them, and fed through
// the checker's public methods (seedLog, observe, observeRestart).

import { describe, expect, it } from 'vitest';
import type { LogEntry, NodeId, RaftEvent, RaftState, Role, VoteCheck } from '../raft/types';
import { RaftLog } from '../raft/log';
import { initialState } from '../raft/node';
import { emptyCheckerState, SafetyChecker } from './checker';
import type { InvariantName, Violation } from './types';

/** A node as the test drives it: the state a real node would hold after each event. */
interface FakeNode {
  role: Role;
  currentTerm: number;
  log: LogEntry[];
  commitIndex: number;
  lastApplied: number;
}

const CONFIGURATION = { voters: ['A', 'B', 'C'], learners: [] };

function raftState(n: FakeNode): RaftState {
  const log = new RaftLog(n.log);
  const s = initialState({ currentTerm: n.currentTerm, votedFor: null, log, initialConfiguration: CONFIGURATION });
  return { ...s, role: n.role, commitIndex: n.commitIndex, lastApplied: n.lastApplied };
}

const NO_CHECK: VoteCheck = {
  votedFor: null,
  voterTerm: 0,
  voterLastLogTerm: 0,
  voterLastLogIndex: 0,
  candidateLastLogTerm: 0,
  candidateLastLogIndex: 0,
  candidateUpToDate: true,
};

function entry(term: number, command: string): LogEntry {
  return { term, command };
}

/**
 * A cluster of fake nodes in front of one checker. Each method changes a node the way
 * the named Raft step would, emits the event a node emits for it, and returns what the
 * checker flagged for that event.
 */
class History {
  readonly checker = new SafetyChecker(emptyCheckerState());
  readonly nodes = new Map<NodeId, FakeNode>();
  private time = 0;

  constructor(logs: Record<NodeId, LogEntry[]>) {
    for (const [id, log] of Object.entries(logs)) {
      const n: FakeNode = { role: 'follower', currentTerm: 0, log: [...log], commitIndex: 0, lastApplied: 0 };
      this.nodes.set(id, n);
      expect(this.checker.seedLog(id, log, 0)).toEqual([]);
    }
  }

  node(id: NodeId): FakeNode {
    return this.nodes.get(id)!;
  }

  /** Feeds one event; `change` is applied to the node first (the checker sees the state after it). */
  event(id: NodeId, event: RaftEvent, change: (n: FakeNode) => void = () => {}): readonly Violation[] {
    const n = this.node(id);
    change(n);
    return this.checker.observe(id, event, raftState(n), ++this.time);
  }

  term(id: NodeId, to: number): readonly Violation[] {
    const from = this.node(id).currentTerm;
    return this.event(id, { type: 'termChanged', from, to, cause: 'election' }, (n) => (n.currentTerm = to));
  }

  /** Starts an election: the candidate's vote for itself (Figure 2: "vote for self"). */
  campaign(id: NodeId, term: number): readonly Violation[] {
    return [
      ...this.term(id, term),
      ...this.event(
        id,
        { type: 'roleChanged', from: 'follower', to: 'candidate', term },
        (n) => (n.role = 'candidate'),
      ),
      ...this.event(id, {
        type: 'electionStarted',
        term,
        preVote: false,
        cause: 'timer',
        voters: CONFIGURATION.voters,
      }),
    ];
  }

  grantVote(voter: NodeId, candidate: NodeId, term: number, preVote = false): readonly Violation[] {
    return this.event(voter, { type: 'voteGranted', candidate, term, preVote, check: NO_CHECK }, (n) => {
      if (!preVote) n.currentTerm = term;
    });
  }

  becomeLeader(id: NodeId, term: number): readonly Violation[] {
    const from = this.node(id).role;
    return this.event(id, { type: 'roleChanged', from, to: 'leader', term }, (n) => {
      n.role = 'leader';
      n.currentTerm = term;
    });
  }

  stepDown(id: NodeId, term: number): readonly Violation[] {
    const from = this.node(id).role;
    return this.event(id, { type: 'roleChanged', from, to: 'follower', term }, (n) => (n.role = 'follower'));
  }

  append(id: NodeId, fromIndex: number, entries: LogEntry[]): readonly Violation[] {
    return this.event(id, { type: 'entriesAppended', fromIndex, entries, leader: 'A' }, (n) =>
      n.log.splice(fromIndex - 1, Infinity, ...entries),
    );
  }

  truncate(id: NodeId, fromIndex: number): readonly Violation[] {
    const removed = this.node(id).log.slice(fromIndex - 1);
    return this.event(id, { type: 'entriesTruncated', fromIndex, removed }, (n) => (n.log.length = fromIndex - 1));
  }

  commit(id: NodeId, to: number, by: 'majority' | 'leaderCommit' = 'majority'): readonly Violation[] {
    const n = this.node(id);
    const from = n.commitIndex;
    const term = n.log[to - 1]?.term ?? 0;
    const event: RaftEvent =
      by === 'majority'
        ? { type: 'commitAdvanced', from, to, by, replicas: 0, term, currentTerm: n.currentTerm, quorum: [] }
        : { type: 'commitAdvanced', from, to, by, leader: id };
    return this.event(id, event, (node) => (node.commitIndex = to));
  }

  /** Applies the node's next committed entry, as its state machine would. */
  apply(id: NodeId): readonly Violation[] {
    const n = this.node(id);
    const index = n.lastApplied + 1;
    const applied = n.log[index - 1]!;
    return this.event(
      id,
      { type: 'entryApplied', index, entry: applied, result: 'ok' },
      (m) => (m.lastApplied = index),
    );
  }

  /** §7: the node snapshots through `index` (its log, as the checker sees it, is unchanged). */
  snapshot(id: NodeId, index: number): readonly Violation[] {
    const n = this.node(id);
    const term = n.log[index - 1]!.term;
    const event: RaftEvent = {
      type: 'snapshotTaken',
      index,
      term,
      cause: 'forced',
      discarded: index,
      kept: n.log.length - index,
      commitIndex: n.commitIndex,
      size: 100,
    };
    return this.event(id, event, (m) => (m.lastApplied = Math.max(m.lastApplied, index)));
  }

  /** Figure 13 rules 7–8: the follower's log becomes the leader's snapshot prefix through `index`. */
  install(id: NodeId, leader: NodeId, index: number): readonly Violation[] {
    const prefix = this.node(leader).log.slice(0, index);
    const term = prefix[index - 1]!.term;
    const event: RaftEvent = {
      type: 'snapshotInstalled',
      leader,
      index,
      term,
      rule: 7,
      kept: 0,
      discarded: 0,
      stateReset: true,
    };
    return this.event(id, event, (n) => {
      n.log = [...prefix];
      n.commitIndex = index;
      n.lastApplied = index;
    });
  }

  restart(id: NodeId, termAfter: number): Violation[] {
    const n = this.node(id);
    const before = n.currentTerm;
    Object.assign(n, { role: 'follower', currentTerm: termAfter, commitIndex: 0, lastApplied: 0 });
    return this.checker.observeRestart(id, before, termAfter, ++this.time);
  }
}

function names(found: readonly Violation[]): InvariantName[] {
  return found.map((v) => v.invariant);
}

const A1 = entry(1, 'set x 1');
const B1 = entry(1, 'set x 2');

describe('Election Safety: at most one leader can be elected in a given term', () => {
  it('flags a second leader in the same term', () => {
    const h = new History({ A: [], B: [], C: [] });
    expect(h.becomeLeader('A', 2)).toEqual([]);
    const found = h.becomeLeader('B', 2);
    expect(names(found)).toEqual(['Election Safety']);
    expect(found[0]).toMatchObject({ term: 2, nodes: ['A', 'B'] });
  });

  it('does not flag one leader per term, nor the same leader reported twice', () => {
    const h = new History({ A: [], B: [], C: [] });
    expect(h.becomeLeader('A', 2)).toEqual([]);
    expect(h.becomeLeader('A', 2)).toEqual([]);
    expect(h.stepDown('A', 3)).toEqual([]);
    expect(h.becomeLeader('B', 3)).toEqual([]);
    // An old term's leader may still believe it leads: two leaders at once, in different terms, is legal.
    expect(h.becomeLeader('C', 4)).toEqual([]);
  });
});

describe('Leader Append-Only: a leader never overwrites or deletes entries in its log', () => {
  it('flags a leader deleting an entry', () => {
    const h = new History({ A: [A1], B: [], C: [] });
    h.becomeLeader('A', 1);
    h.append('A', 2, [entry(1, 'set y 1')]);
    const found = h.truncate('A', 2);
    expect(names(found)).toEqual(['Leader Append-Only']);
    expect(found[0]).toMatchObject({ nodes: ['A'], index: 2 });
  });

  it('flags a leader overwriting an entry in place', () => {
    const h = new History({ A: [A1], B: [], C: [] });
    h.becomeLeader('A', 2);
    h.append('A', 2, [entry(2, 'set y 1')]);
    const found = h.append('A', 2, [entry(2, 'set y 2')]);
    expect(names(found)).toContain('Leader Append-Only');
    expect(found.find((v) => v.invariant === 'Leader Append-Only')).toMatchObject({ nodes: ['A'], index: 2 });
  });

  it('flags a leader that deletes an entry and steps down in the same input', () => {
    // The state the checker is given is the one after the whole input, when A is a follower
    // again; the deletion happened while it led.
    const h = new History({ A: [A1], B: [], C: [] });
    h.becomeLeader('A', 2);
    h.append('A', 2, [entry(2, 'set y 1')]);
    const found = [
      ...h.event('A', { type: 'entriesTruncated', fromIndex: 2, removed: [entry(2, 'set y 1')] }, (n) => {
        n.log.length = 1;
        n.role = 'follower';
        n.currentTerm = 3;
      }),
      ...h.event('A', { type: 'termChanged', from: 2, to: 3, cause: 'B' }),
      ...h.event('A', { type: 'roleChanged', from: 'leader', to: 'follower', term: 3 }),
    ];
    expect(names(found)).toEqual(['Leader Append-Only']);
  });

  it('does not flag a leader appending, nor a follower deleting a conflicting uncommitted entry (§5.3)', () => {
    const h = new History({ A: [A1], B: [A1, entry(1, 'set y stale')], C: [] });
    h.becomeLeader('A', 2);
    expect(h.append('A', 2, [entry(2, 'set y 2')])).toEqual([]);
    expect(h.truncate('B', 2)).toEqual([]);
    expect(h.append('B', 2, [entry(2, 'set y 2')])).toEqual([]);
  });

  it('does not flag a deposed leader that, now a follower, deletes its uncommitted entries', () => {
    const h = new History({ A: [A1], B: [A1], C: [A1] });
    h.becomeLeader('A', 1);
    h.append('A', 2, [entry(1, 'set y lost')]);
    h.stepDown('A', 2);
    expect(h.truncate('A', 2)).toEqual([]);
  });
});

describe('Log Matching: same index and term means identical logs up to that index', () => {
  it('flags two different entries with the same index and term', () => {
    const h = new History({ A: [], B: [] });
    expect(h.append('A', 1, [A1])).toEqual([]);
    const found = h.append('B', 1, [B1]);
    expect(names(found)).toEqual(['Log Matching']);
    expect(found[0]).toMatchObject({ nodes: ['B'], index: 1, term: 1 });
  });

  it('flags equal entries at an index whose earlier entries differ', () => {
    const h = new History({ A: [A1], B: [entry(2, 'set x 3')] });
    const same = entry(3, 'set z 3');
    expect(h.append('A', 2, [same])).toEqual([]);
    expect(names(h.append('B', 2, [same]))).toEqual(['Log Matching']);
  });

  it('flags initial logs that already break it', () => {
    const checker = new SafetyChecker(emptyCheckerState());
    expect(checker.seedLog('A', [A1], 0)).toEqual([]);
    expect(names(checker.seedLog('B', [B1], 0))).toEqual(['Log Matching']);
  });

  it('does not flag logs that agree on a prefix and then differ in term', () => {
    const h = new History({ A: [A1], B: [A1] });
    expect(h.append('A', 2, [entry(1, 'set y 1')])).toEqual([]);
    expect(h.append('B', 2, [entry(2, 'set y 2')])).toEqual([]);
  });

  it('does not flag a repaired log that comes to match the leader again', () => {
    const h = new History({ A: [A1, entry(2, 'set y 2')], B: [A1, entry(1, 'set y stale')] });
    expect(h.truncate('B', 2)).toEqual([]);
    expect(h.append('B', 2, [entry(2, 'set y 2')])).toEqual([]);
  });
});

describe('Leader Completeness: an entry committed in a term is in the log of every leader of a higher term', () => {
  it('flags a leader of a later term that lacks a committed entry', () => {
    const h = new History({ A: [], B: [], C: [] });
    h.becomeLeader('A', 1);
    h.append('A', 1, [A1]);
    h.append('B', 1, [A1]);
    expect(h.commit('A', 1)).toEqual([]);
    h.campaign('C', 2);
    const found = h.becomeLeader('C', 2);
    expect(names(found)).toEqual(['Leader Completeness']);
    expect(found[0]).toMatchObject({ nodes: ['C'], index: 1, term: 2 });
  });

  it('flags a later leader holding a different entry at the committed index', () => {
    const h = new History({ A: [A1], B: [A1], C: [entry(2, 'set x other')] });
    h.becomeLeader('A', 3);
    h.commit('A', 1);
    expect(names(h.becomeLeader('C', 4))).toEqual(['Leader Completeness']);
  });

  it('does not flag a later leader that holds every committed entry', () => {
    const h = new History({ A: [], B: [], C: [] });
    h.becomeLeader('A', 1);
    h.append('A', 1, [A1]);
    h.append('B', 1, [A1]);
    h.commit('A', 1);
    h.append('C', 1, [A1]);
    // C also holds an uncommitted entry that A never had: that is allowed.
    h.append('C', 2, [entry(1, 'set y 1')]);
    h.campaign('C', 2);
    expect(h.becomeLeader('C', 2)).toEqual([]);
  });

  it('does not bind the leader of a lower term elected after a higher term committed', () => {
    // A stale election can finish late: Figure 3 speaks only of leaders of higher terms.
    const h = new History({ A: [], B: [], C: [] });
    h.becomeLeader('A', 3);
    h.append('A', 1, [entry(3, 'set x 3')]);
    h.commit('A', 1);
    expect(h.becomeLeader('C', 2)).toEqual([]);
  });

  it('does not bind a leader on entries that were never committed', () => {
    const h = new History({ A: [], B: [], C: [] });
    h.becomeLeader('A', 1);
    h.append('A', 1, [A1]);
    h.append('B', 1, [A1]);
    expect(h.becomeLeader('C', 2)).toEqual([]);
  });
});

describe('State Machine Safety: no two servers apply different entries at the same index', () => {
  it('flags two nodes applying different entries at one index', () => {
    const h = new History({ A: [A1], B: [entry(2, 'set x 2')] });
    h.commit('A', 1);
    h.apply('A');
    // B's commit of a different entry is the first sign; its apply is the violation Figure 3 names.
    h.commit('B', 1);
    const found = h.apply('B');
    expect(names(found)).toEqual(['State Machine Safety']);
    expect(found[0]).toMatchObject({ nodes: ['B'], index: 1, term: 2 });
  });

  it('flags a node committing a different entry where another node committed (before either applies)', () => {
    // Followers' commits (leaderCommit): no quorum of one configuration holds either entry here.
    const h = new History({ A: [A1], B: [entry(2, 'set x 2')] });
    expect(h.commit('A', 1, 'leaderCommit')).toEqual([]);
    const found = h.commit('B', 1, 'leaderCommit');
    expect(names(found)).toEqual(['State Machine Safety']);
    expect(found[0]).toMatchObject({ nodes: ['B'], index: 1 });
  });

  it('flags a node deleting an entry it has committed', () => {
    const h = new History({ A: [A1, entry(1, 'set y 1')] });
    h.commit('A', 2, 'leaderCommit');
    // The commitIndex now also points past the log (Commit Bounds); the deletion itself is the point.
    expect(names(h.truncate('A', 2))).toContain('State Machine Safety');
  });

  it('does not flag nodes applying the same entries, at different times', () => {
    const h = new History({ A: [A1, entry(1, 'set y 1')], B: [A1], C: [] });
    h.commit('A', 2);
    h.apply('A');
    h.apply('A');
    h.commit('B', 1, 'leaderCommit');
    expect(h.apply('B')).toEqual([]);
    expect(h.append('B', 2, [entry(1, 'set y 1')])).toEqual([]);
    expect(h.commit('B', 2, 'leaderCommit')).toEqual([]);
    expect(h.apply('B')).toEqual([]);
  });

  it('flags a node whose append overwrites an entry it has committed', () => {
    const h = new History({ A: [A1, entry(1, 'set y 1')] });
    h.commit('A', 2, 'leaderCommit');
    expect(names(h.append('A', 2, [entry(2, 'set y 2')]))).toEqual(['State Machine Safety']);
  });

  it('does not flag an append that repeats entries the node already holds', () => {
    const y = entry(1, 'set y 1');
    const h = new History({ A: [A1, y] });
    h.commit('A', 2, 'leaderCommit');
    expect(h.append('A', 2, [y])).toEqual([]);
  });

  it('does not flag a node deleting entries past its commitIndex', () => {
    const h = new History({ A: [A1, entry(1, 'set y 1')] });
    h.commit('A', 1, 'leaderCommit');
    expect(h.truncate('A', 2)).toEqual([]);
  });

  it('does not flag a repair and a commit that one message carries (truncation comes first)', () => {
    // The state the checker sees is the one after the whole message; the deletion happened
    // while entry 2 was still uncommitted.
    const h = new History({ A: [A1, entry(1, 'set y stale')] });
    const afterMessage = (n: FakeNode): void => {
      n.log = [A1, entry(2, 'set y 2')];
      n.commitIndex = 2;
    };
    const removed = [entry(1, 'set y stale')];
    expect(h.event('A', { type: 'entriesTruncated', fromIndex: 2, removed }, afterMessage)).toEqual([]);
    expect(
      h.event('A', { type: 'entriesAppended', fromIndex: 2, entries: [entry(2, 'set y 2')], leader: 'B' }),
    ).toEqual([]);
    expect(h.event('A', { type: 'commitAdvanced', from: 0, to: 2, by: 'leaderCommit', leader: 'B' })).toEqual([]);
  });

  it('does not flag a restarted node that commits again from 0 (commitIndex is volatile)', () => {
    const h = new History({ A: [A1], B: [A1] });
    h.commit('A', 1);
    h.apply('A');
    h.restart('A', 0);
    expect(h.commit('A', 1, 'leaderCommit')).toEqual([]);
    expect(h.apply('A')).toEqual([]);
  });
});

describe('Term Monotonic: currentTerm only grows, also across a restart (Figure 2: persistent)', () => {
  it('flags a term going down', () => {
    const h = new History({ A: [] });
    h.term('A', 3);
    const found = h.term('A', 2);
    expect(names(found)).toEqual(['Term Monotonic']);
    expect(found[0]).toMatchObject({ nodes: ['A'] });
  });

  it('flags a restart that comes back with a lower term', () => {
    const h = new History({ A: [] });
    h.term('A', 3);
    const found = h.restart('A', 0);
    expect(names(found)).toEqual(['Term Monotonic']);
    expect(found[0]).toMatchObject({ nodes: ['A'], term: 0 });
  });

  it('does not flag a term going up, nor a restart with the term on disk', () => {
    const h = new History({ A: [] });
    expect(h.term('A', 1)).toEqual([]);
    expect(h.term('A', 5)).toEqual([]);
    expect(h.restart('A', 5)).toEqual([]);
    expect(h.term('A', 6)).toEqual([]);
  });
});

describe('Vote Stability: a node votes for at most one candidate per term (Figure 2: votedFor)', () => {
  it('flags two votes for different candidates in one term', () => {
    const h = new History({ A: [], B: [], C: [] });
    expect(h.grantVote('A', 'B', 2)).toEqual([]);
    const found = h.grantVote('A', 'C', 2);
    expect(names(found)).toEqual(['Vote Stability']);
    expect(found[0]).toMatchObject({ term: 2, nodes: ['A', 'B', 'C'] });
  });

  it('flags a candidate that votes for another after voting for itself', () => {
    const h = new History({ A: [], B: [] });
    expect(h.campaign('A', 2)).toEqual([]);
    expect(names(h.grantVote('A', 'B', 2))).toEqual(['Vote Stability']);
  });

  it('flags a vote forgotten by a restart (votedFor is persistent)', () => {
    const h = new History({ A: [], B: [], C: [] });
    h.grantVote('A', 'B', 2);
    h.restart('A', 2);
    expect(names(h.grantVote('A', 'C', 2))).toEqual(['Vote Stability']);
  });

  it('does not flag the same vote granted again, votes in different terms, or pre-votes', () => {
    const h = new History({ A: [], B: [], C: [] });
    expect(h.grantVote('A', 'B', 2)).toEqual([]);
    // A duplicated RequestVote is answered with the same vote.
    expect(h.grantVote('A', 'B', 2)).toEqual([]);
    expect(h.grantVote('A', 'C', 3)).toEqual([]);
    // Thesis §9.6: a pre-vote binds nobody, so the real vote of that term may go elsewhere.
    expect(h.grantVote('A', 'B', 4, true)).toEqual([]);
    expect(h.grantVote('A', 'C', 4, true)).toEqual([]);
    expect(h.grantVote('A', 'C', 4)).toEqual([]);
    expect(h.campaign('B', 5)).toEqual([]);
    expect(h.grantVote('A', 'B', 5)).toEqual([]);
  });
});

describe('Commit Bounds: lastApplied ≤ commitIndex ≤ last log index', () => {
  it('flags a commitIndex past the end of the log', () => {
    const h = new History({ A: [A1] });
    const found = h.commit('A', 2, 'leaderCommit');
    expect(names(found)).toEqual(['Commit Bounds']);
    expect(found[0]).toMatchObject({ nodes: ['A'] });
  });

  it('flags lastApplied past commitIndex', () => {
    const h = new History({ A: [A1, entry(1, 'set y 1')] });
    h.commit('A', 1, 'leaderCommit');
    h.apply('A');
    expect(names(h.apply('A'))).toEqual(['Commit Bounds']);
  });

  it('does not flag a node that commits and applies up to its last entry', () => {
    const h = new History({ A: [A1, entry(1, 'set y 1')] });
    expect(h.commit('A', 2, 'leaderCommit')).toEqual([]);
    expect(h.apply('A')).toEqual([]);
    expect(h.apply('A')).toEqual([]);
  });
});

describe('Compacted logs (§7): the checker follows logs that start after a snapshot', () => {
  const X2 = entry(1, 'set y 2');
  const X3 = entry(1, 'set z 3');

  it("Log Matching: a follower that installed the leader's snapshot and then holds the same next entry is legal", () => {
    const h = new History({ A: [A1, X2], B: [A1, X2], C: [] });
    h.becomeLeader('A', 1);
    h.commit('A', 2);
    expect(h.snapshot('A', 2)).toEqual([]);
    expect(h.install('C', 'A', 2)).toEqual([]);
    expect(h.append('A', 3, [X3])).toEqual([]);
    expect(h.append('C', 3, [X3])).toEqual([]);
    expect(h.commit('C', 3, 'leaderCommit')).toEqual([]);
  });

  it("Log Matching: flags an entry after an installed snapshot that matches another log's index and term but not its prefix", () => {
    const h = new History({ A: [A1, X2], B: [A1, X2, X3], C: [] });
    h.becomeLeader('A', 1);
    h.commit('A', 2);
    h.snapshot('A', 2);
    h.install('C', 'A', 2);
    const found = h.append('C', 3, [entry(1, 'set z 999')]);
    expect(names(found)).toEqual(['Log Matching']);
    expect(found[0]).toMatchObject({ nodes: ['C'], index: 3 });
  });

  it('State Machine Safety: flags a snapshot taken past commitIndex (unsafe.snapshotUncommitted)', () => {
    const h = new History({ A: [A1, X2], B: [], C: [] });
    h.becomeLeader('A', 1);
    h.commit('A', 1);
    const found = h.snapshot('A', 2);
    // Its state machine applied entry 2, so lastApplied passed commitIndex too.
    expect(names(found)).toEqual(['State Machine Safety', 'Commit Bounds']);
    expect(found[0]).toMatchObject({ nodes: ['A'], index: 2 });
  });

  it('State Machine Safety: flags installing a snapshot whose log differs from what was committed', () => {
    const h = new History({ A: [A1], B: [entry(2, 'set x 2')], C: [] });
    h.becomeLeader('A', 1);
    h.commit('A', 1);
    // B snapshots an entry that never committed, then hands it to C as a leader would.
    h.snapshot('B', 1);
    const found = h.install('C', 'B', 1);
    expect(names(found)).toEqual(['State Machine Safety']);
    expect(found[0]).toMatchObject({ nodes: ['C'], index: 1 });
  });

  it('State Machine Safety: a restart from a snapshot keeps its prefix committed (deleting it is flagged)', () => {
    const h = new History({ A: [A1, X2], B: [], C: [] });
    h.becomeLeader('A', 1);
    h.commit('A', 2);
    h.snapshot('A', 2);
    h.stepDown('A', 2);
    h.node('A').currentTerm = 2;
    expect(h.checker.observeRestart('A', 2, 2, 50, 2)).toEqual([]);
    expect(names(h.truncate('A', 2))).toContain('State Machine Safety');
  });

  it('seeds a log that starts after a snapshot like a whole log holding that entry', () => {
    const checker = new SafetyChecker(emptyCheckerState());
    expect(checker.seedLog('A', [A1, X2, X3], 0)).toEqual([]);
    // B starts from a snapshot through (2, 1) and holds entry 3: the same prefix as A's.
    expect(checker.seedSnapshotLog('B', 2, 1, [X3], 0, 1)).toEqual([]);
    // C starts from the same snapshot but holds a different entry of term 1 at index 3.
    expect(names(checker.seedSnapshotLog('C', 2, 1, [entry(1, 'set z 0')], 0, 1))).toEqual(['Log Matching']);
  });
});
