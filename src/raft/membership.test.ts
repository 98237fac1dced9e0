// Membership changes against the Raft paper §6 (Figure 11) and Ongaro's dissertation §4:
// configurations live in the log and are used at once, one server at a time or by joint
// consensus, new servers catch up as learners, a removed leader steps down once C_new commits.

import { describe, expect, it } from 'vitest';
import { RaftLog } from './log';
import { configurationInForce, decideChange, learnerProgress, type ChangeContext } from './membership';
import type { Configuration, LogEntry, NodeId, RaftOptions, UnsafeSwitches } from './types';
import { SAFE_SWITCHES } from './types';
import { logOf, makeNode, persistent, receive, Router, timeout } from './test-helpers';

const ABC: Configuration = { voters: ['A', 'B', 'C'], learners: [] };

function configEntry(term: number, voters: NodeId[], old?: NodeId[]): LogEntry {
  return { term, command: '', config: old === undefined ? { voters } : { voters, old } };
}

function context(overrides: Partial<ChangeContext> = {}): ChangeContext {
  return {
    configuration: ABC,
    configIndex: 0,
    commitIndex: 1,
    committedTerm: 1,
    currentTerm: 1,
    mode: 'single',
    unsafe: SAFE_SWITCHES,
    pending: null,
    ...overrides,
  };
}

/** A cluster of `members` voters plus spares, everything delivered at once; `A` is elected and commits its no-op. */
function cluster(
  members: NodeId[],
  spares: NodeId[],
  options: Partial<RaftOptions> = {},
  unsafe: Partial<UnsafeSwitches> = {},
): Router {
  const setup = { cluster: members, options: { leaderNoop: true, ...options }, unsafe };
  const router = new Router([...members, ...spares].map((id) => makeNode(id, setup)));
  router.fire('A', 'election');
  router.deliverAll();
  expect(router.node('A').state.role).toBe('leader');
  return router;
}

describe('§6: the configuration in force is the latest one in the log, committed or not', () => {
  it('takes the latest configuration entry, even uncommitted', () => {
    const log = new RaftLog([...logOf(1), configEntry(1, ['A', 'B', 'C', 'D']), ...logOf(1, 1)]);
    expect(configurationInForce(log, ABC)).toEqual({
      configuration: { voters: ['A', 'B', 'C', 'D'], learners: [] },
      index: 2,
    });
  });

  it("falls back on the snapshot's configuration, then on the initial one", () => {
    const snapshotConfiguration: Configuration = { voters: ['B', 'C', 'D'], learners: [] };
    const log = new RaftLog(logOf(1, 1));
    expect(configurationInForce(log, ABC, snapshotConfiguration).configuration).toBe(snapshotConfiguration);
    expect(configurationInForce(log, ABC).configuration).toBe(ABC);
  });

  it('a node boots with the configuration of its log', () => {
    const node = makeNode('D', {
      cluster: ['A', 'B', 'C'],
      persistent: { currentTerm: 1, votedFor: null, log: new RaftLog([configEntry(1, ['A', 'B', 'C', 'D'])]) },
    });
    expect(node.state.configuration.voters).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a follower uses a configuration entry as soon as it appends it, and a truncation rolls it back', () => {
    const node = makeNode('B', { cluster: ['A', 'B', 'C'], persistent: persistent(1, [1]) });
    const append = (term: number, entries: LogEntry[]): void => {
      receive(node, term === 1 ? 'A' : 'C', {
        type: 'AppendEntries',
        term,
        leaderId: term === 1 ? 'A' : 'C',
        prevLogIndex: 1,
        prevLogTerm: 1,
        entries,
        leaderCommit: 1,
      });
    };
    append(1, [configEntry(1, ['A', 'B', 'C', 'D'])]);
    expect(node.state.configuration.voters).toEqual(['A', 'B', 'C', 'D']);
    // A leader of term 2 never had that entry: it overwrites index 2, and the old configuration is back.
    append(2, logOf(2));
    expect(node.state.configuration.voters).toEqual(['A', 'B', 'C']);
  });
});

describe('§6 with §7: a snapshot keeps the configuration in force at its last included index', () => {
  /** A leads {A,B,C} and has committed its no-op (index 1); B and C then hear nothing from it. */
  function cutOffLeader(): Router {
    const router = cluster(['A', 'B', 'C'], []);
    router.down.add('B');
    router.down.add('C');
    return router;
  }

  it('a snapshot taken below an uncommitted configuration entry stores the configuration before it', () => {
    const router = cutOffLeader();
    router.change('A', [], ['C']); // C_new = {A,B} at index 2, uncommitted, and in force at once.
    const a = router.node('A').state;
    expect(a.configuration.voters).toEqual(['A', 'B']);
    router.step('A', { kind: 'snapshot' });
    expect(a.snapshot?.lastIncludedIndex).toBe(1);
    // Index 1 was written under {A,B,C}: C_new is not part of what the snapshot covers.
    expect(a.snapshot?.configuration.voters).toEqual(['A', 'B', 'C']);
  });

  it('so a truncation of that entry rolls the configuration back to the one before it, not to the lost entry', () => {
    const router = cutOffLeader();
    router.change('A', [], ['C']);
    router.step('A', { kind: 'snapshot' });
    // B, elected in term 2 without the entry, overwrites index 2 (Figure 7's repair).
    const a = router.node('A');
    receive(a, 'B', {
      type: 'AppendEntries',
      term: 2,
      leaderId: 'B',
      prevLogIndex: 1,
      prevLogTerm: 1,
      entries: logOf(2),
      leaderCommit: 1,
    });
    expect(a.state.log.term(2)).toBe(2);
    expect(a.state.configuration.voters).toEqual(['A', 'B', 'C']);
  });
});

describe('dissertation §4.1: which change requests a leader accepts', () => {
  it('single mode: one server at a time', () => {
    expect(decideChange(['D', 'E'], [], context())).toEqual({ kind: 'refuse', reason: 'one-server-at-a-time' });
    expect(decideChange(['D'], ['A'], context())).toEqual({ kind: 'refuse', reason: 'one-server-at-a-time' });
    expect(decideChange(['D'], [], context())).toEqual({
      kind: 'accept',
      target: ['A', 'B', 'C', 'D'],
      learners: ['D'],
    });
    expect(decideChange([], ['A'], context())).toEqual({ kind: 'accept', target: ['B', 'C'], learners: [] });
  });

  it('the 2015 correction: not before the leader has committed an entry of its term', () => {
    const fresh = context({ currentTerm: 2, committedTerm: 1 });
    expect(decideChange(['D'], [], fresh)).toEqual({ kind: 'refuse', reason: 'term-not-committed' });
    const unsafe = context({
      currentTerm: 2,
      committedTerm: 1,
      unsafe: { ...SAFE_SWITCHES, changeBeforeTermCommit: true },
    });
    expect(decideChange(['D'], [], unsafe).kind).toBe('accept');
  });

  it('no change while an earlier one is uncommitted', () => {
    const uncommitted = context({ configIndex: 3, commitIndex: 2 });
    expect(decideChange(['D'], [], uncommitted)).toEqual({ kind: 'refuse', reason: 'change-in-progress' });
  });

  it('joint mode: any change; the last voter cannot go; a node cannot be both added and removed', () => {
    expect(decideChange(['D', 'E'], ['A', 'B'], context({ mode: 'joint' })).kind).toBe('accept');
    expect(decideChange([], ['A', 'B', 'C'], context({ mode: 'joint' }))).toEqual({
      kind: 'refuse',
      reason: 'no-voters-left',
    });
    expect(decideChange(['D'], ['D'], context())).toEqual({ kind: 'refuse', reason: 'add-and-remove' });
  });

  it('a retried request finds its change done or under way', () => {
    const done: Configuration = { voters: ['A', 'B', 'C', 'D'], learners: [] };
    expect(decideChange(['D'], [], context({ configuration: done, configIndex: 1 }))).toEqual({ kind: 'done' });
    expect(decideChange(['D'], [], context({ configuration: done, configIndex: 2 }))).toEqual({ kind: 'wait' });
  });
});

describe('dissertation §4.2.1: a new server catches up as a learner before it votes', () => {
  it('is caught up when, at the end of a round, what is missing fits in one AppendEntries', () => {
    expect(learnerProgress(5, 10, 12, 10)).toBe('pending');
    expect(learnerProgress(10, 10, 15, 10)).toBe('caughtUp');
    expect(learnerProgress(10, 10, 40, 10)).toBe('newRound');
  });

  it('adds D: the leader replicates to D, then appends C_new = {A,B,C,D}, which every node uses', () => {
    const router = cluster(['A', 'B', 'C'], ['D']);
    router.propose('A', 'set x 1');
    router.deliverAll();
    router.change('A', ['D'], [], 7);
    expect(router.eventsOf('catchUpStarted', 'A')).toEqual([{ type: 'catchUpStarted', learners: ['D'], lastIndex: 2 }]);
    expect(router.node('A').state.configuration.learners).toEqual(['D']);
    router.deliverAll();
    expect(router.eventsOf('learnerCaughtUp', 'A').map((e) => e.learner)).toEqual(['D']);
    const a = router.node('A').state;
    expect(a.log.entry(3)?.config).toEqual({ voters: ['A', 'B', 'C', 'D'] });
    expect(a.commitIndex).toBe(3);
    for (const id of ['A', 'B', 'C', 'D']) {
      expect(router.node(id).state.configuration).toEqual({ voters: ['A', 'B', 'C', 'D'], learners: [] });
    }
    expect(router.answers).toContainEqual({
      node: 'A',
      answer: { requestId: 7, outcome: 'applied', index: 3, result: 'configuration changed' },
    });
  });

  it('a learner caught up by a snapshot alone (§7) is promoted too', () => {
    // Every applied entry is compacted, so D can only receive the log as InstallSnapshot, and
    // nothing is left for an AppendEntries reply to report.
    const router = cluster(['A', 'B', 'C'], ['D'], { snapshotThreshold: 1 });
    router.propose('A', 'set x 1');
    router.deliverAll();
    expect(router.node('A').state.log.lastIndex()).toBe(router.node('A').state.snapshot?.lastIncludedIndex);
    router.change('A', ['D'], [], 7);
    router.deliverAll();
    expect(router.eventsOf('snapshotAcknowledged', 'A').map((e) => e.follower)).toContain('D');
    expect(router.eventsOf('learnerCaughtUp', 'A').map((e) => e.learner)).toEqual(['D']);
    expect(router.node('D').state.configuration).toEqual({ voters: ['A', 'B', 'C', 'D'], learners: [] });
    expect(router.answers.map((a) => a.answer)).toContainEqual(
      expect.objectContaining({ requestId: 7, outcome: 'applied', result: 'configuration changed' }),
    );
  });

  it('a learner never campaigns, and a server in no configuration neither', () => {
    const router = cluster(['A', 'B', 'C'], ['D', 'E']);
    router.down.add('B'); // Catch-up of D stays open long enough to try.
    router.change('A', ['D'], [], 1);
    router.fire('D', 'election');
    router.fire('E', 'election');
    expect(router.eventsOf('electionStarted', 'D')).toEqual([]);
    expect(router.eventsOf('electionStarted', 'E')).toEqual([]);
  });

  it('refuses a second change while the first is catching up, with the reason as an event', () => {
    const router = cluster(['A', 'B', 'C'], ['D', 'E']);
    router.change('A', ['D'], []);
    router.change('A', ['E'], []);
    expect(router.eventsOf('changeRefused', 'A').map((e) => e.reason)).toEqual(['change-in-progress']);
  });

  it('a follower answers a change request with the leader it knows', () => {
    const router = cluster(['A', 'B', 'C'], ['D']);
    router.change('B', ['D'], [], 3);
    expect(router.answers).toContainEqual({
      node: 'B',
      answer: { requestId: 3, outcome: 'notLeader', leaderHint: 'A' },
    });
  });
});

describe('§6: removing servers', () => {
  it('removing the leader: it leads without counting itself until C_new commits, then steps down', () => {
    const router = cluster(['A', 'B', 'C'], []);
    router.change('A', [], ['A']);
    const a = router.node('A').state;
    expect(a.configuration.voters).toEqual(['B', 'C']);
    expect(a.role).toBe('leader');
    router.deliverAll();
    expect(router.eventsOf('steppedDown', 'A')).toEqual([{ type: 'steppedDown', reason: 'removed' }]);
    expect(a.role).toBe('follower');
    expect(a.commitIndex).toBe(2);
    // In no configuration now: its timer never starts an election.
    const elections = router.eventsOf('electionStarted', 'A').length;
    router.fire('A', 'election');
    expect(router.eventsOf('electionStarted', 'A')).toHaveLength(elections);
    // B and C elect a leader among themselves.
    router.fire('B', 'election');
    router.deliverAll();
    expect(router.node('B').state.role).toBe('leader');
  });

  it('a removed server keeps receiving the log until the removal commits, so it learns it is out', () => {
    const router = cluster(['A', 'B', 'C'], []);
    router.change('A', [], ['C']);
    router.deliverAll();
    expect(router.node('C').state.configuration.voters).toEqual(['A', 'B']);
    router.fire('C', 'election');
    expect(router.eventsOf('electionStarted', 'C')).toEqual([]);
  });

  it('dissertation §4.2.3 with checkQuorum: a server that hears from a leader ignores a newer-term RequestVote', () => {
    const router = cluster(['A', 'B', 'C'], [], { checkQuorum: true });
    const b = router.node('B');
    receive(b, 'C', { type: 'RequestVote', term: 9, candidateId: 'C', lastLogIndex: 9, lastLogTerm: 9 });
    expect(b.state.currentTerm).toBe(1);
    expect(router.node('A').state.role).toBe('leader');
  });

  it('without preVote or checkQuorum, a removed server that missed C_new deposes the leader (§6)', () => {
    const router = cluster(['A', 'B', 'C'], []);
    router.down.add('C');
    router.change('A', [], ['C']);
    router.deliverAll();
    router.down.delete('C');
    const c = router.node('C');
    timeout(c); // Still in its old configuration, it campaigns: term 2.
    const vote = { type: 'RequestVote', term: 2, candidateId: 'C', lastLogIndex: 1, lastLogTerm: 1 } as const;
    receive(router.node('A'), 'C', vote);
    expect(router.node('A').state.role).toBe('follower');
  });
});

describe('§6 and Figure 11: joint consensus', () => {
  it('replaces A,B with D,E through C_old,new, then C_new', () => {
    const router = cluster(['A', 'B', 'C'], ['D', 'E'], { membership: 'joint' });
    router.change('A', ['D', 'E'], ['A', 'B'], 5);
    router.deliverAll();
    const log = router.node('A').state.log;
    const configs = log.held().flatMap((e) => (e.config ? [e.config] : []));
    expect(configs).toEqual([{ voters: ['C', 'D', 'E'], old: ['A', 'B', 'C'] }, { voters: ['C', 'D', 'E'] }]);
    expect(router.eventsOf('configurationChanged', 'A').map((e) => e.cause)).toEqual([
      'learners',
      'change',
      'jointCommitted',
    ]);
    expect(router.node('A').state.role).toBe('follower');
    expect(router.node('C').state.configuration).toEqual({ voters: ['C', 'D', 'E'], learners: [] });
  });

  it('with unsafe.directMembershipChange, the same change goes straight to C_new (Figure 10)', () => {
    const router = cluster(['A', 'B', 'C'], ['D', 'E'], { membership: 'joint' }, { directMembershipChange: true });
    router.change('A', ['D', 'E'], ['A', 'B']);
    router.deliverAll();
    const configs = router
      .node('A')
      .state.log.held()
      .flatMap((e) => (e.config ? [e.config] : []));
    expect(configs).toEqual([{ voters: ['C', 'D', 'E'] }]);
  });
});
