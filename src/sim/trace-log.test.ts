// The compact trace must give back exactly the records it was given: same fields, same
// order of fields (so the same JSON), through every way of reading and editing it.

import { describe, expect, it } from 'vitest';
import { makeNode, Router } from '../raft/test-helpers';
import { TraceLog } from './trace-log';
import type { AppendEntries } from '../raft/types';
import type { Envelope, TraceEvent } from './types';

const message: Envelope = {
  id: 7,
  from: 'A',
  to: 'B',
  sentAt: 10.25,
  deliverAt: 21.125,
  payload: { type: 'RequestVoteReply', term: 2, voteGranted: true },
  lost: false,
  duplicate: false,
};

/** One record of every kind, with the field order the simulation writes. */
const records: TraceEvent[] = [
  { kind: 'timerFired', node: 'A', timer: 'election', time: 0.5, step: 1 },
  { kind: 'sent', message, time: 10.25, step: 1 },
  { kind: 'delivered', message, time: 21.125, step: 2 },
  { kind: 'dropped', message, reason: 'link-down', time: 21.125, step: 2 },
  {
    kind: 'node',
    node: 'B',
    event: { type: 'electionStarted', term: 3, preVote: false, cause: 'timer', voters: ['A', 'B', 'C', 'D', 'E'] },
    time: 30,
    step: 3,
  },
  { kind: 'client', event: { type: 'failed', requestId: 4, reason: 'deadline' }, time: 31, step: 4 },
  {
    kind: 'node',
    node: 'A',
    event: {
      type: 'commitAdvanced',
      from: 0,
      to: 2,
      by: 'majority',
      replicas: 3,
      term: 2,
      currentTerm: 2,
      quorum: [{ voters: ['A', 'B', 'C', 'D', 'E'], needed: 3 }],
    },
    time: 31.5,
    step: 4,
  },
  {
    kind: 'node',
    node: 'C',
    event: { type: 'commitAdvanced', from: 1, to: 2, by: 'leaderCommit', leader: 'A' },
    time: 32,
    step: 4,
  },
  {
    kind: 'node',
    node: 'C',
    event: {
      type: 'entriesAppended',
      fromIndex: 3,
      entries: [{ term: 2, command: 'set x 1', requestId: 9 }],
      leader: 'A',
    },
    time: 32,
    step: 4,
  },
  { kind: 'action', action: { at: 40, do: 'heal' }, time: 40, step: 5 },
  {
    kind: 'action',
    action: { at: 41, do: 'kill', node: 'C' },
    error: 'C is already down',
    refusal: { code: 'already-down', node: 'C' },
    time: 41,
    step: 6,
  },
  { kind: 'crashed', node: 'C', time: 42, step: 7 },
  { kind: 'restarted', node: 'C', term: 5, votedFor: null, time: 43, step: 8 },
  {
    kind: 'violation',
    violation: { invariant: 'Election Safety', time: 44, nodes: ['A', 'B'], term: 3, detail: 'two leaders' },
    time: 44,
    step: 9,
  },
  // A message record's time stands for one of its envelope's times; these are the exceptions (a drop
  // by the user while in flight, a delivery in manual mode, a send recorded at another time).
  { kind: 'dropped', message, reason: 'dropped-by-user', time: 45, step: 10 },
  { kind: 'delivered', message, time: 46.5, step: 11 },
  { kind: 'sent', message: { ...message, id: 2 ** 32 - 1 }, time: 47, step: 12 },
];

function logOf(events: readonly TraceEvent[]): TraceLog {
  const log = new TraceLog();
  for (const e of events) log.push(e);
  return log;
}

describe('TraceLog', () => {
  it('gives back every kind of record with the same fields in the same order', () => {
    const log = logOf(records);
    expect(log.length).toBe(records.length);
    expect(JSON.stringify(log)).toBe(JSON.stringify(records));
    for (let i = 0; i < records.length; i++) {
      expect(Object.keys(log.at(i)!)).toEqual(Object.keys(records[i]!));
      expect(log.at(i)).toEqual(records[i]);
      expect(log.kindAt(i)).toBe(records[i]!.kind);
      expect(log.timeAt(i)).toBe(records[i]!.time);
      expect(log.stepAt(i)).toBe(records[i]!.step);
    }
    // Events and payloads are the very objects recorded; an envelope is rebuilt, equal.
    const started = records[4] as Extract<TraceEvent, { kind: 'node' }>;
    expect((log.at(4) as typeof started).event).toBe(started.event);
    expect((log.at(1) as Extract<TraceEvent, { kind: 'sent' }>).message.payload).toBe(message.payload);
  });

  it('refuses numbers its whole-number columns would wrap, rather than keep them wrong', () => {
    const log = new TraceLog();
    expect(() => log.message('sent', { ...message, id: 2 ** 32 }, 10.25, 1)).toThrow(/whole numbers/);
    expect(() => log.timerFired('A', 'election', 1, 1.5)).toThrow(/whole numbers/);
  });

  it('gives back every event a real cluster emits exactly, including those it keeps as numbers', () => {
    const router = new Router(['A', 'B', 'C'].map((id) => makeNode(id)));
    router.fire('A', 'election');
    router.deliverAll();
    for (const command of ['set x 1', 'set y 2', 'del x']) {
      router.propose('A', command);
      router.deliverAll();
      router.fire('A', 'heartbeat');
      router.deliverAll();
    }
    const types = new Set(router.events.map((e) => e.event.type));
    expect(types).toContain('commitAdvanced');
    expect(types).toContain('entriesAppended');
    const log = new TraceLog();
    router.events.forEach(({ node, event }, step) => log.node(node, event, step / 2, step));
    router.events.forEach(({ node, event }, i) => {
      const record = log.at(i)!;
      expect(record.kind === 'node' && record.node).toBe(node);
      expect(JSON.stringify(record.kind === 'node' && record.event)).toBe(JSON.stringify(event));
    });
  });

  it("reads a commit's index without building the record, a leader's (by reference) and a follower's (as numbers)", () => {
    const router = new Router(['A', 'B', 'C'].map((id) => makeNode(id)));
    router.fire('A', 'election');
    router.deliverAll();
    for (const command of ['set x 1', 'set y 2']) {
      router.propose('A', command);
      router.deliverAll();
      router.fire('A', 'heartbeat');
      router.deliverAll();
    }
    const log = new TraceLog();
    router.events.forEach(({ node, event }, step) => log.node(node, event, step / 2, step));
    log.message('sent', message, 10.25, router.events.length);
    const commits = new Set<string>();
    for (let i = 0; i < log.length; i++) {
      const record = log.at(i)!;
      const event = record.kind === 'node' ? record.event : undefined;
      expect(log.commitToAt(i)).toBe(event?.type === 'commitAdvanced' ? event.to : undefined);
      if (event?.type === 'commitAdvanced') commits.add(`${record.kind === 'node' && record.node} ${event.by}`);
    }
    expect(commits).toEqual(new Set(['A majority', 'B leaderCommit', 'C leaderCommit']));
  });

  it('reads like an array: negative at, slice, iteration', () => {
    const log = logOf(records);
    expect(log.at(-1)).toEqual(records.at(-1));
    expect(log.at(records.length)).toBeUndefined();
    expect(log.slice(2, 5)).toEqual(records.slice(2, 5));
    expect(log.slice(-3)).toEqual(records.slice(-3));
    expect([...log]).toEqual(records);
  });

  it('holds many records, and can be cut back and grown again at any length', () => {
    const many: TraceEvent[] = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 === 0
        ? { kind: 'sent', message: { ...message, id: i, from: `N${i % 9}`, lost: i % 2 === 0 }, time: i / 8, step: i }
        : { kind: 'crashed', node: `N${i % 7}`, time: i / 8, step: i },
    );
    const log = logOf(many);
    expect(JSON.stringify(log)).toBe(JSON.stringify(many));
    for (const cut of [8192, 4097, 4096, 1, 0]) {
      log.truncate(cut);
      expect(log.length).toBe(cut);
      expect(log.at(cut)).toBeUndefined();
      for (const e of many.slice(cut)) log.push(e);
      expect(JSON.stringify(log)).toBe(JSON.stringify(many));
    }
    // Copying a range whose chunks do not line up with the target's.
    const copy = logOf([{ kind: 'crashed', node: 'Z', time: 0, step: 0 }]);
    copy.appendFrom(log, 5, 9_000);
    expect(JSON.stringify(copy.slice(1))).toBe(JSON.stringify(many.slice(5, 9_000)));
    // …and again over chunks emptied by a cut.
    copy.truncate(1);
    copy.appendFrom(log, 0, 10_000);
    expect(JSON.stringify(copy.slice(1))).toBe(JSON.stringify(many));
  });

  it('truncates, including the rare fields of the records it cuts', () => {
    const log = logOf(records);
    const refused = records.findIndex((e) => e.kind === 'action' && e.refusal !== undefined);
    log.truncate(refused);
    expect(log.toArray()).toEqual(records.slice(0, refused));
    // A record written where a refused action was must not inherit its reason.
    const heal: TraceEvent = { kind: 'action', action: { at: 50, do: 'heal' }, time: 50, step: 10 };
    log.push(heal);
    expect(JSON.stringify(log.at(refused))).toBe(JSON.stringify(heal));
  });

  it('keeps a reply once for its sent and delivered records, and never loses it to a cut between them', () => {
    const reply = (term: number, matchIndex: number): Envelope => ({
      ...message,
      payload: {
        type: 'AppendEntriesReply',
        term,
        success: true,
        prevLogIndex: 1,
        matchIndex,
        conflictTerm: 0,
        conflictIndex: 0,
      },
    });
    const [r1, r2, r3] = [reply(1, 5), reply(1, 6), reply(2, 9)];
    const run: TraceEvent[] = [
      { kind: 'sent', message: r1, time: 10.25, step: 1 },
      { kind: 'sent', message: r2, time: 10.25, step: 1 },
      { kind: 'delivered', message: r1, time: 21.125, step: 2 },
      { kind: 'delivered', message: r2, time: 21.125, step: 3 },
    ];
    const log = logOf(run);
    const table = (l: TraceLog): number => (l as unknown as { replies: { length: number } }).replies.length;
    expect(table(log)).toBe(2);
    // Cut after the sends: both replies are still read by the kept records, so a new one goes after them.
    log.truncate(2);
    const rewritten: TraceEvent[] = [...run.slice(0, 2), { kind: 'sent', message: r3, time: 22, step: 3 }];
    log.push(rewritten[2]!);
    expect(log.toArray()).toEqual(rewritten);
    // A copy into another log shares the same way.
    const copy = new TraceLog();
    copy.appendFrom(logOf(run), 0, run.length);
    expect(copy.toArray()).toEqual(run);
    expect(table(copy)).toBe(2);
  });

  it('keeps a heartbeat once for all its records, and a cut keeps the requests the kept records read', () => {
    const append = (leaderCommit: number): AppendEntries => ({
      type: 'AppendEntries',
      term: 2,
      leaderId: 'A',
      prevLogIndex: 4,
      prevLogTerm: 2,
      entries: [],
      leaderCommit,
    });
    const [h1, h2] = [append(3), append(4)];
    const to = (node: string, payload: AppendEntries): Envelope => ({ ...message, to: node, payload });
    const run: TraceEvent[] = [
      { kind: 'sent', message: to('B', h1), time: 10.25, step: 1 },
      { kind: 'sent', message: to('C', h1), time: 10.25, step: 1 },
      { kind: 'delivered', message: to('B', h1), time: 21.125, step: 2 },
      { kind: 'delivered', message: to('C', h1), time: 21.125, step: 3 },
    ];
    const log = logOf(run);
    const table = (l: TraceLog): number => (l as unknown as { appends: { length: number } }).appends.length;
    expect(table(log)).toBe(1);
    expect(log.toArray()).toEqual(run);
    // Cut after the first send: the request it reads stays; a new one does not take its place.
    log.truncate(1);
    const next: TraceEvent = { kind: 'sent', message: to('C', h2), time: 22, step: 3 };
    log.push(next);
    expect(log.toArray()).toEqual([run[0], next]);
    expect(table(log)).toBe(2);
    // A request sent by another than its leaderId is kept as the object it is, and read back the same.
    const odd: TraceEvent = { kind: 'sent', message: { ...to('C', h1), from: 'B' }, time: 23, step: 4 };
    log.push(odd);
    expect(log.at(-1)).toEqual(odd);
    const copy = new TraceLog();
    copy.appendFrom(logOf(run), 0, run.length);
    expect(copy.toArray()).toEqual(run);
    expect(table(copy)).toBe(1);
  });

  it('copies ranges between logs whose nodes were met in a different order', () => {
    const source = logOf(records);
    const target = logOf([{ kind: 'crashed', node: 'Z', time: 0, step: 0 }]);
    target.appendFrom(source, 0, source.length);
    expect(target.slice(1)).toEqual(records);
    expect(target.sameAs(1, source, 0)).toBe(true);
    expect(target.sameAs(1, source, 1)).toBe(false);
  });
});
