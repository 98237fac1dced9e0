// Which of a follower's entries the current leader will overwrite (§5.3): the first index where
// the follower's log disagrees with the leader's, and everything after it. A frame carries it so
// the view can mark the doomed suffix before the repair reaches it, without comparing logs itself.

import type { RaftLog } from '../raft/log';

export interface LeaderView {
  readonly log: RaftLog;
  readonly currentTerm: number;
  /** The leader's matchIndex for this follower: entries up to it are known to match (Log Matching). */
  readonly matchIndex: number;
}

/**
 * The first index of `follower` that the leader's log contradicts, or null when none does.
 * An entry contradicts when the leader holds another term at its index, or when it lies past the
 * leader's last entry in another term than the leader's: a leader only appends entries of its own
 * term (§5.3), so whatever it puts there later conflicts with it and deletes it with all that follow.
 */
export function conflictFrom(follower: RaftLog, leader: LeaderView): number | null {
  // Below matchIndex the logs agree; below either log's first held index no entry is drawn or compared.
  const start = Math.max(leader.matchIndex + 1, follower.firstIndex(), leader.log.firstIndex());
  for (let index = start; index <= follower.lastIndex(); index++) {
    const term = follower.term(index)!;
    const leaderTerm = index <= leader.log.lastIndex() ? leader.log.term(index) : leader.currentTerm;
    if (leaderTerm !== term) return index;
  }
  return null;
}
