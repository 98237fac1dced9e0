// The node explains itself: every fact the view shows comes out of the node as an event
// or an answer, with the values the rule decided on (Figure 2, §5.2–§5.4, thesis §6.3, §9.6).

import { describe, expect, it } from 'vitest';
import type { AppendEntries, AppendEntriesReply } from './types';
import { RaftLog } from './log';
import {
  elect,
  eventsOf,
  logOf,
  makeNode,
  messageTo,
  persistent,
  preVoteReply,
  propose,
  receive,
  start,
  timeout,
  voteReply,
} from './test-helpers';

const FIVE = ['A', 'B', 'C', 'D', 'E'];

function appendReply(term: number, matchIndex: number): AppendEntriesReply {
  return {
    type: 'AppendEntriesReply',
    term,
    success: true,
    prevLogIndex: 0,
    matchIndex,
    conflictTerm: 0,
    conflictIndex: 0,
  };
}

describe('why an election started', () => {
  it('says "timer" when the election timer ran out, "forced" when the class fired it', () => {
    const a = makeNode('A', { cluster: FIVE });
    start(a);
    expect(eventsOf(timeout(a), 'electionStarted')[0]).toMatchObject({ term: 1, cause: 'timer', preVote: false });
    const forced = a.step({ kind: 'timer', timer: 'election', forced: true });
    expect(eventsOf(forced, 'electionStarted')[0]).toMatchObject({ term: 2, cause: 'forced' });
  });

  it('says "preVoteWon" for the real election a won pre-vote round starts (thesis §9.6)', () => {
    const a = makeNode('A', { cluster: ['A', 'B', 'C'], options: { preVote: true } });
    start(a);
    expect(eventsOf(timeout(a), 'electionStarted')[0]).toMatchObject({ term: 1, preVote: true, cause: 'timer' });
    const out = receive(a, 'B', preVoteReply(1, true));
    expect(eventsOf(out, 'electionStarted')[0]).toMatchObject({ term: 1, preVote: false, cause: 'preVoteWon' });
  });
});

describe('the vote tally', () => {
  it('is reported at every counted vote, with what winning needs', () => {
    const a = makeNode('A', { cluster: FIVE });
    start(a);
    const own = eventsOf(timeout(a), 'voteCounted');
    expect(own).toEqual([
      {
        type: 'voteCounted',
        voter: 'A',
        term: 1,
        preVote: false,
        granted: true,
        tally: { granted: ['A'], refused: [], quorums: [{ voters: FIVE, needed: 3 }], result: 'pending' },
      },
    ]);
    expect(eventsOf(receive(a, 'B', voteReply(1, false)), 'voteCounted')[0]?.tally).toMatchObject({
      granted: ['A'],
      refused: ['B'],
      result: 'pending',
    });
    const won = receive(a, 'C', voteReply(1, true));
    expect(eventsOf(won, 'voteCounted')[0]?.tally.result).toBe('pending');
    expect(eventsOf(receive(a, 'D', voteReply(1, true)), 'voteCounted')[0]?.tally.result).toBe('won');
    expect(a.state.role).toBe('leader');
  });

  it('a duplicated vote is counted once', () => {
    const a = makeNode('A', { cluster: FIVE });
    start(a);
    timeout(a);
    receive(a, 'B', voteReply(1, true));
    expect(eventsOf(receive(a, 'B', voteReply(1, true)), 'voteCounted')).toEqual([]);
    expect(a.state.votesGranted).toEqual(['A', 'B']);
  });

  it('a pre-vote reply of an older round is not counted: the reply echoes the round’s term', () => {
    const a = makeNode('A', { cluster: FIVE, options: { preVote: true } });
    start(a);
    timeout(a); // round for term 1
    receive(a, 'B', preVoteReply(1, true));
    const late = receive(a, 'C', preVoteReply(0, true));
    expect(eventsOf(late, 'voteCounted')).toEqual([]);
    expect(a.state.votesGranted).toEqual(['A', 'B']);
  });
});

describe('§5.4.2 said out loud', () => {
  it('a leader says when an older-term entry on a majority is held back, once, and what commits it later', () => {
    const a = makeNode('A', { cluster: FIVE, persistent: persistent(3, [1, 2]) });
    start(a);
    elect(a, ['B', 'C']);
    receive(a, 'B', appendReply(4, 2));
    const held = receive(a, 'C', appendReply(4, 2));
    expect(eventsOf(held, 'commitDeferred')).toEqual([
      {
        type: 'commitDeferred',
        index: 2,
        term: 2,
        currentTerm: 4,
        replicas: 3,
        quorum: [{ voters: ['A', 'B', 'C', 'D', 'E'], needed: 3 }],
      },
    ]);
    expect(a.state.commitDeferred).toEqual({ index: 2, term: 2, replicas: 3 });
    expect(eventsOf(receive(a, 'D', appendReply(4, 2)), 'commitDeferred')).toEqual([]);
    expect(a.state.commitDeferred).toEqual({ index: 2, term: 2, replicas: 4 });
    expect(a.state.commitIndex).toBe(0);
  });

  it('a leader’s commit says the entry’s term, its own term, how many hold it and the majority it needed', () => {
    const a = makeNode('A', { cluster: FIVE, persistent: persistent(1) });
    start(a);
    elect(a, ['B', 'C']);
    const leaderTerm = a.state.currentTerm;
    propose(a, 'set x 1');
    const index = a.state.log.lastIndex();
    receive(a, 'B', appendReply(leaderTerm, index));
    const out = receive(a, 'C', appendReply(leaderTerm, index));
    expect(eventsOf(out, 'commitAdvanced')).toEqual([
      {
        type: 'commitAdvanced',
        from: 0,
        to: index,
        by: 'majority',
        replicas: 3,
        term: leaderTerm,
        currentTerm: leaderTerm,
        quorum: [{ voters: ['A', 'B', 'C', 'D', 'E'], needed: 3 }],
      },
    ]);
  });
});

describe('who the entries and commits come from', () => {
  it('a follower’s appended entries and its commit name the leader they followed', () => {
    const b = makeNode('B', { cluster: FIVE, persistent: persistent(1) });
    start(b);
    const m: AppendEntries = {
      type: 'AppendEntries',
      term: 1,
      leaderId: 'A',
      prevLogIndex: 0,
      prevLogTerm: 0,
      entries: logOf(1),
      leaderCommit: 1,
    };
    const out = receive(b, 'A', m);
    expect(eventsOf(out, 'entriesAppended')[0]).toMatchObject({ fromIndex: 1, leader: 'A' });
    expect(eventsOf(out, 'commitAdvanced')[0]).toEqual({
      type: 'commitAdvanced',
      from: 0,
      to: 1,
      by: 'leaderCommit',
      leader: 'A',
    });
  });

  it('a leader’s no-op is flagged as such (§8)', () => {
    const a = makeNode('A', { cluster: ['A', 'B', 'C'], options: { leaderNoop: true } });
    start(a);
    const outs = elect(a, ['B']);
    const appended = outs.flatMap((o) => eventsOf(o, 'entriesAppended'));
    expect(appended).toEqual([
      { type: 'entriesAppended', fromIndex: 1, entries: [{ term: 1, command: '', noop: true }], leader: 'A' },
    ]);
  });
});

describe('answers to clients (Figure 2: respond after the entry is applied)', () => {
  it('the leader answers a command once applied; a retry while its entry waits is not appended again (thesis §6.3)', () => {
    const a = makeNode('A', { cluster: ['A', 'B', 'C'] });
    start(a);
    elect(a, ['B']);
    expect(propose(a, 'set y 2', 4).answer).toEqual({ requestId: 4, outcome: 'accepted', index: 1, term: 1 });
    // The client timed out and retried before entry 1 committed: the leader points at entry 1.
    const retry = propose(a, 'set y 2', 4);
    expect(retry.answer).toEqual({ requestId: 4, outcome: 'accepted', index: 1, term: 1 });
    expect(eventsOf(retry.out, 'retryAlreadyPending')).toEqual([
      { type: 'retryAlreadyPending', requestId: 4, index: 1 },
    ]);
    expect(eventsOf(retry.out, 'entriesAppended')).toEqual([]);
    expect(a.state.log.lastIndex()).toBe(1);
    const out = receive(a, 'B', appendReply(1, 1));
    expect(out.answers).toEqual([{ requestId: 4, outcome: 'applied', index: 1, result: '2' }]);
  });

  it('a retry after its entry was applied is appended, and applied once (thesis §6.3)', () => {
    const a = makeNode('A', { cluster: ['A', 'B', 'C'] });
    start(a);
    elect(a, ['B']);
    propose(a, 'set y 2', 4);
    receive(a, 'B', appendReply(1, 1));
    // The answer was lost; the retry reaches a leader whose entry 1 is already committed.
    expect(propose(a, 'set y 2', 4).answer).toEqual({ requestId: 4, outcome: 'accepted', index: 2, term: 1 });
    const out = receive(a, 'B', appendReply(1, 2));
    expect(out.answers).toEqual([{ requestId: 4, outcome: 'applied', index: 2, result: '2' }]);
    expect(eventsOf(out, 'entryApplied').map((e) => e.retry)).toEqual([true]);
  });

  it('a retry of an entry from an earlier term is appended in this term, so it can commit (§5.4.2)', () => {
    // A led term 1 and appended request 4 at index 1; it now leads term 2 with that entry uncommitted.
    const log = new RaftLog([{ term: 1, command: 'set y 2', requestId: 4 }]);
    const a = makeNode('A', { cluster: ['A', 'B', 'C'], persistent: { currentTerm: 1, votedFor: 'A', log } });
    start(a);
    elect(a, ['B']);
    expect(a.state.currentTerm).toBe(2);
    // Pointing at entry 1 would wait for ever: only an entry of term 2 can commit it.
    const retry = propose(a, 'set y 2', 4);
    expect(retry.answer).toEqual({ requestId: 4, outcome: 'accepted', index: 2, term: 2 });
    expect(eventsOf(retry.out, 'retryAlreadyPending')).toEqual([]);
    const out = receive(a, 'B', appendReply(2, 2));
    expect(out.answers).toEqual([
      { requestId: 4, outcome: 'applied', index: 1, result: '2' },
      { requestId: 4, outcome: 'applied', index: 2, result: '2' },
    ]);
    expect(eventsOf(out, 'entryApplied').map((e) => e.retry)).toEqual([undefined, true]);
  });

  it('a follower answers "not the leader" with the leader it knows', () => {
    const b = makeNode('B', { cluster: ['A', 'B', 'C'] });
    start(b);
    const out = b.step({ kind: 'propose', command: 'set x 1', requestId: 9 });
    expect(out.answers).toEqual([{ requestId: 9, outcome: 'notLeader', leaderHint: null }]);
    expect(
      messageTo(
        receive(b, 'C', { type: 'RequestVote', term: 1, candidateId: 'C', lastLogIndex: 0, lastLogTerm: 0 }),
        'C',
        'RequestVoteReply',
      ).voteGranted,
    ).toBe(true);
  });
});

describe('membership is the node’s own (§6)', () => {
  it('a server outside the voter set never campaigns', () => {
    const d = makeNode('D', { cluster: ['A', 'B', 'C'] });
    start(d);
    const out = timeout(d);
    expect(eventsOf(out, 'electionStarted')).toEqual([]);
    expect(d.state.role).toBe('follower');
    expect(d.state.currentTerm).toBe(0);
  });
});
