// The messages that arrived or died since the space-time diagram's last window. The diagram asks
// the worker for its window a few times a second, and draws the messages in flight from each frame;
// a message that leaves the frame between two windows is in neither, and its arrow used to vanish
// until the next window (up to 250 ms at 1×). How each one ended is read from the engine's own
// `delivered` and `dropped` trace records that the frame carries, never guessed from a message
// missing in the next frame (a drop the frame no longer lists would then be drawn as a delivery).
// A record the frame did not unpack (a long stretch sends only its tail) leaves its arrow to the
// window. Presentation only: the window, when it comes, is the authority and these entries give way.

import type { SpaceTimeMessage, SpaceTimeWindow } from '../sim/spacetime';
import type { ClusterFrame, TraceEvent } from '../sim/types';

/** Never keep more than this many (a window covers them long before, unless none is asked for). */
const MAX_KEPT = 2000;

const NONE: readonly SpaceTimeMessage[] = [];

/**
 * The ended messages to keep after the frame `next` (following `previous`): those kept before that
 * the window `window` does not yet cover, plus each message the frame's trace `records` say was
 * delivered or dropped. A frame that goes back in time or to another step sequence (a seek, a step
 * back, a new branch) starts again from nothing: the window asked for there will hold its past.
 */
export function trackEnded(
  kept: readonly SpaceTimeMessage[],
  previous: ClusterFrame | null,
  next: ClusterFrame,
  records: readonly TraceEvent[],
  window: SpaceTimeWindow | null,
): readonly SpaceTimeMessage[] {
  if (!previous || next.time < previous.time || next.step < previous.step) return NONE;
  const covered = window?.to ?? -Infinity;
  let out: SpaceTimeMessage[] | null = null;
  const stillKept = kept.filter((m) => (m.endedAt ?? -Infinity) > covered);
  if (stillKept.length !== kept.length) out = stillKept;
  for (const record of records) {
    if (record.kind !== 'delivered' && record.kind !== 'dropped') continue;
    if (record.time <= covered || record.time > next.time) continue;
    const m = record.message;
    out ??= [...stillKept];
    out.push({
      id: m.id,
      from: m.from,
      to: m.to,
      sentAt: m.sentAt,
      // The sending step is not in the record: the window fills it in when it comes.
      sentStep: -1,
      endedAt: record.time,
      endedStep: record.step,
      dropped: record.kind === 'dropped' ? record.reason : null,
      payload: m.payload,
    });
  }
  if (!out) return kept;
  return out.length > MAX_KEPT ? out.slice(out.length - MAX_KEPT) : out;
}
