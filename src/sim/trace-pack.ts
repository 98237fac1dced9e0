// Trace records on their way from the worker to the UI thread. Cloning a record object per event
// (an event, an envelope and a payload each) was half of what the worker spent on a frame at 1×;
// packed, a frame's records are their rows' numbers in one transferable buffer (the TraceLog's own
// columns, copied by typed-array sets), the objects they refer to beside it (payloads, rarer events),
// and the names the rows index. The UI builds record objects only for the rows it reads.
// The two commonest payloads, AppendEntries and its reply (two of every three records of a busy
// cluster), travel as numbers too: a reply wholly, a request but for its entries.

import type { AppendEntries, AppendEntriesReply, LogEntry } from '../raft/types';
import { ROW_BYTES, TraceChunk, type TraceRows } from './trace-chunk';
import { DELIVERED, DROPPED, recordAt, SENT, type Extra } from './trace-record';
import type { Endpoint, TraceEvent } from './types';

export interface PackedTrace {
  readonly count: number;
  /** `count` rows of numbers, column after column (trace-chunk.ts): transfer it, do not copy it. */
  readonly columns: ArrayBuffer;
  /** What each row refers to (a payload, an event, an action), or undefined. */
  readonly refs: readonly unknown[];
  /** The endpoints the rows' node and peer bytes index. */
  readonly names: readonly Endpoint[];
  /** The rare fields of a few rows (trace-record.ts), by row. */
  readonly extras: readonly (readonly [number, Extra])[];
  /** Per row, how its payload travels: by reference (0), or as numbers (REPLY, APPEND): transfer it. */
  readonly payloadForms: Uint8Array;
  /** PAYLOAD_NUMBERS numbers per row, for the rows whose payload travels as numbers: transfer it. */
  readonly payloadNumbers: Float64Array;
}

const REPLY = 1;
const APPEND = 2;
const PAYLOAD_NUMBERS = 6;
/** The fields, in the order the node writes them (node.ts): a payload with any other fields goes by reference. */
const REPLY_FIELDS = ['type', 'term', 'success', 'prevLogIndex', 'matchIndex', 'conflictTerm', 'conflictIndex'];
const APPEND_FIELDS = ['type', 'term', 'leaderId', 'prevLogIndex', 'prevLogTerm', 'entries', 'leaderCommit'];

/**
 * Rows of `chunk` whose payload is a plain AppendEntries or reply: their numbers go to the side arrays,
 * and the reference becomes nothing (a reply) or the entries (a request). Edits `chunk.refs`, a copy's.
 */
export function packPayloads(
  chunk: TraceChunk,
  names: readonly Endpoint[],
): Pick<PackedTrace, 'payloadForms' | 'payloadNumbers'> {
  const n = chunk.rows;
  const forms = new Uint8Array(n);
  const numbers = new Float64Array(n * PAYLOAD_NUMBERS);
  for (let j = 0; j < n; j++) {
    const kind = chunk.kinds[j];
    if (kind !== SENT && kind !== DELIVERED && kind !== DROPPED) continue;
    const payload = chunk.refs[j] as { readonly type: string };
    const at = j * PAYLOAD_NUMBERS;
    if (payload.type === 'AppendEntriesReply' && fieldsAre(payload, REPLY_FIELDS)) {
      const r = payload as AppendEntriesReply;
      forms[j] = REPLY;
      numbers.set([r.term, r.success ? 1 : 0, r.prevLogIndex, r.matchIndex, r.conflictTerm, r.conflictIndex], at);
      chunk.refs[j] = undefined;
    } else if (payload.type === 'AppendEntries' && fieldsAre(payload, APPEND_FIELDS)) {
      const a = payload as AppendEntries;
      const leader = names.indexOf(a.leaderId);
      if (leader < 0) continue;
      forms[j] = APPEND;
      numbers.set([a.term, leader, a.prevLogIndex, a.prevLogTerm, a.leaderCommit], at);
      chunk.refs[j] = a.entries;
    }
  }
  return { payloadForms: forms, payloadNumbers: numbers };
}

/** Whether `o` has exactly these own fields, in this order (what JSON.stringify would show). */
function fieldsAre(o: object, fields: readonly string[]): boolean {
  let k = 0;
  for (const key in o) if (key !== fields[k++]) return false;
  return k === fields.length;
}

/** The references of a packed trace, with the payloads that travelled as numbers built back, fields in order. */
function unpackedRefs(packed: PackedTrace, from: number): unknown[] {
  const { refs, payloadForms: forms, payloadNumbers: x, names } = packed;
  const out = refs.slice();
  for (let j = from; j < packed.count; j++) {
    const at = j * PAYLOAD_NUMBERS;
    if (forms[j] === REPLY) {
      const reply: AppendEntriesReply = {
        type: 'AppendEntriesReply',
        term: x[at]!,
        success: x[at + 1] === 1,
        prevLogIndex: x[at + 2]!,
        matchIndex: x[at + 3]!,
        conflictTerm: x[at + 4]!,
        conflictIndex: x[at + 5]!,
      };
      out[j] = reply;
    } else if (forms[j] === APPEND) {
      const append: AppendEntries = {
        type: 'AppendEntries',
        term: x[at]!,
        leaderId: names[x[at + 1]!]!,
        prevLogIndex: x[at + 2]!,
        prevLogTerm: x[at + 3]!,
        entries: refs[j] as readonly LogEntry[],
        leaderCommit: x[at + 4]!,
      };
      out[j] = append;
    }
  }
  return out;
}

/** What postMessage hands over rather than copies. */
export function packedBuffers(packed: PackedTrace): ArrayBuffer[] {
  return packed.count === 0
    ? []
    : [packed.columns, packed.payloadForms.buffer as ArrayBuffer, packed.payloadNumbers.buffer as ArrayBuffer];
}

export const EMPTY_PACKED_TRACE: PackedTrace = {
  count: 0,
  columns: new ArrayBuffer(0),
  refs: [],
  names: [],
  extras: [],
  payloadForms: new Uint8Array(0),
  payloadNumbers: new Float64Array(0),
};

/** The last `last` records of a packed trace (all by default), as record objects, oldest first. */
export function unpackTrace(packed: PackedTrace, last = packed.count): TraceEvent[] {
  const { count, names } = packed;
  if (
    packed.columns.byteLength !== count * ROW_BYTES ||
    packed.refs.length !== count ||
    packed.payloadForms.length !== count ||
    packed.payloadNumbers.length !== count * PAYLOAD_NUMBERS
  ) {
    throw new Error(
      `a packed trace of ${count} records has ${packed.columns.byteLength} bytes and ${packed.refs.length} references`,
    );
  }
  const from = Math.max(0, count - last);
  const rows: TraceRows = new TraceChunk(count, packed.columns, unpackedRefs(packed, from));
  const extras = new Map(packed.extras);
  const out: TraceEvent[] = [];
  for (let j = from; j < count; j++) out.push(recordAt(rows, j, names, extras.get(j)));
  return out;
}
