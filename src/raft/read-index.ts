// Reads without the log: ReadIndex (dissertation §6.4) and leases (§6.4.1).
//
// ReadIndex at the leader: (1) it needs a committed entry of its own term (it appends a
// no-op when it has none); (2) it records commitIndex as the read index; (3) it confirms it
// is still leader with a heartbeat round that a quorum acknowledges (the heartbeats carry the
// round as a read context, and the replies echo it); (4) it answers once lastApplied ≥ the
// read index. No entry is written for the read. A follower may serve a read by asking the
// leader for a read index, then waiting until it has applied that far (`followerReads`).
//
// A lease skips step 3: a quorum that acknowledged a round sent at time t will not vote for
// anyone else before t + election timeout (their own clocks; see transfer.ts,
// ignoresVoteRequest), so until t + electionTimeout ÷ clockDriftBound (the leader's clock) no
// other leader can exist. Time is the leader's heartbeat ticks: its timer runs at its clock's
// rate, and the count is taken on the safe side (the round may have left just after a tick,
// the read may come just before the next).
//
// `unsafe.localReads` answers at once from the node's own state machine, whatever its role:
// a deposed leader then returns stale data, which the linearizability checker catches.

import type { NodeHooks } from './node-hooks';
import { DEFAULT_ELECTION_TIMEOUT_MIN } from './transfer';
import type {
  AppendEntriesReply,
  NodeId,
  PendingRead,
  RaftState,
  RaftEvent,
  ReadIndexReply,
  ReadIndexRequest,
  ReadState,
  ReadVia,
} from './types';

export function emptyReadState(): ReadState {
  return { round: 0, roundTicks: {}, acked: {}, tick: 0, leaseUntilTick: -1, leaseForfeited: false, pending: [] };
}

export function cloneReadState(r: ReadState): ReadState {
  return {
    round: r.round,
    roundTicks: { ...r.roundTicks },
    acked: { ...r.acked },
    tick: r.tick,
    leaseUntilTick: r.leaseUntilTick,
    leaseForfeited: r.leaseForfeited,
    pending: r.pending.map((p) => ({ ...p })),
  };
}

/** Does this `get` bypass the log? Only with a read mode other than 'log', or the unsafe switch. */
export function readsBypassLog(n: NodeHooks): boolean {
  const c = n.config();
  return c.unsafe.localReads || c.options.reads !== 'log';
}

function valueOf(n: NodeHooks, key: string): string {
  return n.state.kv.data[key] ?? '(none)';
}

/** A client's `get KEY` arrived at this node (any role). */
export function onClientRead(n: NodeHooks, requestId: number, key: string): void {
  const s = n.state;
  const c = n.config();
  if (c.unsafe.localReads) {
    // Unsafe: no check that this node still leads, nor that its state machine is current.
    const readIndex = s.lastApplied;
    n.emit({ type: 'readStarted', requestId, key, readIndex, round: 0, via: 'local', for: 'client' });
    return answerRead(n, { requestId, key, readIndex, round: 0, for: 'client' }, 'local');
  }
  const waiting = s.reads.pending.find((p) => p.requestId === requestId && p.for === 'client');
  if (waiting !== undefined) return onRetriedRead(n, waiting);
  if (s.role === 'leader') return leaderRead(n, { requestId, key, readIndex: null, round: 0, for: 'client' });
  if (c.options.followerReads && s.leaderId !== null) {
    // §6.4: a follower asks the leader for a read index, then serves the read itself.
    s.reads.pending.push({ requestId, key, readIndex: null, round: 0, for: 'client' });
    n.emit({ type: 'readStarted', requestId, key, readIndex: null, round: 0, via: viaOf(n), for: 'client' });
    const request: ReadIndexRequest = { type: 'ReadIndex', term: s.currentTerm, requestId };
    return n.send(s.leaderId, request);
  }
  n.answer({ requestId, outcome: 'notLeader', leaderHint: s.leaderId });
}

/**
 * A client's retry of a read this node still works on: its first copy will answer it, so no second
 * one waits beside it. A follower still without its read index asks the leader again, in case the
 * first question or its answer was lost.
 */
function onRetriedRead(n: NodeHooks, read: PendingRead): void {
  const s = n.state;
  n.emit({ type: 'retryAlreadyPending', requestId: read.requestId, index: null });
  if (s.role === 'leader' || read.readIndex !== null || s.leaderId === null) return;
  const request: ReadIndexRequest = { type: 'ReadIndex', term: s.currentTerm, requestId: read.requestId };
  n.send(s.leaderId, request);
}

/** The leader's answer to a follower's ReadIndex request. */
export function onReadIndexRequest(n: NodeHooks, from: NodeId, m: ReadIndexRequest): void {
  const s = n.state;
  if (s.role !== 'leader') {
    const reply: ReadIndexReply = {
      type: 'ReadIndexReply',
      term: s.currentTerm,
      requestId: m.requestId,
      readIndex: null,
    };
    return n.send(from, reply);
  }
  // A follower's request ids are its client's; the pair (for, requestId) is what identifies it. A
  // repeated question (the follower asked again) is already waiting here, and its answer serves both.
  if (s.reads.pending.some((p) => p.requestId === m.requestId && p.for === from)) return;
  leaderRead(n, { requestId: m.requestId, key: '', readIndex: null, round: 0, for: from });
}

/** A follower learns the read index it asked for, or that the leader could not give one. */
export function onReadIndexReply(n: NodeHooks, m: ReadIndexReply): void {
  const s = n.state;
  const read = s.reads.pending.find((p) => p.requestId === m.requestId && p.for === 'client' && p.readIndex === null);
  if (read === undefined) return;
  if (m.readIndex === null) {
    s.reads.pending = s.reads.pending.filter((p) => p !== read);
    n.emit({ type: 'readAbandoned', requestId: read.requestId, reason: 'notLeader' });
    return n.answer({ requestId: read.requestId, outcome: 'notLeader', leaderHint: s.leaderId });
  }
  read.readIndex = m.readIndex;
  answerApplied(n);
}

function viaOf(n: NodeHooks): 'readIndex' | 'lease' {
  return n.config().options.reads === 'lease' ? 'lease' : 'readIndex';
}

/** Step 1: has this leader committed an entry of its own term? Until then its commitIndex may be behind (§6.4). */
function committedOwnTerm(n: NodeHooks): boolean {
  const s = n.state;
  return s.log.term(s.commitIndex) === s.currentTerm;
}

function leaderRead(n: NodeHooks, read: PendingRead): void {
  const s = n.state;
  if (!committedOwnTerm(n)) {
    // Wait for an entry of this term to commit; append the no-op if there is none to wait for.
    s.reads.pending.push(read);
    n.emit(startedEvent(read, viaOf(n)));
    // The read waits in pending first: a lone voter commits the no-op at once and answers it then.
    if (s.log.lastTerm() !== s.currentTerm) n.appendOwn({ term: s.currentTerm, command: '', noop: true });
    return;
  }
  read.readIndex = s.commitIndex;
  confirm(n, read);
}

function startedEvent(read: PendingRead, via: ReadVia): RaftEvent {
  const { requestId, key, readIndex, round } = read;
  return { type: 'readStarted', requestId, key, readIndex, round, via, for: read.for };
}

/** Steps 2–3 for a read that has its read index: under a lease answer now, else start a round. */
function confirm(n: NodeHooks, read: PendingRead): void {
  const s = n.state;
  if (leaseHolds(n)) {
    read.round = 0;
    n.emit(startedEvent(read, 'lease'));
    return finish(n, read, 'lease');
  }
  read.round = startRound(n);
  s.reads.pending.push(read);
  n.emit(startedEvent(read, 'readIndex'));
  n.broadcastAppendEntries();
  releaseConfirmed(n); // A one-node cluster is its own quorum.
}

/** A new heartbeat round with a read context; the heartbeats that carry it go out with the next broadcast. */
export function startRound(n: NodeHooks): number {
  const r = n.state.reads;
  r.round += 1;
  r.roundTicks[r.round] = r.tick;
  return r.round;
}

/** The lease (§6.4.1): a quorum acknowledged a round recent enough by this leader's clock. */
function leaseHolds(n: NodeHooks): boolean {
  return n.config().options.reads === 'lease' && leaseHoldsIn(n.state);
}

/**
 * The lease test on a state alone, for a node whose reads use a lease (only then is a lease ever
 * granted): its lease is not forfeited, no transfer is under way, and its clock has not reached the
 * lease's end. The explorer reads it too (src/check/explore/lease-clock.ts).
 */
export function leaseHoldsIn(s: RaftState): boolean {
  const r = s.reads;
  return !r.leaseForfeited && s.transfer === null && r.tick < r.leaseUntilTick;
}

/** How many whole heartbeats the lease lasts: election timeout ÷ drift bound (÷ 1 with the unsafe switch). */
export function leaseTicks(n: NodeHooks): number {
  const c = n.config();
  const drift = c.unsafe.leaseIgnoresDrift ? 1 : Math.max(1, c.clockDriftBound ?? 1);
  const lease = (c.electionTimeoutMin ?? DEFAULT_ELECTION_TIMEOUT_MIN) / drift;
  return Math.floor(lease / c.heartbeatInterval);
}

/** The leader's heartbeat timer fired: one tick of its clock; under a lease every heartbeat is a round. */
export function onLeaderTick(n: NodeHooks): void {
  const r = n.state.reads;
  r.tick += 1;
  if (n.config().options.reads === 'lease') startRound(n);
}

/** The read context the leader's AppendEntries carry now, if reads use rounds. */
export function readContext(n: NodeHooks): number | undefined {
  const r = n.state.reads;
  return n.config().options.reads === 'log' || r.round === 0 ? undefined : r.round;
}

/** A follower's reply echoed a read context: it still takes this node as leader of that round. */
export function onReadAck(n: NodeHooks, from: NodeId, m: AppendEntriesReply): void {
  const r = n.state.reads;
  if (m.readContext === undefined || n.state.role !== 'leader') return;
  if ((r.acked[from] ?? 0) >= m.readContext) return;
  r.acked[from] = m.readContext;
  releaseConfirmed(n);
}

/** The highest round a quorum (the leader included) has acknowledged. */
function confirmedRound(n: NodeHooks): number {
  const r = n.state.reads;
  return n.quorum().committedIndex((id) => (id === n.id ? r.round : (r.acked[id] ?? 0)));
}

function releaseConfirmed(n: NodeHooks): void {
  const s = n.state;
  const r = s.reads;
  const confirmed = confirmedRound(n);
  if (confirmed === 0) return;
  if (n.config().options.reads === 'lease' && !r.leaseForfeited) {
    const until = (r.roundTicks[confirmed] ?? r.tick) + leaseTicks(n);
    if (until > r.leaseUntilTick) r.leaseUntilTick = until;
  }
  // Older rounds can no longer extend the lease: keep only the confirmed one and those after it.
  const kept: Record<number, number> = {};
  for (const [round, tick] of Object.entries(r.roundTicks)) if (Number(round) >= confirmed) kept[Number(round)] = tick;
  r.roundTicks = kept;
  const ready = r.pending.filter((p) => p.readIndex !== null && p.round > 0 && p.round <= confirmed);
  if (ready.length === 0) return;
  const acks = n
    .quorum()
    .voters()
    .filter((id) => id === n.id || (r.acked[id] ?? 0) >= confirmed);
  n.emit({ type: 'readRoundConfirmed', round: confirmed, acks });
  r.pending = r.pending.filter((p) => !ready.includes(p));
  for (const read of ready) finish(n, read, 'readIndex');
}

/** Step 4 done at the leader (its lastApplied is its commitIndex): answer, or hand the index to the follower. */
function finish(n: NodeHooks, read: PendingRead, via: 'readIndex' | 'lease'): void {
  const s = n.state;
  if (read.for !== 'client') {
    const reply: ReadIndexReply = {
      type: 'ReadIndexReply',
      term: s.currentTerm,
      requestId: read.requestId,
      readIndex: read.readIndex,
    };
    return n.send(read.for, reply);
  }
  if (s.lastApplied >= read.readIndex!) return answerRead(n, read, via);
  s.reads.pending.push({ ...read, round: 0 });
}

function answerRead(n: NodeHooks, read: PendingRead, via: 'readIndex' | 'lease' | 'local'): void {
  const s = n.state;
  const result = valueOf(n, read.key);
  const readIndex = read.readIndex ?? s.lastApplied;
  n.emit({
    type: 'readAnswered',
    requestId: read.requestId,
    key: read.key,
    readIndex,
    result,
    via,
    lastApplied: s.lastApplied,
  });
  n.answer({ requestId: read.requestId, outcome: 'read', result, readIndex, via });
}

/**
 * After commitIndex moved (and entries were applied): a leader's reads that waited for an entry
 * of its term get their read index; reads whose index is now applied are answered.
 */
export function onCommitAdvanced(n: NodeHooks): void {
  const s = n.state;
  const r = s.reads;
  if (r.pending.length === 0) return;
  if (s.role === 'leader' && committedOwnTerm(n)) {
    const waiting = r.pending.filter((p) => p.readIndex === null);
    if (waiting.length > 0) {
      r.pending = r.pending.filter((p) => p.readIndex !== null);
      for (const read of waiting) {
        read.readIndex = s.commitIndex;
        confirm(n, read);
      }
    }
  }
  answerApplied(n);
}

/** Reads whose round is confirmed (round 0) and whose read index is applied are answered. */
function answerApplied(n: NodeHooks): void {
  const s = n.state;
  const r = s.reads;
  const done = r.pending.filter(
    (p) => p.for === 'client' && p.round === 0 && p.readIndex !== null && s.lastApplied >= p.readIndex,
  );
  if (done.length === 0) return;
  r.pending = r.pending.filter((p) => !done.includes(p));
  const via = s.role === 'leader' ? 'readIndex' : viaOf(n);
  for (const read of done) answerRead(n, read, via);
}

/**
 * The node stopped leading (or a follower's term moved on): reads that still need a leader's
 * confirmation are given up, and their clients (or followers) told to look elsewhere.
 * A follower's read that already has its read index stays: serving it later is still correct.
 */
export function abandonReads(n: NodeHooks, wasLeader: boolean): void {
  const s = n.state;
  const r = s.reads;
  const keep: PendingRead[] = [];
  for (const read of r.pending) {
    const confirmed = !wasLeader && read.readIndex !== null;
    if (confirmed) {
      keep.push(read);
      continue;
    }
    if (read.for !== 'client') {
      const reply: ReadIndexReply = {
        type: 'ReadIndexReply',
        term: s.currentTerm,
        requestId: read.requestId,
        readIndex: null,
      };
      n.send(read.for, reply);
      continue;
    }
    n.emit({ type: 'readAbandoned', requestId: read.requestId, reason: 'notLeader' });
    n.answer({ requestId: read.requestId, outcome: 'notLeader', leaderHint: s.leaderId });
  }
  r.pending = keep;
  if (wasLeader) {
    r.round = 0;
    r.roundTicks = {};
    r.acked = {};
    r.tick = 0;
    r.leaseUntilTick = -1;
    r.leaseForfeited = false;
  }
}

/** A new leader starts its rounds and its clock afresh (acknowledgements of another term mean nothing). */
export function resetForLeadership(n: NodeHooks): void {
  const r = n.state.reads;
  r.round = 0;
  r.roundTicks = {};
  r.acked = {};
  r.tick = 0;
  r.leaseUntilTick = -1;
  r.leaseForfeited = false;
}
