// What the space-time diagram draws for a window of virtual time: every message as an
// arrow from its send to its delivery (or to where it was dropped), and the lanes' role,
// term, crash and commit marks. Read from the trace by binary search, so the cost is the
// size of the window, not of the run.

import type { NodeId, Role } from '../raft/types';
import type { TraceReader } from './trace-log';
import type { DropReason, Endpoint, InvariantName, TraceEvent, WireMessage } from './types';

export interface SpaceTimeMessage {
  readonly id: number;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly sentAt: number;
  readonly sentStep: number;
  /** When it arrived or died; null while still in flight at the window's end. */
  readonly endedAt: number | null;
  readonly endedStep: number | null;
  readonly dropped: DropReason | null;
  readonly payload: WireMessage;
}

export type LaneMark =
  | {
      readonly kind: 'role';
      readonly node: NodeId;
      readonly time: number;
      readonly step: number;
      readonly role: Role;
      readonly term: number;
    }
  | {
      readonly kind: 'term';
      readonly node: NodeId;
      readonly time: number;
      readonly step: number;
      readonly term: number;
    }
  | {
      readonly kind: 'commit';
      readonly node: NodeId;
      readonly time: number;
      readonly step: number;
      readonly index: number;
    }
  | { readonly kind: 'crashed' | 'restarted'; readonly node: NodeId; readonly time: number; readonly step: number }
  | { readonly kind: 'violation'; readonly time: number; readonly step: number; readonly invariant: InvariantName };

export interface SpaceTimeWindow {
  readonly from: number;
  readonly to: number;
  readonly messages: readonly SpaceTimeMessage[];
  readonly marks: readonly LaneMark[];
  /** True when the window held more messages than the cap and the oldest were left out. */
  readonly truncated: boolean;
}

/** The first index whose event time is ≥ t (the trace is in time order). */
function firstAtOrAfter(trace: TraceReader, t: number, end: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace.at(mid)!.time < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The diagram's content for [from, to], reading only trace[0..length) (what has happened by
 * now). Messages sent before `from` but ending inside the window are included too.
 */
export function spaceTimeWindow(
  trace: TraceReader,
  length: number,
  from: number,
  to: number,
  maxMessages = 2000,
): SpaceTimeWindow {
  const end = Math.min(length, trace.length);
  const start = firstAtOrAfter(trace, from, end);
  const messages = new Map<number, SpaceTimeMessage>();
  const marks: LaneMark[] = [];
  const endings = new Map<number, { at: number; step: number; dropped: DropReason | null }>();

  for (let i = start; i < end; i++) {
    const e = trace.at(i)!;
    if (e.time > to) break;
    switch (e.kind) {
      case 'sent':
        messages.set(e.message.id, {
          id: e.message.id,
          from: e.message.from,
          to: e.message.to,
          sentAt: e.time,
          sentStep: e.step,
          endedAt: null,
          endedStep: null,
          dropped: null,
          payload: e.message.payload,
        });
        break;
      case 'delivered':
        endings.set(e.message.id, { at: e.time, step: e.step, dropped: null });
        if (!messages.has(e.message.id)) messages.set(e.message.id, fromEnvelopeEnding(e));
        break;
      case 'dropped':
        endings.set(e.message.id, { at: e.time, step: e.step, dropped: e.reason });
        if (!messages.has(e.message.id)) messages.set(e.message.id, fromEnvelopeEnding(e));
        break;
      case 'node': {
        const ev = e.event;
        if (ev.type === 'roleChanged')
          marks.push({ kind: 'role', node: e.node, time: e.time, step: e.step, role: ev.to, term: ev.term });
        else if (ev.type === 'termChanged')
          marks.push({ kind: 'term', node: e.node, time: e.time, step: e.step, term: ev.to });
        else if (ev.type === 'commitAdvanced')
          marks.push({ kind: 'commit', node: e.node, time: e.time, step: e.step, index: ev.to });
        break;
      }
      case 'crashed':
      case 'restarted':
        marks.push({ kind: e.kind, node: e.node, time: e.time, step: e.step });
        break;
      case 'violation':
        marks.push({ kind: 'violation', time: e.time, step: e.step, invariant: e.violation.invariant });
        break;
      default:
        break;
    }
  }
  let list = [...messages.values()].map((m) => {
    const ending = endings.get(m.id);
    return ending ? { ...m, endedAt: ending.at, endedStep: ending.step, dropped: ending.dropped } : m;
  });
  const truncated = list.length > maxMessages;
  if (truncated) list = list.slice(list.length - maxMessages);
  return { from, to, messages: list, marks, truncated };
}

/** A message that ends inside the window but was sent before it: its envelope says when. */
function fromEnvelopeEnding(e: Extract<TraceEvent, { kind: 'delivered' | 'dropped' }>): SpaceTimeMessage {
  return {
    id: e.message.id,
    from: e.message.from,
    to: e.message.to,
    sentAt: e.message.sentAt,
    sentStep: -1,
    endedAt: null,
    endedStep: null,
    dropped: null,
    payload: e.message.payload,
  };
}
