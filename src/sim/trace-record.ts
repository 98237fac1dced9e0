// How a trace row stands for a record, and the record built back from its row. Shared by the
// TraceLog (trace-log.ts), which writes and keeps the rows, and by the UI thread, which reads
// the rows a frame brings (trace-pack.ts) without loading the log itself.
//
// How each kind of record fills a row (besides kind, time and step):
//   timerFired                 node; codes = the timer
//   sent, delivered, dropped   node = from, peers = to; codes = drop reason and flags; num0 = id;
//                              ref = the payload (an AppendEntries reply or request: its index in the
//                              log's ReplyTable or AppendTable, see REPLY_AS_NUMBERS, APPEND_AS_NUMBERS). A message is sent at sentAt and delivered or
//                              dropped at deliverAt, nearly always: the record's time is that one,
//                              and num1 holds the other (any exception is kept in `extras`)
//   node                       node; codes = how the event is kept: a follower's commitAdvanced
//                              as num0, num1 = from, to; entriesAppended as num0 = fromIndex and
//                              ref = the entries; an entryApplied whose result is a number's text
//                              as num0 = index, num1 = that number, ref = the entry; any other
//                              event as ref. peers = the leader an append or a follower's commit
//                              came from
//   client, action, violation  ref = the event, the action, the violation
//   crashed, restarted         node
// A refused action's reason, a restart's term and vote, and a message's envelope time that is not
// the record's time are kept in `extras`.

import type { Action } from './scenario-types';
import type { LogEntry, NodeId, RaftEvent, TimerKind } from '../raft/types';
import type { ActionRefusal } from './refusal';
import type { RowColumns } from './trace-chunk';
import type {
  ClientEvent,
  DropReason,
  Endpoint,
  Envelope,
  TraceEvent,
  TraceKind,
  Violation,
  WireMessage,
} from './types';

export const KINDS = [
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
export const [TIMER_FIRED, SENT, DELIVERED, DROPPED, NODE, CLIENT_EVENT, ACTION, CRASHED, RESTARTED, VIOLATION] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
] as const;

export const TIMERS: readonly TimerKind[] = ['election', 'heartbeat'];
export const DROP_REASONS: readonly DropReason[] = [
  'receiver-dead',
  'link-down',
  'random-loss',
  'dropped-by-user',
  'sender-dead',
];
/** A message record's code: the drop reason in the low bits, and the envelope's two flags. */
export const LOST = 16;
export const DUPLICATE = 32;
/** The payload is an AppendEntries reply kept as numbers (reply-table.ts): ref is its index there. */
export const REPLY_AS_NUMBERS = 64;
/** Such a reply's `success`. */
export const REPLY_SUCCESS = 128;
/** The payload is an AppendEntries request kept as numbers (append-table.ts): ref is its index there. */
export const APPEND_AS_NUMBERS = 8;
/** The drop reason (DROP_REASONS has five). */
const REASON_MASK = 7;

/**
 * A node record's code: how its event is kept. Commits and appends, two of every three node
 * events in a busy cluster, are kept as numbers; any other event by reference.
 */
export const EVENT_BY_REFERENCE = 0;
export const COMMIT_ADVANCED = 1;
export const ENTRIES_APPENDED = 2;
/** An entryApplied whose result is a number's text: num0 = index, num1 = the number, ref = the entry. */
export const ENTRY_APPLIED = 3;
export const EVENT_MASK = 3;

/** The few fields too rare to deserve a column: a refused action's reason, a restart's term and vote. */
export interface RefusedAction {
  readonly error: string;
  readonly refusal: ActionRefusal;
}
export interface Restart {
  readonly term: number;
  readonly votedFor: NodeId | null;
}
/** A message record whose time is not its envelope's sentAt (sent) or deliverAt (delivered, dropped). */
export interface EnvelopeTime {
  readonly envelopeTime: number;
}
export type Extra = RefusedAction | Restart | EnvelopeTime;

/**
 * The record in row j of `c`, built afresh, with the fields in the order the simulation and the node
 * wrote them (JSON.stringify follows it). `extra` is the row's entry in the log's extras, if any;
 * `ref` what the row refers to (a payload kept as numbers is built back by the caller), `step` and
 * `time` its step and time, which a frame's rows and a log's stored rows hold differently.
 */
export function recordAt(
  c: RowColumns,
  j: number,
  names: readonly Endpoint[],
  extra: Extra | undefined,
  ref: unknown,
  step: number,
  time: number,
): TraceEvent {
  switch (c.kinds[j]) {
    case TIMER_FIRED:
      return { kind: 'timerFired', node: names[c.nodes[j]!]!, timer: TIMERS[c.codes[j]!]!, time, step };
    case SENT:
      return { kind: 'sent', message: envelope(c, j, names, extra, ref as WireMessage, time), time, step };
    case DELIVERED:
      return { kind: 'delivered', message: envelope(c, j, names, extra, ref as WireMessage, time), time, step };
    case DROPPED: {
      const reason = DROP_REASONS[c.codes[j]! & REASON_MASK]!;
      return { kind: 'dropped', message: envelope(c, j, names, extra, ref as WireMessage, time), reason, time, step };
    }
    case NODE:
      return { kind: 'node', node: names[c.nodes[j]!]!, event: nodeEvent(c, j, names, ref), time, step };
    case CLIENT_EVENT:
      return { kind: 'client', event: ref as ClientEvent, time, step };
    case ACTION: {
      const refused = extra as RefusedAction | undefined;
      return refused === undefined
        ? { kind: 'action', action: ref as Action, time, step }
        : { kind: 'action', action: ref as Action, error: refused.error, refusal: refused.refusal, time, step };
    }
    case CRASHED:
      return { kind: 'crashed', node: names[c.nodes[j]!]!, time, step };
    case RESTARTED: {
      const { term, votedFor } = extra as Restart;
      return { kind: 'restarted', node: names[c.nodes[j]!]!, term, votedFor, time, step };
    }
    default:
      return { kind: 'violation', violation: ref as Violation, time, step };
  }
}

/** The event of node row j of `c`, which refers to `ref`, with the fields in the order the node builds it. */
function nodeEvent(c: RowColumns, j: number, names: readonly Endpoint[], ref: unknown): RaftEvent {
  switch (c.codes[j]! & EVENT_MASK) {
    case COMMIT_ADVANCED:
      return {
        type: 'commitAdvanced',
        from: c.num0[j]!,
        to: c.num1[j]!,
        by: 'leaderCommit',
        leader: names[c.peers[j]!]!,
      };
    case ENTRIES_APPENDED:
      return {
        type: 'entriesAppended',
        fromIndex: c.num0[j]!,
        entries: ref as readonly LogEntry[],
        leader: names[c.peers[j]!]!,
      };
    case ENTRY_APPLIED:
      return { type: 'entryApplied', index: c.num0[j]!, entry: ref as LogEntry, result: String(c.num1[j]!) };
    default:
      return ref as RaftEvent;
  }
}

/** The envelope of message row j of `c`, at `time`, with the fields in the order Envelope is built. */
function envelope(
  c: RowColumns,
  j: number,
  names: readonly Endpoint[],
  extra: Extra | undefined,
  payload: WireMessage,
  time: number,
): Envelope {
  const code = c.codes[j]!;
  const sent = c.kinds[j] === SENT;
  const implied = (extra as EnvelopeTime | undefined)?.envelopeTime ?? time;
  return {
    id: c.num0[j]!,
    from: names[c.nodes[j]!]!,
    to: names[c.peers[j]!]!,
    sentAt: sent ? implied : c.num1[j]!,
    deliverAt: sent ? c.num1[j]! : implied,
    payload,
    lost: (code & LOST) !== 0,
    duplicate: (code & DUPLICATE) !== 0,
  };
}
