// The messages that arrived or died since the space-time diagram's last window. The diagram asks
// the worker for its window a few times a second, and draws the messages in flight from each frame;
// a message that leaves the frame between two windows is in neither, and its arrow used to vanish
// until the next window (up to 250 ms at 1×). Each frame tells how it ended: a message no longer
// in flight was delivered at its deliverAt, unless the frame lists it among the recently dropped.
// Presentation only: the window, when it comes, is the authority and these entries give way.

import type { SpaceTimeMessage, SpaceTimeWindow } from '../sim/spacetime';
import type { ClusterFrame } from '../sim/types';

/** Never keep more than this many (a window covers them long before, unless none is asked for). */
const MAX_KEPT = 2000;

const NONE: readonly SpaceTimeMessage[] = [];

/**
 * The ended messages to keep after the frame `next` (following `previous`): those kept before that
 * the window `window` does not yet cover, plus every message in flight in `previous` that is not in
 * `next`. A frame that goes back in time or to another step sequence (a seek, a step back, a new
 * branch) starts again from nothing: the window asked for there will hold its past.
 */
export function trackEnded(
  kept: readonly SpaceTimeMessage[],
  previous: ClusterFrame | null,
  next: ClusterFrame,
  window: SpaceTimeWindow | null,
): readonly SpaceTimeMessage[] {
  if (!previous || next.time < previous.time || next.step < previous.step) return NONE;
  const covered = window?.to ?? -Infinity;
  let out: SpaceTimeMessage[] | null = null;
  const stillKept = kept.filter((m) => (m.endedAt ?? -Infinity) > covered);
  if (stillKept.length !== kept.length) out = stillKept;
  if (previous.messages !== next.messages && previous.messages.length > 0) {
    const live = new Set<number>();
    for (const m of next.messages) live.add(m.id);
    for (const m of previous.messages) {
      if (live.has(m.id)) continue;
      const drop = next.recentlyDropped.find((d) => d.message.id === m.id);
      const endedAt = drop ? drop.droppedAt : m.deliverAt;
      // Neither delivered by now nor listed as dropped: nothing to say how it ended.
      if (endedAt > next.time || endedAt <= covered) continue;
      out ??= [...stillKept];
      out.push({
        id: m.id,
        from: m.from,
        to: m.to,
        sentAt: m.sentAt,
        // Steps are not known from a frame: the window fills them in when it comes.
        sentStep: -1,
        endedAt,
        endedStep: null,
        dropped: drop ? drop.reason : null,
        payload: m.payload,
      });
    }
  }
  if (!out) return kept;
  return out.length > MAX_KEPT ? out.slice(out.length - MAX_KEPT) : out;
}
