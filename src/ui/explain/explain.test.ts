import { describe, expect, it } from 'vitest';
import { electionRestriction } from '../../scenario/lessons/election-restriction';
import { run } from '../../sim/test-helpers';
import type { TraceEvent } from '../../sim/types';
import { makeNode } from '../test/snapshot-fixtures';
import {
  explainStep,
  formatExplanation,
  messageWhy,
  recordsOfStep,
  uncommittedOldTerm,
  type ExplainContext,
} from './explain';
import { at, check, delivered, envelope, nodeEvent, refusedVoteStep, sent } from './test-records';

const en = (feed: readonly TraceEvent[] = []): ExplainContext => ({ lang: 'en', clusterSize: 5, feed });
const ko = (feed: readonly TraceEvent[] = []): ExplainContext => ({ lang: 'ko', clusterSize: 5, feed });
const lines = (step: readonly TraceEvent[], ctx: ExplainContext): string[] =>
  explainStep(step, ctx).map(formatExplanation);

const electionStep: TraceEvent[] = [
  at(3, { kind: 'timerFired', node: 'C', timer: 'election' }),
  nodeEvent(3, 'C', { type: 'termChanged', from: 3, to: 4, cause: 'election' }),
  nodeEvent(3, 'C', { type: 'roleChanged', from: 'follower', to: 'candidate', term: 4 }),
  nodeEvent(3, 'C', {
    type: 'electionStarted',
    term: 4,
    preVote: false,
    cause: 'timer',
    voters: ['A', 'B', 'C', 'D', 'E'],
  }),
  ...['A', 'B', 'D', 'E'].map((to) =>
    sent(3, 'C', to, {
      type: 'RequestVote',
      term: 4,
      candidateId: 'C',
      lastLogIndex: 2,
      lastLogTerm: 3,
    }),
  ),
];

describe('explanations name the rule, the notes section and the values compared', () => {
  it('an election started by the timeout', () => {
    const [e] = explainStep(electionStep, en(electionStep));
    expect(e!.rules).toContain('candidate.start');
    expect(formatExplanation(e!)).toBe(
      "§3.2 (paper §5.2): C's election timeout fired: it became candidate for term 4, voted for itself and asked A, B, D, E for votes",
    );
    expect(e!.check).toContain('currentTerm 3 + 1 = 4');
    expect(lines(electionStep, ko(electionStep))[0]).toBe(
      '§3.2 (논문 §5.2): C의 선거 타임아웃이 만료됨: 임기 4의 후보가 되어 자신에게 투표하고 A, B, D, E에게 투표를 요청함',
    );
  });

  it('a repeated election without a leader in between is §6.1', () => {
    const earlier = [nodeEvent(1, 'C', { type: 'termChanged', from: 2, to: 3, cause: 'election' })];
    const feed = [...earlier, ...electionStep];
    const all = lines(electionStep, en(feed));
    expect(all[1]).toMatch(/^§6\.1: C's previous election \(term 3\) found no leader/);
  });

  it('a vote refused by the election restriction, with both logs', () => {
    const step = refusedVoteStep();
    const out = explainStep(step, en(step));
    const refusal = out.find((e) => e.rules.includes('rv.upToDate'))!;
    expect(formatExplanation(refusal)).toBe(
      "§6.3 (paper §5.4.1): B refused to vote for E: E's last log term 2 is older than B's 3",
    );
    expect(refusal.check).toBe("candidate's lastLogTerm 2 > my lastLogTerm 3? no → refuse");
    const koRefusal = explainStep(step, ko(step)).find((e) => e.rules.includes('rv.upToDate'))!;
    expect(formatExplanation(koRefusal)).toBe(
      '§6.3 (논문 §5.4.1): B가 E에게 투표를 거부함: E의 마지막 로그 임기 2가 B의 3보다 오래됨',
    );
    expect(koRefusal.check).toBe('후보의 lastLogTerm 2 > 내 lastLogTerm 3? 아니요 → 거부');
    // The same step also adopted the higher term (§6.2).
    expect(out[0]!.section).toBe('§6.2');
    expect(out[0]!.text).toContain('saw term 5 from E, higher than its own 3');
  });

  it('a vote refused with equal last terms compares the indexes', () => {
    const step = [
      nodeEvent(2, 'A', {
        type: 'voteRefused',
        candidate: 'E',
        term: 6,
        preVote: false,
        reason: 'log-not-up-to-date',
        check: check({
          voterLastLogTerm: 3,
          voterLastLogIndex: 5,
          candidateLastLogTerm: 3,
          candidateLastLogIndex: 4,
          candidateUpToDate: false,
        }),
      }),
    ];
    const [e] = explainStep(step, en(step));
    expect(e!.text).toBe("A refused to vote for E: E's log (term 3) ends at index 4, before A's 5");
    expect(e!.check).toBe("candidate's lastLogTerm 3 = mine, lastLogIndex 4 ≥ my 5? no → refuse");
  });

  it('a vote refused because the voter already voted, and a pre-vote refused while a leader is alive', () => {
    const step = [
      nodeEvent(2, 'A', {
        type: 'voteRefused',
        candidate: 'E',
        term: 6,
        preVote: false,
        reason: 'already-voted',
        check: check({ votedFor: 'D' }),
      }),
      nodeEvent(2, 'B', {
        type: 'voteRefused',
        candidate: 'E',
        term: 6,
        preVote: true,
        reason: 'leader-alive',
        check: check(),
      }),
    ];
    const [voted, alive] = explainStep(step, en(step));
    expect(voted!.text).toBe('A refused to vote for E in term 6: it already voted for D (one vote per term)');
    expect(voted!.check).toBe('votedFor D ∈ {null, E}? no → refuse');
    expect(alive!.rules).toEqual(['opt.preVote']);
    expect(formatExplanation(alive!)).toMatch(/^§6\.2 \(thesis §9\.6\): B refused a pre-vote to E: it still hears/);
    const koAlive = explainStep(step, ko(step))[1]!;
    expect(formatExplanation(koAlive)).toMatch(/^§6\.2 \(학위논문 §9\.6\): B가 E의 사전 투표를 거부함/);
  });

  it('a refused AppendEntries: no entry at prevLogIndex', () => {
    const step = [
      nodeEvent(4, 'D', {
        type: 'appendRefused',
        leader: 'A',
        term: 3,
        prevLogIndex: 4,
        prevLogTerm: 3,
        reason: 'missing-entry',
        myLastLogIndex: 3,
        myPrevLogTerm: null,
      }),
    ];
    const [e] = explainStep(step, en(step));
    expect(formatExplanation(e!)).toBe(
      '§7.1 (paper §5.3): D refused AppendEntries from A: it has no entry at prevLogIndex 4 (its log ends at 3)',
    );
    expect(e!.rules).toEqual(['ae.check']);
    expect(formatExplanation(explainStep(step, ko(step))[0]!)).toBe(
      '§7.1 (논문 §5.3): D가 A의 AppendEntries를 거부함: prevLogIndex 4에 항목이 없음 (로그가 3에서 끝남)',
    );
  });

  it('a refused AppendEntries: the term at prevLogIndex differs', () => {
    const step = [
      nodeEvent(4, 'D', {
        type: 'appendRefused',
        leader: 'A',
        term: 3,
        prevLogIndex: 4,
        prevLogTerm: 3,
        reason: 'term-mismatch',
        myLastLogIndex: 6,
        myPrevLogTerm: 2,
      }),
    ];
    const [e] = explainStep(step, en(step));
    expect(e!.text).toBe('D refused AppendEntries from A: its entry at prevLogIndex 4 has term 2, not prevLogTerm 3');
    expect(e!.check).toBe('log[4].term 2 = prevLogTerm 3? no → refuse');
    expect(explainStep(step, ko(step))[0]!.check).toBe('log[4].term 2 = prevLogTerm 3? 아니요 → 거부');
  });

  it('a nextIndex backup', () => {
    const step = [
      delivered(5, 'D', 'A', {
        type: 'AppendEntriesReply',
        term: 3,
        success: false,
        prevLogIndex: 4,
        matchIndex: 0,
        conflictTerm: 0,
        conflictIndex: 4,
      }),
      nodeEvent(5, 'A', { type: 'nextIndexBackedUp', follower: 'D', from: 5, to: 4 }),
    ];
    const [e] = explainStep(step, en(step));
    expect(formatExplanation(e!)).toBe('§7.2 (paper §5.3): A backed nextIndex for D up from 5 to 4 and retries');
    expect(e!.check).toBe('D refused → nextIndex 5 → 4, resend with prevLogIndex 3');
    expect(formatExplanation(explainStep(step, ko(step))[0]!)).toBe(
      '§7.2 (논문 §5.3): A가 D의 nextIndex를 5에서 4로 줄이고 다시 보냄',
    );
  });

  it('a leader commit, with replicas and the entry term', () => {
    const feed: TraceEvent[] = [
      nodeEvent(1, 'A', { type: 'roleChanged', from: 'candidate', to: 'leader', term: 3 }),
      nodeEvent(2, 'A', {
        type: 'entriesAppended',
        fromIndex: 5,
        entries: [{ term: 3, command: 'set x 1' }],
        leader: 'A',
      }),
      delivered(6, 'B', 'A', {
        type: 'AppendEntriesReply',
        term: 3,
        success: true,
        prevLogIndex: 4,
        matchIndex: 5,
        conflictTerm: 0,
        conflictIndex: 0,
      }),
      nodeEvent(6, 'A', { type: 'commitAdvanced', from: 4, to: 5, by: 'majority', replicas: 3 }),
      nodeEvent(6, 'A', { type: 'entryApplied', index: 5, entry: { term: 3, command: 'set x 1' }, result: '1' }),
    ];
    const step = recordsOfStep(feed, 6);
    const [e] = explainStep(step, en(feed));
    expect(formatExplanation(e!)).toBe(
      "§4 (paper §5.4.2): A committed index 5: 3 of 5 nodes hold 5 and it is from A's term 3; it applies it to its state machine",
    );
    expect(e!.check).toBe('replicas 3 ≥ majority 3? yes; log[5].term 3 = currentTerm 3? yes → commitIndex = 5');
    expect(e!.unsafe).toBeUndefined();
    const k = explainStep(step, ko(feed))[0]!;
    expect(formatExplanation(k)).toBe(
      '§4 (논문 §5.4.2): A가 인덱스 5를 커밋함: 5개 노드 중 3개가 5번을 가짐, A의 현재 임기 3의 항목임. 상태 머신에 적용함',
    );
  });

  it('a commit of an earlier term by counting replicas is flagged as unsafe', () => {
    const feed: TraceEvent[] = [
      nodeEvent(1, 'A', {
        type: 'entriesAppended',
        fromIndex: 2,
        entries: [{ term: 2, command: 'set y 2' }],
        leader: 'A',
      }),
      nodeEvent(3, 'A', { type: 'roleChanged', from: 'candidate', to: 'leader', term: 4 }),
      nodeEvent(6, 'A', { type: 'commitAdvanced', from: 1, to: 2, by: 'majority', replicas: 3 }),
    ];
    const [e] = explainStep(recordsOfStep(feed, 6), en(feed));
    expect(e!.text).toContain("although it is from term 2, not A's term 4");
    expect(e!.unsafe).toContain('commitPreviousTerms');
  });

  it('a follower commit reads leaderCommit from the AppendEntries it got', () => {
    const step = [
      delivered(8, 'A', 'C', {
        type: 'AppendEntries',
        term: 3,
        leaderId: 'A',
        prevLogIndex: 5,
        prevLogTerm: 3,
        entries: [],
        leaderCommit: 5,
      }),
      nodeEvent(8, 'C', { type: 'commitAdvanced', from: 3, to: 5, by: 'leaderCommit' }),
    ];
    const [e] = explainStep(step, en(step));
    expect(e!.rules).toContain('ae.commit');
    expect(e!.check).toBe('leaderCommit 5 > commitIndex 3? yes → commitIndex = min(5, 5) = 5');
  });

  it('a leader stepping down on a higher term', () => {
    const step = [
      delivered(9, 'E', 'A', {
        type: 'AppendEntriesReply',
        term: 7,
        success: false,
        prevLogIndex: 2,
        matchIndex: 0,
        conflictTerm: 0,
        conflictIndex: 0,
      }),
      nodeEvent(9, 'A', { type: 'termChanged', from: 4, to: 7, cause: 'E' }),
      nodeEvent(9, 'A', { type: 'roleChanged', from: 'leader', to: 'follower', term: 4 }),
    ];
    const [e] = explainStep(step, en(step));
    expect(formatExplanation(e!)).toBe(
      '§6.2 (Figure 2): A saw term 7 from E, higher than its own 4: it adopts term 7, clears votedFor and steps down from leader to follower',
    );
    expect(e!.check).toBe('message term 7 > currentTerm 4? yes → currentTerm = 7, votedFor = null, follower');
    expect(formatExplanation(explainStep(step, ko(step))[0]!)).toBe(
      '§6.2 (Figure 2): A가 E에게서 자신의 임기 4보다 높은 임기 7을 봄: 임기 7을 받아들이고 votedFor를 비운 뒤 리더에서 팔로워로 물러남',
    );
  });

  it('a client redirect and a violation', () => {
    const step = [
      at(10, { kind: 'client', event: { type: 'redirected', requestId: 3, by: 'B', to: 'A' } }),
      at(10, {
        kind: 'violation',
        violation: {
          invariant: 'Leader Completeness',
          time: 100,
          nodes: ['E'],
          index: 3,
          term: 5,
          detail: 'E became leader of term 5 without committed entry 3',
        },
      }),
    ];
    const [redirect, violation] = explainStep(step, en(step));
    expect(redirect!.text).toBe(
      'B is not the leader: it refused request #3 and pointed the client to A, since only the leader serves clients',
    );
    expect(formatExplanation(violation!)).toBe(
      '§6.3 (paper §5.4): invariant violated — Leader Completeness: E became leader of term 5 without committed entry 3',
    );
    expect(violation!.violation).toBe(true);
  });

  it('§5.4.2 where it applies: a majority holds an entry of an earlier term that is not committed', () => {
    const log = [
      { term: 1, command: 'set x 1' },
      { term: 2, command: 'set y 2' },
    ];
    const shared = { leaderId: 'A', lastApplied: 1, currentTerm: 4, log, commitIndex: 1 };
    const nodes = [
      makeNode('A', {
        ...shared,
        role: 'leader',
        matchIndex: { B: 2, C: 2, D: 1, E: 0 },
        // What the engine reports (src/raft/events.test.ts checks how it finds it).
        commitDeferred: { index: 2, term: 2, replicas: 3 },
      }),
      ...['B', 'C', 'D', 'E'].map((id) => makeNode(id, shared)),
    ];
    const [e] = uncommittedOldTerm(nodes, 'en');
    expect(e!.text).toMatch(
      /^A does not commit index 2 by counting replicas \(3 of 5 hold it\): it is from term 2, not A's term 4/,
    );
  });
});

describe('why was this message sent?', () => {
  it("a RequestVote: the sender's election timeout fired", () => {
    const rv = electionStep.find((r) => r.kind === 'sent')!;
    if (rv.kind !== 'sent') throw new Error('no RequestVote');
    expect(messageWhy(rv.message, electionStep, en())).toBe(
      "C's election timeout fired: it became candidate for term 4 and asks everyone for a vote",
    );
    expect(messageWhy(rv.message, electionStep, ko())).toBe(
      'C의 선거 타임아웃이 만료됨: 임기 4의 후보가 되어 모두에게 투표를 요청함',
    );
  });

  it('a RequestVoteReply answers the request, with the check', () => {
    const step = refusedVoteStep();
    const reply = step[3]!;
    if (reply.kind !== 'sent') throw new Error('no reply');
    expect(messageWhy(reply.message, step, en())).toBe(
      "the answer of B to E's RequestVote for term 5: refused (B refused to vote for E: E's last log term 2 is older than B's 3)",
    );
  });

  it('an AppendEntries: a retry after a refusal, a heartbeat, a new leader', () => {
    const refusal = delivered(5, 'D', 'A', {
      type: 'AppendEntriesReply',
      term: 3,
      success: false,
      prevLogIndex: 4,
      matchIndex: 0,
      conflictTerm: 0,
      conflictIndex: 4,
    });
    const retry = sent(5, 'A', 'D', {
      type: 'AppendEntries',
      term: 3,
      leaderId: 'A',
      prevLogIndex: 3,
      prevLogTerm: 2,
      entries: [{ term: 3, command: 'set x 1' }],
      leaderCommit: 3,
    });
    const backed = nodeEvent(5, 'A', { type: 'nextIndexBackedUp', follower: 'D', from: 5, to: 4 });
    const feed = [refusal, backed, retry];
    if (retry.kind !== 'sent') throw new Error('no AppendEntries');
    expect(messageWhy(retry.message, feed, en())).toBe(
      'D refused the previous AppendEntries: A backed nextIndex up from 5 to 4 and retries with prevLogIndex 3',
    );

    const hb = sent(6, 'A', 'B', {
      type: 'AppendEntries',
      term: 3,
      leaderId: 'A',
      prevLogIndex: 5,
      prevLogTerm: 3,
      entries: [],
      leaderCommit: 5,
    });
    const hbFeed = [at(6, { kind: 'timerFired', node: 'A', timer: 'heartbeat' }), hb];
    if (hb.kind !== 'sent') throw new Error('no heartbeat');
    expect(messageWhy(hb.message, hbFeed, en())).toMatch(/^A's heartbeat interval elapsed: an empty AppendEntries/);
    expect(messageWhy(hb.message, hbFeed, ko())).toMatch(/^A의 Heartbeat 간격이 지남/);

    const lost = envelope('A', 'B', hb.message.payload);
    expect(messageWhy(lost, hbFeed, en())).toBe('the step that sent it is no longer in the event feed');
  });
});

describe('on a real run (the §6.3 lesson)', () => {
  it('explains the refused votes for E with the values the voters compared', () => {
    const sim = run(electionRestriction.scenario, 3500);
    const feed = sim.trace;
    const refused = feed.filter(
      (r) => r.kind === 'node' && r.event.type === 'voteRefused' && r.event.reason === 'log-not-up-to-date',
    );
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      if (r.kind !== 'node' || r.event.type !== 'voteRefused') continue;
      const found = explainStep(recordsOfStep(feed, r.step), en(feed)).find((e) => e.rules.includes('rv.upToDate'));
      expect(found?.check).toContain(`lastLogTerm ${r.event.check.candidateLastLogTerm}`);
      expect(found?.text).toContain(`${r.node} refused to vote for ${r.event.candidate}`);
    }
    // Every step of the run can be explained without throwing, in both languages.
    const steps = new Set(feed.map((r) => r.step));
    for (const s of steps) {
      explainStep(recordsOfStep(feed, s), en(feed));
      explainStep(recordsOfStep(feed, s), ko(feed));
    }
  });
});
