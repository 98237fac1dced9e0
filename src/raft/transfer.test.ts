// Leadership transfer, Ongaro's dissertation §3.10, on hand-driven nodes: each test names
// the step of the procedure it checks.

import { describe, expect, it } from 'vitest';
import type { RaftNode } from './node';
import type { RaftOptions } from './types';
import { eventsOf, HEARTBEAT_INTERVAL, makeNode, messagesOf, receive, Router } from './test-helpers';

const THREE = ['A', 'B', 'C'];

function cluster(options: Partial<RaftOptions> = {}): Router {
  const r = new Router(THREE.map((id) => makeNode(id, { cluster: THREE, options })));
  r.fire('A', 'election');
  r.deliverAll();
  return r;
}

function transfer(node: RaftNode, to: string) {
  return node.step({ kind: 'transfer', to });
}

describe('§3.10 leadership transfer', () => {
  it('refuses a transfer to itself, to a non-member, from a follower and while one is in progress', () => {
    const r = cluster();
    const a = r.node('A');
    expect(eventsOf(transfer(a, 'A'), 'transferRefused')[0]?.reason).toBe('self');
    expect(eventsOf(transfer(a, 'F'), 'transferRefused')[0]?.reason).toBe('not-member');
    expect(eventsOf(transfer(r.node('B'), 'C'), 'transferRefused')[0]?.reason).toBe('not-leader');
    expect(eventsOf(transfer(a, 'B'), 'transferStarted')).toHaveLength(1);
    expect(eventsOf(transfer(a, 'C'), 'transferRefused')[0]?.reason).toBe('in-progress');
  });

  it('step 1: a transferring leader refuses new commands with "transferring", naming the target', () => {
    const r = cluster();
    const a = r.node('A');
    r.down.add('B'); // B never answers, so the transfer stays in progress.
    transfer(a, 'B');
    const out = a.step({ kind: 'propose', command: 'set x 1', requestId: 7 });
    expect(out.answers).toEqual([{ requestId: 7, outcome: 'transferring', to: 'B' }]);
    expect(a.state.log.lastIndex()).toBe(0);
  });

  it('steps 2–3: brings a lagging target up to date, then sends TimeoutNow only once it matches', () => {
    const r = cluster();
    const a = r.node('A');
    r.down.add('C');
    r.propose('A', 'set x 1');
    r.deliverAll();
    r.down.delete('C');
    // C lacks entry 1: the transfer first sends it AppendEntries, not TimeoutNow.
    const out = transfer(a, 'C');
    expect(eventsOf(out, 'transferStarted')[0]).toMatchObject({ to: 'C', targetMatchIndex: 0, lastLogIndex: 1 });
    expect(messagesOf(out, 'TimeoutNow')).toEqual([]);
    const append = messagesOf(out, 'AppendEntries').find((m) => m.to === 'C')!.message;
    const reply = receive(r.node('C'), 'A', append);
    const ack = messagesOf(reply, 'AppendEntriesReply')[0]!.message;
    expect(ack.matchIndex).toBe(1);
    const after = receive(a, 'C', ack);
    expect(messagesOf(after, 'TimeoutNow')).toEqual([
      { to: 'C', message: { type: 'TimeoutNow', term: a.state.currentTerm, leaderId: 'A' } },
    ]);
    expect(eventsOf(after, 'timeoutNowSent')[0]).toMatchObject({ to: 'C', matchIndex: 1 });
  });

  it('step 4: the target campaigns at once, without pre-vote, with a transfer flag, and wins', () => {
    const r = cluster({ preVote: true });
    const term = r.node('A').state.currentTerm;
    r.step('A', { kind: 'transfer', to: 'B' });
    r.deliverAll();
    const started = r.eventsOf('electionStarted', 'B');
    expect(started).toEqual([expect.objectContaining({ cause: 'transfer', preVote: false, term: term + 1 })]);
    const votes = r.delivered.filter((p) => p.message.type === 'RequestVote' && p.from === 'B');
    expect(votes.every((p) => p.message.type === 'RequestVote' && p.message.transfer === true)).toBe(true);
    expect(r.node('B').state.role).toBe('leader');
    expect(r.node('A').state.role).toBe('follower');
    expect(r.eventsOf('transferEnded', 'A')).toEqual([
      { type: 'transferEnded', to: 'B', outcome: 'steppedDown', timeoutNowSent: true },
    ]);
  });

  it('gives up after an election timeout of heartbeats and takes commands again', () => {
    const r = cluster();
    const a = r.node('A');
    r.down.add('B'); // B is down and lags one entry: it can never be caught up.
    r.propose('A', 'set x 1');
    r.deliverAll();
    transfer(a, 'B');
    // The shortest election timeout (150 ms by default) in heartbeats of 50 ms: 3 heartbeats.
    const ticks = Math.ceil(150 / HEARTBEAT_INTERVAL);
    for (let i = 1; i < ticks; i++)
      expect(eventsOf(a.step({ kind: 'timer', timer: 'heartbeat' }), 'transferEnded')).toEqual([]);
    const last = a.step({ kind: 'timer', timer: 'heartbeat' });
    expect(eventsOf(last, 'transferEnded')).toEqual([
      { type: 'transferEnded', to: 'B', outcome: 'timeout', timeoutNowSent: false },
    ]);
    expect(a.step({ kind: 'propose', command: 'set x 2', requestId: 1 }).answers[0]?.outcome).toBe('accepted');
  });

  it('a TimeoutNow of an older term is ignored', () => {
    const r = cluster();
    const b = r.node('B');
    const before = b.state.currentTerm;
    const out = receive(b, 'A', { type: 'TimeoutNow', term: before - 1, leaderId: 'A' });
    expect(eventsOf(out, 'electionStarted')).toEqual([]);
    expect(b.state.currentTerm).toBe(before);
  });
});
