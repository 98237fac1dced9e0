// The lessons on snapshots kept per node (paper §7, Figure 13) and on leadership transfer and
// reads without the log (dissertation §3.10, §6.4): each is played headlessly, paused at each
// beat, and the facts its caption claims are checked there, from the frames, the trace and the
// client's history; each prediction's answer is checked against what the run goes on to do.
// (lessons.test.ts checks the library as a whole: links, both languages, well-formed beats.)

import { describe, expect, it } from 'vitest';
import { historyFromTrace } from '../../check/history-from-trace';
import { checkLinearizability, type Operation } from '../../check/linearizability';
import type { RaftEvent } from '../../raft/types';
import { Simulation } from '../../sim/simulation';
import type { TraceEvent } from '../../sim/types';
import type { Lesson } from '../narration';
import { findLesson, LESSONS } from './index';
import { node, replay, scenarioOf } from './replay';

function commands(sim: Simulation, id: string): (string | undefined)[] {
  return node(sim, id).log.map((e) => e.command);
}

type NodeTrace<T extends RaftEvent['type']> = { time: number; node: string; event: Extract<RaftEvent, { type: T }> };

function events<T extends RaftEvent['type']>(sim: Simulation, type: T, since = 0): NodeTrace<T>[] {
  return sim.trace
    .filter((t): t is Extract<TraceEvent, { kind: 'node' }> => t.kind === 'node' && t.time >= since)
    .filter((t) => t.event.type === type)
    .map((t) => ({ time: t.time, node: t.node, event: t.event as Extract<RaftEvent, { type: T }> }));
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

/** The client's history so far, as the linearizability checker and the history panel read it. */
function history(sim: Simulation): Operation[] {
  return historyFromTrace(sim.trace);
}

/** The operation of `command` the client sent at `call` (ms), or undefined. */
function operation(sim: Simulation, command: string, call: number): Operation | undefined {
  return history(sim).find((o) => o.command === command && o.call === call);
}

/** One check per beat: the facts the caption claims at that instant. */
const FACTS: Record<string, ((sim: Simulation, l: Lesson) => void)[]> = {
  'snapshot-keeps-suffix': [
    (sim, l) => {
      expect(sim.snapshot().network.cutLinks).toEqual(['C>B']);
      const b = node(sim, 'B');
      expect(b).toMatchObject({ role: 'leader', snapshot: { index: 5, term: 1 } });
      expect(b.log.map((e) => e.command)).toEqual(['set f 6', 'set g 7']);
      expect(b.nextIndex.C).toBe(1);
      const c = node(sim, 'C');
      expect(c.snapshot).toBeNull();
      expect(c.log.map((e) => e.term)).toEqual([1, 1, 1, 1, 1, 1, 1]);
      // What C does with the snapshot it is sent.
      const installed = events(replay(l, l.beats[1]!.at), 'snapshotInstalled').filter((e) => e.node === 'C');
      expect(installed).toHaveLength(1);
      const rule = installed[0]!.event.rule;
      expect(answer(l, 0)).toBe(
        choiceIndex(
          l,
          0,
          rule === 6
            ? 'Replaces 1–5 by the snapshot and keeps 6–7'
            : 'Discards its whole log and resets its state from the snapshot',
        ),
      );
    },
    (sim) => {
      const c = node(sim, 'C');
      expect(events(sim, 'snapshotInstalled')).toEqual([
        expect.objectContaining({
          node: 'C',
          event: expect.objectContaining({ rule: 6, index: 5, term: 1, kept: 2, discarded: 5, stateReset: false }),
        }),
      ]);
      expect(c.snapshot).toMatchObject({ index: 5, term: 1 });
      expect(commands(sim, 'C')).toEqual(['set f 6', 'set g 7']);
      expect(c).toMatchObject({ commitIndex: 5, lastApplied: 5 });
      expect(c.kv).toEqual({ a: '1', b: '2', c: '3', d: '4', e: '5' });
      // B, not hearing back, sent the snapshot again; C kept what it had.
      const install = events(sim, 'snapshotInstalled')[0]!.time;
      const ignored = events(sim, 'snapshotIgnored', install).filter((e) => e.node === 'C');
      expect(ignored.length).toBeGreaterThan(0);
      expect(ignored[0]!.event).toMatchObject({ index: 5, mySnapshotIndex: 5 });
      expect(node(sim, 'B').nextIndex.C).toBe(1);
    },
    (sim) => {
      const b = node(sim, 'B');
      expect(b.nextIndex.C).toBe(8);
      expect(b.matchIndex.C).toBe(7);
      // Entries 6–7 came again with prevLogIndex 5, and C's log did not change.
      const resent = sim.trace.filter(
        (t) =>
          t.kind === 'sent' &&
          t.time > 1100 &&
          t.message.to === 'C' &&
          t.message.payload.type === 'AppendEntries' &&
          t.message.payload.prevLogIndex === 5 &&
          t.message.payload.entries.length === 2,
      );
      expect(resent.length).toBeGreaterThan(0);
      expect(events(sim, 'entriesAppended', 1000).filter((e) => e.node === 'C')).toEqual([]);
      expect(events(sim, 'entriesTruncated').filter((e) => e.node === 'C')).toEqual([]);
      for (const id of ['A', 'C']) expect(node(sim, id)).toMatchObject({ commitIndex: 7, kv: b.kv });
      expect(commands(sim, 'C')).toEqual(['set f 6', 'set g 7']);
      expect(sim.violations).toEqual([]);
    },
  ],
  'follower-snapshot': [
    (sim, l) => {
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', snapshot: null });
      expect(node(sim, 'C')).toMatchObject({ role: 'follower', snapshot: { index: 3, term: 1 }, log: [] });
      expect(events(sim, 'snapshotTaken')).toEqual([
        expect.objectContaining({ node: 'C', event: expect.objectContaining({ index: 3, cause: 'forced' }) }),
      ]);
      for (const id of ['A', 'B']) {
        expect(node(sim, id).snapshot).toBeNull();
        expect(commands(sim, id)).toEqual(['set a 1', 'set b 2', 'set c 3']);
      }
      // What C does with entry 4, sent with prevLogIndex 3.
      const later = replay(l, l.beats[1]!.at);
      const refused = events(later, 'appendRefused').filter((e) => e.node === 'C');
      const appended = events(later, 'entriesAppended').filter((e) => e.node === 'C' && e.event.fromIndex === 4);
      const snapshots = later.trace.filter((t) => t.kind === 'sent' && t.message.payload.type === 'InstallSnapshot');
      const what =
        snapshots.length > 0
          ? 'B must first send C a snapshot of its own'
          : refused.length > 0
            ? 'C refuses it: entry 3 is missing'
            : appended.length > 0
              ? 'C accepts it: its snapshot says entry 3 has term 1'
              : 'none';
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, what));
    },
    (sim) => {
      const c = node(sim, 'C');
      expect(c.snapshot).toMatchObject({ index: 3, term: 1 });
      expect(commands(sim, 'C')).toEqual(['set d 4']);
      expect(c.commitIndex).toBe(4);
      expect(c.kv).toEqual({ a: '1', b: '2', c: '3', d: '4' });
      // It came as an AppendEntries checked at the snapshot's boundary.
      const delivered = sim.trace.filter(
        (t) =>
          t.kind === 'delivered' &&
          t.time > 700 &&
          t.message.to === 'C' &&
          t.message.payload.type === 'AppendEntries' &&
          t.message.payload.entries.length > 0,
      );
      expect(delivered.length).toBeGreaterThan(0);
      for (const t of delivered)
        if (t.kind === 'delivered' && t.message.payload.type === 'AppendEntries')
          expect(t.message.payload).toMatchObject({ prevLogIndex: 3, prevLogTerm: 1 });
      expect(events(sim, 'appendRefused')).toEqual([]);
      expect(sim.trace.some((t) => t.kind === 'sent' && t.message.payload.type === 'InstallSnapshot')).toBe(false);
      expect(node(sim, 'B').snapshot).toBeNull();
    },
    (sim) => {
      const [a, b, c] = ['A', 'B', 'C'].map((id) => node(sim, id));
      expect(a!.snapshot).toBeNull();
      expect(a!.log).toHaveLength(5);
      expect(c!.snapshot).toMatchObject({ index: 3, term: 1 });
      expect(commands(sim, 'C')).toEqual(['set d 4', 'set e 5']);
      expect(b!.snapshot).toMatchObject({ index: 5, term: 1 });
      expect(b!.log).toEqual([]);
      expect(events(sim, 'snapshotTaken').map((e) => [e.node, e.event.index])).toEqual([
        ['C', 3],
        ['B', 5],
      ]);
      for (const n of [a!, b!, c!]) expect(n).toMatchObject({ commitIndex: 5, kv: b!.kv });
      expect(Object.keys(b!.kv)).toHaveLength(5);
      expect(sim.trace.some((t) => t.kind === 'sent' && t.message.payload.type === 'InstallSnapshot')).toBe(false);
      expect(sim.violations).toEqual([]);
    },
  ],
  'transfer-before-maintenance': [
    (sim, l) => {
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', currentTerm: 1, commitIndex: 3 });
      expect(node(sim, 'A').log).toHaveLength(3);
      expect(node(sim, 'C')).toMatchObject({ alive: false, log: [] });
      // What B does first once asked: TimeoutNow only when C's log matches, commands refused meanwhile.
      const later = replay(l, l.beats[1]!.at);
      const started = events(later, 'transferStarted')[0]!;
      const sent = events(later, 'timeoutNowSent')[0]!;
      const refusedBefore = later.trace.some(
        (t) =>
          t.kind === 'sent' &&
          t.time <= sent.time &&
          t.message.payload.type === 'ClientReply' &&
          t.message.payload.transferringTo === 'C',
      );
      expect(started.event.targetMatchIndex).toBeLessThan(started.event.lastLogIndex);
      const caughtUpFirst = sent.event.matchIndex === started.event.lastLogIndex && sent.time > started.time;
      expect(answer(l, 0)).toBe(
        choiceIndex(
          l,
          0,
          caughtUpFirst && refusedBefore
            ? "It refuses new commands while it brings C's log up to date"
            : 'It sends C TimeoutNow at once',
        ),
      );
    },
    (sim, l) => {
      // B refused set d 4, naming C.
      const refusals = sim.trace.filter(
        (t) =>
          t.kind === 'sent' &&
          t.message.from === 'B' &&
          t.message.payload.type === 'ClientReply' &&
          t.message.payload.transferringTo === 'C',
      );
      const setD = history(sim).find((o) => o.command === 'set d 4')!;
      expect(
        refusals.map(
          (t) => t.kind === 'sent' && t.message.payload.type === 'ClientReply' && t.message.payload.requestId,
        ),
      ).toEqual([setD.id]);
      expect(node(sim, 'B').log).toHaveLength(3);
      expect(node(sim, 'C').log).toEqual(node(sim, 'B').log);
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', transfer: { to: 'C', timeoutNowSent: true } });
      expect(events(sim, 'timeoutNowSent')).toEqual([
        expect.objectContaining({ node: 'B', event: expect.objectContaining({ to: 'C', matchIndex: 3 }) }),
      ]);
      expect(node(sim, 'C').role).toBe('follower');
      // When C leads: how long after TimeoutNow, against the shortest election timeout.
      const later = replay(l, l.beats[2]!.at);
      const sentAt = events(later, 'timeoutNowSent')[0]!.time;
      const won = events(later, 'roleChanged').find((e) => e.node === 'C' && e.event.to === 'leader');
      const [shortest] = scenarioOf(l).timing.electionTimeout;
      expect(answer(l, 1)).toBe(
        choiceIndex(
          l,
          1,
          won === undefined
            ? 'Never: B is still the leader'
            : won.time - sentAt < shortest
              ? 'Right away: it starts an election as soon as TimeoutNow arrives'
              : 'After its election timeout (150–300 ms)',
        ),
      );
    },
    (sim) => {
      expect(node(sim, 'C')).toMatchObject({ role: 'leader', currentTerm: 2 });
      expect(node(sim, 'B')).toMatchObject({ role: 'follower', currentTerm: 2, transfer: null });
      const sentAt = events(sim, 'timeoutNowSent')[0]!.time;
      const won = events(sim, 'roleChanged').find((e) => e.node === 'C' && e.event.to === 'leader')!;
      expect(won.time - sentAt).toBeLessThan(40);
      // The only election since the first: C's, started by TimeoutNow, without pre-vote, flagged.
      const elections = events(sim, 'electionStarted', 300);
      expect(elections).toEqual([
        expect.objectContaining({
          node: 'C',
          event: expect.objectContaining({ term: 2, cause: 'transfer', preVote: false }),
        }),
      ]);
      const votes = sim.trace.filter(
        (t) => t.kind === 'sent' && t.message.payload.type === 'RequestVote' && t.time > 700,
      );
      expect(votes.length).toBe(2);
      for (const t of votes) if (t.kind === 'sent') expect(t.message.payload).toMatchObject({ transfer: true });
      expect(sim.trace.some((t) => t.kind === 'timerFired' && t.timer === 'election' && t.time > 300)).toBe(false);
    },
    (sim) => {
      expect(node(sim, 'B').alive).toBe(false);
      expect(node(sim, 'C')).toMatchObject({ role: 'leader', currentTerm: 2, commitIndex: 5 });
      expect(node(sim, 'A')).toMatchObject({ currentTerm: 2 });
      expect(events(sim, 'electionStarted', 780)).toEqual([]);
      const h = history(sim);
      expect(h.find((o) => o.command === 'set d 4')).toMatchObject({ result: '4' });
      expect(h.find((o) => o.command === 'set e 5')).toMatchObject({ result: '5' });
      const byC = sim.trace.filter((t) => t.kind === 'client' && t.event.type === 'succeeded' && t.event.by === 'C');
      expect(byC).toHaveLength(2);
      expect(sim.violations).toEqual([]);
    },
  ],
  'read-index': [
    (sim, l) => {
      for (const id of ['A', 'B']) expect(commands(sim, id)).toEqual(['set x 1', 'get x']);
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', commitIndex: 2, lastApplied: 2 });
      expect(events(sim, 'entryApplied').find((e) => e.node === 'B' && e.event.index === 2)?.event.entry.command).toBe(
        'get x',
      );
      expect(operation(sim, 'get x', 500)?.result).toBe('1');
      // How many entries the second get adds.
      const later = replay(l, l.beats.at(-1)!.at);
      expect(operation(later, 'get x', 800)?.result).toBe('1');
      const added = node(later, 'B').log.length - node(sim, 'B').log.length;
      const text = ['None', 'One, like the first get x', 'Two: the read and a no-op to confirm it'][added];
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, text!));
    },
    (sim) => {
      const get = operation(sim, 'get x', 800)!;
      expect(get.ret).toBe(Infinity);
      const b = node(sim, 'B');
      expect(events(sim, 'readStarted')).toEqual([
        expect.objectContaining({
          node: 'B',
          event: expect.objectContaining({ requestId: get.id, readIndex: b.commitIndex, round: 1, via: 'readIndex' }),
        }),
      ]);
      expect(b.commitIndex).toBe(2);
      expect(b.reads?.pending).toEqual([expect.objectContaining({ requestId: get.id, readIndex: 2, round: 1 })]);
      const round = sim.trace.filter(
        (t) =>
          t.kind === 'sent' &&
          t.time >= 800 &&
          t.message.from === 'B' &&
          t.message.payload.type === 'AppendEntries' &&
          t.message.payload.readContext === 1,
      );
      expect(new Set(round.map((t) => t.kind === 'sent' && t.message.to))).toEqual(new Set(['A', 'C']));
      expect(events(sim, 'readAnswered')).toEqual([]);
      expect(b.log).toHaveLength(2);
    },
    (sim) => {
      const confirmed = events(sim, 'readRoundConfirmed');
      expect(confirmed).toHaveLength(1);
      expect(confirmed[0]!.event.round).toBe(1);
      expect(confirmed[0]!.event.acks).toContain('B');
      expect(confirmed[0]!.event.acks.length).toBeGreaterThanOrEqual(2);
      const answered = events(sim, 'readAnswered');
      expect(answered).toHaveLength(1);
      expect(answered[0]!.event).toMatchObject({ readIndex: 2, result: '1', via: 'readIndex' });
      expect(answered[0]!.event.lastApplied).toBeGreaterThanOrEqual(2);
      expect(operation(sim, 'get x', 800)?.result).toBe(operation(sim, 'get x', 500)?.result);
      // No entry and no commit since the switch.
      expect(events(sim, 'entriesAppended', 700)).toEqual([]);
      expect(events(sim, 'commitAdvanced', 700).filter((e) => e.node === 'B')).toEqual([]);
      for (const id of ['A', 'B', 'C']) expect(node(sim, id).log).toHaveLength(2);
      expect(node(sim, 'B').reads?.pending ?? []).toEqual([]);
      expect(checkLinearizability(history(sim))).toEqual({ ok: true });
    },
  ],
  'stale-local-read': [
    (sim, l) => {
      expect(sim.snapshot().network.isolated).toEqual(['B']);
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', currentTerm: 1, kv: { x: '1' } });
      expect(node(sim, 'C')).toMatchObject({ role: 'leader', currentTerm: 2, commitIndex: 2, kv: { x: '2' } });
      const set2 = operation(sim, 'set x 2', 1000)!;
      expect(set2.result).toBe('2');
      expect(set2.ret).toBeLessThanOrEqual(1100.5);
      // What B answers, switch on.
      const get = operation(replay(l, l.beats[1]!.at), 'get x', 1200);
      const text =
        get?.result === '2'
          ? 'x = 2, the latest value'
          : get?.result === '1'
            ? 'x = 1, a value already overwritten'
            : 'No answer: B cannot reach a majority';
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, text));
      // The reveal: without the switch the client times out on B and gets x = 2 from another node.
      const safe = new Simulation(scenarioOf({ ...l, scenario: { ...l.scenario, unsafe: { localReads: false } } }));
      safe.runUntil(2500);
      expect(operation(safe, 'get x', 1200)?.result).toBe('2');
      const answeredBy = safe.trace.filter((t) => t.kind === 'client' && t.event.type === 'succeeded').at(-1);
      expect(answeredBy?.kind === 'client' && answeredBy.event.type === 'succeeded' && answeredBy.event.by).not.toBe(
        'B',
      );
      expect(events(safe, 'readAnswered')).toEqual([]);
      expect(checkLinearizability(history(safe))).toEqual({ ok: true });
    },
    (sim) => {
      const get = operation(sim, 'get x', 1200)!;
      const set2 = operation(sim, 'set x 2', 1000)!;
      expect(get.result).toBe('1');
      expect(set2.ret).toBeLessThan(get.call);
      expect(events(sim, 'readAnswered')).toEqual([
        expect.objectContaining({ node: 'B', event: expect.objectContaining({ via: 'local', result: '1' }) }),
      ]);
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', currentTerm: 1 });
      const verdict = checkLinearizability(history(sim));
      expect(verdict.ok).toBe(false);
      if (verdict.ok === false) {
        expect(verdict.key).toBe('x');
        expect(verdict.operations.map((o) => o.command)).toEqual(['set x 1', 'set x 2', 'get x']);
      }
    },
    (sim) => {
      expect(node(sim, 'B')).toMatchObject({ role: 'follower', currentTerm: 2, kv: { x: '2' } });
      expect(commands(sim, 'B')).toEqual(['set x 1', 'set x 2']);
      for (const id of ['A', 'C']) expect(node(sim, id).kv).toEqual({ x: '2' });
      expect(sim.violations).toEqual([]);
      expect(checkLinearizability(history(sim)).ok).toBe(false);
    },
  ],
  'lease-fast-clock': [
    (sim, l) => {
      const a = node(sim, 'A');
      expect(a).toMatchObject({ role: 'leader', currentTerm: 3, kv: { x: '1' }, clockRate: 1 });
      expect(events(sim, 'timeoutNowSent')).toEqual([
        expect.objectContaining({ node: 'C', time: 600, event: expect.objectContaining({ to: 'A' }) }),
      ]);
      expect(operation(sim, 'set x 1', 800)?.result).toBe('1');
      // A holds a lease now: it would answer without a round.
      expect(a.reads!.leaseUntilTick).toBeGreaterThan(a.reads!.tick);
      for (const id of ['B', 'C'])
        expect(node(sim, id)).toMatchObject({ clockRate: 10, role: 'candidate', currentTerm: 4 });
      const refused = events(sim, 'voteRefused', 1050).filter((e) => e.event.term === 4);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.filter((e) => e.event.reason === 'leader-alive').map((e) => e.node)).toContain('A');
      expect(sim.snapshot().network.isolated).toEqual([]);
      const get = operation(replay(l, l.beats[1]!.at), 'get x', 1160);
      const text =
        get?.result === '1'
          ? 'x = 1, a stale value'
          : get?.result === '2'
            ? 'x = 2'
            : 'It does not answer: its lease is over';
      expect(answer(l, 0)).toBe(choiceIndex(l, 0, text));
    },
    (sim) => {
      expect(sim.snapshot().network.isolated).toEqual(['A']);
      expect(node(sim, 'A')).toMatchObject({ role: 'leader', currentTerm: 3 });
      expect(node(sim, 'C')).toMatchObject({ role: 'leader', currentTerm: 5 });
      const won = events(sim, 'roleChanged').find(
        (e) => e.node === 'C' && e.event.to === 'leader' && e.event.term === 5,
      )!;
      expect(won.time).toBeGreaterThan(1101);
      expect(won.time).toBeLessThan(1111);
      const set2 = operation(sim, 'set x 2', 1135)!;
      const get = operation(sim, 'get x', 1160)!;
      expect(set2.result).toBe('2');
      expect(set2.ret).toBeLessThan(get.call);
      expect(set2.ret).toBeGreaterThan(1156);
      expect(get.result).toBe('1');
      const answered = events(sim, 'readAnswered').find((e) => e.event.requestId === get.id)!;
      expect(answered).toMatchObject({ node: 'A', event: { via: 'lease', result: '1' } });
      const verdict = checkLinearizability(history(sim));
      expect(verdict.ok).toBe(false);
      if (verdict.ok === false) expect(verdict.key).toBe('x');
    },
    (sim, l) => {
      const scenario = scenarioOf(l);
      expect(scenario.timing.clockDriftBound).toBe(10);
      expect(scenario.timing.electionTimeout[0]).toBe(150);
      expect(scenario.timing.heartbeatInterval).toBe(50);
      expect(node(sim, 'C').clockRate).toBe(10);
      // The same run with the switch off: A must run a round it cannot finish; C answers x = 2.
      const safe = new Simulation(
        scenarioOf({ ...l, scenario: { ...l.scenario, unsafe: { leaseIgnoresDrift: false } } }),
      );
      safe.runUntil(2500);
      const get = operation(safe, 'get x', 1160)!;
      expect(get.result).toBe('2');
      const atA = events(safe, 'readStarted').find((e) => e.node === 'A' && e.event.requestId === get.id)!;
      expect(atA.event.round).toBeGreaterThan(0);
      expect(events(safe, 'readAnswered').filter((e) => e.node === 'A' && e.time > 1101)).toEqual([]);
      const answered = events(safe, 'readAnswered').find((e) => e.event.requestId === get.id)!;
      expect(answered.node).toBe('C');
      expect(checkLinearizability(history(safe))).toEqual({ ok: true });
      expect(answer(l, 2)).toBe(
        choiceIndex(
          l,
          2,
          get.result === '2'
            ? 'A must confirm with a heartbeat round and cannot; the client gets x = 2 from another node'
            : 'A still answers x = 1',
        ),
      );
    },
  ],
};

describe('the snapshot, transfer and read lessons', () => {
  it('are in the library, with a check for every beat', () => {
    for (const [id, checks] of Object.entries(FACTS)) {
      const lesson = findLesson(id);
      expect(lesson, id).toBeDefined();
      expect(checks.length, id).toBe(lesson!.beats.length);
    }
    expect(LESSONS.filter((l) => l.id in FACTS)).toHaveLength(Object.keys(FACTS).length);
  });
});

describe.each(Object.keys(FACTS))('lesson %s', (id) => {
  it('shows at each beat what its caption says', () => {
    const l = findLesson(id)!;
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
});
