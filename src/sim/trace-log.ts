// The trace, stored by columns. A run records millions of small records; kept as one object
// each (plus a boxed number for the time), they were half of what the garbage collector had
// to copy and mark. Here a record is a row of typed arrays (kind, time, step, node, a small
// code) and one reference to the object it is about (the message, the event, the action),
// which the run allocates anyway. Readers still get the same TraceEvent objects, built on
// demand with the fields in the order the simulation always wrote them, so the JSON of a
// trace is byte for byte what it was.

import type { Action } from '../scenario/schema';
import type { NodeId, RaftEvent, TimerKind } from '../raft/types';
import type { ActionRefusal } from './refusal';
import type { ClientEvent, DropReason, Envelope, TraceEvent, TraceKind, Violation } from './types';

/** What readers of a trace need: satisfied by an array of records and by a TraceLog. */
export interface TraceReader {
  readonly length: number;
  at(index: number): TraceEvent | undefined;
}

const KINDS = [
  'timerFired',
  'sent',
  'delivered',
  'dropped',
  'node',
  'client',
  'action',
  'crashed',
  'restarted',
  'violation',
] as const satisfies readonly TraceKind[];
const [TIMER_FIRED, SENT, DELIVERED, DROPPED, NODE, CLIENT_EVENT, ACTION, CRASHED, RESTARTED, VIOLATION] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
] as const;

const TIMERS: readonly TimerKind[] = ['election', 'heartbeat'];
const DROP_REASONS: readonly DropReason[] = [
  'receiver-dead',
  'link-down',
  'random-loss',
  'dropped-by-user',
  'sender-dead',
];

/** The few fields too rare to deserve a column: a refused action's reason, a restart's term and vote. */
interface RefusedAction {
  readonly error: string;
  readonly refusal: ActionRefusal;
}
interface Restart {
  readonly term: number;
  readonly votedFor: NodeId | null;
}
type Extra = RefusedAction | Restart;

const INITIAL_CAPACITY = 256;

export class TraceLog implements TraceReader, Iterable<TraceEvent> {
  private count = 0;
  private kinds = new Uint8Array(INITIAL_CAPACITY);
  private times = new Float64Array(INITIAL_CAPACITY);
  private steps = new Float64Array(INITIAL_CAPACITY);
  /** Index into `nodeNames` of the record's node, when it has one. */
  private nodes = new Uint8Array(INITIAL_CAPACITY);
  /** The timer kind or the drop reason, as an index into TIMERS or DROP_REASONS. */
  private codes = new Uint8Array(INITIAL_CAPACITY);
  /** The object the record is about: message, event, action or violation (undefined for none). */
  private refs: unknown[] = [];
  private extras = new Map<number, Extra>();
  private nodeNames: NodeId[] = [];

  get length(): number {
    return this.count;
  }

  // ---- Recording -------------------------------------------------------------

  message(kind: 'sent' | 'delivered', message: Envelope, time: number, step: number): void {
    this.add(kind === 'sent' ? SENT : DELIVERED, time, step, 0, 0, message);
  }

  dropped(message: Envelope, reason: DropReason, time: number, step: number): void {
    this.add(DROPPED, time, step, 0, codeOf(DROP_REASONS, reason), message);
  }

  node(node: NodeId, event: RaftEvent, time: number, step: number): void {
    this.add(NODE, time, step, this.nodeIndex(node), 0, event);
  }

  client(event: ClientEvent, time: number, step: number): void {
    this.add(CLIENT_EVENT, time, step, 0, 0, event);
  }

  action(action: Action, refused: RefusedAction | undefined, time: number, step: number): void {
    if (refused !== undefined) this.extras.set(this.count, refused);
    this.add(ACTION, time, step, 0, 0, action);
  }

  timerFired(node: NodeId, timer: TimerKind, time: number, step: number): void {
    this.add(TIMER_FIRED, time, step, this.nodeIndex(node), codeOf(TIMERS, timer), undefined);
  }

  crashed(node: NodeId, time: number, step: number): void {
    this.add(CRASHED, time, step, this.nodeIndex(node), 0, undefined);
  }

  restarted(node: NodeId, term: number, votedFor: NodeId | null, time: number, step: number): void {
    this.extras.set(this.count, { term, votedFor });
    this.add(RESTARTED, time, step, this.nodeIndex(node), 0, undefined);
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
    return this.times[i]!;
  }

  stepAt(i: number): number {
    return this.steps[i]!;
  }

  kindAt(i: number): TraceKind {
    return KINDS[this.kinds[i]!]!;
  }

  /** Record i (negative counts from the end, as Array.prototype.at), built afresh on each call. */
  at(index: number): TraceEvent | undefined {
    const i = index < 0 ? this.count + index : index;
    if (!(i >= 0 && i < this.count)) return undefined;
    const time = this.times[i]!;
    const step = this.steps[i]!;
    const ref = this.refs[i];
    // Field order as the simulation wrote each record: JSON.stringify follows it.
    switch (this.kinds[i]) {
      case TIMER_FIRED:
        return { kind: 'timerFired', node: this.nodeAt(i), timer: TIMERS[this.codes[i]!]!, time, step };
      case SENT:
        return { kind: 'sent', message: ref as Envelope, time, step };
      case DELIVERED:
        return { kind: 'delivered', message: ref as Envelope, time, step };
      case DROPPED:
        return { kind: 'dropped', message: ref as Envelope, reason: DROP_REASONS[this.codes[i]!]!, time, step };
      case NODE:
        return { kind: 'node', node: this.nodeAt(i), event: ref as RaftEvent, time, step };
      case CLIENT_EVENT:
        return { kind: 'client', event: ref as ClientEvent, time, step };
      case ACTION: {
        const refused = this.extras.get(i) as RefusedAction | undefined;
        return refused === undefined
          ? { kind: 'action', action: ref as Action, time, step }
          : { kind: 'action', action: ref as Action, error: refused.error, refusal: refused.refusal, time, step };
      }
      case CRASHED:
        return { kind: 'crashed', node: this.nodeAt(i), time, step };
      case RESTARTED: {
        const { term, votedFor } = this.extras.get(i) as Restart;
        return { kind: 'restarted', node: this.nodeAt(i), term, votedFor, time, step };
      }
      default:
        return { kind: 'violation', violation: ref as Violation, time, step };
    }
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

  /** Keep only the first `length` records. */
  truncate(length: number): void {
    if (length >= this.count) return;
    this.count = Math.max(0, length);
    this.refs.length = this.count;
    for (const i of this.extras.keys()) if (i >= this.count) this.extras.delete(i);
  }

  /** Append records [from, to) of another log. */
  appendFrom(other: TraceLog, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const extra = other.extras.get(i);
      if (extra !== undefined) this.extras.set(this.count, extra);
      const node = hasNode(other.kinds[i]!) ? this.nodeIndex(other.nodeAt(i)) : 0;
      this.add(other.kinds[i]!, other.times[i]!, other.steps[i]!, node, other.codes[i]!, other.refs[i]);
    }
  }

  /** Is record i of this log the same event as record j of `other` (same step, time and kind)? */
  sameAs(i: number, other: TraceLog, j: number): boolean {
    return this.steps[i] === other.steps[j] && this.times[i] === other.times[j] && this.kinds[i] === other.kinds[j];
  }

  /**
   * Let record i refer to the objects of `other`'s record j, an equal record (a replayed twin),
   * so the two logs share them instead of holding two copies.
   */
  share(i: number, other: TraceLog, j: number): void {
    this.refs[i] = other.refs[j];
    const extra = other.extras.get(j);
    if (extra !== undefined) this.extras.set(i, extra);
  }

  // ---- Inside ----------------------------------------------------------------------

  private add(kind: number, time: number, step: number, node: number, code: number, ref: unknown): void {
    const i = this.count;
    if (i === this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.times[i] = time;
    this.steps[i] = step;
    this.nodes[i] = node;
    this.codes[i] = code;
    this.refs.push(ref);
    this.count = i + 1;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    this.kinds = grown(new Uint8Array(capacity), this.kinds);
    this.times = grown(new Float64Array(capacity), this.times);
    this.steps = grown(new Float64Array(capacity), this.steps);
    this.nodes = grown(new Uint8Array(capacity), this.nodes);
    this.codes = grown(new Uint8Array(capacity), this.codes);
  }

  private nodeIndex(node: NodeId): number {
    const names = this.nodeNames;
    // A cluster has at most a few nodes: a scan is quicker than a map.
    for (let k = 0; k < names.length; k++) if (names[k] === node) return k;
    if (names.length === 256) throw new Error('a trace can name at most 256 nodes');
    names.push(node);
    return names.length - 1;
  }

  private nodeAt(i: number): NodeId {
    return this.nodeNames[this.nodes[i]!]!;
  }
}

function hasNode(kind: number): boolean {
  return kind === NODE || kind === TIMER_FIRED || kind === CRASHED || kind === RESTARTED;
}

function codeOf<T>(table: readonly T[], value: T): number {
  const code = table.indexOf(value);
  if (code < 0) throw new Error(`no trace code for ${String(value)}`);
  return code;
}

function grown<A extends Uint8Array | Float64Array>(into: A, from: A): A {
  into.set(from);
  return into;
}
