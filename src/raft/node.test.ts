// One Raft node against the rules of Figure 2 and §5 of the Raft paper, driven by
// hand-made messages (in the spirit of etcd's raft_paper_test.go). Each test names
// the rule it checks; none looks inside the node beyond the state Figure 2 defines.

import { describe, expect, it } from 'vitest';
import type { RaftNode } from './node';
import type {
  AppendEntries,
  AppendEntriesReply,
  NodeId,
  RaftMessage,
  RaftOptions,
  RequestVote,
  UnsafeSwitches,
} from './types';
import { DEFAULT_OPTIONS, SAFE_SWITCHES } from './types';
import {
  armsElectionTimer,
  elect,
  eventsOf,
  logOf,
  makeNode,
  messagesOf,
  messageTo,
  persistent,
  preVoteReply,
  propose,
  receive,
  Router,
  start,
  termsOf,
  timeout,
  voteReply,
} from './test-helpers';

const FIVE = ['A', 'B', 'C', 'D', 'E'] as const;

function optionsOf(options: Partial<RaftOptions>): { options: RaftOptions; unsafe: UnsafeSwitches } {
  return { options: { ...DEFAULT_OPTIONS, ...options }, unsafe: SAFE_SWITCHES };
}

function voteRequest(term: number, candidateId: NodeId, lastLogIndex: number, lastLogTerm: number): RequestVote {
  return { type: 'RequestVote', term, candidateId, lastLogIndex, lastLogTerm };
}

function appendEntries(
  term: number,
  leaderId: NodeId,
  prevLogIndex: number,
  prevLogTerm: number,
  entryTerms: number[],
  leaderCommit = 0,
): AppendEntries {
  // Entries carry the commands logOf gives them at their own indexes.
  const entries = logOf(...Array<number>(prevLogIndex).fill(0), ...entryTerms).slice(prevLogIndex);
  return { type: 'AppendEntries', term, leaderId, prevLogIndex, prevLogTerm, entries, leaderCommit };
}

function appendReply(term: number, success: boolean, matchIndex = 0, prevLogIndex = 0): AppendEntriesReply {
  return { type: 'AppendEntriesReply', term, success, prevLogIndex, matchIndex, conflictTerm: 0, conflictIndex: 0 };
}

/** A node of FIVE that has just won the election of `term` with every vote. */
function leaderOf(term: number, terms: number[] = [], setup: Parameters<typeof makeNode>[1] = {}): RaftNode {
  const node = makeNode('A', { cluster: FIVE, persistent: persistent(term - 1, terms), ...setup });
  start(node);
  elect(node, ['B', 'C']);
  expect(node.state.role).toBe('leader');
  expect(node.state.currentTerm).toBe(term);
  return node;
}

describe('§5.2 leader election', () => {
  it('a node starts as a follower with its election timer running', () => {
    const node = makeNode('A');
    const out = start(node);
    expect(node.state.role).toBe('follower');
    expect(node.state.currentTerm).toBe(0);
    expect(armsElectionTimer(out)).toBe(true);
    expect(out.messages).toEqual([]);
  });

  it('on election timeout a follower becomes candidate, increments its term, votes for itself and asks every peer', () => {
    const node = makeNode('A', { cluster: FIVE, persistent: persistent(3, [1, 1, 3]) });
    start(node);
    const out = timeout(node);
    expect(node.state.role).toBe('candidate');
    expect(node.state.currentTerm).toBe(4);
    expect(node.state.votedFor).toBe('A');
    const requests = messagesOf(out, 'RequestVote');
    expect(requests.map((r) => r.to).sort()).toEqual(['B', 'C', 'D', 'E']);
    for (const { message } of requests) {
      expect(message).toMatchObject({ term: 4, candidateId: 'A', lastLogIndex: 3, lastLogTerm: 3 });
    }
    // §5.2: the candidate waits a fresh randomized timeout for the result.
    expect(armsElectionTimer(out)).toBe(true);
  });

  it('a candidate wins with votes from a majority of the whole cluster, its own included', () => {
    const node = makeNode('A', { cluster: FIVE });
    start(node);
    timeout(node);
    receive(node, 'B', voteReply(1, true));
    // Two of five is not a majority; a repeated grant from the same voter does not count twice.
    receive(node, 'B', voteReply(1, true));
    receive(node, 'C', voteReply(1, false));
    receive(node, 'D', voteReply(1, false));
    expect(node.state.role).toBe('candidate');
    receive(node, 'E', voteReply(1, true));
    expect(node.state.role).toBe('leader');
  });

  it('a new leader sends heartbeats to every peer at once and sets nextIndex to last+1, matchIndex to 0', () => {
    const node = makeNode('A', { cluster: FIVE, persistent: persistent(2, [1, 2]) });
    start(node);
    timeout(node);
    receive(node, 'B', voteReply(3, true));
    const out = receive(node, 'C', voteReply(3, true));
    expect(node.state.role).toBe('leader');
    const beats = messagesOf(out, 'AppendEntries');
    expect(beats.map((b) => b.to).sort()).toEqual(['B', 'C', 'D', 'E']);
    for (const { message } of beats) {
      expect(message).toMatchObject({ term: 3, leaderId: 'A', prevLogIndex: 2, prevLogTerm: 2, entries: [] });
    }
    expect(node.state.nextIndex).toEqual({ B: 3, C: 3, D: 3, E: 3 });
    expect(node.state.matchIndex).toEqual({ B: 0, C: 0, D: 0, E: 0 });
    expect(out.timers).toContainEqual({ timer: 'heartbeat', after: 50 });
  });

  it('after a split vote the next election timeout starts a new election with a higher term', () => {
    const node = makeNode('A', { cluster: ['A', 'B', 'C', 'D'] });
    start(node);
    timeout(node);
    receive(node, 'B', voteReply(1, true));
    receive(node, 'C', voteReply(1, false));
    receive(node, 'D', voteReply(1, false));
    expect(node.state.role).toBe('candidate');
    const out = timeout(node);
    expect(node.state.role).toBe('candidate');
    expect(node.state.currentTerm).toBe(2);
    expect(node.state.votedFor).toBe('A');
    expect(messagesOf(out, 'RequestVote').map((m) => m.message.term)).toEqual([2, 2, 2]);
    // Votes of the lost election do not carry over.
    receive(node, 'B', voteReply(2, true));
    expect(node.state.role).toBe('candidate');
  });
});

describe('Figure 2, all servers: term rules', () => {
  const higher: [string, RaftMessage][] = [
    ['RequestVote', voteRequest(9, 'C', 0, 0)],
    ['RequestVoteReply', voteReply(9, false)],
    ['AppendEntries', appendEntries(9, 'C', 0, 0, [])],
    ['AppendEntriesReply', appendReply(9, false)],
  ];
  const roles: [string, () => RaftNode][] = [
    ['follower', () => makeNode('A', { cluster: FIVE, persistent: persistent(5, [], 'B') })],
    [
      'candidate',
      () => {
        const n = makeNode('A', { cluster: FIVE, persistent: persistent(4) });
        timeout(n);
        return n;
      },
    ],
    ['leader', () => leaderOf(5)],
  ];
  for (const [roleName, make] of roles) {
    for (const [kind, message] of higher) {
      it(`a ${roleName} that receives ${kind} with a higher term adopts it, clears votedFor and follows`, () => {
        const node = make();
        receive(node, 'C', message);
        expect(node.state.currentTerm).toBe(9);
        expect(node.state.role).toBe('follower');
        // Only a RequestVote may be granted right away, which sets votedFor again to the sender.
        expect(node.state.votedFor).toBe(kind === 'RequestVote' ? 'C' : null);
      });
    }
  }

  it('a leader that steps down for a higher term stops its heartbeats and runs an election timer', () => {
    const node = leaderOf(5);
    const out = receive(node, 'B', appendReply(7, false));
    expect(node.state.role).toBe('follower');
    expect(out.timers).toContainEqual({ timer: 'heartbeat', stop: true });
    expect(armsElectionTimer(out)).toBe(true);
  });

  it('a request with a stale term is refused and changes nothing', () => {
    const node = makeNode('A', { cluster: FIVE, persistent: persistent(5, [1, 5], 'B') });
    start(node);
    const before = structuredClone(node.state);
    const voteOut = receive(node, 'C', voteRequest(4, 'C', 9, 4));
    expect(messageTo(voteOut, 'C', 'RequestVoteReply')).toMatchObject({ term: 5, voteGranted: false });
    const appendOut = receive(node, 'C', appendEntries(4, 'C', 2, 5, [5], 2));
    expect(messageTo(appendOut, 'C', 'AppendEntriesReply')).toMatchObject({ term: 5, success: false });
    // The refusal says both terms, so the view can show why without looking the follower's term up.
    expect(eventsOf(appendOut, 'appendRefused')[0]).toMatchObject({ reason: 'stale-term', term: 4, currentTerm: 5 });
    expect(node.state).toEqual(before);
    // A stale message is not from the current leader: it does not postpone an election.
    expect(armsElectionTimer(voteOut) || armsElectionTimer(appendOut)).toBe(false);
  });

  it('a stale reply changes nothing on a leader', () => {
    const node = leaderOf(5, [1]);
    const before = structuredClone(node.state);
    receive(node, 'B', appendReply(4, true, 1));
    receive(node, 'C', appendReply(4, false));
    expect(node.state).toEqual(before);
  });

  it('a candidate that receives AppendEntries of its own term becomes a follower of that leader', () => {
    const node = makeNode('A', { cluster: FIVE });
    start(node);
    timeout(node);
    const out = receive(node, 'B', appendEntries(1, 'B', 0, 0, []));
    expect(node.state.role).toBe('follower');
    expect(node.state.currentTerm).toBe(1);
    expect(node.state.leaderId).toBe('B');
    expect(messageTo(out, 'B', 'AppendEntriesReply').success).toBe(true);
  });
});

describe('Figure 2, RequestVote receiver', () => {
  it('grants one vote per term, first come first served', () => {
    const node = makeNode('A', { cluster: FIVE });
    start(node);
    const first = receive(node, 'B', voteRequest(1, 'B', 0, 0));
    expect(messageTo(first, 'B', 'RequestVoteReply').voteGranted).toBe(true);
    const second = receive(node, 'C', voteRequest(1, 'C', 0, 0));
    expect(messageTo(second, 'C', 'RequestVoteReply').voteGranted).toBe(false);
    expect(node.state.votedFor).toBe('B');
    // The same candidate asking again (a lost reply) gets the same answer.
    const again = receive(node, 'B', voteRequest(1, 'B', 0, 0));
    expect(messageTo(again, 'B', 'RequestVoteReply').voteGranted).toBe(true);
    // A new term is a new vote.
    const next = receive(node, 'C', voteRequest(2, 'C', 0, 0));
    expect(messageTo(next, 'C', 'RequestVoteReply').voteGranted).toBe(true);
  });

  it('§5.4.1: a candidate whose last entry has a higher term is up to date even with a shorter log', () => {
    const node = makeNode('A', { cluster: FIVE, persistent: persistent(3, [1, 1, 1, 2, 2]) });
    start(node);
    const out = receive(node, 'B', voteRequest(4, 'B', 2, 3));
    expect(messageTo(out, 'B', 'RequestVoteReply').voteGranted).toBe(true);
  });

  it('§5.4.1: a candidate whose last entry has a lower term is refused even with a longer log', () => {
    const node = makeNode('A', { cluster: FIVE, persistent: persistent(3, [1, 3]) });
    start(node);
    const out = receive(node, 'B', voteRequest(4, 'B', 9, 2));
    expect(messageTo(out, 'B', 'RequestVoteReply').voteGranted).toBe(false);
    expect(eventsOf(out, 'voteRefused')[0]?.reason).toBe('log-not-up-to-date');
    // The event carries the values compared, for the UI to show the rule evaluated.
    expect(eventsOf(out, 'voteRefused')[0]?.check).toEqual({
      votedFor: null,
      voterTerm: 4,
      voterLastLogTerm: 3,
      voterLastLogIndex: 2,
      candidateLastLogTerm: 2,
      candidateLastLogIndex: 9,
      candidateUpToDate: false,
    });
    // Refusing for the log does not spend the vote of the term.
    expect(node.state.votedFor).toBe(null);
  });

  it('§5.4.1: with equal last terms the candidate needs a log at least as long', () => {
    const shorter = makeNode('A', { cluster: FIVE, persistent: persistent(2, [1, 2, 2]) });
    start(shorter);
    expect(messageTo(receive(shorter, 'B', voteRequest(3, 'B', 2, 2)), 'B', 'RequestVoteReply').voteGranted).toBe(
      false,
    );
    const equal = makeNode('A', { cluster: FIVE, persistent: persistent(2, [1, 2, 2]) });
    start(equal);
    expect(messageTo(receive(equal, 'B', voteRequest(3, 'B', 3, 2)), 'B', 'RequestVoteReply').voteGranted).toBe(true);
    const longer = makeNode('A', { cluster: FIVE, persistent: persistent(2, [1, 2, 2]) });
    start(longer);
    expect(messageTo(receive(longer, 'B', voteRequest(3, 'B', 4, 2)), 'B', 'RequestVoteReply').voteGranted).toBe(true);
  });

  it('§5.2: granting a vote resets the election timer, refusing one does not', () => {
    const node = makeNode('A', { cluster: FIVE, persistent: persistent(1, [1]) });
    start(node);
    expect(armsElectionTimer(receive(node, 'B', voteRequest(2, 'B', 1, 1)))).toBe(true);
    expect(armsElectionTimer(receive(node, 'C', voteRequest(2, 'C', 1, 1)))).toBe(false); // already voted
    expect(armsElectionTimer(receive(node, 'D', voteRequest(3, 'D', 0, 0)))).toBe(false); // log behind
  });
});

describe('Figure 2 and §5.3, AppendEntries receiver', () => {
  function follower(terms: number[], currentTerm = Math.max(0, ...terms)): RaftNode {
    const node = makeNode('B', { cluster: FIVE, persistent: persistent(currentTerm, terms) });
    start(node);
    return node;
  }

  it('AppendEntries from the leader resets the election timer, even when refused for a mismatch', () => {
    const node = follower([1]);
    expect(armsElectionTimer(receive(node, 'A', appendEntries(1, 'A', 1, 1, [])))).toBe(true);
    const refused = receive(node, 'A', appendEntries(1, 'A', 5, 1, [1]));
    expect(messageTo(refused, 'A', 'AppendEntriesReply').success).toBe(false);
    expect(armsElectionTimer(refused)).toBe(true);
  });

  it('refuses when its log has no entry at prevLogIndex', () => {
    const node = follower([1, 1]);
    const out = receive(node, 'A', appendEntries(2, 'A', 3, 1, [2]));
    expect(messageTo(out, 'A', 'AppendEntriesReply')).toMatchObject({ term: 2, success: false });
    expect(eventsOf(out, 'appendRefused')[0]?.reason).toBe('missing-entry');
    expect(termsOf(node.state.log)).toEqual([1, 1]);
  });

  it('refuses when the entry at prevLogIndex has another term than prevLogTerm', () => {
    const node = follower([1, 1, 2]);
    const out = receive(node, 'A', appendEntries(3, 'A', 3, 3, [3]));
    expect(messageTo(out, 'A', 'AppendEntriesReply')).toMatchObject({ term: 3, success: false });
    expect(eventsOf(out, 'appendRefused')[0]?.reason).toBe('term-mismatch');
    expect(termsOf(node.state.log)).toEqual([1, 1, 2]);
  });

  it('deletes a conflicting entry and all that follow it, then appends the new entries', () => {
    const node = follower([1, 1, 2, 2, 2]);
    const out = receive(node, 'A', appendEntries(3, 'A', 2, 1, [3, 3]));
    expect(termsOf(node.state.log)).toEqual([1, 1, 3, 3]);
    expect(eventsOf(out, 'entriesTruncated')[0]).toMatchObject({ fromIndex: 3 });
    expect(messageTo(out, 'A', 'AppendEntriesReply')).toMatchObject({ success: true, matchIndex: 4 });
  });

  it('a late, shorter AppendEntries whose entries already match never truncates the log', () => {
    const node = follower([1]);
    receive(node, 'A', appendEntries(1, 'A', 1, 1, [1, 1, 1]));
    expect(termsOf(node.state.log)).toEqual([1, 1, 1, 1]);
    // An earlier message carrying only entry 2 arrives after the longer one.
    const out = receive(node, 'A', appendEntries(1, 'A', 1, 1, [1]));
    expect(termsOf(node.state.log)).toEqual([1, 1, 1, 1]);
    expect(eventsOf(out, 'entriesTruncated')).toEqual([]);
    // It vouches only for what it carried.
    expect(messageTo(out, 'A', 'AppendEntriesReply')).toMatchObject({ success: true, matchIndex: 2 });
  });

  it('sets commitIndex to min(leaderCommit, index of the last new entry)', () => {
    // The follower holds a stale entry 4 the leader has not vouched for yet.
    const node = follower([1, 1, 1, 1], 1);
    receive(node, 'A', appendEntries(2, 'A', 1, 1, [1], 4));
    expect(node.state.commitIndex).toBe(2);
    receive(node, 'A', appendEntries(2, 'A', 3, 1, [], 2));
    expect(node.state.commitIndex).toBe(2);
    receive(node, 'A', appendEntries(2, 'A', 3, 1, [], 9));
    expect(node.state.commitIndex).toBe(3);
    // Committed entries are applied in order to the state machine.
    expect(node.state.lastApplied).toBe(3);
    expect(node.state.kv.data).toEqual({ x1: '1', x2: '1', x3: '1' });
  });
});

describe('§5.3 leader: log repair', () => {
  it('backs nextIndex up by one per refusal until the logs match, then overwrites the follower', () => {
    const a = makeNode('A', { cluster: ['A', 'B', 'C'], persistent: persistent(3, [1, 1, 3, 3]) });
    const b = makeNode('B', { cluster: ['A', 'B', 'C'], persistent: persistent(2, [1, 2, 2, 2, 2]) });
    const c = makeNode('C', { cluster: ['A', 'B', 'C'] });
    const net = new Router([a, b, c]);
    net.fire('A', 'election');
    net.deliverAll();
    expect(a.state.role).toBe('leader');
    const backups = net.eventsOf('nextIndexBackedUp', 'A').filter((e) => e.follower === 'B');
    // nextIndex starts at 5 and must reach 2 (entry 1 is the last that matches): 5→4→3→2.
    expect(backups.map((e) => [e.from, e.to])).toEqual([
      [5, 4],
      [4, 3],
      [3, 2],
    ]);
    expect(termsOf(b.state.log)).toEqual([1, 1, 3, 3]);
    expect(b.state.log.held()).toEqual(a.state.log.held());
  });

  it('with fastBackup the leader skips a whole conflicting term per refusal', () => {
    const a = makeNode('A', {
      cluster: ['A', 'B', 'C'],
      persistent: persistent(3, [1, 1, 3, 3, 3, 3]),
      options: { fastBackup: true },
    });
    const b = makeNode('B', { cluster: ['A', 'B', 'C'], persistent: persistent(2, [1, 2, 2, 2, 2, 2, 2]) });
    const c = makeNode('C', { cluster: ['A', 'B', 'C'] });
    const net = new Router([a, b, c]);
    net.fire('A', 'election');
    net.deliverAll();
    const backups = net.eventsOf('nextIndexBackedUp', 'A').filter((e) => e.follower === 'B');
    // One refusal names term 2, which the leader lacks, so nextIndex jumps to its first index.
    expect(backups.map((e) => [e.from, e.to])).toEqual([[7, 2]]);
    expect(b.state.log.held()).toEqual(a.state.log.held());
  });

  it('a late or duplicated success reply sends nothing new (no message storm)', () => {
    const node = leaderOf(4, [1, 2]);
    propose(node, 'set y 4');
    const first = receive(node, 'B', appendReply(4, true, 1, 0));
    // B matched only up to 1: the leader sends it the rest at once.
    expect(messagesOf(first, 'AppendEntries').length).toBe(1);
    const again = receive(node, 'B', appendReply(4, true, 1, 0));
    expect(messagesOf(again, 'AppendEntries')).toEqual([]);
    expect(node.state.matchIndex.B).toBe(1);
  });

  it('only the refusal of the latest probe backs nextIndex up; an older refusal changes nothing', () => {
    const node = leaderOf(4, [1, 2]);
    // nextIndex for B starts at 3: the latest probe has prevLogIndex 2.
    receive(node, 'B', appendReply(4, false, 0, 2));
    expect(node.state.nextIndex.B).toBe(2);
    // A second refusal of the same (now old) probe must not back up again.
    const out = receive(node, 'B', appendReply(4, false, 0, 2));
    expect(node.state.nextIndex.B).toBe(2);
    expect(messagesOf(out, 'AppendEntries')).toEqual([]);
  });

  it('§5.4.2: a leader does not commit an entry of an earlier term by counting replicas', () => {
    const node = leaderOf(4, [1, 2]);
    receive(node, 'B', appendReply(4, true, 2));
    receive(node, 'C', appendReply(4, true, 2));
    receive(node, 'D', appendReply(4, true, 2));
    // Entry 2 (term 2) is on four of five servers, yet Figure 8 shows it could still be overwritten.
    expect(node.state.commitIndex).toBe(0);
  });

  it('§5.4.2: the earlier entries commit once an entry of the current term above them is on a majority', () => {
    const node = leaderOf(4, [1, 2]);
    const { answer } = propose(node, 'set y 4');
    expect(answer).toEqual({ requestId: undefined, outcome: 'accepted', index: 3, term: 4 });
    receive(node, 'B', appendReply(4, true, 3));
    expect(node.state.commitIndex).toBe(0);
    receive(node, 'C', appendReply(4, true, 3));
    expect(node.state.commitIndex).toBe(3);
    expect(node.state.kv.data).toEqual({ x1: '1', x2: '2', y: '4' });
  });

  it('with unsafe.commitPreviousTerms the leader does commit an earlier-term entry by counting replicas', () => {
    const node = leaderOf(4, [1, 2], { unsafe: { commitPreviousTerms: true } });
    receive(node, 'B', appendReply(4, true, 2));
    receive(node, 'C', appendReply(4, true, 2));
    expect(node.state.commitIndex).toBe(2);
  });
});

describe('§4 / §8 client proposals', () => {
  it('a leader appends a valid command to its log, uncommitted, and sends it to every follower', () => {
    const node = leaderOf(1);
    const { answer, out } = propose(node, 'set x 1');
    expect(answer).toEqual({ requestId: undefined, outcome: 'accepted', index: 1, term: 1 });
    expect(node.state.commitIndex).toBe(0);
    for (const { message } of messagesOf(out, 'AppendEntries')) {
      expect(message.entries).toEqual([{ term: 1, command: 'set x 1' }]);
    }
  });

  it('an invalid command is refused before it enters any log', () => {
    const node = leaderOf(1);
    for (const command of ['', 'frobnicate x', 'set x', 'del', 'get a b']) {
      const { answer, out } = propose(node, command);
      expect(answer.outcome).toBe('invalidCommand');
      expect(out.messages).toEqual([]);
    }
    expect(node.state.log.held()).toEqual([]);
  });

  it('a follower refuses a proposal and names the leader it knows', () => {
    const node = makeNode('B', { cluster: FIVE });
    start(node);
    expect(propose(node, 'set x 1', 7).answer).toEqual({ requestId: 7, outcome: 'notLeader', leaderHint: null });
    receive(node, 'A', appendEntries(1, 'A', 0, 0, []));
    expect(propose(node, 'set x 1', 8).answer).toEqual({ requestId: 8, outcome: 'notLeader', leaderHint: 'A' });
    expect(node.state.log.held()).toEqual([]);
  });
});

describe('options', () => {
  it('preVote: a pre-candidate asks for term+1 without raising its term, and voters keep theirs', () => {
    const a = makeNode('A', { cluster: ['A', 'B', 'C'], persistent: persistent(3), options: { preVote: true } });
    const b = makeNode('B', { cluster: ['A', 'B', 'C'], persistent: persistent(3), options: { preVote: true } });
    start(a);
    start(b);
    const out = timeout(a);
    expect(a.state.currentTerm).toBe(3);
    expect(a.state.votedFor).toBe(null);
    expect(a.state.role).toBe('preCandidate');
    const ask = messageTo(out, 'B', 'PreVote');
    expect(ask).toMatchObject({ term: 4 });
    const reply = receive(b, 'A', ask);
    expect(b.state.currentTerm).toBe(3);
    expect(b.state.votedFor).toBe(null);
    // The reply echoes the round's term, and says the voter's own.
    expect(messageTo(reply, 'A', 'PreVoteReply')).toEqual({
      type: 'PreVoteReply',
      term: 4,
      voteGranted: true,
      voterTerm: 3,
    });
    // With the pre-vote won (2 of 3), the real election raises the term.
    const real = receive(a, 'B', messageTo(reply, 'A', 'PreVoteReply'));
    expect(a.state.currentTerm).toBe(4);
    expect(a.state.role).toBe('candidate');
    expect(eventsOf(real, 'electionStarted')).toEqual([
      { type: 'electionStarted', term: 4, preVote: false, cause: 'preVoteWon', voters: ['A', 'B', 'C'] },
    ]);
    expect(messageTo(real, 'B', 'RequestVote')).toMatchObject({ term: 4 });
  });

  it('preVote: a node that still hears from its leader refuses the pre-vote', () => {
    const b = makeNode('B', { cluster: ['A', 'B', 'C'], persistent: persistent(3), options: { preVote: true } });
    start(b);
    receive(b, 'A', appendEntries(3, 'A', 0, 0, []));
    const out = receive(b, 'C', { ...voteRequest(4, 'C', 0, 0), type: 'PreVote' });
    expect(messageTo(out, 'C', 'PreVoteReply').voteGranted).toBe(false);
    expect(eventsOf(out, 'voteRefused')[0]?.reason).toBe('leader-alive');
    expect(b.state.currentTerm).toBe(3);
  });

  it('preVote: a candidate whose election timed out counts no late real vote towards its new pre-vote round', () => {
    const a = makeNode('A', { cluster: FIVE, options: { preVote: true } });
    start(a);
    timeout(a);
    receive(a, 'B', preVoteReply(1, true));
    receive(a, 'C', preVoteReply(1, true));
    expect(a.state.role).toBe('candidate');
    expect(a.state.currentTerm).toBe(1);
    // The term-1 election times out before any real vote comes back: a new pre-vote round (for term 2) begins.
    timeout(a);
    receive(a, 'D', preVoteReply(2, true));
    // B's real vote for term 1 arrives late. With D's pre-vote that makes three names, but only A and B
    // voted for A in term 1: 2 of 5. Counting it would let C, D and E elect another leader of term 1.
    receive(a, 'B', voteReply(1, true));
    expect(a.state.role).not.toBe('leader');
  });

  it('preVote: an isolated node keeps timing out without its term climbing', () => {
    const e = makeNode('E', { cluster: FIVE, persistent: persistent(2), options: { preVote: true } });
    start(e);
    for (let i = 0; i < 5; i++) timeout(e);
    expect(e.state.currentTerm).toBe(2);
    expect(e.state.role).toBe('preCandidate');
  });

  it('checkQuorum: a leader that heard from no majority during an election timeout steps down', () => {
    const node = leaderOf(2, [], { options: { checkQuorum: true } });
    receive(node, 'B', appendReply(2, true));
    const out = timeout(node);
    expect(node.state.role).toBe('follower');
    expect(node.state.currentTerm).toBe(2);
    expect(eventsOf(out, 'steppedDown')).toEqual([{ type: 'steppedDown', reason: 'lost-quorum' }]);
  });

  it('checkQuorum: a leader that heard from a majority stays leader', () => {
    const node = leaderOf(2, [], { options: { checkQuorum: true } });
    receive(node, 'B', appendReply(2, true));
    receive(node, 'C', appendReply(2, true));
    timeout(node);
    expect(node.state.role).toBe('leader');
    // The count starts again: the next check needs fresh replies.
    timeout(node);
    expect(node.state.role).toBe('follower');
  });

  it('checkQuorum switched on for a sitting leader starts its check at once; switched off, stops it', () => {
    const node = leaderOf(2);
    const on = node.step({ kind: 'setOptions', ...optionsOf({ checkQuorum: true }) });
    expect(armsElectionTimer(on)).toBe(true);
    timeout(node);
    expect(node.state.role).toBe('follower');

    const other = leaderOf(2, [], { options: { checkQuorum: true } });
    const off = other.step({ kind: 'setOptions', ...optionsOf({}) });
    expect(off.timers).toContainEqual({ timer: 'election', stop: true });
  });

  it('leaderNoop: a new leader appends an empty entry of its term, so earlier entries commit with it', () => {
    const node = leaderOf(3, [1, 2], { options: { leaderNoop: true } });
    expect(node.state.log.entry(3)).toEqual({ term: 3, command: '', noop: true });
    receive(node, 'B', appendReply(3, true, 3));
    receive(node, 'C', appendReply(3, true, 3));
    expect(node.state.commitIndex).toBe(3);
  });

  it('without leaderNoop a new leader appends nothing', () => {
    const node = leaderOf(3, [1, 2]);
    expect(termsOf(node.state.log)).toEqual([1, 2]);
  });
});

it('a one-node cluster elects itself and commits alone', () => {
  const node = makeNode('A', { cluster: ['A'] });
  start(node);
  timeout(node);
  expect(node.state.role).toBe('leader');
  propose(node, 'set x 1');
  expect(node.state.commitIndex).toBe(1);
});
