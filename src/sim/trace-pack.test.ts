// A frame's trace records travel packed (trace-pack.ts): what the UI thread unpacks must be the very
// records the log gives, field for field and in field order, whatever stretch of the log is sent.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate';
import { History } from './history';
import { packRecords, TraceLog } from './trace-log';
import { packedBuffers, payloadViews, unpackTrace, type PackedTrace } from './trace-pack';
import type { Envelope, TraceEvent } from './types';

/** What postMessage does to a frame's trace: the buffer is transferred, the rest cloned. */
const posted = (p: PackedTrace): PackedTrace => structuredClone(p, { transfer: packedBuffers(p) });

const message: Envelope = {
  id: 7,
  from: 'A',
  to: 'B',
  sentAt: 10.25,
  deliverAt: 21.125,
  payload: { type: 'RequestVoteReply', term: 2, voteGranted: true },
  lost: true,
  duplicate: false,
};

/** Records whose rare fields live in the log's extras, beside ordinary ones. */
const rare: TraceEvent[] = [
  { kind: 'timerFired', node: 'A', timer: 'heartbeat', time: 0.5, step: 1 },
  {
    kind: 'action',
    action: { at: 41, do: 'kill', node: 'C' },
    error: 'C is already down',
    refusal: { code: 'already-down', node: 'C' },
    time: 41,
    step: 6,
  },
  { kind: 'restarted', node: 'C', term: 5, votedFor: 'A', time: 43, step: 8 },
  { kind: 'dropped', message, reason: 'dropped-by-user', time: 45, step: 10 },
  { kind: 'delivered', message, time: 21.125, step: 11 },
  // Applied entries are kept as numbers when the result is a number's text, else by reference.
  ...['597', 'deleted', '-0', '1e21', 'NaN', ''].map((result, k): TraceEvent => ({
    kind: 'node',
    node: 'B',
    event: { type: 'entryApplied', index: 4 + k, entry: { term: 2, command: 'set k 597', requestId: 3 }, result },
    time: 12,
    step: 13,
  })),
  {
    kind: 'node',
    node: 'B',
    event: { type: 'entryApplied', index: 9, entry: { term: 2, command: 'set k 1' }, result: '1', retry: true },
    time: 12,
    step: 13,
  },
  // A reply with a field the numbers do not carry travels by reference, whole.
  {
    kind: 'sent',
    message: {
      ...message,
      payload: {
        type: 'AppendEntriesReply',
        term: 2,
        success: false,
        prevLogIndex: 4,
        matchIndex: 0,
        conflictTerm: 1,
        conflictIndex: 3,
        readContext: 9,
      },
    },
    time: 10.25,
    step: 12,
  },
  // Flat objects travel as numbers and strings: every kind of field, in its order, and the odd numbers.
  { kind: 'client', event: { type: 'redirected', requestId: -0, by: 'A', to: null }, time: 50, step: 14 },
  {
    kind: 'client',
    event: { type: 'submitted', requestId: 3, command: 'set k\u0000v', to: 'B', change: true },
    time: 51,
    step: 15,
  },
  { kind: 'action', action: { at: NaN, do: 'submit', command: '' }, time: 52, step: 16 },
  {
    kind: 'sent',
    message: { ...message, payload: { type: 'ClientReply', requestId: 1e21, success: false, leaderHint: null } },
    time: 10.25,
    step: 17,
  },
];

/** An object of at most seven primitive fields: what the packed trace carries as numbers and strings. */
const isFlat = (r: unknown): boolean =>
  typeof r === 'object' &&
  r !== null &&
  !Array.isArray(r) &&
  Object.keys(r).length <= 7 &&
  Object.values(r).every((v) => v === null || typeof v !== 'object');

describe('packed trace records', () => {
  it('unpack to the records given, rare fields included, after a transfer', () => {
    const back = unpackTrace(posted(packRecords(rare)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(rare));
    expect(back.map((r) => Object.keys(r))).toEqual(rare.map((r) => Object.keys(r)));
  });

  it('carry a flat object as numbers and strings, with an undefined field, and no other object', () => {
    const records: TraceEvent[] = [
      ...rare,
      {
        kind: 'client',
        event: { type: 'timedOut', requestId: 2, node: undefined as unknown as string },
        time: 60,
        step: 18,
      },
    ];
    const packed = packRecords(records);
    const back = unpackTrace(posted(packed));
    expect(back).toStrictEqual(records);
    expect(back.map((r) => ('event' in r ? Object.keys(r.event) : []))).toEqual(
      records.map((r) => ('event' in r ? Object.keys(r.event) : [])),
    );
    expect(packed.refs.filter(isFlat)).toEqual([]);
    // Each string once: the shapes and the values the rows share.
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    expect(packed.strings.filter((s) => s === 'submit')).toHaveLength(1);
  });

  it('read flat rows back wrong when their strings are out of order (the comparison can fail)', () => {
    // Each posted trace gives its buffer away: a fresh one for each case.
    const packed = packRecords(rare);
    // The values among themselves in another order, the shapes where they were: records, but not those.
    const values = packed.strings.filter((s) => !s.endsWith('\u0000')).reverse();
    const strings = packed.strings.map((s) => (s.endsWith('\u0000') ? s : values.shift()!));
    expect(JSON.stringify(unpackTrace(posted({ ...packed, strings })))).not.toBe(JSON.stringify(rare));
    // A shape that is not one, or a string the trace lacks, is refused rather than read.
    const reversed = packRecords(rare);
    expect(() => unpackTrace(posted({ ...reversed, strings: [...reversed.strings].reverse() }))).toThrow(/not a shape/);
    const cut = packRecords(rare);
    expect(() => unpackTrace(posted({ ...cut, strings: cut.strings.slice(0, -1) }))).toThrow(/lacks/);
  });

  it('unpack only the newest records when asked for fewer', () => {
    const back = unpackTrace(posted(packRecords(rare)), 2);
    expect(back).toEqual(rare.slice(-2));
  });

  it('give any stretch of a real run, across the log’s chunks, exactly as the log reads it', () => {
    const parsed = validateScenario({
      version: 1,
      seed: 3,
      nodes: 5,
      network: { dropRate: 0.1, duplicateRate: 0.1 },
      actions: [
        { at: 900, do: 'kill', node: 'A' },
        { at: 1500, do: 'restart', node: 'A' },
        ...Array.from({ length: 40 }, (_, k) => ({ at: 100 + k * 50, do: 'submit' as const, command: `set k ${k}` })),
      ],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const h = new History(parsed.scenario);
    h.runUntil(12_000);
    const log = h.simulation.records as TraceLog;
    expect(log.length).toBeGreaterThan(5000);
    let entriesSent = 0;
    for (const [from, to] of [
      [0, 400],
      [4000, 4300],
      [log.length - 70, log.length],
      [0, log.length],
    ] as const) {
      const packed = log.pack(from, to);
      // Most payloads (AppendEntries and replies) travel as numbers, the rest by reference.
      const asNumbers = payloadViews(packed.buffer, packed.count).forms.filter((form) => form !== 0).length;
      expect(asNumbers).toBeGreaterThan(packed.count / 3);
      // A heartbeat's empty entries travel as nothing: an array each cost the clone an object.
      expect(packed.refs.filter((r) => Array.isArray(r) && r.length === 0)).toEqual([]);
      // Only the rows that refer to something have a reference.
      expect(packed.refs).not.toContain(undefined);
      expect(packed.refs.length).toBeLessThan(packed.count);
      // Log entries travel once each, beside the rows, not as a list per row.
      expect(packed.refs.filter((r) => Array.isArray(r))).toEqual([]);
      // Flat objects (client requests, replies and events, submit actions) travel as numbers and strings.
      expect(packed.refs.filter(isFlat)).toEqual([]);
      expect(new Set(packed.strings).size).toBe(packed.strings.length);
      entriesSent += packed.entries.length;
      expect(new Set(packed.entries).size).toBe(packed.entries.length);
      const back = unpackTrace(posted(packed));
      expect(JSON.stringify(back)).toBe(JSON.stringify(log.slice(from, to)));
    }
    expect(entriesSent).toBeGreaterThan(40);
  });

  it('refuse a packed trace whose buffer does not fit its count, rather than read garbage', () => {
    const p = packRecords(rare);
    expect(() => unpackTrace({ ...p, count: p.count + 1 })).toThrow(/packed trace of 18 records/);
  });
});
