// Every lesson must really show what its captions say. Each lesson is played headlessly,
// paused at each beat, and the facts its caption claims are checked there; each prediction
// question's answer is checked against what the run goes on to do.

import { describe, expect, it } from 'vitest';
import type { RaftEvent } from '../../raft/types';
import { Simulation } from '../../sim/simulation';
import type { TraceEvent } from '../../sim/types';
import { LESSON_ID, type Lesson, type Localized } from '../narration';
import { nodeNames } from '../schema';
import { decodeLink, encodeLink } from '../url';
import { findLesson, LESSONS } from './index';
import { MEMBERSHIP_FACTS } from './membership-facts';
import { node, replay, scenarioOf } from './replay';

function leaders(sim: Simulation): string[] {
  return sim
    .snapshot()
    .nodes.filter((n) => n.alive && n.role === 'leader')
    .map((n) => n.id);
}

function terms(sim: Simulation, id: string): number[] {
  return node(sim, id).log.map((e) => e.term);
}

type NodeTrace<T extends RaftEvent['type']> = { time: number; node: string; event: Extract<RaftEvent, { type: T }> };

function events<T extends RaftEvent['type']>(sim: Simulation, type: T, since = 0): NodeTrace<T>[] {
  return sim.trace
    .filter((t): t is Extract<TraceEvent, { kind: 'node' }> => t.kind === 'node' && t.time >= since)
    .filter((t) => t.event.type === type)
    .map((t) => ({ time: t.time, node: t.node, event: t.event as Extract<RaftEvent, { type: T }> }));
}

function becameLeader(sim: Simulation, id: string, since = 0): boolean {
  return events(sim, 'roleChanged', since).some((e) => e.node === id && e.event.to === 'leader');
}

/** The index of the choice whose English text is `text`: ties a question's answer to a run's fact. */
function choiceIndex(lesson: Lesson, beat: number, text: string): number {
  const choices = lesson.beats[beat]!.question!.choices;
  const i = choices.findIndex((c) => c.en === text);
  if (i < 0) throw new Error(`${lesson.id} beat ${beat}: no choice "${text}"`);
  return i;
}

function answer(lesson: Lesson, beat: number): number {
  return lesson.beats[beat]!.question!.answer;
}

const ALL = ['A', 'B', 'C', 'D', 'E'];

/** Lessons whose beats are checked in a test file of their own, by file (each also checks it covers every beat). */
const CHECKED_IN: Record<string, string> = {
  'snapshot-keeps-suffix': 'snapshot-read-lessons.test.ts',
  'follower-snapshot': 'snapshot-read-lessons.test.ts',
  'transfer-before-maintenance': 'snapshot-read-lessons.test.ts',
  'read-index': 'snapshot-read-lessons.test.ts',
  'stale-local-read': 'snapshot-read-lessons.test.ts',
  'lease-fast-clock': 'snapshot-read-lessons.test.ts',
  'explore-election-restriction': 'explore-lessons.test.ts',
  'explore-figure-8': 'explore-lessons.test.ts',
};

/** One check per beat: the facts the caption claims at that instant. */
const FACTS: Record<string, ((sim: Simulation, l: Lesson) => void)[]> = {
  // Membership changes (§6, dissertation §4): their checks live in membership-facts.ts.
  ...MEMBERSHIP_FACTS,
  'first-election': [
    (sim, l) => {
      for (const id of ALL) expect(node(sim, id)).toMatchObject({ role: 'follower', currentTerm: 0 });
      const first = events(replay(l, 250), 'electionStarted')[0]!;
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, first.node));
    },
    (sim) => {
      expect(node(sim, 'B')).toMatchObject({ role: 'candidate', currentTerm: 1, votedFor: 'B' });
      for (const id of ['A', 'C', 'D', 'E']) expect(node(sim, id)).toMatchObject({ role: 'follower', currentTerm: 0 });
    },
    (sim) => {
      for (const id of ['A', 'C', 'D', 'E']) expect(node(sim, id)).toMatchObject({ currentTerm: 1, votedFor: 'B' });
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'B').currentTerm).toBe(1);
      for (const id of ['A', 'C', 'D', 'E']) expect(node(sim, id)).toMatchObject({ role: 'follower', leaderId: 'B' });
    },
  ],
  'split-vote': [
    (sim, l) => {
      for (const id of ['A', 'C']) expect(node(sim, id)).toMatchObject({ role: 'candidate', currentTerm: 1 });
      const termOneLeaders = events(replay(l, 330), 'roleChanged').filter(
        (e) => e.event.to === 'leader' && e.event.term === 1,
      );
      expect(termOneLeaders).toEqual([]);
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, 'Nobody'));
    },
    (sim) => {
      expect(leaders(sim)).toEqual([]);
      expect(node(sim, 'A').votesGranted).toHaveLength(2);
      expect(node(sim, 'C').votesGranted).toHaveLength(2);
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['A']);
      expect(node(sim, 'A').currentTerm).toBe(2);
    },
  ],
  'narrow-timeouts': [
    (sim, l) => {
      for (const id of ALL) expect(node(sim, id)).toMatchObject({ role: 'candidate', currentTerm: 1, votedFor: id });
      expect(events(replay(l, 2000), 'roleChanged').some((e) => e.event.to === 'leader')).toBe(false);
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, 'No, elections keep repeating'));
    },
    (sim) => {
      expect(leaders(sim)).toEqual([]);
      for (const id of ALL) expect(node(sim, id).currentTerm).toBeGreaterThan(10);
    },
  ],
  replication: [
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      for (const id of ALL) expect(node(sim, id).log).toEqual([]);
    },
    (sim) => {
      expect(node(sim, 'B')).toMatchObject({ commitIndex: 0, log: [{ term: 1, command: 'set x 1' }] });
      for (const id of ['A', 'C', 'D', 'E']) expect(node(sim, id).log).toEqual([]);
    },
    (sim, l) => {
      for (const id of ALL) expect(node(sim, id)).toMatchObject({ commitIndex: 0, log: [{ command: 'set x 1' }] });
      // Step a fresh run to the instant B commits, and count the followers B knew to hold the entry.
      const run = new Simulation(scenarioOf(l));
      while (node(run, 'B').commitIndex === 0) run.step();
      const confirmed = Object.values(node(run, 'B').matchIndex).filter((m) => m >= 1).length;
      expect(confirmed).toBe(2);
      expect(answer(l, 2)).toBe(choiceIndex(l, 2, 'Two'));
    },
    (sim) => {
      expect(node(sim, 'B')).toMatchObject({ commitIndex: 1, lastApplied: 1, kv: { x: '1' } });
      for (const id of ['A', 'C', 'D', 'E']) expect(node(sim, id)).toMatchObject({ commitIndex: 0, kv: {} });
      expect(sim.snapshot().requests[0]!.status).toBe('succeeded');
    },
    (sim) => {
      for (const id of ALL) expect(node(sim, id)).toMatchObject({ commitIndex: 1, kv: { x: '1' } });
    },
  ],
  'quorum-three': [
    (sim) => expect(leaders(sim)).toEqual(['B']),
    (sim) => {
      expect(node(sim, 'B').alive).toBe(false);
      expect(leaders(sim)).toEqual(['A']);
      expect(node(sim, 'A').currentTerm).toBe(2);
      for (const id of ['A', 'C']) expect(node(sim, id)).toMatchObject({ commitIndex: 1, kv: { x: '1' } });
    },
    (sim, l) => {
      expect(node(sim, 'B')).toMatchObject({ alive: true, commitIndex: 1, kv: { x: '1' } });
      const later = replay(l, 3300);
      expect(node(later, 'A').commitIndex).toBe(1);
      for (const id of ['B', 'C']) expect(node(later, id)).toMatchObject({ commitIndex: 2, kv: { y: '2' } });
      expect(answer(l, 2)).toBe(choiceIndex(l, 2, 'The side with B and C'));
    },
    (sim) => {
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', currentTerm: 3 });
      for (const id of ['B', 'C']) expect(node(sim, id)).toMatchObject({ commitIndex: 2, kv: { x: '1', y: '2' } });
      // A still believes it leads, and its copy of "set y 2" stays uncommitted.
      expect(node(sim, 'A')).toMatchObject({ role: 'leader', currentTerm: 2, commitIndex: 1 });
      expect(node(sim, 'A').log.map((e) => e.command)).toEqual(['set x 1', 'set y 2']);
    },
  ],
  'quorum-four': [
    (sim) => expect(leaders(sim)).toEqual(['B']),
    (sim) => {
      expect(node(sim, 'B').alive).toBe(false);
      expect(leaders(sim)).toEqual(['C']);
      for (const id of ['A', 'C', 'D']) expect(node(sim, id)).toMatchObject({ commitIndex: 1, kv: { x: '1' } });
    },
    (sim, l) => {
      expect(sim.snapshot().nodes.every((n) => n.alive)).toBe(true);
      const later = replay(l, 3500);
      expect(later.snapshot().nodes.every((n) => n.commitIndex === 1 && n.kv.y === undefined)).toBe(true);
      expect(answer(l, 2)).toBe(choiceIndex(l, 2, 'No, on neither side'));
    },
    (sim) => {
      for (const id of ['A', 'B', 'C', 'D']) expect(node(sim, id).commitIndex).toBe(1);
      expect(leaders(sim)).toEqual(['C']);
      expect(node(sim, 'C').log.length).toBeGreaterThan(1);
      for (const id of ['A', 'B']) expect(node(sim, id).currentTerm).toBeGreaterThan(node(sim, 'C').currentTerm + 2);
    },
  ],
  'isolated-term': [
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'E').log).toMatchObject([{ command: 'set x 1' }]);
    },
    (sim, l) => {
      expect(sim.snapshot().network.isolated).toEqual(['E']);
      expect(node(sim, 'E')).toMatchObject({ role: 'follower', currentTerm: 1 });
      const later = replay(l, 2400);
      expect(node(later, 'E').currentTerm).toBeGreaterThan(5);
      expect(becameLeader(later, 'E')).toBe(false);
      expect(answer(l, 1)).toBe(choiceIndex(l, 1, 'Higher and higher, one election after another'));
    },
    (sim) => {
      expect(node(sim, 'E')).toMatchObject({ role: 'candidate', currentTerm: 2 });
      expect(node(sim, 'E').log).toHaveLength(1);
      for (const id of ['A', 'B', 'C', 'D']) expect(node(sim, id)).toMatchObject({ commitIndex: 2 });
      expect(node(sim, 'B').commitIndex).toBe(2);
    },
    (sim) => {
      expect(node(sim, 'E').currentTerm).toBeGreaterThan(node(sim, 'B').currentTerm + 5);
      expect(node(sim, 'E').log).toHaveLength(1);
      expect(leaders(sim)).toEqual(['B']);
    },
  ],
  'rejoin-deposes': [
    (sim, l) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'E').currentTerm).toBeGreaterThan(node(sim, 'B').currentTerm);
      expect(node(replay(l, 2560), 'B').role).toBe('follower');
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, "It sees E's term and steps down to follower"));
    },
    (sim) => {
      const eTerm = node(sim, 'E').currentTerm;
      for (const id of ['A', 'C', 'D']) expect(node(sim, id).currentTerm).toBe(eTerm);
      const refused = events(sim, 'voteRefused', 2500).filter((e) => e.event.candidate === 'E');
      expect(new Set(refused.map((e) => e.node))).toEqual(new Set(['A', 'C', 'D']));
    },
    (sim) => {
      expect(node(sim, 'B')).toMatchObject({ role: 'follower', currentTerm: node(sim, 'E').currentTerm });
      expect(leaders(sim)).toEqual([]);
    },
  ],
  'election-restriction': [
    (sim, l) => {
      expect(node(sim, 'E').log).toHaveLength(1);
      for (const id of ['A', 'B', 'C', 'D']) expect(node(sim, id).log).toHaveLength(2);
      expect(becameLeader(replay(l, 3000), 'E')).toBe(false);
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, 'No, its log is too old to win votes'));
    },
    (sim) => {
      const refused = events(sim, 'voteRefused', 2500).filter((e) => e.event.candidate === 'E');
      expect(new Set(refused.map((e) => e.node))).toEqual(new Set(['A', 'C', 'D']));
      expect(refused.every((e) => e.event.reason === 'log-not-up-to-date')).toBe(true);
    },
    (sim) => {
      const isolatedTerm = Math.max(
        ...events(sim, 'electionStarted')
          .filter((e) => e.node === 'E' && e.time < 2500)
          .map((e) => e.event.term),
      );
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'B').currentTerm).toBeGreaterThan(isolatedTerm);
      expect(node(sim, 'E')).toMatchObject({ role: 'follower', log: [{ command: 'set x 1' }, { command: 'set y 2' }] });
      expect(node(sim, 'B').commitIndex).toBe(2);
      expect(sim.violations).toEqual([]);
    },
  ],
  prevote: [
    (sim, l) => {
      expect(sim.snapshot().network.isolated).toEqual(['E']);
      expect(node(replay(l, 2400), 'E').currentTerm).toBe(1);
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, 'Still 1'));
    },
    (sim) => {
      expect(node(sim, 'E')).toMatchObject({ currentTerm: 1 });
      expect(node(sim, 'E').log).toHaveLength(1);
      expect(events(sim, 'electionStarted').some((e) => e.node === 'E' && e.event.preVote)).toBe(true);
      expect(leaders(sim)).toEqual(['B']);
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'B').currentTerm).toBe(1);
      expect(events(sim, 'roleChanged').some((e) => e.node === 'B' && e.event.from === 'leader')).toBe(false);
      expect(node(sim, 'E').log).toHaveLength(2);
      const refusals = events(sim, 'voteRefused', 2500).filter((e) => e.event.candidate === 'E');
      expect(refusals.length).toBeGreaterThan(0);
      expect(refusals.every((e) => e.event.reason === 'leader-alive')).toBe(true);
    },
  ],
  'refused-append': [
    (sim) => {
      expect(terms(sim, 'A')).toEqual([1, 1, 2]);
      expect(terms(sim, 'B')).toEqual([1, 1, 2]);
      expect(terms(sim, 'C')).toEqual([1]);
    },
    (sim, l) => {
      expect(leaders(sim)).toEqual(['A']);
      expect(node(sim, 'A').currentTerm).toBe(3);
      const first = events(replay(l, 60), 'appendRefused').find((e) => e.node === 'C');
      expect(first?.event).toMatchObject({ prevLogIndex: 3, prevLogTerm: 2 });
      expect(answer(l, 1)).toBe(choiceIndex(l, 1, 'Refuse it: it has no entry 3'));
    },
    (sim) => {
      const refused = events(sim, 'appendRefused').filter((e) => e.node === 'C');
      expect(refused[0]?.event).toMatchObject({ prevLogIndex: 3, reason: 'missing-entry' });
      expect(terms(sim, 'C')).toEqual([1]);
    },
    (sim) => {
      expect(terms(sim, 'C')).toEqual(terms(sim, 'A'));
      expect(events(sim, 'nextIndexBackedUp').filter((e) => e.event.follower === 'C').length).toBeGreaterThan(0);
    },
  ],
  'figure-7': [
    (sim, l) => {
      expect(terms(sim, 'A')).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6]);
      expect(terms(sim, 'G')).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3]);
      const cut = events(replay(l, l.beats.at(-1)!.at), 'entriesTruncated').filter((e) => e.node === 'G');
      expect(cut.map((e) => [e.event.fromIndex, e.event.removed.length])).toEqual([[4, 8]]);
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, 'Eight (indexes 4–11)'));
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['A']);
      expect(node(sim, 'A').currentTerm).toBe(8);
      const refused = events(sim, 'voteRefused').filter((e) => e.event.candidate === 'A');
      expect(refused.map((e) => e.node).sort()).toEqual(['D', 'E']);
      expect(refused.every((e) => e.event.reason === 'log-not-up-to-date')).toBe(true);
      const granted = events(sim, 'voteGranted').filter((e) => e.event.candidate === 'A');
      expect(granted.map((e) => e.node).sort()).toEqual(['B', 'C', 'F', 'G']);
    },
    (sim) => {
      const first = events(sim, 'appendRefused').filter((e) => e.event.prevLogIndex === 10);
      expect(new Set(first.map((e) => e.node))).toEqual(new Set(['B', 'C', 'F', 'G']));
    },
    (sim) => {
      expect(terms(sim, 'B')).toEqual(terms(sim, 'A'));
      const nextG = node(sim, 'A').nextIndex.G!;
      expect(nextG).toBeLessThan(11);
      expect(nextG).toBeGreaterThan(4);
    },
    (sim) => {
      const leader = terms(sim, 'A');
      for (const id of ['F', 'G']) expect(terms(sim, id).slice(0, 10)).toEqual(leader.slice(0, 10));
      expect(terms(sim, 'D')).toHaveLength(11);
      expect(terms(sim, 'E')).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7]);
    },
    (sim) => {
      const want = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8];
      for (const id of nodeNames(7)) expect(terms(sim, id)).toEqual(want);
      expect(node(sim, 'A').commitIndex).toBe(11);
      expect(sim.violations).toEqual([]);
    },
  ],
  'figure-8': [
    (sim) => {
      expect(node(sim, 'E').alive).toBe(false);
      expect(terms(sim, 'A')).toEqual([1, 2]);
      expect(terms(sim, 'B')).toEqual([1, 2]);
      expect(terms(sim, 'E')).toEqual([1, 3]);
    },
    (sim, l) => {
      expect(leaders(sim)).toEqual(['A']);
      expect(node(sim, 'A').currentTerm).toBe(4);
      for (const id of ['A', 'B', 'C', 'D']) expect(terms(sim, id)).toEqual([1, 2]);
      expect(node(sim, 'A').commitIndex).toBe(0);
      const whole = replay(l, 460);
      expect(events(whole, 'commitAdvanced').filter((e) => e.node === 'A')).toEqual([]);
      expect(answer(l, 1)).toBe(choiceIndex(l, 1, 'No, it is not from its own term (4)'));
    },
    (sim) => {
      expect(node(sim, 'A').alive).toBe(false);
      expect(leaders(sim)).toEqual(['E']);
      expect(node(sim, 'E').currentTerm).toBe(6);
    },
    (sim) => {
      for (const id of ['B', 'C', 'D', 'E']) expect(terms(sim, id)).toEqual([1, 3]);
      expect(sim.violations).toEqual([]);
    },
  ],
  'figure-8-unsafe': [
    (sim, l) => {
      expect(node(sim, 'A')).toMatchObject({ role: 'leader', commitIndex: 2, kv: { x: '2' } });
      expect(replay(l, 480).violations.length).toBeGreaterThan(0);
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, 'A safety violation'));
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['E']);
      expect(sim.violations.map((v) => v.invariant)).toContain('Leader Completeness');
    },
    (sim) => {
      expect(sim.violations.map((v) => v.invariant)).toContain('State Machine Safety');
      expect(node(sim, 'E').kv.x).toBe('3');
      expect(node(sim, 'B').kv.x).toBe('2');
    },
  ],
  'snapshot-shrinks-log': [
    (sim, l) => {
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', snapshot: null, commitIndex: 4, lastApplied: 4 });
      expect(terms(sim, 'B')).toEqual([1, 1, 1, 1, 1]);
      // The answer is what happens when B applies entry 5.
      const later = node(replay(l, 900), 'B');
      expect(later.snapshot).toMatchObject({ index: 5, term: 1 });
      expect(answer(l, 0)).toBe(
        choiceIndex(
          l,
          0,
          later.log.length === 0
            ? 'Entries 1–5 become one snapshot and leave the log'
            : 'Nothing: a log keeps every entry',
        ),
      );
    },
    (sim) => {
      for (const id of ['A', 'B', 'C']) {
        const n = node(sim, id);
        expect(n.snapshot).toMatchObject({ index: 5, term: 1 });
        expect(terms(sim, id)).toEqual([1]);
        expect(n.commitIndex).toBe(6);
        expect(Object.keys(n.kv).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      }
      // Each took its own: three snapshotTaken events, by threshold.
      const taken = events(sim, 'snapshotTaken');
      expect(taken.map((e) => e.node).sort()).toEqual(['A', 'B', 'C']);
      expect(taken.every((e) => e.event.cause === 'threshold')).toBe(true);
      expect(sim.violations).toEqual([]);
    },
  ],
  'install-snapshot': [
    (sim, l) => {
      expect(node(sim, 'C')).toMatchObject({ alive: false, snapshot: null, log: [] });
      for (const id of ['A', 'B']) expect(node(sim, id).snapshot).toMatchObject({ index: 5, term: 1 });
      expect(node(sim, 'B').role).toBe('leader');
      // What B sends C once it is back.
      const sent = replay(l, 1500).trace.filter(
        (r) => r.kind === 'sent' && r.message.from === 'B' && r.message.to === 'C' && r.time > 1300,
      );
      const first = sent[0]?.kind === 'sent' ? sent[0].message.payload.type : null;
      expect(answer(l, 0)).toBe(
        choiceIndex(
          l,
          0,
          first === 'InstallSnapshot' ? 'InstallSnapshot: its snapshot, in chunks' : 'AppendEntries from index 1',
        ),
      );
    },
    (sim) => {
      const c = node(sim, 'C');
      expect(c.incomingSnapshot).toMatchObject({ leader: 'B', index: 5, chunks: 3, received: 128 });
      expect(c.snapshot).toBeNull();
      expect(c.log).toEqual([]);
      expect(c.kv).toEqual({});
    },
    (sim) => {
      const c = node(sim, 'C');
      const b = node(sim, 'B');
      expect(events(sim, 'snapshotInstalled')).toEqual([
        expect.objectContaining({ node: 'C', event: expect.objectContaining({ rule: 7, index: 5 }) }),
      ]);
      expect(c.snapshot).toMatchObject({ index: 5, term: 1 });
      expect(terms(sim, 'C')).toEqual([1, 1]);
      expect(c.commitIndex).toBe(7);
      expect(c.kv).toEqual(b.kv);
      expect(sim.violations).toEqual([]);
    },
  ],
};

describe('the lesson library', () => {
  it('has unique, URL-safe ids and findLesson finds each', () => {
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LESSONS) {
      expect(l.id).toMatch(LESSON_ID);
      expect(findLesson(l.id)).toBe(l);
    }
    expect(findLesson('no-such-lesson')).toBeUndefined();
  });

  it('covers the sections of the course notes', () => {
    const sections = new Set(LESSONS.map((l) => l.section));
    for (const s of ['2–3.2', '3.1', '4', '5', '6.1', '6.2', '6.3', '7.1', '7.2']) expect(sections).toContain(s);
  });

  it('is well-formed: valid scenarios, beats in order, questions with a real answer, both languages', () => {
    const texts: Localized[] = [];
    let questions = 0;
    for (const l of LESSONS) {
      const scenario = scenarioOf(l);
      const names = nodeNames(scenario.nodes);
      texts.push(l.title, l.summary);
      l.beats.forEach((beat, i) => {
        if (i > 0) expect(beat.at, `${l.id} beat ${i}`).toBeGreaterThan(l.beats[i - 1]!.at);
        texts.push(beat.caption);
        if (beat.watch) texts.push(beat.watch);
        for (const id of beat.focus?.nodes ?? []) expect(names).toContain(id);
        const q = beat.question;
        if (q) {
          questions++;
          expect(q.choices.length).toBeGreaterThanOrEqual(2);
          expect(q.answer).toBeGreaterThanOrEqual(0);
          expect(q.answer).toBeLessThan(q.choices.length);
          texts.push(q.prompt, q.reveal, ...q.choices);
        }
      });
    }
    expect(questions).toBeGreaterThanOrEqual(2);
    for (const t of texts) {
      expect(t.en.trim()).not.toBe('');
      expect(t.ko.trim()).not.toBe('');
    }
    // Korean text really is Korean (a choice may be just a node name).
    const hangul = texts.filter((t) => /[\uac00-\ud7a3]/.test(t.ko)).length;
    expect(hangul).toBeGreaterThan(texts.length * 0.8);
  });

  it('has a check for every beat of every lesson', () => {
    for (const l of LESSONS) {
      if (l.id in CHECKED_IN) expect(FACTS[l.id], l.id).toBeUndefined();
      else expect(FACTS[l.id]?.length, l.id).toBe(l.beats.length);
    }
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (id, l) => {
  it.skipIf(id in CHECKED_IN)('shows at each beat what its caption says', () => {
    const sim = new Simulation(scenarioOf(l));
    l.beats.forEach((beat, i) => {
      sim.runUntil(beat.at);
      try {
        FACTS[id]![i]!(sim, l);
      } catch (e) {
        throw new Error(`${id}, beat ${i} at ${beat.at} ms: ${(e as Error).message}`, { cause: e });
      }
    });
  });

  it('survives a link unchanged, replays to the same trace, and its link is short', () => {
    const scenario = scenarioOf(l);
    const last = l.beats.at(-1)!.at;
    const link = encodeLink({
      scenario,
      at: last,
      view: { lang: 'en', lesson: id, beat: l.beats.length - 1, selected: 'A' },
    });
    expect(link.length).toBeLessThan(500);
    const decoded = decodeLink(`https://class.example/raft/${link}`);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.link.scenario).toEqual(scenario);
    expect(decoded.link.view).toMatchObject({ lesson: id, beat: l.beats.length - 1 });
    const original = new Simulation(scenario);
    const copy = new Simulation(decoded.link.scenario);
    original.runUntil(last);
    copy.runUntil(decoded.link.at);
    expect(copy.trace).toEqual(original.trace);
  });
});
