// The moments a class jumps to ("next election", "next commit", …), defined once over
// trace events so the history's search and the timeline agree on what they mean.

import type { TraceEvent } from './types';

export type MilestoneKind = 'election' | 'leader' | 'commit' | 'repair' | 'violation';

export const MILESTONE_KINDS: readonly MilestoneKind[] = ['election', 'leader', 'commit', 'repair', 'violation'];

/**
 * A predicate over trace events, read in order. `committed` is the highest index committed
 * anywhere so far: a commit milestone is one that commits new entries for the cluster, not a
 * follower catching up on what the leader already committed.
 */
export function milestoneMatcher(kind: MilestoneKind, committed: number): (event: TraceEvent) => boolean {
  switch (kind) {
    case 'election':
      // A real election (§5.2: a candidate raising its term), not a pre-vote round.
      return (e) => e.kind === 'node' && e.event.type === 'electionStarted' && !e.event.preVote;
    case 'leader':
      return (e) => e.kind === 'node' && e.event.type === 'roleChanged' && e.event.to === 'leader';
    case 'commit': {
      let highest = committed;
      return (e) => {
        if (e.kind !== 'node' || e.event.type !== 'commitAdvanced' || e.event.to <= highest) return false;
        highest = e.event.to;
        return true;
      };
    }
    case 'repair':
      // §5.3: the leader backs nextIndex up, or a follower drops its conflicting suffix.
      return (e) => e.kind === 'node' && (e.event.type === 'entriesTruncated' || e.event.type === 'nextIndexBackedUp');
    case 'violation':
      return (e) => e.kind === 'violation';
  }
}
