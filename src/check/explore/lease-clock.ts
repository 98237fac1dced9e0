// Clocks, for an exploration in which time stands still (thesis §6.4.1).
//
// A lease is a promise about time: a follower that acknowledged a leader's round will not time out
// (and so will not vote for anyone else: transfer.ts, ignoresVoteRequest) before the leader's lease
// has run out, as long as the clocks keep the rate the lease assumes. The explorer takes that
// promise at its word: a follower that counts a leader as heard from is not offered a timeout while
// that leader's lease holds. A clock that runs faster than the lease assumed breaks the promise:
// that is the `ticks` budget, one tick per follower whose election timer runs out early.
//
// Without lease reads no lease ever holds (read-index.ts sets one only with reads 'lease'), so
// every other exploration offers exactly the timeouts it always did.

import { leaseHoldsIn } from '../../raft/read-index';
import type { RaftState } from '../../raft/types';

/** A leader whose lease holds (read-index.ts: the same test the leader answers reads by). */
function leaseHolds(leader: RaftState): boolean {
  return leader.role === 'leader' && leaseHoldsIn(leader);
}

/**
 * Whether the node at `i` is a follower held by a lease: it counts a leader as heard from, and that
 * leader (still leading its term) holds a lease. A node just booted counts some leader as heard from
 * without knowing which (node.ts, initialState): any leader's lease holds it. Its election timer can
 * then run out only on a fast clock.
 */
export function heldByLease<N>(
  nodes: readonly N[],
  node: (n: N) => { readonly state: RaftState | null },
  nodeIds: readonly string[],
  i: number,
): boolean {
  const s = node(nodes[i]!).state;
  if (s === null || s.role !== 'follower' || !s.leaderContact) return false;
  if (s.leaderId !== null) {
    const at = nodeIds.indexOf(s.leaderId);
    const leader = at < 0 ? null : node(nodes[at]!).state;
    return leader !== null && leader.currentTerm === s.currentTerm && leaseHolds(leader);
  }
  for (let j = 0; j < nodes.length; j++) {
    const other = node(nodes[j]!).state;
    if (j !== i && other !== null && leaseHolds(other)) return true;
  }
  return false;
}
