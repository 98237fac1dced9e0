// Reads without the log (dissertation §6.4 and §6.4.1) on hand-driven nodes.

import { describe, expect, it } from 'vitest';
import { snapshotText } from './snapshot';
import type { ClientAnswer, RaftOptions, Snapshot, UnsafeSwitches } from './types';
import { eventsOf, makeNode, messagesOf, receive, Router } from './test-helpers';

const THREE = ['A', 'B', 'C'];

/** A elected leader of a three-node cluster, "set x 1" committed everywhere. */
function cluster(options: Partial<RaftOptions>, unsafe: Partial<UnsafeSwitches> = {}): Router {
  const r = new Router(THREE.map((id) => makeNode(id, { cluster: THREE, options, unsafe })));
  fresh(r);
  r.fire('A', 'election');
  r.deliverAll();
  r.propose('A', 'set x 1');
  r.deliverAll();
  r.fire('A', 'heartbeat'); // Carries the new leaderCommit to the followers.
  r.deliverAll();
  return r;
}

/**
 * With lease reads a booted node waits one election timeout before it votes (it may have
 * acknowledged a leader just before it crashed): these nodes have waited it out.
 */
function fresh(r: Router): void {
  for (const n of r.nodes.values()) n.state.leaderContact = false;
}

function reads(r: Router, node: string): ClientAnswer[] {
  return r.answers.filter((a) => a.node === node && a.answer.outcome === 'read').map((a) => a.answer);
}

describe('§6.4 ReadIndex', () => {
  it('answers only after a majority acknowledged a heartbeat round, and writes no log entry', () => {
    const r = cluster({ reads: 'readIndex', leaderNoop: true });
    const a = r.node('A');
    const lastIndex = a.state.log.lastIndex();
    const out = r.step('A', { kind: 'propose', command: 'get x', requestId: 9 });
    // Recorded, not answered: the heartbeats of the round carry its read context.
    expect(eventsOf(out, 'readStarted')[0]).toMatchObject({ requestId: 9, readIndex: a.state.commitIndex, round: 1 });
    expect(out.answers).toEqual([]);
    expect(messagesOf(out, 'AppendEntries').map((m) => m.message.readContext)).toEqual([1, 1]);
    r.deliverAll();
    expect(reads(r, 'A')).toEqual([
      { requestId: 9, outcome: 'read', result: '1', readIndex: lastIndex, via: 'readIndex' },
    ]);
    expect(a.state.log.lastIndex()).toBe(lastIndex);
  });

  it('a leader cut off from the majority never answers, and gives the read up when it steps down', () => {
    const r = cluster({ reads: 'readIndex', leaderNoop: true });
    r.down.add('B');
    r.down.add('C');
    r.step('A', { kind: 'propose', command: 'get x', requestId: 9 });
    r.deliverAll();
    expect(reads(r, 'A')).toEqual([]);
    // A newer term reaches A: the read is abandoned and the client told to look elsewhere.
    r.step('A', { kind: 'message', from: 'B', message: { type: 'RequestVoteReply', term: 99, voteGranted: false } });
    expect(r.eventsOf('readAbandoned', 'A')).toEqual([{ type: 'readAbandoned', requestId: 9, reason: 'notLeader' }]);
    expect(r.answers.at(-1)?.answer).toMatchObject({ requestId: 9, outcome: 'notLeader' });
  });

  it('a new leader without an entry of its term appends a no-op and waits for it to commit', () => {
    const r = new Router(THREE.map((id) => makeNode(id, { cluster: THREE, options: { reads: 'readIndex' } })));
    r.fire('A', 'election');
    r.deliverAll();
    const out = r.step('A', { kind: 'propose', command: 'get x', requestId: 3 });
    expect(eventsOf(out, 'readStarted')[0]).toMatchObject({ readIndex: null });
    expect(eventsOf(out, 'entriesAppended')[0]?.entries[0]).toMatchObject({ noop: true });
    r.deliverAll();
    expect(reads(r, 'A')).toEqual([
      { requestId: 3, outcome: 'read', result: '(none)', readIndex: 1, via: 'readIndex' },
    ]);
  });

  it('with followerReads a follower asks the leader for the read index and answers itself', () => {
    const r = cluster({ reads: 'readIndex', leaderNoop: true, followerReads: true });
    const out = r.step('B', { kind: 'propose', command: 'get x', requestId: 4 });
    expect(messagesOf(out, 'ReadIndex')).toEqual([{ to: 'A', message: { type: 'ReadIndex', term: 1, requestId: 4 } }]);
    r.deliverAll();
    expect(reads(r, 'B')).toEqual([
      { requestId: 4, outcome: 'read', result: '1', readIndex: r.node('A').state.commitIndex, via: 'readIndex' },
    ]);
  });

  it('a follower whose read index is reached by installing a snapshot (§7) answers then, not at a later commit', () => {
    const c = makeNode('C', { cluster: THREE, options: { reads: 'readIndex', followerReads: true } });
    receive(c, 'A', {
      type: 'AppendEntries',
      term: 1,
      leaderId: 'A',
      prevLogIndex: 0,
      prevLogTerm: 0,
      entries: [],
      leaderCommit: 0,
    });
    expect(messagesOf(c.step({ kind: 'propose', command: 'get x', requestId: 4 }), 'ReadIndex')).toHaveLength(1);
    expect(receive(c, 'A', { type: 'ReadIndexReply', term: 1, requestId: 4, readIndex: 3 }).answers).toEqual([]);
    // The leader has compacted its log through index 3, which is also its commitIndex: no later
    // AppendEntries will raise C's commitIndex, so the snapshot itself must release the read.
    const snapshot: Snapshot = {
      lastIncludedIndex: 3,
      lastIncludedTerm: 1,
      configuration: { voters: THREE, learners: [] },
      kv: { data: { x: '1' }, appliedRequests: [] },
    };
    const out = receive(c, 'A', {
      type: 'InstallSnapshot',
      term: 1,
      leaderId: 'A',
      lastIncludedIndex: 3,
      lastIncludedTerm: 1,
      offset: 0,
      data: snapshotText(snapshot),
      done: true,
      chunk: 1,
      chunks: 1,
    });
    expect(c.state.lastApplied).toBe(3);
    expect(out.answers).toEqual([{ requestId: 4, outcome: 'read', result: '1', readIndex: 3, via: 'readIndex' }]);
    expect(c.state.reads.pending).toEqual([]);
  });

  it('a retried read waits with its first copy at the leader: one read waits, one answer', () => {
    const r = cluster({ reads: 'readIndex', leaderNoop: true });
    r.down.add('B');
    r.down.add('C');
    r.step('A', { kind: 'propose', command: 'get x', requestId: 9 });
    r.deliverAll(); // The round's heartbeats are lost.
    const retry = r.step('A', { kind: 'propose', command: 'get x', requestId: 9 });
    expect(eventsOf(retry, 'retryAlreadyPending')).toEqual([
      { type: 'retryAlreadyPending', requestId: 9, index: null },
    ]);
    expect(eventsOf(retry, 'readStarted')).toEqual([]);
    expect(r.node('A').state.reads.pending).toHaveLength(1);
    // The next heartbeats carry the round again; a majority acknowledges it.
    r.down.clear();
    r.fire('A', 'heartbeat');
    r.deliverAll();
    expect(reads(r, 'A').map((a) => a.requestId)).toEqual([9]);
    expect(r.node('A').state.reads.pending).toEqual([]);
  });

  it('a follower whose question to the leader was lost asks again when the client retries', () => {
    const r = cluster({ reads: 'readIndex', leaderNoop: true, followerReads: true });
    r.down.add('A');
    r.step('B', { kind: 'propose', command: 'get x', requestId: 4 });
    r.deliverAll(); // The ReadIndex request is lost.
    r.down.delete('A');
    const retry = r.step('B', { kind: 'propose', command: 'get x', requestId: 4 });
    expect(eventsOf(retry, 'retryAlreadyPending')).toEqual([
      { type: 'retryAlreadyPending', requestId: 4, index: null },
    ]);
    expect(messagesOf(retry, 'ReadIndex').map((m) => m.to)).toEqual(['A']);
    r.deliverAll();
    expect(reads(r, 'B').map((a) => a.requestId)).toEqual([4]);
    expect(r.node('B').state.reads.pending).toEqual([]);
  });

  it('without followerReads a follower redirects the read to the leader', () => {
    const r = cluster({ reads: 'readIndex', leaderNoop: true });
    const out = r.step('B', { kind: 'propose', command: 'get x', requestId: 4 });
    expect(out.answers).toEqual([{ requestId: 4, outcome: 'notLeader', leaderHint: 'A' }]);
  });
});

describe('a lone voter', () => {
  for (const mode of ['readIndex', 'lease'] as const) {
    it(`${mode}: a read with no entry of its term yet commits the no-op itself and is answered at once`, () => {
      // leaderNoop is off, so the read itself must add the entry of the leader's term (§6.4 step 1).
      const r = new Router([makeNode('A', { cluster: ['A'], options: { reads: mode, leaderNoop: false } })]);
      fresh(r);
      r.fire('A', 'election');
      expect(r.node('A').state.role).toBe('leader');
      expect(r.node('A').state.log.lastIndex()).toBe(0);
      const out = r.step('A', { kind: 'propose', command: 'get x', requestId: 1 });
      // Its own copy is the majority: the no-op commits in the same step, so the read is answered.
      expect(r.node('A').state.commitIndex).toBe(1);
      // Under 'lease' no heartbeat round has built a lease yet, so the read takes a round, which a
      // lone voter's own acknowledgement confirms.
      const via = 'readIndex';
      expect(out.answers).toEqual([{ requestId: 1, outcome: 'read', result: '(none)', readIndex: 1, via }]);
    });
  }
});

describe('§6.4.1 lease', () => {
  it('answers at once while a majority acknowledged a recent round, and needs a round again once it runs out', () => {
    const r = cluster({ reads: 'lease', leaderNoop: true });
    // The heartbeat in cluster() was a round acknowledged by B and C: the lease holds.
    const now = r.step('A', { kind: 'propose', command: 'get x', requestId: 5 });
    expect(now.answers).toEqual([{ requestId: 5, outcome: 'read', result: '1', readIndex: 2, via: 'lease' }]);
    // Followers go silent; 150 ms of heartbeats (50 ms each) later the lease has run out.
    r.down.add('B');
    r.down.add('C');
    for (let i = 0; i < 3; i++) r.fire('A', 'heartbeat');
    const later = r.step('A', { kind: 'propose', command: 'get x', requestId: 6 });
    expect(later.answers).toEqual([]);
    expect(eventsOf(later, 'readStarted')[0]).toMatchObject({ via: 'readIndex' });
  });

  it('the drift bound shortens the lease; the unsafe switch ignores it', () => {
    const lease = (clockDriftBound: number, unsafe: Partial<UnsafeSwitches>): number => {
      const options = { reads: 'lease' as const, leaderNoop: true };
      const r = new Router(THREE.map((id) => makeNode(id, { cluster: THREE, options, unsafe, clockDriftBound })));
      fresh(r);
      r.fire('A', 'election');
      r.deliverAll();
      r.fire('A', 'heartbeat');
      r.deliverAll();
      const s = r.node('A').state.reads;
      return s.leaseUntilTick - s.tick;
    };
    // 150 ms ÷ 1 = 3 heartbeats of 50 ms; 150 ÷ 3 = 50 ms = 1 heartbeat; ignoring drift, 3 again.
    expect(lease(1, {})).toBe(3);
    expect(lease(3, {})).toBe(1);
    expect(lease(3, { leaseIgnoresDrift: true })).toBe(3);
  });

  it('a voter that hears from the leader ignores an ordinary candidate, but not a transfer', () => {
    const r = cluster({ reads: 'lease', leaderNoop: true });
    const b = r.node('B');
    const request = { type: 'RequestVote' as const, term: 5, candidateId: 'C', lastLogIndex: 9, lastLogTerm: 9 };
    const ignored = b.step({ kind: 'message', from: 'C', message: request });
    expect(eventsOf(ignored, 'voteRefused')[0]).toMatchObject({ reason: 'leader-alive' });
    expect(b.state.currentTerm).toBe(1);
    const granted = b.step({ kind: 'message', from: 'C', message: { ...request, transfer: true } });
    expect(eventsOf(granted, 'voteGranted')).toHaveLength(1);
  });
});

describe('unsafe.localReads', () => {
  it('a deposed leader answers from its own, stale, state machine', () => {
    const r = cluster({}, { localReads: true });
    // A is cut off; B and C elect B, which commits a newer value.
    r.down.add('A');
    r.fire('B', 'election');
    r.deliverAll();
    r.propose('B', 'set x 2');
    r.deliverAll();
    expect(r.node('B').state.kv.data.x).toBe('2');
    // A still thinks it leads and answers at once, with the old value.
    const out = r.node('A').step({ kind: 'propose', command: 'get x', requestId: 8 });
    expect(out.answers).toEqual([{ requestId: 8, outcome: 'read', result: '1', readIndex: 1, via: 'local' }]);
  });
});
