import { describe, expect, it } from 'vitest';
import type { RaftEvent, RaftMessage, RequestVote } from '../../raft/types';
import { scenarioSchema } from '../../scenario/schema';
import { Simulation } from '../../sim/simulation';
import type { Envelope, TraceEvent } from '../../sim/types';
import { narrate } from './narrate';

let messageId = 0;
function envelope(from: string, to: string, payload: RaftMessage): Envelope {
  return { id: ++messageId, from, to, sentAt: 0, deliverAt: 10, payload, lost: false, duplicate: false };
}
const node = (step: number, id: string, event: RaftEvent): TraceEvent => ({
  time: step * 10,
  step,
  kind: 'node',
  node: id,
  event,
});
const sent = (step: number, m: Envelope): TraceEvent => ({ time: step * 10, step, kind: 'sent', message: m });
const delivered = (step: number, m: Envelope): TraceEvent => ({ time: step * 10, step, kind: 'delivered', message: m });
const requestVote = (term: number, candidateId = 'C'): RequestVote => ({
  type: 'RequestVote',
  term,
  candidateId,
  lastLogIndex: 0,
  lastLogTerm: 0,
});
const append = (term: number, leaderId: string, leaderCommit: number): RaftMessage => ({
  type: 'AppendEntries',
  term,
  leaderId,
  prevLogIndex: 4,
  prevLogTerm: 2,
  entries: [],
  leaderCommit,
});

/** C's election timer fires in term 3: one step of records. */
const election: TraceEvent[] = [
  { time: 30, step: 3, kind: 'timerFired', node: 'C', timer: 'election' },
  node(3, 'C', { type: 'termChanged', from: 3, to: 4, cause: 'election' }),
  node(3, 'C', { type: 'roleChanged', from: 'follower', to: 'candidate', term: 4 }),
  node(3, 'C', { type: 'electionStarted', term: 4, preVote: false, cause: 'timer', voters: ['A', 'B', 'C', 'D', 'E'] }),
  ...['A', 'B', 'D', 'E'].map((to) => sent(3, envelope('C', to, requestVote(4)))),
];

const stepDown: TraceEvent[] = [
  delivered(7, envelope('E', 'A', requestVote(7, 'E'))),
  node(7, 'A', { type: 'termChanged', from: 6, to: 7, cause: 'E' }),
  node(7, 'A', { type: 'roleChanged', from: 'leader', to: 'follower', term: 7 }),
];

const refusal: TraceEvent[] = [
  node(8, 'B', {
    type: 'voteRefused',
    candidate: 'E',
    term: 7,
    preVote: false,
    reason: 'log-not-up-to-date',
    check: {
      votedFor: null,
      voterTerm: 0,
      voterLastLogTerm: 3,
      voterLastLogIndex: 4,
      candidateLastLogTerm: 2,
      candidateLastLogIndex: 2,
      candidateUpToDate: false,
    },
  }),
];

const commit: TraceEvent[] = [
  delivered(
    9,
    envelope('B', 'A', {
      type: 'AppendEntriesReply',
      term: 7,
      success: true,
      matchIndex: 5,
      conflictTerm: 0,
      conflictIndex: 0,
      prevLogIndex: 4,
    }),
  ),
  node(9, 'A', { type: 'commitAdvanced', from: 4, to: 5, by: 'majority', replicas: 3 }),
  node(9, 'A', { type: 'entryApplied', index: 5, entry: { term: 7, command: 'set x 1' }, result: '1' }),
];

const followerCommit: TraceEvent[] = [
  delivered(10, envelope('A', 'D', append(7, 'A', 5))),
  node(10, 'D', { type: 'commitAdvanced', from: 4, to: 5, by: 'leaderCommit', leader: 'A' }),
  node(10, 'D', { type: 'entryApplied', index: 5, entry: { term: 7, command: 'set x 1' }, result: '1' }),
];

const texts = (events: TraceEvent[], lang: 'en' | 'ko'): string[] =>
  narrate(events, lang).flatMap((item) => item.lines.map((l) => l.text));

describe('narrate in English', () => {
  it('tells an election as one sentence: timeout, new term, candidate, who was asked', () => {
    expect(texts(election, 'en')).toEqual([
      'C timed out in term 3, became candidate for term 4 and asked A, B, D, E for votes',
    ]);
  });

  it('tells a leader stepping down on a higher term', () => {
    expect(texts(stepDown, 'en')).toEqual(['A saw term 7 from E and stepped down to follower']);
  });

  it('tells a refused vote with its reason', () => {
    expect(texts(refusal, 'en')).toEqual([
      "B refused to vote for E: E's log is less up to date (last entry term 2, index 2; B's: term 3, index 4)",
    ]);
  });

  it('tells a leader commit with its command, and a follower learning of it', () => {
    expect(texts(commit, 'en')).toEqual(['Leader A committed index 5 (set x 1): 3 nodes hold it, a majority']);
    expect(texts(followerCommit, 'en')).toEqual([
      'D learned from A that index 5 is committed and applied it (set x 1)',
    ]);
  });

  it('tells the consistency check and the repair of §7', () => {
    const repair: TraceEvent[] = [
      node(11, 'D', {
        type: 'appendRefused',
        leader: 'A',
        term: 7,
        prevLogIndex: 4,
        prevLogTerm: 2,
        reason: 'term-mismatch',
        myLastLogIndex: 3,
        myPrevLogTerm: 1,
      }),
      node(12, 'A', { type: 'nextIndexBackedUp', follower: 'D', from: 4, to: 3 }),
      node(13, 'E', { type: 'entriesTruncated', fromIndex: 4, removed: [{ term: 3, command: 'set y 2' }] }),
    ];
    expect(texts(repair, 'en')).toEqual([
      'D refused AppendEntries from A: no entry at index 4 with term 2 (consistency check)',
      'A backed nextIndex for D up to 3 (was 4) and retries',
      'E truncated its log from index 4 (removed 1 conflicting entry)',
    ]);
  });

  it('groups the records of one step into one item and skips heartbeats unless asked', () => {
    const heartbeat: TraceEvent[] = [
      { time: 50, step: 5, kind: 'timerFired', node: 'A', timer: 'heartbeat' },
      sent(5, envelope('A', 'B', append(7, 'A', 5))),
    ];
    expect(narrate([...election, ...heartbeat], 'en')).toHaveLength(1);
    const withMessages = narrate(heartbeat, 'en', { showMessages: true });
    expect(withMessages[0]?.lines[0]?.text).toMatch(/^A → B: heartbeat/);
  });

  it('tells user actions and their refusals', () => {
    const actions: TraceEvent[] = [
      { time: 100, step: 20, kind: 'crashed', node: 'C' },
      { time: 100, step: 20, kind: 'action', action: { at: 100, do: 'kill', node: 'C' } },
      { time: 110, step: 21, kind: 'action', action: { at: 110, do: 'kill', node: 'C' }, error: 'C is already down' },
    ];
    const items = narrate(actions, 'en');
    expect(items.map((i) => i.lines.map((l) => [l.tone, l.text]))).toEqual([
      [['action', 'C was stopped (crash): its currentTerm, votedFor and log stay on disk']],
      [['error', 'Action refused (kill C): C is already down']],
    ]);
  });
});

describe('narrate in Korean', () => {
  it('tells an election in the words of the course notes', () => {
    expect(texts(election, 'ko')).toEqual([
      'C의 선거 타임아웃이 만료되어 임기 4의 후보가 되었고 A, B, D, E에게 투표를 요청했습니다',
    ]);
  });

  it('tells a step-down (§6.2: 강등)', () => {
    expect(texts(stepDown, 'ko')).toEqual(['A가 E에게서 임기 7을 보고 팔로워로 강등되었습니다']);
  });

  it('tells a refused vote with its reason (§6.3)', () => {
    expect(texts(refusal, 'ko')).toEqual([
      'E의 로그(마지막 임기 2, 인덱스 2)가 B의 로그(마지막 임기 3, 인덱스 4)만큼 최신이 아니어서 B가 E에게 투표를 거부했습니다',
    ]);
  });

  it('tells a commit, with the right particle after the index', () => {
    expect(texts(commit, 'ko')).toEqual([
      '리더 A가 인덱스 5(set x 1)를 커밋했습니다: 과반수인 노드 3개가 가지고 있습니다',
    ]);
    const six = commit.map((e) =>
      e.kind === 'node' && e.event.type === 'commitAdvanced' ? { ...e, event: { ...e.event, from: 5, to: 6 } } : e,
    );
    expect(texts(six, 'ko')).toEqual(['리더 A가 인덱스 6을 커밋했습니다: 과반수인 노드 3개가 가지고 있습니다']);
  });
});

describe('narrate on a real run', () => {
  it('keeps a hostile command as plain text and tells every step of a five-node run in both languages', () => {
    const scenario = scenarioSchema.parse({
      version: 1,
      nodes: 5,
      seed: 3,
      actions: [{ at: 600, do: 'submit', command: 'set y <img src=x onerror=alert(1)>' }],
    });
    const sim = new Simulation(scenario, { recordTrace: true });
    sim.runUntil(1200);
    for (const lang of ['en', 'ko'] as const) {
      const all = texts(sim.trace, lang);
      expect(all.some((t) => t.includes('<img src=x onerror=alert(1)>'))).toBe(true);
      expect(all.every((t) => !t.includes('undefined'))).toBe(true);
    }
    expect(texts(sim.trace, 'en').some((t) => /^Leader [A-E] committed index 1 \(set y <img/.test(t))).toBe(true);
  });
});

describe('a client retry (thesis §6.3)', () => {
  it('the leader says a retried copy was not applied again, once', () => {
    const retryCommit: TraceEvent[] = [
      node(12, 'A', { type: 'commitAdvanced', from: 5, to: 6, by: 'majority', replicas: 3 }),
      node(12, 'A', {
        type: 'entryApplied',
        index: 6,
        entry: { term: 7, command: 'set y 2', requestId: 4 },
        result: '2',
        retry: true,
      }),
    ];
    const lines = narrate(retryCommit, 'en').flatMap((item) => item.lines.map((l) => l.text));
    expect(lines.filter((l) => l.includes('retry of request #4'))).toEqual([
      'A: entry 6 is a retry of request #4: not applied again (same answer as the first)',
    ]);
  });
});
