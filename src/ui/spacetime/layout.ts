// What the space-time diagram draws, worked out from a window and the current snapshot:
// which arrows (finished ones from the window, in-flight ones from the snapshot, so the
// picture at a paused or rewound instant is exact), and where each one ends.
// Presentation only: nothing here decides Raft.

import type { SpaceTimeMessage, SpaceTimeWindow } from '../../sim/spacetime';
import type { DropReason, Endpoint, Envelope, WireMessage } from '../../sim/types';

export interface Arrow {
  readonly id: number;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly sentAt: number;
  /** Where the arrow's head is drawn (time). */
  readonly headAt: number;
  /** Where the message arrives or arrived (time); null when unknown (dropped in flight). */
  readonly endsAt: number | null;
  readonly state: 'delivered' | 'dropped' | 'inFlight';
  /** A message dropped on the way (not on arrival) ends between the lanes. */
  readonly diesMidway: boolean;
  readonly dropped: DropReason | null;
  readonly payload: WireMessage;
  readonly heartbeat: boolean;
}

function isHeartbeat(payload: WireMessage): boolean {
  return payload.type === 'AppendEntries' && payload.entries.length === 0;
}

/**
 * The arrows to draw at instant `now`: the window's finished messages up to now (anything
 * ending later is still in flight at `now` and comes from the snapshot instead), and those that
 * ended since the window (`ended`, src/store/ended-messages.ts) where the window has no ending yet.
 */
export function arrowsAt(
  window: SpaceTimeWindow | null,
  inFlight: readonly Envelope[],
  now: number,
  from: number,
  ended: readonly SpaceTimeMessage[] = [],
): Arrow[] {
  const live = new Set(inFlight.map((m) => m.id));
  const arrows: Arrow[] = [];
  // A heartbeat's reply is sent in the step that delivered it, back the other way.
  const heartbeatDeliveries = new Set<string>();
  for (const m of window?.messages ?? []) {
    if (isHeartbeat(m.payload) && m.endedStep !== null && m.dropped === null)
      heartbeatDeliveries.add(`${m.endedStep}:${m.to}>${m.from}`);
  }
  const endedInWindow = new Set<number>();
  for (const m of window?.messages ?? []) {
    if (m.endedAt !== null) endedInWindow.add(m.id);
    if (live.has(m.id) || m.endedAt === null || m.endedAt > now || m.sentAt > now) continue;
    if (m.endedAt < from) continue;
    arrows.push(finished(m, heartbeatDeliveries));
  }
  for (const m of ended) {
    if (endedInWindow.has(m.id) || live.has(m.id) || m.endedAt === null || m.endedAt > now || m.endedAt < from)
      continue;
    arrows.push(finished(m, heartbeatDeliveries));
  }
  for (const m of inFlight) {
    if (m.deliverAt < from && m.sentAt < from) continue;
    arrows.push({
      id: m.id,
      from: m.from,
      to: m.to,
      sentAt: m.sentAt,
      headAt: now,
      endsAt: m.deliverAt,
      state: 'inFlight',
      diesMidway: false,
      dropped: null,
      payload: m.payload,
      heartbeat: isHeartbeat(m.payload),
    });
  }
  return arrows;
}

function finished(m: SpaceTimeMessage, heartbeatDeliveries: ReadonlySet<string>): Arrow {
  const endedAt = m.endedAt ?? m.sentAt;
  const midway = m.dropped === 'dropped-by-user' || m.dropped === 'sender-dead';
  const heartbeat =
    isHeartbeat(m.payload) ||
    (m.payload.type === 'AppendEntriesReply' &&
      m.payload.success &&
      heartbeatDeliveries.has(`${m.sentStep}:${m.from}>${m.to}`));
  return {
    id: m.id,
    from: m.from,
    to: m.to,
    sentAt: m.sentAt,
    headAt: endedAt,
    endsAt: midway ? null : endedAt,
    state: m.dropped === null ? 'delivered' : 'dropped',
    diesMidway: midway,
    dropped: m.dropped,
    payload: m.payload,
    heartbeat,
  };
}

/** Where along its path an in-flight message is at `now` (0 at send, 1 at arrival). */
export function fractionAt(sentAt: number, deliverAt: number, now: number): number {
  if (deliverAt <= sentAt) return 1;
  return Math.min(1, Math.max(0, (now - sentAt) / (deliverAt - sentAt)));
}
