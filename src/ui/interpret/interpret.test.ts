import { describe, expect, it } from 'vitest';
import type { VoteTally } from '../../raft/types';
import { electionRestriction } from '../../scenario/lessons/election-restriction';
import { LESSONS } from '../../scenario/lessons/index';
import { leaseFastClock } from '../../scenario/lessons/lease-fast-clock';
import { membershipJoint } from '../../scenario/lessons/membership-joint';
import { membershipRemoveLeader } from '../../scenario/lessons/membership-remove-leader';
import { membershipRemovedDisrupts } from '../../scenario/lessons/membership-removed-disrupts';
import type { Lesson } from '../../scenario/narration';
import { scenarioSchema } from '../../scenario/schema';
import { Simulation } from '../../sim/simulation';
import { run } from '../../sim/test-helpers';
import type { ClientReply, TraceEvent } from '../../sim/types';
import { at, check, delivered, envelope, nodeEvent, refusedVoteStep, sent } from '../explain/test-records';
import { explained, feedLines, formatReading, readStep, recordsOfStep, stepsOf } from './interpret';
import { describeMessage, messageWhy } from './messages';
import type { QuorumSet } from '../../raft/types';
import type { Reading } from './reading';

const line = (r: Reading, lang: 'en' | 'ko' = 'en'): string => formatReading(r, lang);
/** What the feed says about a trace: every step's lines, in English or Korean. */
const feed = (records: readonly TraceEvent[], lang: 'en' | 'ko' = 'en'): string[] =>
  stepsOf(records).flatMap((s) => feedLines(readStep(s.records), false).map((r) => r.text[lang]));

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
    sent(3, 'C', to, { type: 'RequestVote', term: 4, candidateId: 'C', lastLogIndex: 2, lastLogTerm: 3 }),
  ),
];

const tally = (granted: string[], refused: string[], result: VoteTally['result']): VoteTally => ({
  granted,
  refused,
  quorums: [{ voters: ['A', 'B', 'C', 'D', 'E'], needed: 3 }],
  result,
});

describe('elections', () => {
  it('an election is one feed line, told by electionStarted with the voters it names', () => {
    expect(feed(electionStep)).toEqual([
      "C's election timeout fired in term 3: it became candidate for term 4, voted for itself and asked A, B, D, E for votes",
    ]);
    expect(feed(electionStep, 'ko')).toEqual([
      '임기 3에서 C의 선거 타임아웃이 만료됨: 임기 4의 후보가 되어 자신에게 투표하고 A, B, D, E에게 투표를 요청함',
    ]);
    const [e] = explained(readStep(electionStep));
    expect(e!.rules).toEqual(['follower.timeout', 'candidate.start']);
    expect(e!.section).toBe('§3.2');
    expect(e!.check?.en).toContain('currentTerm 3 + 1 = 4');
  });

  it('the cause comes from the event: a won pre-vote, or the class firing the timer', () => {
    const won = [
      nodeEvent(4, 'C', { type: 'termChanged', from: 3, to: 4, cause: 'election' }),
      nodeEvent(4, 'C', { type: 'roleChanged', from: 'preCandidate', to: 'candidate', term: 4 }),
      nodeEvent(4, 'C', {
        type: 'electionStarted',
        term: 4,
        preVote: false,
        cause: 'preVoteWon',
        voters: ['A', 'B', 'C'],
      }),
    ];
    const [w] = readStep(won);
    expect(w!.text.en).toMatch(/^C won the pre-vote: it became candidate for term 4/);
    expect(w!.rules).toContain('opt.preVote');
    const forced = [
      nodeEvent(5, 'C', { type: 'electionStarted', term: 5, preVote: true, cause: 'forced', voters: ['A', 'B', 'C'] }),
    ];
    expect(feed(forced)).toEqual([
      "The class fired C's election timer: before raising its term it asks A, B whether they would vote for it in term 5 (pre-vote: its term stays 4)",
    ]);
  });

  it('a candidate that starts another election without changing role: its term climbs (§6.1)', () => {
    const again = electionStep.filter((r) => !(r.kind === 'node' && r.event.type === 'roleChanged'));
    const readings = explained(readStep(again));
    expect(readings.map((r) => r.section)).toEqual(['§3.2', '§6.1']);
    expect(line(readings[1]!)).toMatch(/^§6\.1: C's previous election \(term 3\) found no leader either/);
    // A detail for "Why?", not a second feed line.
    expect(feed(again)).toHaveLength(1);
  });

  it('a new leader is told with the tally the engine counted', () => {
    const win = [
      nodeEvent(6, 'C', {
        type: 'voteCounted',
        voter: 'D',
        term: 4,
        preVote: false,
        granted: true,
        tally: tally(['C', 'B', 'D'], ['A'], 'won'),
      }),
      nodeEvent(6, 'C', { type: 'roleChanged', from: 'candidate', to: 'leader', term: 4 }),
    ];
    expect(feed(win)).toEqual([
      'C won the election of term 4 with 3 of 5 votes (C, B, D) and became leader: it sends AppendEntries to all at once',
    ]);
    const [r] = explained(readStep(win));
    expect(r!.rules).toEqual(['candidate.win', 'leader.announce']);
    expect(r!.check?.en).toBe('votes 3 ≥ majority 3 of 5? yes → leader');
    expect(r!.check?.ko).toBe('득표 3 ≥ 과반수 3(5대 중)? 예 → 리더');
  });

  it('a vote counted is a detail for "Why?"; a lost round is a feed line', () => {
    const pending = [
      nodeEvent(6, 'C', {
        type: 'voteCounted',
        voter: 'A',
        term: 4,
        preVote: false,
        granted: false,
        tally: tally(['C'], ['A'], 'pending'),
      }),
    ];
    expect(feed(pending)).toEqual([]);
    expect(explained(readStep(pending))[0]!.check?.en).toBe('votes 1 ≥ majority 3 of 5? no → wait for more votes');
    const lost = [
      nodeEvent(7, 'C', {
        type: 'voteCounted',
        voter: 'E',
        term: 4,
        preVote: false,
        granted: false,
        tally: tally(['C', 'B'], ['A', 'D', 'E'], 'lost'),
      }),
    ];
    expect(feed(lost)).toEqual([
      'C can no longer win the vote of term 4: A, D, E refused (a majority needs 3); it waits for its timer',
    ]);
  });

  it('a vote refused by the election restriction, with both logs, after adopting the higher term', () => {
    const step = refusedVoteStep();
    const out = explained(readStep(step));
    expect(out.map((r) => r.section)).toEqual(['§6.2', '§6.3']);
    expect(out[0]!.text.en).toContain('saw term 5 from E, higher than its own 3');
    expect(line(out[1]!)).toBe("§6.3 (paper §5.4.1): B refused to vote for E: E's last log term 2 is older than B's 3");
    expect(out[1]!.check?.en).toBe("candidate's lastLogTerm 2 > my lastLogTerm 3? no → refuse");
    expect(line(out[1]!, 'ko')).toBe(
      '§6.3 (논문 §5.4.1): B가 E에게 투표를 거부함: E의 마지막 로그 임기 2가 B의 3보다 오래됨',
    );
    expect(out[1]!.check?.ko).toBe('후보의 lastLogTerm 2 > 내 lastLogTerm 3? 아니요 → 거부');
  });

  it("refusals: equal last terms compare indexes; a stale term names the voter's own term; one vote per term", () => {
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
      nodeEvent(2, 'B', {
        type: 'voteRefused',
        candidate: 'E',
        term: 2,
        preVote: false,
        reason: 'stale-term',
        check: check({ voterTerm: 6 }),
      }),
      nodeEvent(2, 'C', {
        type: 'voteRefused',
        candidate: 'E',
        term: 6,
        preVote: false,
        reason: 'already-voted',
        check: check({ votedFor: 'D' }),
      }),
      nodeEvent(2, 'D', {
        type: 'voteRefused',
        candidate: 'E',
        term: 6,
        preVote: true,
        reason: 'leader-alive',
        check: check(),
      }),
    ];
    const [equal, stale, voted, alive] = readStep(step);
    expect(equal!.text.en).toBe("A refused to vote for E: E's log (term 3) ends at index 4, before A's 5");
    expect(equal!.check?.en).toBe("candidate's lastLogTerm 3 = mine, lastLogIndex 4 ≥ my 5? no → refuse");
    expect(stale!.check?.en).toBe('term 2 < currentTerm 6? yes → refuse');
    expect(voted!.text.en).toBe('C refused to vote for E in term 6: it already voted for D (one vote per term)');
    expect(voted!.check?.en).toBe('votedFor D ∈ {null, E}? no → refuse');
    expect(line(alive!)).toMatch(/^§6\.2 \(thesis §9\.6\): D refused a pre-vote to E: it still hears/);
    expect(line(alive!, 'ko')).toMatch(/^§6\.2 \(학위논문 §9\.6\): D가 E의 사전 투표를 거부함/);
  });

  it('a vote granted against the election restriction is marked unsafe', () => {
    const step = [
      nodeEvent(2, 'A', {
        type: 'voteGranted',
        candidate: 'E',
        term: 6,
        preVote: false,
        check: check({ voterLastLogTerm: 3, candidateLastLogTerm: 2, candidateUpToDate: false }),
      }),
    ];
    expect(readStep(step)[0]!.unsafe?.en).toContain('noElectionRestriction');
  });

  it('a leader stepping down on a higher term is one line', () => {
    const step = [
      nodeEvent(9, 'A', { type: 'termChanged', from: 4, to: 7, cause: 'E' }),
      nodeEvent(9, 'A', { type: 'roleChanged', from: 'leader', to: 'follower', term: 4 }),
    ];
    expect(feed(step)).toEqual([
      'A saw term 7 from E, higher than its own 4: it adopts term 7, clears votedFor and steps down from leader to follower',
    ]);
    expect(feed(step, 'ko')).toEqual([
      'A가 E에게서 자신의 임기 4보다 높은 임기 7을 봄: 임기 7을 받아들이고 votedFor를 비운 뒤 리더에서 팔로워로 강등됨',
    ]);
  });
});

describe('replication and repair (§4, §7)', () => {
  it('the consistency check, the backup and the repair, each with its rule and values', () => {
    const repair: TraceEvent[] = [
      nodeEvent(11, 'D', {
        type: 'appendRefused',
        leader: 'A',
        term: 7,
        currentTerm: 7,
        prevLogIndex: 4,
        prevLogTerm: 2,
        reason: 'term-mismatch',
        myLastLogIndex: 6,
        myPrevLogTerm: 1,
      }),
      nodeEvent(12, 'A', { type: 'nextIndexBackedUp', follower: 'D', from: 4, to: 3 }),
      nodeEvent(13, 'E', { type: 'entriesTruncated', fromIndex: 4, removed: [{ term: 3, command: 'set y 2' }] }),
      nodeEvent(13, 'E', {
        type: 'entriesAppended',
        fromIndex: 4,
        entries: [{ term: 7, command: 'set z 3' }],
        leader: 'A',
      }),
    ];
    const readings = stepsOf(repair).flatMap((s) => readStep(s.records));
    expect(readings.map((r) => [r.section, r.rules])).toEqual([
      ['§7.1', ['ae.check']],
      ['§7.2', ['leader.backup']],
      ['§7.2', ['ae.conflict']],
      ['§4', ['ae.check', 'ae.append']],
    ]);
    expect(readings[0]!.check?.en).toBe('log[4].term 1 = prevLogTerm 2? no → refuse');
    // "Back", not "up": nextIndex goes down.
    expect(readings[1]!.text.en).toBe('A moved nextIndex for D back from 4 to 3 and retries');
    expect(readings[1]!.text.ko).toBe('A가 D의 nextIndex를 4에서 3으로 줄이고 다시 보냄');
    // The conflicting term is the leader's entry appended in the same step.
    expect(readings[2]!.check?.en).toBe("log[4].term 3 = new entry's term 7? no → delete index 4 and all after it");
    expect(readings[3]!.text.en).toBe(
      `E appended entry 4 (term 7, "set z 3") from A: the entries before it match the leader's`,
    );
  });

  it('a refusal for a stale term names both terms, as the follower reported them', () => {
    const stale = [
      nodeEvent(5, 'B', {
        type: 'appendRefused',
        leader: 'A',
        term: 2,
        currentTerm: 4,
        prevLogIndex: 3,
        prevLogTerm: 2,
        reason: 'stale-term',
        myLastLogIndex: 5,
        myPrevLogTerm: 2,
      }),
    ];
    const [reading] = stepsOf(stale).flatMap((s) => readStep(s.records));
    expect(reading?.check?.en).toBe('term 2 < currentTerm 4? yes → refuse');
    expect(reading?.text.ko).toContain('B의 임기 4보다 낮음');
  });

  it("a leader's own entry names its request, and a no-op says so from the entry's flag", () => {
    const own = [
      at(2, { kind: 'client', event: { type: 'accepted', requestId: 3, node: 'A', index: 5, term: 2 } }),
      nodeEvent(2, 'A', {
        type: 'entriesAppended',
        fromIndex: 5,
        entries: [{ term: 2, command: 'set x 1', requestId: 3 }],
        leader: 'A',
      }),
    ];
    expect(feed(own)).toEqual([
      'Leader A appended "set x 1" (request #3) to its log at index 5, term 2: not committed yet; it sends it to the followers',
    ]);
    const noop = [
      nodeEvent(3, 'A', {
        type: 'entriesAppended',
        fromIndex: 6,
        entries: [{ term: 2, command: '', noop: true }],
        leader: 'A',
      }),
    ];
    expect(readStep(noop)[0]!.rules).toEqual(['opt.leaderNoop']);
    // An empty command without the flag is not a no-op.
    const empty = [
      nodeEvent(3, 'A', { type: 'entriesAppended', fromIndex: 6, entries: [{ term: 2, command: '' }], leader: 'A' }),
    ];
    expect(readStep(empty)[0]!.rules).toEqual(['leader.client']);
  });
});

describe('a client retry the node already works on (thesis §6.3, §6.4)', () => {
  it('says where the leader holds the request, or that the read is already waiting, in both languages', () => {
    const [write] = readStep([nodeEvent(3, 'A', { type: 'retryAlreadyPending', requestId: 7, index: 12 })]);
    expect(write!.text.en).toBe(
      "Leader A already holds request #7 at index 12, in its own term: it does not append the retry again; the entry's answer, once committed, serves it",
    );
    expect(write!.text.ko).toContain('요청 #7이 이미 인덱스 12');
    expect(write!.source).toEqual({ thesis: '§6.3' });
    const [read] = readStep([nodeEvent(3, 'B', { type: 'retryAlreadyPending', requestId: 8, index: null })]);
    expect(read!.text.en).toBe("B is already serving read #8: the client's retry waits for the same answer");
    expect(read!.text.ko).toBe('B가 이미 읽기 #8을 처리하는 중: 클라이언트의 재시도는 같은 답을 기다림');
    expect(read!.source).toEqual({ thesis: '§6.4' });
  });
});

describe('commitment (§4, §5.4.2)', () => {
  const five: readonly QuorumSet[] = [{ voters: ['A', 'B', 'C', 'D', 'E'], needed: 3 }];
  const commitStep = (entryTerm: number, currentTerm: number, quorum = five, replicas = 3): TraceEvent[] => [
    nodeEvent(6, 'A', {
      type: 'commitAdvanced',
      from: 4,
      to: 5,
      by: 'majority',
      replicas,
      term: entryTerm,
      currentTerm,
      quorum,
    }),
    nodeEvent(6, 'A', { type: 'entryApplied', index: 5, entry: { term: entryTerm, command: 'set x 1' }, result: '1' }),
  ];

  it("a leader commit: replicas against its majority, the entry's term against its currentTerm (both from the event)", () => {
    const [e] = readStep(commitStep(3, 3));
    expect(line(e!)).toBe(
      "§4 (paper §5.4.2): Leader A committed index 5 (set x 1): 3 nodes hold it (majority 3) and it is from A's term 3; it applies it to its state machine",
    );
    expect(e!.check?.en).toBe('replicas 3 ≥ majority 3? yes; log[5].term 3 = currentTerm 3? yes → commitIndex = 5');
    expect(e!.unsafe).toBeUndefined();
    expect(e!.text.ko).toBe(
      '리더 A가 인덱스 5(set x 1)를 커밋함: 노드 3개가 가지고 있음 (과반수 3), A의 현재 임기 3의 엔트리임. 상태 머신에 적용함',
    );
  });

  it('a commit of an earlier term by counting replicas is flagged as unsafe', () => {
    const [e] = readStep(commitStep(2, 4));
    expect(e!.text.en).toContain("although it is from term 2, not A's term 4");
    expect(e!.check?.en).toContain('log[5].term 2 = currentTerm 4? no');
    expect(e!.unsafe?.en).toContain('commitPreviousTerms');
  });

  it('in C_old,new (§6) the check names both majorities', () => {
    const joint: readonly QuorumSet[] = [
      { voters: ['A', 'B', 'C'], needed: 2 },
      { voters: ['C', 'D', 'E'], needed: 2 },
    ];
    const [e] = readStep(commitStep(3, 3, joint, 4));
    expect(e!.check?.en).toBe(
      'replicas 4 ≥ majority 2 of {A,B,C} and 2 of {C,D,E}? yes; log[5].term 3 = currentTerm 3? yes → commitIndex = 5',
    );
  });

  it("a follower's commit names the leader from the event", () => {
    const step = [
      nodeEvent(8, 'C', { type: 'commitAdvanced', from: 3, to: 5, by: 'leaderCommit', leader: 'A' }),
      nodeEvent(8, 'C', { type: 'entryApplied', index: 4, entry: { term: 3, command: 'set x 1' }, result: '1' }),
      nodeEvent(8, 'C', { type: 'entryApplied', index: 5, entry: { term: 3, command: 'del x' }, result: 'deleted' }),
    ];
    const [e] = readStep(step);
    expect(e!.text.en).toBe('C learned from A that indexes 4–5 are committed and applied them (set x 1, del x)');
    expect(e!.rules).toEqual(['ae.commit', 'all.apply']);
  });

  it('§5.4.2 held back: the commitDeferred event', () => {
    const step = [
      nodeEvent(7, 'A', { type: 'commitDeferred', index: 2, term: 2, currentTerm: 4, replicas: 3, quorum: five }),
    ];
    const [e] = readStep(step);
    expect(e!.text.en).toMatch(
      /^A does not commit index 2 by counting replicas \(3 nodes hold it\): it is from term 2, not A's term 4/,
    );
    expect(e!.check?.en).toBe('replicas 3 ≥ majority 3? yes; log[2].term 2 = currentTerm 4? no → wait');
  });

  it('a retried copy is told once, by the leader', () => {
    const retry = (node: string, by: 'majority' | 'leaderCommit'): TraceEvent[] => [
      nodeEvent(
        12,
        node,
        by === 'majority'
          ? { type: 'commitAdvanced', from: 5, to: 6, by, replicas: 3, term: 7, currentTerm: 7, quorum: five }
          : { type: 'commitAdvanced', from: 5, to: 6, by, leader: 'A' },
      ),
      nodeEvent(12, node, {
        type: 'entryApplied',
        index: 6,
        entry: { term: 7, command: 'set y 2', requestId: 4 },
        result: '2',
        retry: true,
      }),
    ];
    const lines = feed([...retry('A', 'majority'), ...retry('B', 'leaderCommit')]);
    expect(lines.filter((l) => l.includes('retry of request #4'))).toEqual([
      'A: entry 6 is a retry of request #4: not applied again (same answer as the first)',
    ]);
  });
});

describe('the rest of the trace', () => {
  it('actions first, a kill told once, a refusal as an error', () => {
    const actions: TraceEvent[] = [
      at(20, { kind: 'crashed', node: 'C' }),
      at(20, { kind: 'action', action: { at: 100, do: 'kill', node: 'C' } }),
      at(21, { kind: 'action', action: { at: 110, do: 'kill', node: 'C' }, error: 'C is already down' }),
    ];
    const steps = stepsOf(actions).map((s) => feedLines(readStep(s.records), false).map((r) => [r.tone, r.text.en]));
    expect(steps).toEqual([
      [['action', 'C was stopped (crash): its currentTerm, votedFor and log stay on disk']],
      [['error', 'Action refused (kill C): C is already down']],
    ]);
  });

  it('a restart tells what was read from disk, under Figure 2 persistent state', () => {
    const step = [
      at(30, { kind: 'restarted', node: 'B', term: 3, votedFor: 'A' }),
      at(30, { kind: 'action', action: { at: 300, do: 'restart', node: 'B' } }),
    ];
    const readings = readStep(step);
    expect(readings).toHaveLength(1);
    expect(readings[0]!.rules).toEqual(['all.persist']);
    expect(readings[0]!.text.en).toMatch(/^B restarted from disk with currentTerm 3 and votedFor A/);
  });

  it('messages only on request, and a heartbeat is a detail for "Why?"', () => {
    const hb: TraceEvent[] = [
      at(5, { kind: 'timerFired', node: 'A', timer: 'heartbeat' }),
      sent(5, 'A', 'B', {
        type: 'AppendEntries',
        term: 7,
        leaderId: 'A',
        prevLogIndex: 4,
        prevLogTerm: 2,
        entries: [],
        leaderCommit: 5,
      }),
    ];
    expect(feedLines(readStep(hb), false)).toEqual([]);
    expect(feedLines(readStep(hb), true)[0]!.text.en).toMatch(/^A → B: heartbeat/);
    expect(explained(readStep(hb)).map((r) => r.rules)).toEqual([['leader.heartbeat']]);
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
    const [redirect, violation] = explained(readStep(step));
    expect(redirect!.text.en).toBe(
      'B is not the leader: it refused request #3 and pointed the client to A, since only the leader serves clients',
    );
    expect(line(violation!)).toBe(
      '§6.3 (paper §5.4): Invariant violated — Leader Completeness: E became leader of term 5 without committed entry 3',
    );
    expect(violation!.violation).toBe(true);
  });
});

describe('why was this message sent?', () => {
  it("a RequestVote: the election's cause, from electionStarted", () => {
    const rv = electionStep.find((r) => r.kind === 'sent')!;
    if (rv.kind !== 'sent') throw new Error('no RequestVote');
    expect(messageWhy(rv.message, electionStep)).toEqual({
      en: "C's election timeout fired: it became candidate for term 4 and asks everyone for a vote",
      ko: 'C의 선거 타임아웃이 만료됨: 임기 4의 후보가 되어 모두에게 투표를 요청함',
    });
  });

  it('a RequestVoteReply carries the refusal', () => {
    const step = refusedVoteStep();
    const reply = step[3]!;
    if (reply.kind !== 'sent') throw new Error('no reply');
    expect(messageWhy(reply.message, step).en).toBe(
      "the answer of B to E's RequestVote for term 5: refused (B refused to vote for E: E's last log term 2 is older than B's 3)",
    );
  });

  it('an AppendEntries: a retry after a refusal, a heartbeat; a message no longer in the feed', () => {
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
    const refusal = delivered(5, 'D', 'A', {
      type: 'AppendEntriesReply',
      term: 3,
      success: false,
      prevLogIndex: 4,
      matchIndex: 0,
      conflictTerm: 0,
      conflictIndex: 4,
    });
    if (retry.kind !== 'sent') throw new Error('no AppendEntries');
    expect(messageWhy(retry.message, [refusal, backed, retry]).en).toBe(
      'D refused the previous AppendEntries: A moved nextIndex back from 5 to 4 and retries with prevLogIndex 3',
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
    if (hb.kind !== 'sent') throw new Error('no heartbeat');
    const hbFeed = [at(6, { kind: 'timerFired', node: 'A', timer: 'heartbeat' }), hb];
    expect(messageWhy(hb.message, hbFeed).en).toMatch(/^A's heartbeat interval elapsed: an empty AppendEntries/);
    expect(messageWhy(hb.message, hbFeed).ko).toMatch(/^A의 하트비트 간격이 지남/);
    expect(messageWhy(envelope('A', 'B', hb.message.payload), hbFeed).en).toBe(
      'the step that sent it is no longer in the event feed',
    );
  });
});

describe('on real runs', () => {
  it('every record of a run reads in both languages, with no undefined, and a hostile command stays text', () => {
    const scenario = scenarioSchema.parse({
      version: 1,
      nodes: 5,
      seed: 3,
      options: { preVote: true, leaderNoop: true },
      actions: [
        { at: 600, do: 'submit', command: 'set y <img src=x onerror=alert(1)>' },
        { at: 900, do: 'kill', node: 'A' },
        { at: 1100, do: 'restart', node: 'A' },
      ],
    });
    const sim = new Simulation(scenario, { recordTrace: true });
    sim.runUntil(2000);
    const all = stepsOf(sim.trace).flatMap((s) => readStep(s.records));
    for (const lang of ['en', 'ko'] as const) {
      const texts = all.flatMap((r) => [r.text[lang], r.check?.[lang] ?? '']);
      expect(texts.some((t) => t.includes('<img src=x onerror=alert(1)>'))).toBe(true);
      expect(texts.filter((t) => t.includes('undefined') || t.includes('NaN'))).toEqual([]);
    }
    expect(feed(sim.trace).some((t) => /^Leader [A-E] committed index \d+ \(.*set y <img/.test(t))).toBe(true);
  });

  it('explains the refused votes for E (the §6.3 lesson) with the values the voters compared', () => {
    const trace = run(electionRestriction.scenario, 3500).trace;
    const refused = trace.filter(
      (r) => r.kind === 'node' && r.event.type === 'voteRefused' && r.event.reason === 'log-not-up-to-date',
    );
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      if (r.kind !== 'node' || r.event.type !== 'voteRefused') continue;
      const found = explained(readStep(recordsOfStep(trace, r.step))).find(
        (e) => e.node === r.node && e.rules.includes('rv.upToDate'),
      );
      expect(found?.check?.en).toContain(`lastLogTerm ${r.event.check.candidateLastLogTerm}`);
      expect(found?.text.en).toContain(`${r.node} refused to vote for ${r.event.candidate}`);
    }
  });
});

describe('a leader that cannot start a membership change yet', () => {
  it('is named as the leader, with its reason, in the feed and in "Why?" of its reply, in both languages', () => {
    // No leaderNoop: the new leader has committed nothing of its term, so a single-server change waits
    // (the 2015 correction). The first attempt reaches a follower and is redirected to the leader.
    const scenario = scenarioSchema.parse({ version: 1, nodes: 5, seed: 2 });
    const sim = new Simulation(scenario, { recordTrace: true });
    sim.runUntil(1000);
    const leader = sim.snapshot().nodes.find((n) => n.role === 'leader')!.id;
    const follower = sim.nodeIds.find((id) => id !== leader)!;
    sim.perform({ at: 1000, do: 'change', add: [], remove: [follower] });
    sim.runUntil(1100);
    const deferred = sim.trace.find((r) => r.kind === 'client' && r.event.type === 'deferred')!;
    const reading = readStep(recordsOfStep(sim.trace, deferred.step)).find((r) => r.tone === 'client')!;
    expect(reading.text).toEqual({
      en: `Leader ${leader} cannot start change request #1 now: it has not committed an entry of its own term yet (the 2015 correction). The client asks it again shortly`,
      ko: `리더 ${leader}가 변경 요청 #1을 지금은 시작할 수 없음: 아직 자기 임기의 엔트리를 커밋하지 않음 (2015년 수정 규칙). 클라이언트가 잠시 후 다시 요청함`,
    });
    const reply = sim.trace.find(
      (r) => r.kind === 'sent' && r.message.payload.type === 'ClientReply' && r.message.from === leader,
    )!;
    if (reply.kind !== 'sent') throw new Error('no reply');
    expect(messageWhy(reply.message, recordsOfStep(sim.trace, reply.step))).toEqual({
      en: `leader ${leader} cannot start change request #1 now: it has not committed an entry of its own term yet (the 2015 correction); it asks the client to try again shortly`,
      ko: `리더 ${leader}가 변경 요청 #1을 지금은 시작할 수 없음: 아직 자기 임기의 엔트리를 커밋하지 않음 (2015년 수정 규칙). 클라이언트에게 잠시 후 다시 요청하라고 함`,
    });
  });

  it('a leader handing over is not called a node that knows no leader', () => {
    const reply = sent(5, 'A', 'client', {
      type: 'ClientReply',
      requestId: 4,
      success: false,
      leaderHint: null,
      transferringTo: 'C',
    });
    if (reply.kind !== 'sent') throw new Error('not a sent record');
    expect(messageWhy(reply.message, [reply]).en).toBe(
      'leader A is handing leadership to C (dissertation §3.10): it asks the client to try C shortly',
    );
  });
});

describe('a vote refused because a leader is still heard', () => {
  it('is told as a pre-vote only for a PreVote; an ordinary RequestVote is ignored under §4.2.3', () => {
    // The lease lesson: C's fast clock fires its election timer while B still hears from leader A.
    const trace = run(scenarioSchema.parse(leaseFastClock.scenario), 3000).trace;
    const refusals = trace.filter(
      (r) => r.kind === 'node' && r.event.type === 'voteRefused' && r.event.reason === 'leader-alive',
    );
    const ordinary = refusals.find((r) => r.kind === 'node' && r.event.type === 'voteRefused' && !r.event.preVote)!;
    const reading = readStep(recordsOfStep(trace, ordinary.step)).find((r) => r.tone === 'election')!;
    expect(reading.text.en).toMatch(
      /^[A-E] refused to vote for [A-E] in term \d+: it heard from a leader less than an election timeout ago, so it ignores the request and keeps its term$/,
    );
    expect(reading.text.ko).not.toMatch(/사전 투표/);
    expect(reading.source).toEqual({ thesis: '§4.2.3' });
  });
});

describe("a client reply's words", () => {
  it('say what the reply says: done, refused and why, or where to ask next', () => {
    const words = (payload: Omit<ClientReply, 'type' | 'requestId'>) =>
      describeMessage({ type: 'ClientReply', requestId: 5, ...payload });
    expect(words({ success: true, result: '1' }).en).toBe('reply to request #5: success');
    expect(words({ success: false, leaderHint: 'C' }).en).toBe('reply to request #5: not the leader, try C');
    expect(words({ success: false, leaderHint: null }).ko).toBe('요청 #5에 대한 응답: 리더 아님, 리더 모름');
    expect(words({ success: false, leaderHint: null, transferringTo: 'D' }).en).toBe(
      'reply to request #5: handing over, try D',
    );
    expect(words({ success: false, changeDeferred: 'change-in-progress' }).en).toBe(
      'reply to request #5: not yet, ask again shortly',
    );
    expect(words({ success: false, error: 'change refused: one-server-at-a-time' }).en).toBe(
      'reply to request #5: refused (change refused: one-server-at-a-time)',
    );
  });
});

describe("a leader's commit of several entries at once", () => {
  it('says which index the current-term rule was checked on (N, the highest), in both languages', () => {
    // Removing the leader (§6): its no-op and a command commit together once the new configuration does.
    const trace = run(scenarioSchema.parse(membershipRemoveLeader.scenario), 6000).trace;
    const commit = feed(trace).find((l) => /^Leader [A-E] committed indexes \d+–\d+/.test(l))!;
    const [, first, last] = /indexes (\d+)–(\d+)/.exec(commit)!;
    expect(Number(last)).toBeGreaterThan(Number(first));
    expect(commit).toMatch(
      new RegExp(
        `: \\d nodes hold them \\(majority \\d\\) and index ${last} is from [A-E]'s term \\d+; it applies them`,
      ),
    );
    const ko = feed(trace, 'ko').find((l) => l.includes(`인덱스 ${first}–${last}`))!;
    expect(ko).toMatch(new RegExp(`, 인덱스 ${last}[이가] [A-E]의 현재 임기 \\d+의 엔트리임\\. 상태 머신에 적용함$`));
  });
});

describe('why an AppendEntries was sent', () => {
  it('is told from the step that sent it for every AppendEntries of the lessons, never guessed', () => {
    const whys = new Map<string, string>();
    for (const lesson of LESSONS) {
      const trace = run(scenarioSchema.parse(lesson.scenario), Math.max(...lesson.beats.map((b) => b.at)) + 3000).trace;
      for (const s of stepsOf(trace))
        for (const r of s.records)
          if (r.kind === 'sent' && r.message.payload.type === 'AppendEntries' && !r.message.duplicate)
            whys.set(
              messageWhy(r.message, s.records)
                .en.replace(/\b[A-I]\b/g, 'N')
                .replace(/\d+/g, '#'),
              lesson.id,
            );
    }
    // The old fallback said "entries from nextIndex … or a new leaderCommit …": a guess between two.
    expect([...whys.keys()].filter((w) => w.includes(' or a new leaderCommit'))).toEqual([]);
    const told = [...whys.keys()];
    for (const reason of [
      /^before answering read ##, N checks it still leads/, // a ReadIndex round (§6.4)
      /^N starts bringing N up to date as a learner/, // a new server catches up (§4.2.1)
      /^N starts handing leadership to N: it first/, // a transfer (§3.10)
      /^N appended configuration entry # \{[N,]+\} and uses it at once: it sends it/, // a change accepted (§6)
      /^N committed C_new \(entry #\): one last AppendEntries to every server \(leaderCommit #\) tells N that its removal/, // §6
      /^N confirmed its log matches up to index #; N has more for it/, // pipelining after a success
      /^N now holds N's snapshot: N goes on with AppendEntries/, // after InstallSnapshot (§7)
    ])
      expect(told.filter((w) => reason.test(w))).not.toEqual([]);
  });
});

describe('a read that waits for its read index (§6.4)', () => {
  it('says where it waits and for what: at a follower, the leader it asked; at a new leader, a commit of its term', () => {
    const scenario = scenarioSchema.parse({
      version: 1,
      nodes: 3,
      seed: 1,
      options: { reads: 'readIndex', followerReads: true },
    });
    const sim = new Simulation(scenario, { recordTrace: true });
    sim.runUntil(1000);
    const leader = sim.snapshot().nodes.find((n) => n.role === 'leader')!.id;
    const follower = sim.nodeIds.find((id) => id !== leader)!;
    // No leaderNoop and no write yet: the leader has not committed an entry of its term.
    sim.perform({ at: 1000, do: 'submit', command: 'get x', node: leader });
    sim.perform({ at: 1000, do: 'submit', command: 'get y', node: follower });
    sim.runUntil(1100);
    const lines = feed(sim.trace);
    expect(lines).toContain(
      `Read #1 (get x) waits at leader ${leader} until it commits an entry of its own term: until then its commitIndex may be behind.`,
    );
    expect(lines).toContain(
      `Read #2 (get y) waits at ${follower}, a follower: it asks leader ${leader} for a read index, then serves the read itself.`,
    );
    expect(feed(sim.trace, 'ko')).toContain(
      `읽기 #2(get y)가 팔로워 ${follower}에서 기다립니다. 리더 ${leader}에게 read index를 묻고, 받으면 직접 읽기를 처리합니다.`,
    );
  });
});

describe('the end of a removal (§6)', () => {
  it("says the leader's one last AppendEntries tells the removed servers, from the engine's event", () => {
    const lines = (lesson: Lesson, until: number) => {
      const trace = run(scenarioSchema.parse(lesson.scenario), until).trace;
      const announced = trace.find((r) => r.kind === 'node' && r.event.type === 'removalAnnounced')!;
      return readStep(recordsOfStep(trace, announced.step)).map((r) => r.text.en);
    };
    expect(lines(membershipRemovedDisrupts, 2000)).toContain(
      'C_new (entry 2) is committed: B sends one last AppendEntries to every server, so D learns it is no longer a member, and then stops sending to it (§6)',
    );
    expect(lines(membershipJoint, 2000)).toContain(
      'C_new (entry 4) is committed: B sends one last AppendEntries to every server, so A, C learn they are no longer members, and then stops sending to them (§6)',
    );
  });
});
