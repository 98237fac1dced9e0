// The moments a class jumps to ("next election", "next commit", …), defined once over
// trace events so the history's search and the timeline agree on what they mean.

import type { NodeId } from '../raft/types';
import type { TraceEvent } from './types';

/**
 * `commit`: the leader commits new entries. `applied`: every live node has applied a new entry to
 * its state machine — the followers learn the commit from the next AppendEntries, 30–40 ms later (§4 step 4).
 */
export type MilestoneKind = 'election' | 'leader' | 'commit' | 'repair' | 'violation' | 'applied';

export const MILESTONE_KINDS: readonly MilestoneKind[] = [
  'election',
  'leader',
  'commit',
  'applied',
  'repair',
  'violation',
];

/** Where a search starts from. */
export interface MilestoneStart {
  /** The highest index committed anywhere so far. */
  readonly committed: number;
  /** Every node with whether it is up and its lastApplied. */
  readonly nodes: readonly { readonly id: NodeId; readonly alive: boolean; readonly lastApplied: number }[];
}

/**
 * A predicate over trace events, read in order from `start`. A commit milestone is one that
 * commits new entries for the cluster, not a follower catching up on what the leader already
 * committed; an applied milestone is the event after which the index every live node has applied
 * is higher than it has been so far.
 */
export function milestoneMatcher(kind: MilestoneKind, start: MilestoneStart): (event: TraceEvent) => boolean {
  const committed = start.committed;
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
    case 'applied':
      return appliedEverywhere(start.nodes);
  }
}

function appliedEverywhere(nodes: MilestoneStart['nodes']): (event: TraceEvent) => boolean {
  const applied = new Map(nodes.map((n) => [n.id, n.lastApplied]));
  const up = new Set(nodes.filter((n) => n.alive).map((n) => n.id));
  const everywhere = (): number => {
    let low = Infinity;
    for (const id of up) low = Math.min(low, applied.get(id) ?? 0);
    return low === Infinity ? 0 : low;
  };
  let highest = everywhere();
  return (e) => {
    if (e.kind === 'node' && e.event.type === 'entryApplied') applied.set(e.node, e.event.index);
    else if (e.kind === 'crashed') up.delete(e.node);
    else if (e.kind === 'restarted') {
      // lastApplied is volatile (Figure 2): a restarted node applies its log again from the start.
      up.add(e.node);
      applied.set(e.node, 0);
    } else return false;
    const now = everywhere();
    if (now <= highest) return false;
    highest = now;
    return true;
  };
}
