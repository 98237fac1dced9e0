// The trace, stored by columns. A run records millions of small records; kept as objects
// (each with its boxed time, and each message's envelope with two more), they were most of
// what the garbage collector had to copy and mark. Here a record is a row of typed arrays —
// kind, time, step, node, a small code and up to three numbers (a message's envelope, the
// two most frequent node events) — plus at most one reference to the object it is about (a
// payload, an event, an action), which the run allocates anyway (stored-chunk.ts). Readers still get the same
// TraceEvent objects, built on demand with the fields in the order the simulation and the
// node always wrote them, so the JSON of a trace is byte for byte what it was (an envelope
// or a rebuilt event is equal to the one recorded, not the same object).

import type { Action } from './scenario-types';
import type { NodeId, RaftEvent, TimerKind } from '../raft/types';
import { CHUNK_BITS, CHUNK_SIZE, IN_CHUNK, TraceChunk } from './trace-chunk';
import { copyStored, copyToFrame, StoredChunk } from './stored-chunk';
import { AppendTable } from './append-table';
import { ReplyTable } from './reply-table';
import {
  packedBuffer,
  packedLayout,
  packEntries,
  packFlat,
  packPayloads,
  packRefs,
  packStoredAppend,
  packStoredReply,
  packedRoomAt,
  payloadViews,
  type PackedTrace,
} from './trace-pack';
import {
  ACTION,
  APPEND_AS_NUMBERS,
  CLIENT_EVENT,
  COMMIT_ADVANCED,
  CRASHED,
  DELIVERED,
  DROP_REASONS,
  DROPPED,
  DUPLICATE,
  ENTRIES_APPENDED,
  ENTRY_APPLIED,
  EVENT_BY_REFERENCE,
  EVENT_MASK,
  KINDS,
  LOST,
  NODE,
  recordAt,
  REPLY_AS_NUMBERS,
  REPLY_SUCCESS,
  RESTARTED,
  SENT,
  TIMER_FIRED,
  TIMERS,
  VIOLATION,
  type Extra,
  type RefusedAction,
} from './trace-record';
import type { ClientEvent, DropReason, Endpoint, Envelope, TraceEvent, TraceKind, Violation } from './types';

/** What readers of a trace need: satisfied by an array of records and by a TraceLog. */
export interface TraceReader {
  readonly length: number;
  at(index: number): TraceEvent | undefined;
  /** The kind of record i, when the reader can tell without building the record. */
  kindAt?(index: number): TraceKind;
  /** The type of a node record's event (undefined for other kinds), likewise without building it. */
  nodeEventTypeAt?(index: number): RaftEvent['type'] | undefined;
  /** The index a commitAdvanced record commits up to (undefined for any other record), likewise. */
  commitToAt?(index: number): number | undefined;
}

// How a record fills a row is described in trace-record.ts, which also builds records back.

export class TraceLog implements TraceReader, Iterable<TraceEvent> {
  private count = 0;
  private chunks: StoredChunk[] = [];
  private extras = new Map<number, Extra>();
  /** Node names (and "client"), so a record stores a byte instead of a string reference. */
  private names: Endpoint[] = [];
  /** AppendEntries replies, the commonest payload, kept as numbers rather than objects. */
  private replies = new ReplyTable();
  /** AppendEntries requests, the next commonest, kept as numbers and their entries. */
  private appends = new AppendTable();
  /**
   * The log whose storage this one reads and writes, when it is a prefix of it (a simulation's
   * records inside a history's kept trace): the trace is then held once, not twice.
   */
  private owner: TraceLog | null = null;

  get length(): number {
    return this.count;
  }

  // ---- Recording -------------------------------------------------------------

  message(kind: 'sent' | 'delivered', message: Envelope, time: number, step: number): void {
    this.addMessage(kind === 'sent' ? SENT : DELIVERED, 0, message, time, step);
  }

  dropped(message: Envelope, reason: DropReason, time: number, step: number): void {
    this.addMessage(DROPPED, codeOf(DROP_REASONS, reason), message, time, step);
  }

  node(node: NodeId, event: RaftEvent, time: number, step: number): void {
    const n = this.nameIndex(node);
    // A follower's commit (one per follower per commit) is kept as numbers; a leader's (one per
    // commit) carries its quorum and is kept by reference like the rarer events.
    if (event.type === 'commitAdvanced' && event.by === 'leaderCommit') {
      const i = this.add(NODE, time, step, n, COMMIT_ADVANCED, undefined);
      this.setNumbers(i, event.from, event.to);
      this.setPeer(i, event.leader);
      return;
    }
    switch (event.type) {
      case 'entryApplied': {
        // One per node per commit: kept as numbers when nothing but its usual fields, result a number's text.
        const number = Number(event.result);
        if (!fieldsAre(event, APPLIED_FIELDS) || String(number) !== event.result) break;
        const i = this.add(NODE, time, step, n, ENTRY_APPLIED, event.entry);
        this.setNumbers(i, event.index, number);
        return;
      }
      case 'entriesAppended': {
        const i = this.add(NODE, time, step, n, ENTRIES_APPENDED, event.entries);
        this.setNumbers(i, event.fromIndex, 0);
        this.setPeer(i, event.leader);
        return;
      }
    }
    this.add(NODE, time, step, n, EVENT_BY_REFERENCE, event);
  }

  client(event: ClientEvent, time: number, step: number): void {
    this.add(CLIENT_EVENT, time, step, 0, 0, event);
  }

  action(action: Action, refused: RefusedAction | undefined, time: number, step: number): void {
    if (refused !== undefined) this.extras.set(this.count, refused);
    this.add(ACTION, time, step, 0, 0, action);
  }

  timerFired(node: NodeId, timer: TimerKind, time: number, step: number): void {
    this.add(TIMER_FIRED, time, step, this.nameIndex(node), codeOf(TIMERS, timer), undefined);
  }

  crashed(node: NodeId, time: number, step: number): void {
    this.add(CRASHED, time, step, this.nameIndex(node), 0, undefined);
  }

  restarted(node: NodeId, term: number, votedFor: NodeId | null, time: number, step: number): void {
    this.extras.set(this.count, { term, votedFor });
    this.add(RESTARTED, time, step, this.nameIndex(node), 0, undefined);
  }

  violation(violation: Violation, time: number, step: number): void {
    this.add(VIOLATION, time, step, 0, 0, violation);
  }

  /** Any record, taken apart into the columns (the typed methods above avoid building it first). */
  push(e: TraceEvent): void {
    switch (e.kind) {
      case 'timerFired':
        return this.timerFired(e.node, e.timer, e.time, e.step);
      case 'sent':
      case 'delivered':
        return this.message(e.kind, e.message, e.time, e.step);
      case 'dropped':
        return this.dropped(e.message, e.reason, e.time, e.step);
      case 'node':
        return this.node(e.node, e.event, e.time, e.step);
      case 'client':
        return this.client(e.event, e.time, e.step);
      case 'action':
        return this.action(
          e.action,
          e.refusal === undefined ? undefined : { error: e.error!, refusal: e.refusal },
          e.time,
          e.step,
        );
      case 'crashed':
        return this.crashed(e.node, e.time, e.step);
      case 'restarted':
        return this.restarted(e.node, e.term, e.votedFor, e.time, e.step);
      case 'violation':
        return this.violation(e.violation, e.time, e.step);
    }
  }

  // ---- Reading -----------------------------------------------------------------

  timeAt(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.timeAt(i & IN_CHUNK);
  }

  stepAt(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.stepAt(i & IN_CHUNK);
  }

  kindAt(i: number): TraceKind {
    return KINDS[this.chunks[i >>> CHUNK_BITS]!.kinds[i & IN_CHUNK]!]!;
  }

  nodeEventTypeAt(i: number): RaftEvent['type'] | undefined {
    const c = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & IN_CHUNK;
    if (c.kinds[j] !== NODE) return undefined;
    switch (c.codes[j]! & EVENT_MASK) {
      case COMMIT_ADVANCED:
        return 'commitAdvanced';
      case ENTRIES_APPENDED:
        return 'entriesAppended';
      case ENTRY_APPLIED:
        return 'entryApplied';
      default:
        return (c.objectAt(j) as RaftEvent).type;
    }
  }

  commitToAt(i: number): number | undefined {
    const c = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & IN_CHUNK;
    if (c.kinds[j] !== NODE) return undefined;
    switch (c.codes[j]! & EVENT_MASK) {
      case COMMIT_ADVANCED:
        return c.num1[j]!;
      case EVENT_BY_REFERENCE: {
        const event = c.objectAt(j) as RaftEvent;
        return event.type === 'commitAdvanced' ? event.to : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Record i (negative counts from the end, as Array.prototype.at), built afresh on each call. */
  at(index: number): TraceEvent | undefined {
    const i = index < 0 ? this.count + index : index;
    if (!(i >= 0 && i < this.count)) return undefined;
    const c = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & IN_CHUNK;
    return recordAt(c, j, this.names, this.extras.get(i), this.refAt(c, j), c.stepAt(j), c.timeAt(j));
  }

  /** What row j of chunk c refers to, a payload kept as numbers built back. */
  private refAt(c: StoredChunk, j: number): unknown {
    if (holdsObject(c, j)) return c.objectAt(j);
    if ((c.codes[j]! & APPEND_AS_NUMBERS) !== 0) return this.appends.read(c.refs[j]!, this.names[c.nodes[j]!]!);
    return this.replies.read(c.refs[j]!, (c.codes[j]! & REPLY_SUCCESS) !== 0);
  }

  /**
   * Records [from, to) as one transferable buffer of their columns, their references and the names
   * they use: what a frame sends the UI thread instead of a record object per event (trace-pack.ts).
   * With `room`, the buffer has that many bytes more, from packedRoomAt(count), for the caller's own use.
   * `spare` is a buffer an earlier pack returned that its reader has finished with: used again when large
   * enough (see packedBuffer).
   */
  pack(from: number, to: number, room = 0, spare?: ArrayBuffer): PackedTrace {
    const n = Math.max(0, Math.min(to, this.count) - from);
    const buffer = packedBuffer(room > 0 ? packedRoomAt(n) + room : packedLayout(n).bytes, spare);
    const packed = new TraceChunk(n, buffer, undefined, packedLayout(n).columns);
    for (let i = from, at = 0; at < n;) {
      const s = i & IN_CHUNK;
      const run = Math.min(n - at, CHUNK_SIZE - s);
      copyToFrame(packed, at, this.chunks[i >>> CHUNK_BITS]!, s, run, holdsObject);
      at += run;
      i += run;
    }
    const extras: [number, Extra][] = [];
    if (this.extras.size > 0)
      for (const [i, extra] of this.extras) if (i >= from && i < from + n) extras.push([i - from, extra]);
    // Payloads kept as numbers here travel as numbers too, in the packed trace's own form, copied
    // number by number rather than built as objects for packPayloads to take apart again.
    const views = payloadViews(buffer, n);
    for (let k = 0; k < n; k++) {
      const code = packed.codes[k]!;
      if ((code & (REPLY_AS_NUMBERS | APPEND_AS_NUMBERS)) === 0 || !isMessage(packed.kinds[k]!)) continue;
      const index = packed.refs[k] as number;
      if ((code & APPEND_AS_NUMBERS) !== 0) {
        const { chunk, at, entries } = this.appends.numbers(index);
        packStoredAppend(views, k, packed.nodes[k]!, chunk, at);
        // A heartbeat's empty entries travel as nothing.
        packed.refs[k] = entries.length === 0 ? undefined : entries;
      } else {
        const { chunk, at } = this.replies.numbers(index);
        packStoredReply(views, k, (code & REPLY_SUCCESS) !== 0, chunk, at);
        packed.refs[k] = undefined;
      }
      packed.codes[k] = code & ~(REPLY_AS_NUMBERS | REPLY_SUCCESS | APPEND_AS_NUMBERS);
    }
    const names = [...this.names];
    packPayloads(packed, names, views);
    const entries = packEntries(packed, views);
    const strings = packFlat(packed, views);
    return { count: n, buffer, refs: packRefs(packed, views), names, extras, entries, strings };
  }

  slice(start = 0, end = this.count): TraceEvent[] {
    const from = Math.max(0, start < 0 ? this.count + start : start);
    const to = Math.min(this.count, end < 0 ? this.count + end : end);
    const out: TraceEvent[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i)!);
    return out;
  }

  toArray(): TraceEvent[] {
    return this.slice();
  }

  /** JSON.stringify(log) is JSON.stringify(log.toArray()). */
  toJSON(): TraceEvent[] {
    return this.toArray();
  }

  *[Symbol.iterator](): Iterator<TraceEvent> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }

  // ---- Editing -------------------------------------------------------------------

  /**
   * Become the first `length` records of `owner`, sharing its storage: records written here past the
   * owner's end are then the owner's too once it takes them (appendFrom with the same storage only
   * moves the count). A record written here before the owner's end must be a replayed twin of the
   * kept one, which stays; anything else throws (see add).
   */
  shareStorageOf(owner: TraceLog, length: number): void {
    if (owner.owner !== null) throw new Error('a trace can share only a log that owns its storage');
    this.chunks = owner.chunks;
    this.names = owner.names;
    this.extras = owner.extras;
    this.replies = owner.replies;
    this.appends = owner.appends;
    this.owner = owner;
    this.count = Math.min(length, owner.count);
  }

  /** Whether this log is a prefix of `other` held in its storage (see shareStorageOf). */
  isPrefixOf(other: TraceLog): boolean {
    return this.owner === other;
  }

  /** Keep only the first `length` records. */
  truncate(length: number): void {
    if (length >= this.count) return;
    if (this.owner !== null) {
      // The storage is the owner's: its records past this prefix stay.
      this.count = Math.max(0, length);
      return;
    }
    const used = (this.count + IN_CHUNK) >>> CHUNK_BITS;
    // Replies are kept in record order: the table ends after the last one the kept records hold.
    this.replies.truncate(this.repliesUsedBy(Math.max(0, length)));
    this.appends.truncate(Math.max(0, length));
    this.count = Math.max(0, length);
    // Chunks past the end are kept for the records a replay will write again; what the cut
    // records referred to is let go, so that it can be collected.
    const first = this.count >>> CHUNK_BITS;
    for (let k = first; k < used; k++) this.chunks[k]!.cutObjects(k === first ? this.count & IN_CHUNK : 0, holdsObject);
    for (const i of this.extras.keys()) if (i >= this.count) this.extras.delete(i);
  }

  /** Append records [from, to) of another log. */
  appendFrom(other: TraceLog, from: number, to: number): void {
    if (to <= from) return;
    if (other.chunks === this.chunks && from === this.count) {
      // One storage (a prefix and its owner): the records are already in place.
      this.count = to;
      return;
    }
    if (this.owner !== null && this.count < this.owner.count) {
      throw new Error(`appending at ${this.count} would rewrite the kept trace (it has ${this.owner.count})`);
    }
    // The two logs may have met the endpoints in different orders: translate their indices.
    const sameNames = this.namesMatch(other);
    const names = sameNames ? [] : other.names.map((name) => this.nameIndex(name));
    if (other.extras.size > 0) {
      for (const [i, extra] of other.extras) if (i >= from && i < to) this.extras.set(this.count + i - from, extra);
    }
    if (other.replies !== this.replies) this.replies.startCopying(other.replies);
    if (other.appends !== this.appends) this.appends.startCopying(other.appends);
    // Copied a run at a time: as long as neither log crosses into a new chunk, a run is contiguous.
    for (let i = from; i < to;) {
      const source = other.chunks[i >>> CHUNK_BITS]!;
      const s = i & IN_CHUNK;
      const at = this.count & IN_CHUNK;
      const target = this.chunkFor(this.count);
      const n = Math.min(to - i, CHUNK_SIZE - s, CHUNK_SIZE - at);
      copyStored(target, at, source, s, n, holdsObject);
      if (other.replies !== this.replies) {
        for (let k = at; k < at + n; k++) {
          if (holdsObject(target, k)) continue;
          const ref = target.refs[k]!;
          target.refs[k] =
            (target.codes[k]! & APPEND_AS_NUMBERS) !== 0
              ? this.appends.copyFrom(other.appends, ref, this.count + k - at)
              : this.replies.copyFrom(other.replies, ref);
        }
      }
      if (!sameNames) {
        for (let k = at; k < at + n; k++) {
          target.nodes[k] = names[target.nodes[k]!] ?? 0;
          target.peers[k] = names[target.peers[k]!] ?? 0;
        }
      }
      this.count += n;
      i += n;
    }
  }

  /** Is record i of this log the same event as record j of `other` (same step, time and kind)? */
  sameAs(i: number, other: TraceLog, j: number): boolean {
    return (
      this.stepAt(i) === other.stepAt(j) && this.timeAt(i) === other.timeAt(j) && this.kindAt(i) === other.kindAt(j)
    );
  }

  /**
   * Let record i refer to the objects of `other`'s record j, an equal record (a replayed twin),
   * so the two logs share them instead of holding two copies.
   */
  share(i: number, other: TraceLog, j: number): void {
    const source = other.chunks[j >>> CHUNK_BITS]!;
    const target = this.chunks[i >>> CHUNK_BITS]!;
    const s = j & IN_CHUNK;
    if (holdsObject(source, s)) target.replaceObject(i & IN_CHUNK, source.objectAt(s));
    // A payload kept as numbers is an index into its own log's table: the twin keeps its own equal one.
    else if (other.replies === this.replies) target.refs[i & IN_CHUNK] = source.refs[s]!;
    const extra = other.extras.get(j);
    if (extra !== undefined) this.extras.set(i, extra);
  }

  // ---- Inside ----------------------------------------------------------------------

  /** Appends a record and returns its index. */
  private add(kind: number, time: number, step: number, node: number, code: number, ref: unknown): number {
    const i = this.count;
    const j = i & IN_CHUNK;
    const c = this.chunkFor(i);
    if (this.owner !== null && i < this.owner.count) {
      // A replayed twin of a kept record (stepping forward inside the known run): the kept record and
      // its objects stay. Any other record here means the replay diverged, and every later instant
      // would be wrong: an error rather than a silent fork.
      if (c.kinds[j] !== kind || c.timeAt(j) !== time || c.stepAt(j) !== step) {
        throw new Error(`replay diverged from the kept history at event ${i}`);
      }
      this.count = i + 1;
      return i;
    }
    c.kinds[j] = kind;
    c.setStepAndTime(j, wholeNumber(step), time);
    c.nodes[j] = node;
    c.codes[j] = code;
    c.setObject(j, ref);
    this.count = i + 1;
    return i;
  }

  /** The chunk that holds record i, the next one to write: a spare one, or a new one. */
  private chunkFor(i: number): StoredChunk {
    const k = i >>> CHUNK_BITS;
    if (k === this.chunks.length) this.chunks.push(new StoredChunk());
    return this.chunks[k]!;
  }

  /** A message record keeps its envelope's fields in columns and only its payload by reference. */
  private addMessage(kind: number, reason: number, m: Envelope, time: number, step: number): void {
    const code = reason | (m.lost ? LOST : 0) | (m.duplicate ? DUPLICATE : 0);
    const twin = this.owner !== null && this.count < this.owner.count;
    const i = this.add(kind, time, step, this.nameIndex(m.from), code, undefined);
    const c = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & IN_CHUNK;
    if (!twin && !this.keepPayload(c, j, i, code, kind, m)) c.setObject(j, m.payload);
    c.peers[j] = this.nameIndex(m.to);
    c.num0[j] = wholeNumber(m.id);
    // The record's time stands for one of the envelope's two times; num1 holds the other.
    const sent = kind === SENT;
    c.num1[j] = sent ? m.deliverAt : m.sentAt;
    const implied = sent ? m.sentAt : m.deliverAt;
    if (implied !== time) this.extras.set(i, { envelopeTime: implied });
  }

  /**
   * A reply or request the usual way is kept as numbers (one row for all the records of one payload
   * object: a delivery finds the row its send took); whether it was. Any other payload is the
   * caller's to keep as an object.
   */
  private keepPayload(c: StoredChunk, j: number, i: number, code: number, kind: number, m: Envelope): boolean {
    const p = m.payload;
    if (p.type === 'AppendEntriesReply') {
      const known = kind === SENT ? -1 : this.replies.recentIndexOf(p);
      if (known < 0 && !ReplyTable.fits(p)) return false;
      c.refs[j] = known >= 0 ? known : this.replies.add(p);
      c.codes[j] = code | REPLY_AS_NUMBERS | (p.success ? REPLY_SUCCESS : 0);
      return true;
    }
    if (p.type === 'AppendEntries') {
      const known = this.appends.recentIndexOf(p, m.from);
      if (known < 0 && !AppendTable.fits(p, m.from)) return false;
      c.refs[j] = known >= 0 ? known : this.appends.add(p, i);
      c.codes[j] = code | APPEND_AS_NUMBERS;
      return true;
    }
    return false;
  }

  /** The other node a record names (a message's receiver, the leader of an append or commit). */
  private setPeer(i: number, node: NodeId): void {
    this.chunks[i >>> CHUNK_BITS]!.peers[i & IN_CHUNK] = this.nameIndex(node);
  }

  private setNumbers(i: number, whole: number, b: number): void {
    const chunk = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & IN_CHUNK;
    chunk.num0[j] = wholeNumber(whole);
    chunk.num1[j] = b;
  }

  /** Does every index of `other`'s endpoints mean the same endpoint here? (Learns any new ones.) */
  private namesMatch(other: TraceLog): boolean {
    const theirs = other.names;
    for (let k = 0; k < theirs.length; k++) if (this.nameIndex(theirs[k]!) !== k) return false;
    return true;
  }

  /**
   * How many replies of the table records [0, length) use: one past the highest index they hold.
   * Indices are handed out in record order, and a record refers back only to an earlier one, so the
   * highest is found between the last sent reply (which always took a new index) and the end.
   */
  private repliesUsedBy(length: number): number {
    let highest = -1;
    for (let i = length - 1; i >= 0; i--) {
      const c = this.chunks[i >>> CHUNK_BITS]!;
      const j = i & IN_CHUNK;
      if ((c.codes[j]! & REPLY_AS_NUMBERS) === 0 || !isMessage(c.kinds[j]!)) continue;
      highest = Math.max(highest, c.refs[j]!);
      if (c.kinds[j] === SENT) break;
    }
    return highest + 1;
  }

  private nameIndex(name: Endpoint): number {
    const names = this.names;
    // A cluster has at most a few nodes: a scan is quicker than a map.
    for (let k = 0; k < names.length; k++) if (names[k] === name) return k;
    if (names.length === 256) throw new Error('a trace can name at most 256 endpoints');
    names.push(name);
    return names.length - 1;
  }
}

/** An entryApplied's fields, in the order apply.ts writes them (a retry's extra field goes by reference). */
const APPLIED_FIELDS = ['type', 'index', 'entry', 'result'];

/** Whether `o` has exactly these own fields, in this order (what JSON.stringify would show). */
function fieldsAre(o: object, fields: readonly string[]): boolean {
  let k = 0;
  for (const key in o) if (key !== fields[k++]) return false;
  return k === fields.length;
}

function isMessage(kind: number): boolean {
  return kind === SENT || kind === DELIVERED || kind === DROPPED;
}

/** Whether row j's reference is an object's place in its chunk rather than a payload's table index. */
function holdsObject(c: StoredChunk, j: number): boolean {
  return (c.codes[j]! & (REPLY_AS_NUMBERS | APPEND_AS_NUMBERS)) === 0 || !isMessage(c.kinds[j]!);
}

/** A number for a Uint32 column, which would silently wrap anything else. */
function wholeNumber(n: number): number {
  if (n >>> 0 !== n) throw new Error(`a trace column holds whole numbers below 2^32, not ${n}`);
  return n;
}

function codeOf<T>(table: readonly T[], value: T): number {
  const code = table.indexOf(value);
  if (code < 0) throw new Error(`no trace code for ${String(value)}`);
  return code;
}

/** Records packed as a frame carries them (for tests and tools that hold records rather than a log). */
export function packRecords(records: Iterable<TraceEvent>): PackedTrace {
  const log = new TraceLog();
  for (const record of records) log.push(record);
  return log.pack(0, log.length);
}
