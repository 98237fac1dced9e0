// InstallSnapshot, Figure 13 of the Raft paper: one test per receiver rule, then the leader's
// side (§7: a follower whose nextIndex is inside the discarded prefix gets the snapshot).

import { describe, expect, it } from 'vitest';
import { RaftLog } from './log';
import { snapshotText } from './snapshot';
import {
  elect,
  eventsOf,
  logOf,
  makeNode,
  messageTo,
  messagesOf,
  receive,
  Router,
  start,
  termsOf,
  type Disk,
} from './test-helpers';
import type { RaftNode } from './node';
import type { InstallSnapshot, Snapshot } from './types';

const CLUSTER = ['A', 'B', 'C'];

/** A leader's snapshot through (index, term) holding `data`. */
function snapshot(index: number, term: number, data: Record<string, string> = { x: '1' }): Snapshot {
  return {
    lastIncludedIndex: index,
    lastIncludedTerm: term,
    configuration: { voters: CLUSTER, learners: [] },
    kv: { data, appliedRequests: [] },
  };
}

/** The InstallSnapshot messages that carry `snap` from leader A at `term`, `size` characters each. */
function chunksOf(snap: Snapshot, term: number, size: number): InstallSnapshot[] {
  const text = snapshotText(snap);
  const count = Math.ceil(text.length / size);
  return Array.from({ length: count }, (_, i) => ({
    type: 'InstallSnapshot',
    term,
    leaderId: 'A',
    lastIncludedIndex: snap.lastIncludedIndex,
    lastIncludedTerm: snap.lastIncludedTerm,
    offset: i * size,
    data: text.slice(i * size, (i + 1) * size),
    done: i === count - 1,
    chunk: i + 1,
    chunks: count,
  }));
}

function follower(currentTerm: number, terms: number[], commitIndex = 0): RaftNode {
  const disk: Disk = { currentTerm, votedFor: null, log: new RaftLog(logOf(...terms)) };
  const node = makeNode('B', { cluster: CLUSTER, persistent: disk });
  start(node);
  if (commitIndex > 0) {
    // Let a leader of this term tell it what is committed.
    receive(node, 'A', {
      type: 'AppendEntries',
      term: currentTerm,
      leaderId: 'A',
      prevLogIndex: terms.length,
      prevLogTerm: terms[terms.length - 1] ?? 0,
      entries: [],
      leaderCommit: commitIndex,
    });
  }
  return node;
}

describe('Figure 13, InstallSnapshot receiver', () => {
  it('rule 1: replies at once with its term to a stale leader, changing nothing', () => {
    const b = follower(5, [1, 2]);
    const [only] = chunksOf(snapshot(4, 3), 4, 10_000);
    const out = receive(b, 'A', only!);
    const reply = messageTo(out, 'A', 'InstallSnapshotReply');
    expect(reply).toMatchObject({ term: 5, installed: false });
    expect(b.state.log.snapshotIndex).toBe(0);
    expect(termsOf(b.state.log)).toEqual([1, 2]);
  });

  it('rules 2–4: the first chunk starts a file, each chunk is written at its offset, and it waits while done is false', () => {
    const b = follower(3, []);
    const chunks = chunksOf(snapshot(4, 3), 3, 20);
    expect(chunks.length).toBeGreaterThan(2);
    const out = receive(b, 'A', chunks[0]!);
    expect(messageTo(out, 'A', 'InstallSnapshotReply')).toMatchObject({ installed: false, received: 20 });
    expect(b.state.incomingSnapshot?.data).toBe(chunks[0]!.data);
    receive(b, 'A', chunks[1]!);
    expect(b.state.incomingSnapshot?.data).toBe(chunks[0]!.data + chunks[1]!.data);
    // Nothing is installed before the last chunk.
    expect(b.state.log.snapshotIndex).toBe(0);
    expect(b.state.snapshot).toBeNull();
  });

  it('rule 2: a first chunk (offset 0) of another snapshot replaces a partial file', () => {
    const b = follower(3, []);
    receive(b, 'A', chunksOf(snapshot(4, 3), 3, 20)[0]!);
    const other = chunksOf(snapshot(6, 3, { y: '2' }), 3, 20);
    receive(b, 'A', other[0]!);
    expect(b.state.incomingSnapshot).toMatchObject({ lastIncludedIndex: 6, data: other[0]!.data });
  });

  it('rule 3: a chunk with nothing written before it is refused, and the reply says where to start again', () => {
    const b = follower(3, []);
    const chunks = chunksOf(snapshot(4, 3), 3, 20);
    // Its first chunk was lost: there is no file to write chunk 2 into.
    let out = receive(b, 'A', chunks[1]!);
    expect(messageTo(out, 'A', 'InstallSnapshotReply')).toMatchObject({ received: 0, installed: false });
    expect(eventsOf(out, 'snapshotChunkRejected')).toHaveLength(1);
    // A gap after chunk 1: the reply asks again from the end of chunk 1.
    receive(b, 'A', chunks[0]!);
    out = receive(b, 'A', chunks[2]!);
    expect(messageTo(out, 'A', 'InstallSnapshotReply')).toMatchObject({ received: 20, installed: false });
  });

  it('rules 5, 7, 8: a log that lacks the last included entry is discarded, and the state machine reset from the snapshot', () => {
    // B holds entries of term 2 that the leader's term-3 history replaced.
    const b = follower(3, [1, 2, 2]);
    let out = receive(b, 'A', chunksOf(snapshot(5, 3, { x: '7' }), 3, 10_000)[0]!);
    expect(eventsOf(out, 'snapshotInstalled')).toEqual([
      expect.objectContaining({ rule: 7, index: 5, term: 3, kept: 0, discarded: 3, stateReset: true }),
    ]);
    expect(messageTo(out, 'A', 'InstallSnapshotReply')).toMatchObject({ installed: true, lastIncludedIndex: 5 });
    expect(b.state.log.snapshotIndex).toBe(5);
    expect(b.state.log.lastIndex()).toBe(5);
    expect(b.state.log.lastTerm()).toBe(3);
    expect(b.state.kv.data).toEqual({ x: '7' });
    expect(b.state.commitIndex).toBe(5);
    expect(b.state.lastApplied).toBe(5);
    // And a later AppendEntries continues right after the snapshot (prevLogTerm = lastIncludedTerm).
    out = receive(b, 'A', {
      type: 'AppendEntries',
      term: 3,
      leaderId: 'A',
      prevLogIndex: 5,
      prevLogTerm: 3,
      entries: [{ term: 3, command: 'set z 1' }],
      leaderCommit: 5,
    });
    expect(messageTo(out, 'A', 'AppendEntriesReply')).toMatchObject({ success: true, matchIndex: 6 });
  });

  it('rule 6: a log that holds the last included entry keeps the entries after it', () => {
    const b = follower(3, [1, 1, 3, 3, 3], 2);
    const out = receive(b, 'A', chunksOf(snapshot(4, 3, { x: '4' }), 3, 10_000)[0]!);
    expect(eventsOf(out, 'snapshotInstalled')).toEqual([
      expect.objectContaining({ rule: 6, index: 4, kept: 1, discarded: 4, stateReset: true }),
    ]);
    expect(b.state.log.snapshotIndex).toBe(4);
    expect(termsOf(b.state.log)).toEqual([3]);
    expect(b.state.log.lastIndex()).toBe(5);
    expect(b.state.kv.data).toEqual({ x: '4' });
    expect(b.state.lastApplied).toBe(4);
  });

  it('rule 6 never rolls a state machine back: one that applied past the snapshot keeps its state', () => {
    const b = follower(3, [1, 1, 3, 3, 3], 5);
    const applied = { ...b.state.kv.data };
    receive(b, 'A', chunksOf(snapshot(4, 3, { stale: 'yes' }), 3, 10_000)[0]!);
    expect(b.state.lastApplied).toBe(5);
    expect(b.state.commitIndex).toBe(5);
    expect(b.state.kv.data).toEqual(applied);
  });

  it('rule 5: a snapshot no newer than its own (stale or duplicated) changes nothing', () => {
    const b = follower(3, []);
    const newer = chunksOf(snapshot(8, 3, { x: '8' }), 3, 10_000)[0]!;
    receive(b, 'A', newer);
    const out = receive(b, 'A', chunksOf(snapshot(5, 3, { x: '5' }), 3, 10_000)[0]!);
    expect(eventsOf(out, 'snapshotIgnored')).toEqual([expect.objectContaining({ index: 5, mySnapshotIndex: 8 })]);
    // The same snapshot again, say duplicated by the network: still nothing.
    receive(b, 'A', newer);
    expect(b.state.log.snapshotIndex).toBe(8);
    expect(b.state.kv.data).toEqual({ x: '8' });
    expect(b.state.lastApplied).toBe(8);
  });
});

describe('§7: the leader sends its snapshot to a follower that is too far behind', () => {
  function leaderWithSnapshot(): Router {
    const a = makeNode('A', { cluster: CLUSTER, options: { snapshotThreshold: 3, snapshotChunk: 40 } });
    const b = makeNode('B', { cluster: CLUSTER });
    const c = makeNode('C', { cluster: CLUSTER });
    const net = new Router([a, b, c]);
    net.fire('A', 'election');
    net.deliverAll();
    net.down.add('C');
    for (const cmd of ['set a 1', 'set b 2', 'set c 3', 'set d 4']) {
      net.propose('A', cmd);
      net.deliverAll();
    }
    net.fire('A', 'heartbeat');
    net.deliverAll();
    return net;
  }

  it('discards the applied prefix at the threshold, and sends InstallSnapshot when nextIndex falls inside it', () => {
    const net = leaderWithSnapshot();
    const a = net.node('A');
    expect(net.eventsOf('snapshotTaken', 'A')).toEqual([expect.objectContaining({ index: 3, cause: 'threshold' })]);
    expect(a.state.log.firstIndex()).toBe(4);
    net.down.delete('C');
    net.fire('A', 'heartbeat');
    net.deliverAll();
    const c = net.node('C');
    const chunks = net.delivered.filter((p) => p.message.type === 'InstallSnapshot' && p.to === 'C');
    expect(chunks.length).toBe(Math.ceil(snapshotText(a.state.snapshot!).length / 40));
    expect(net.eventsOf('snapshotInstalled', 'C')).toEqual([expect.objectContaining({ index: 3, rule: 7 })]);
    // Then AppendEntries carries the rest: C holds the whole log and state.
    expect(c.state.log.lastIndex()).toBe(a.state.log.lastIndex());
    expect(c.state.kv.data).toEqual(a.state.kv.data);
    expect(a.state.matchIndex.C).toBe(a.state.log.lastIndex());
  });

  it('a late reply to a chunk already acted on does not move the transfer', () => {
    const net = leaderWithSnapshot();
    const a = net.node('A');
    a.state.nextIndex.C = 1;
    const out = a.step({ kind: 'timer', timer: 'heartbeat' });
    const first = messageTo(out, 'C', 'InstallSnapshot');
    expect(first).toMatchObject({ offset: 0, chunk: 1, done: false });
    const reply = {
      type: 'InstallSnapshotReply',
      term: 1,
      lastIncludedIndex: 3,
      offset: 0,
      received: 40,
      installed: false,
    } as const;
    const next = receive(a, 'C', reply);
    expect(messageTo(next, 'C', 'InstallSnapshot')).toMatchObject({ offset: 40, chunk: 2 });
    // The same reply again (duplicated): the transfer stays at offset 40 and nothing is sent.
    expect(messagesOf(receive(a, 'C', reply), 'InstallSnapshot')).toHaveLength(0);
    expect(a.state.snapshotTransfers.C?.offset).toBe(40);
  });

  it('a transfer under way goes on with its snapshot when the leader takes a newer one, so it can finish', () => {
    const net = leaderWithSnapshot();
    const a = net.node('A');
    a.state.nextIndex.C = 1;
    const first = messageTo(a.step({ kind: 'timer', timer: 'heartbeat' }), 'C', 'InstallSnapshot');
    expect(first).toMatchObject({ lastIncludedIndex: 3, offset: 0, chunk: 1 });
    // The leader commits more and snapshots again while chunk 1 is on the way (a low threshold under load).
    net.propose('A', 'set e 5');
    net.propose('A', 'set f 6');
    net.deliverAll();
    a.step({ kind: 'snapshot' });
    expect(a.state.snapshot?.lastIncludedIndex).toBeGreaterThan(3);
    const next = receive(a, 'C', {
      type: 'InstallSnapshotReply',
      term: 1,
      lastIncludedIndex: 3,
      offset: 0,
      received: 40,
      installed: false,
    });
    // Starting again at offset 0 with each new snapshot would never end while snapshots come faster than a transfer.
    expect(messageTo(next, 'C', 'InstallSnapshot')).toMatchObject({ lastIncludedIndex: 3, offset: 40, chunk: 2 });
  });

  it('a heartbeat resends the chunk in flight only once its reply is overdue, so each chunk is sent once', () => {
    const net = leaderWithSnapshot();
    const a = net.node('A');
    a.state.nextIndex.C = 1;
    const heartbeat = (): number =>
      messagesOf(a.step({ kind: 'timer', timer: 'heartbeat' }), 'InstallSnapshot').filter((m) => m.to === 'C').length;
    expect(heartbeat()).toBe(1); // The transfer starts: chunk 1 goes out.
    expect(heartbeat()).toBe(0); // Its reply may still be on the way: one heartbeat's grace.
    expect(heartbeat()).toBe(1); // Overdue: chunk 1 again.
    expect(heartbeat()).toBe(0);
    // The reply moves the transfer on at once; the next heartbeat leaves chunk 2 time to arrive.
    const next = receive(a, 'C', {
      type: 'InstallSnapshotReply',
      term: 1,
      lastIncludedIndex: 3,
      offset: 0,
      received: 40,
      installed: false,
    });
    expect(messageTo(next, 'C', 'InstallSnapshot')).toMatchObject({ offset: 40, chunk: 2 });
    expect(heartbeat()).toBe(0);
  });
});

describe('§7: everything that reads a log handles one that starts after a snapshot', () => {
  it('the election restriction takes the last term from the snapshot', () => {
    const b = follower(3, []);
    receive(b, 'A', chunksOf(snapshot(5, 3), 3, 10_000)[0]!);
    const out = receive(b, 'C', { type: 'RequestVote', term: 4, candidateId: 'C', lastLogIndex: 9, lastLogTerm: 2 });
    expect(messageTo(out, 'C', 'RequestVoteReply').voteGranted).toBe(false);
    expect(eventsOf(out, 'voteRefused')[0]).toMatchObject({ reason: 'log-not-up-to-date' });
  });

  it('an AppendEntries whose prevLogIndex is inside the snapshot is checked from the snapshot boundary', () => {
    const b = follower(3, []);
    receive(b, 'A', chunksOf(snapshot(5, 3), 3, 10_000)[0]!);
    const out = receive(b, 'A', {
      type: 'AppendEntries',
      term: 3,
      leaderId: 'A',
      prevLogIndex: 3,
      prevLogTerm: 2,
      entries: logOf(1, 1, 2, 3, 3, 3).slice(3), // indexes 4, 5, 6
      leaderCommit: 5,
    });
    expect(messageTo(out, 'A', 'AppendEntriesReply')).toMatchObject({ success: true, prevLogIndex: 3, matchIndex: 6 });
    expect(b.state.log.lastIndex()).toBe(6);
    expect(b.state.log.snapshotIndex).toBe(5);
  });

  it('a restarted node rebuilds its state machine from the snapshot on its disk', () => {
    const withSnapshot = makeNodeWithSnapshot(snapshot(5, 3, { x: '5' }), logOf(3));
    expect(eventsOf(start(withSnapshot), 'snapshotRestored')).toEqual([
      { type: 'snapshotRestored', index: 5, term: 3 },
    ]);
    expect(withSnapshot.state.kv.data).toEqual({ x: '5' });
    expect(withSnapshot.state.lastApplied).toBe(5);
    expect(withSnapshot.state.commitIndex).toBe(5);
    expect(withSnapshot.state.log.lastIndex()).toBe(6);
  });

  it('a forced snapshot with nothing new applied is skipped, and the unsafe switch snapshots past commitIndex', () => {
    const a = makeNode('A', { cluster: ['A'] });
    elect(a, []);
    a.step({ kind: 'propose', command: 'set x 1' });
    expect(eventsOf(a.step({ kind: 'snapshot' }), 'snapshotTaken')).toEqual([
      expect.objectContaining({ index: 1, commitIndex: 1, cause: 'forced' }),
    ]);
    expect(eventsOf(a.step({ kind: 'snapshot' }), 'snapshotSkipped')).toHaveLength(1);

    const b = makeNode('B', { cluster: CLUSTER, unsafe: { snapshotUncommitted: true } });
    start(b);
    receive(b, 'A', {
      type: 'AppendEntries',
      term: 1,
      leaderId: 'A',
      prevLogIndex: 0,
      prevLogTerm: 0,
      entries: logOf(1, 1),
      leaderCommit: 0,
    });
    const taken = eventsOf(b.step({ kind: 'snapshot' }), 'snapshotTaken');
    expect(taken).toEqual([expect.objectContaining({ index: 2, commitIndex: 0 })]);
  });
});

function makeNodeWithSnapshot(snap: Snapshot, entries: ReturnType<typeof logOf>): RaftNode {
  return makeNode('B', {
    cluster: CLUSTER,
    persistent: {
      currentTerm: snap.lastIncludedTerm,
      votedFor: null,
      log: new RaftLog(entries, snap.lastIncludedIndex, snap.lastIncludedTerm),
      snapshot: snap,
    },
  });
}
