// Trace records on their way from the worker to the UI thread. Cloning a record object per event
// (an event, an envelope and a payload each) was half of what the worker spent on a frame at 1×;
// packed, a frame's records are their rows' numbers in one transferable buffer (the TraceLog's own
// columns, copied by typed-array sets), the objects they refer to beside it (payloads, rarer events),
// and the names the rows index. The UI builds record objects only for the rows it reads.
// The two commonest payloads, AppendEntries and its reply (two of every three records of a busy
// cluster), travel as numbers too: a reply wholly, a request but for its entries. Log entries (a
// request's, and those a node appended or applied) travel once each, in the packed trace's `entries`:
// the same entry went to every follower and was appended and applied by each, and every list of them
// cost the clone an array. Any other reference that is a flat object of a few primitive fields (a
// client's request and reply, its events, a node's accepted, a submit action: the per-write records)
// travels as numbers too, its strings and its shape in the packed trace's `strings`: an object each cost
// the clone more than a whole row of numbers.

import type { AppendEntries, AppendEntriesReply, LogEntry } from '../raft/types';
import { ROW_BYTES, TraceChunk, type TraceRows } from './trace-chunk';
import {
  DELIVERED,
  DROPPED,
  ENTRIES_APPENDED,
  ENTRY_APPLIED,
  EVENT_MASK,
  NODE,
  recordAt,
  SENT,
  type Extra,
} from './trace-record';
import type { Endpoint, TraceEvent } from './types';

export interface PackedTrace {
  readonly count: number;
  /**
   * Every number, in one buffer to transfer rather than copy (see packedLayout): the payloads that travel
   * as numbers, the rows' columns (trace-chunk.ts), and per row how its payload travels.
   */
  readonly buffer: ArrayBuffer;
  /**
   * What the rows with the REFERS form refer to (a payload, an event, an action), in row order: the
   * others refer to nothing. (A list with a hole per row is cloned key by key, and most rows have none.)
   */
  readonly refs: readonly unknown[];
  /** The endpoints the rows' node and peer bytes index. */
  readonly names: readonly Endpoint[];
  /** The rare fields of a few rows (trace-record.ts), by row. */
  readonly extras: readonly (readonly [number, Extra])[];
  /** The log entries the rows refer to, each once (rows with the ENTRIES form say where theirs are). */
  readonly entries: readonly LogEntry[];
  /** The strings of the rows with the FLAT form (their values and their shapes), each once. */
  readonly strings: readonly string[];
}

/** The payload part of a packed trace's buffer. */
export interface PayloadViews {
  /**
   * Per row, how its payload travels: by reference (0), or as numbers (REPLY, APPEND), plus ENTRIES when
   * its log entries are in `entries` (a request's, or a node event's), plus REFERS when it has one of `refs`;
   * or FLAT: a flat object built back from its numbers (see packFlat).
   */
  readonly forms: Uint8Array;
  /** PAYLOAD_NUMBERS numbers per row, for the rows whose payload travels as numbers. */
  readonly numbers: Float64Array;
}

const REPLY = 1;
const APPEND = 2;
const ENTRIES = 4;
const REFERS = 8;
const FLAT = 16;
const PAYLOAD_NUMBERS = 8;
/** A FLAT row's numbers: its shape's place in `strings`, then one number per field. */
const MAX_FLAT_FIELDS = PAYLOAD_NUMBERS - 1;
/** Ends each field of a shape: its kind (FIELD_KINDS), its name, FIELD_END. */
const FIELD_END = '\u0000';
/** How a FLAT row's number stands for a field's value: itself, a place in `strings`, 1 or 0, nothing. */
const FIELD_KINDS = { number: 'n', string: 's', boolean: 'b', null: 'z', undefined: 'u' } as const;
/** Where a row with the ENTRIES form keeps the place of its entries in `entries`, and their count. */
const ENTRIES_AT = 6;
const ENTRIES_COUNT = 7;
/** The count of a row that refers to one entry, not a list (an applied entry). */
const ONE_ENTRY = -1;

/**
 * Where each part of a packed buffer of `count` rows lies: the payload numbers first (8-byte aligned),
 * then the rows' columns (whose own layout starts with 8-byte columns), then the payload forms.
 */
export function packedLayout(count: number): { columns: number; forms: number; bytes: number } {
  const columns = count * PAYLOAD_NUMBERS * 8;
  const forms = columns + count * ROW_BYTES;
  return { columns, forms, bytes: forms + count };
}

/**
 * Where the room a packed trace's buffer was given after its own bytes begins (TraceLog.pack's `room`),
 * 8-byte aligned: a frame keeps its numbers there, so one buffer crosses to the UI thread instead of two
 * (each transferred buffer cost a frame about 5 µs to allocate and move).
 */
export function packedRoomAt(count: number): number {
  return Math.ceil(packedLayout(count).bytes / 8) * 8;
}

/** The smallest buffer a pack allocates: most frames then fit the buffer handed back after the last one. */
const MIN_PACKED_BYTES = 4096;

/**
 * A buffer of at least `bytes`, its first `bytes` zero (the rows' forms start at 0): `spare` when it is
 * large enough, else a new one rounded up to a power of two. A frame's buffer crosses to the UI thread and
 * the UI hands it back with its next `ready`: allocating a fresh buffer for every frame cost the worker
 * about 4 µs of a frame's 60 in Node (a zeroed allocation, and work for the garbage collector).
 */
export function packedBuffer(bytes: number, spare?: ArrayBuffer): ArrayBuffer {
  if (spare !== undefined && spare.byteLength >= bytes) {
    new Uint8Array(spare, 0, bytes).fill(0);
    return spare;
  }
  let size = MIN_PACKED_BYTES;
  while (size < bytes) size *= 2;
  return new ArrayBuffer(size);
}

/** The payload views of a packed buffer of `count` rows. */
export function payloadViews(buffer: ArrayBuffer, count: number): PayloadViews {
  const layout = packedLayout(count);
  return {
    numbers: new Float64Array(buffer, 0, count * PAYLOAD_NUMBERS),
    forms: new Uint8Array(buffer, layout.forms, count),
  };
}
/** The fields, in the order the node writes them (node.ts): a payload with any other fields goes by reference. */
const REPLY_FIELDS = ['type', 'term', 'success', 'prevLogIndex', 'matchIndex', 'conflictTerm', 'conflictIndex'];
const APPEND_FIELDS = ['type', 'term', 'leaderId', 'prevLogIndex', 'prevLogTerm', 'entries', 'leaderCommit'];

/**
 * Rows of `chunk` whose payload is a plain AppendEntries or reply: their numbers go to the side arrays,
 * and the reference becomes nothing (a reply, a heartbeat) or the entries (a request). Edits `chunk.refs`, a copy's.
 */
export function packPayloads(chunk: TraceChunk, names: readonly Endpoint[], { forms, numbers }: PayloadViews): void {
  const n = chunk.rows;
  for (let j = 0; j < n; j++) {
    const kind = chunk.kinds[j];
    if (kind !== SENT && kind !== DELIVERED && kind !== DROPPED) continue;
    // Packed already, from the numbers the trace keeps (packStoredReply, packStoredAppend).
    if (forms[j] !== 0) continue;
    const payload = chunk.refs[j] as { readonly type: string };
    const at = j * PAYLOAD_NUMBERS;
    if (payload.type === 'AppendEntriesReply' && fieldsAre(payload, REPLY_FIELDS)) {
      const r = payload as AppendEntriesReply;
      forms[j] = REPLY;
      numbers[at] = r.term;
      numbers[at + 1] = r.success ? 1 : 0;
      numbers[at + 2] = r.prevLogIndex;
      numbers[at + 3] = r.matchIndex;
      numbers[at + 4] = r.conflictTerm;
      numbers[at + 5] = r.conflictIndex;
      chunk.refs[j] = undefined;
    } else if (payload.type === 'AppendEntries' && fieldsAre(payload, APPEND_FIELDS)) {
      const a = payload as AppendEntries;
      const leader = names.indexOf(a.leaderId);
      if (leader < 0) continue;
      forms[j] = APPEND;
      numbers[at] = a.term;
      numbers[at + 1] = leader;
      numbers[at + 2] = a.prevLogIndex;
      numbers[at + 3] = a.prevLogTerm;
      numbers[at + 4] = a.leaderCommit;
      // A heartbeat's empty list is most of a frame's arrays, and each costs the clone an object.
      chunk.refs[j] = a.entries.length === 0 ? undefined : a.entries;
    }
  }
}

/**
 * Row j's payload, an AppendEntriesReply the trace keeps as numbers (`x` from `at`: term, prevLogIndex,
 * matchIndex, conflictTerm, conflictIndex), packed as packPayloads packs one kept as an object.
 */
export function packStoredReply(
  { forms, numbers }: PayloadViews,
  j: number,
  success: boolean,
  x: Uint32Array,
  at: number,
): void {
  const to = j * PAYLOAD_NUMBERS;
  forms[j] = REPLY;
  numbers[to] = x[at]!;
  numbers[to + 1] = success ? 1 : 0;
  numbers[to + 2] = x[at + 1]!;
  numbers[to + 3] = x[at + 2]!;
  numbers[to + 4] = x[at + 3]!;
  numbers[to + 5] = x[at + 4]!;
}

/**
 * Row j's payload, an AppendEntries the trace keeps as numbers (`x` from `at`: term, prevLogIndex,
 * prevLogTerm, leaderCommit) sent by the endpoint `leader` indexes, packed as packPayloads packs one.
 */
export function packStoredAppend(
  { forms, numbers }: PayloadViews,
  j: number,
  leader: number,
  x: Uint32Array,
  at: number,
): void {
  const to = j * PAYLOAD_NUMBERS;
  forms[j] = APPEND;
  numbers[to] = x[at]!;
  numbers[to + 1] = leader;
  numbers[to + 2] = x[at + 1]!;
  numbers[to + 3] = x[at + 2]!;
  numbers[to + 4] = x[at + 3]!;
}

/**
 * Moves the log entries the rows of `chunk` refer to (an AppendEntries' list, packed by packPayloads,
 * and a node's appended list or applied entry) into one list, each entry once; returns it. Edits
 * `chunk.refs`, a copy's.
 */
export function packEntries(chunk: TraceChunk, { forms, numbers }: PayloadViews): LogEntry[] {
  const entries: LogEntry[] = [];
  const placed = new Map<LogEntry, number>();
  for (let j = 0; j < chunk.rows; j++) {
    const ref = chunk.refs[j];
    if (ref === undefined) continue;
    const kind = chunk.kinds[j];
    let list: readonly LogEntry[] | undefined;
    let count: number;
    if (forms[j] === APPEND) {
      list = ref as readonly LogEntry[];
      count = list.length;
    } else if (kind === NODE && (chunk.codes[j]! & EVENT_MASK) === ENTRIES_APPENDED) {
      list = ref as readonly LogEntry[];
      count = list.length;
      if (count === 0) continue;
    } else if (kind === NODE && (chunk.codes[j]! & EVENT_MASK) === ENTRY_APPLIED) {
      list = [ref as LogEntry];
      count = ONE_ENTRY;
    } else {
      continue;
    }
    const at = j * PAYLOAD_NUMBERS;
    numbers[at + ENTRIES_AT] = place(list, entries, placed);
    numbers[at + ENTRIES_COUNT] = count;
    forms[j]! |= ENTRIES;
    chunk.refs[j] = undefined;
  }
  return entries;
}

/**
 * Where `list` lies in `entries` (`placed` says where each entry first is): where its first entry is,
 * when the rest follow it there; else it is added at the end. (At module level: under tsx a closure is
 * renamed on every call.)
 */
function place(list: readonly LogEntry[], entries: LogEntry[], placed: Map<LogEntry, number>): number {
  const first = placed.get(list[0]!);
  if (first !== undefined && first + list.length <= entries.length) {
    let k = 1;
    while (k < list.length && entries[first + k] === list[k]) k++;
    if (k === list.length) return first;
  }
  const at = entries.length;
  for (const entry of list) {
    if (!placed.has(entry)) placed.set(entry, entries.length);
    entries.push(entry);
  }
  return at;
}

/**
 * The references of `chunk`'s rows without the rows that have none, each row that has one marked REFERS
 * (after packPayloads and packEntries, which leave most rows none).
 */
export function packRefs(chunk: TraceChunk, { forms }: PayloadViews): unknown[] {
  const refs: unknown[] = [];
  for (let j = 0; j < chunk.rows; j++) {
    const ref = chunk.refs[j];
    if (ref === undefined) continue;
    forms[j]! |= REFERS;
    refs.push(ref);
  }
  return refs;
}

/**
 * Moves the references of `chunk`'s rows that are flat objects (at most MAX_FLAT_FIELDS fields, each a
 * number, string, boolean, null or undefined) into the rows' numbers, marked FLAT; returns the strings they
 * use, each once. Rows packed otherwise already are left alone. Edits `chunk.refs`, a copy's.
 */
export function packFlat(chunk: TraceChunk, { forms, numbers }: PayloadViews): string[] {
  const strings: string[] = [];
  const placed = new Map<string, number>();
  for (let j = 0; j < chunk.rows; j++) {
    const ref = chunk.refs[j];
    if (forms[j] !== 0 || typeof ref !== 'object' || ref === null || Object.getPrototypeOf(ref) !== Object.prototype)
      continue;
    const shape = flatShape(ref as Readonly<Record<string, unknown>>);
    if (shape === null) continue;
    const at = j * PAYLOAD_NUMBERS;
    numbers[at] = stringPlace(shape.text, strings, placed);
    let k = at + 1;
    for (const key in ref) {
      const value = (ref as Readonly<Record<string, unknown>>)[key];
      if (typeof value === 'number') numbers[k] = value;
      else if (typeof value === 'string') numbers[k] = stringPlace(value, strings, placed);
      else if (typeof value === 'boolean') numbers[k] = value ? 1 : 0;
      k++;
    }
    forms[j] = FLAT;
    chunk.refs[j] = undefined;
  }
  return strings;
}

/** A flat object's fields' names and kinds, in order, and the text a packed trace gives them. */
interface FlatShape {
  readonly keys: readonly string[];
  readonly kinds: readonly string[];
  readonly text: string;
}

/**
 * The shapes met so far, by what their objects begin with (the first field's text, as a payload's or an
 * event's type, else its name): writing out a shape's text for every row cost more than the row's numbers.
 * Bounded, so odd objects cannot make it grow without end.
 */
const knownShapes = new Map<string, FlatShape[]>();
const MAX_KNOWN_SHAPES = 256;
const MAX_SHAPES_PER_START = 8;

const kindOf = (value: unknown): string | undefined =>
  value === null ? FIELD_KINDS.null : (FIELD_KINDS as Readonly<Record<string, string>>)[typeof value];

/** The shape of a flat object, or null when it is not flat. */
function flatShape(o: Readonly<Record<string, unknown>>): FlatShape | null {
  let start: string | undefined;
  for (const key in o) {
    const value = o[key];
    start = typeof value === 'string' ? value : key;
    break;
  }
  if (start === undefined) return null;
  const candidates = knownShapes.get(start);
  if (candidates !== undefined) for (const shape of candidates) if (hasShape(o, shape)) return shape;
  const shape = newShape(o);
  if (shape === null) return null;
  if (candidates === undefined) {
    if (knownShapes.size < MAX_KNOWN_SHAPES) knownShapes.set(start, [shape]);
  } else if (candidates.length < MAX_SHAPES_PER_START) {
    candidates.push(shape);
  }
  return shape;
}

function hasShape(o: Readonly<Record<string, unknown>>, { keys, kinds }: FlatShape): boolean {
  let k = 0;
  for (const key in o) {
    if (key !== keys[k] || kindOf(o[key]) !== kinds[k]) return false;
    k++;
  }
  return k === keys.length;
}

function newShape(o: Readonly<Record<string, unknown>>): FlatShape | null {
  const keys: string[] = [];
  const kinds: string[] = [];
  let text = '';
  for (const key in o) {
    const kind = kindOf(o[key]);
    if (kind === undefined || keys.length === MAX_FLAT_FIELDS || key.includes(FIELD_END)) return null;
    keys.push(key);
    kinds.push(kind);
    text += kind + key + FIELD_END;
  }
  return { keys, kinds, text };
}

/** Where `s` is in `strings`, added at the end the first time. */
function stringPlace(s: string, strings: string[], placed: Map<string, number>): number {
  let at = placed.get(s);
  if (at === undefined) {
    at = strings.length;
    strings.push(s);
    placed.set(s, at);
  }
  return at;
}

/** A FLAT row's object, built back from its numbers at `at` and the shape they name. */
function unpackFlat(x: Float64Array, at: number, strings: readonly string[]): Record<string, unknown> {
  const shape = strings[x[at]!];
  if (shape === undefined) throw new Error(`a packed record refers to shape #${x[at]}, which the trace lacks`);
  const o: Record<string, unknown> = {};
  for (let start = 0, k = at + 1; start < shape.length; k++) {
    const end = shape.indexOf(FIELD_END, start);
    if (end < 0 || k >= at + PAYLOAD_NUMBERS) throw new Error(`a packed record's shape #${x[at]} is not a shape`);
    const kind = shape[start];
    const key = shape.slice(start + 1, end);
    start = end + 1;
    const value = x[k]!;
    if (kind === FIELD_KINDS.number) o[key] = value;
    else if (kind === FIELD_KINDS.string) {
      const s = strings[value];
      if (s === undefined) throw new Error(`a packed record refers to string #${value}, which the trace lacks`);
      o[key] = s;
    } else if (kind === FIELD_KINDS.boolean) o[key] = value === 1;
    else o[key] = kind === FIELD_KINDS.null ? null : undefined;
  }
  return o;
}

/** Whether `o` has exactly these own fields, in this order (what JSON.stringify would show). */
function fieldsAre(o: object, fields: readonly string[]): boolean {
  let k = 0;
  for (const key in o) if (key !== fields[k++]) return false;
  return k === fields.length;
}

/** The references of a packed trace, with the payloads that travelled as numbers built back, fields in order. */
function unpackedRefs(packed: PackedTrace, from: number): unknown[] {
  const { refs, names, entries, strings } = packed;
  const { forms, numbers: x } = payloadViews(packed.buffer, packed.count);
  const out: unknown[] = [];
  for (let j = 0, next = 0; j < packed.count; j++) out.push((forms[j]! & REFERS) !== 0 ? refs[next++] : undefined);
  for (let j = from; j < packed.count; j++) {
    const at = j * PAYLOAD_NUMBERS;
    const form = forms[j]! & ~REFERS;
    if (form === FLAT) {
      out[j] = unpackFlat(x, at, strings);
      continue;
    }
    if ((form & ENTRIES) !== 0) {
      const place = x[at + ENTRIES_AT]!;
      const count = x[at + ENTRIES_COUNT]!;
      out[j] = count === ONE_ENTRY ? entries[place] : entries.slice(place, place + count);
    }
    if (form === REPLY) {
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
    } else if ((form & ~ENTRIES) === APPEND) {
      const append: AppendEntries = {
        type: 'AppendEntries',
        term: x[at]!,
        leaderId: names[x[at + 1]!]!,
        prevLogIndex: x[at + 2]!,
        prevLogTerm: x[at + 3]!,
        entries: (out[j] as readonly LogEntry[] | undefined) ?? [],
        leaderCommit: x[at + 4]!,
      };
      out[j] = append;
    }
  }
  return out;
}

/** What postMessage hands over rather than copies. */
export function packedBuffers(packed: PackedTrace): ArrayBuffer[] {
  return packed.count === 0 ? [] : [packed.buffer];
}

export const EMPTY_PACKED_TRACE: PackedTrace = {
  count: 0,
  buffer: new ArrayBuffer(0),
  refs: [],
  names: [],
  extras: [],
  entries: [],
  strings: [],
};

/** The last `last` records of a packed trace (all by default), as record objects, oldest first. */
export function unpackTrace(packed: PackedTrace, last = packed.count): TraceEvent[] {
  const { count, names } = packed;
  const layout = packedLayout(count);
  // The buffer may hold room after the trace (see packedRoomAt), never less than the trace.
  const fits = packed.buffer.byteLength === layout.bytes || packed.buffer.byteLength >= packedRoomAt(count);
  const referring = fits ? payloadViews(packed.buffer, count).forms.filter((f) => (f & REFERS) !== 0).length : NaN;
  if (!fits || packed.refs.length !== referring) {
    throw new Error(
      `a packed trace of ${count} records has ${packed.buffer.byteLength} bytes and ${packed.refs.length} references for ${referring} rows`,
    );
  }
  const from = Math.max(0, count - last);
  const rows: TraceRows = new TraceChunk(count, packed.buffer, unpackedRefs(packed, from), layout.columns);
  const extras = new Map(packed.extras);
  const out: TraceEvent[] = [];
  for (let j = from; j < count; j++)
    out.push(recordAt(rows, j, names, extras.get(j), rows.refs[j], rows.steps[j]!, rows.times[j]!));
  return out;
}
