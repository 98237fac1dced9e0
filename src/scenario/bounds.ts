// The limits every scenario source obeys: a file, a link, a lesson, the settings panel and the CLI
// all check the same numbers (README, "Bounds"). They keep a class's browser responsive: a timer
// of a billionth of a millisecond, or a link to a far-off day, would make the simulation work
// without end for nothing a lesson can show.

/** Every time and instant: one virtual day, in ms. */
export const MAX_TIME = 86_400_000;
/** The fastest heartbeat: 1 ms (real clusters use tens of ms). */
export const MIN_HEARTBEAT = 1;
/** The election timeout's minimum is at least this many heartbeats, so a live leader can hold a follower. */
export const ELECTION_TIMEOUT_HEARTBEATS = 2;
/**
 * The shortest election timeout: 10 ms. Equal or nearly equal timers can split the vote again and
 * again (§5.2), each round costing every node a RequestVote to every other; at 2 ms a 9-node cluster
 * with duplicated messages did that ~220 times per virtual ms, over the event budget (issue 13).
 * At 10 ms the worst case (pre-votes too) stays under half the budget.
 */
export const MIN_ELECTION_TIMEOUT = 10;
/** The slowest network delivery: 10 s. */
export const MAX_LATENCY = 10_000;
/** The shortest client timeout (and deadline): 10 ms. */
export const MIN_CLIENT_TIMEOUT = 10;
/** Actions in a scenario file or lesson (a link holds fewer: MAX_LINK_ACTIONS). */
export const MAX_ACTIONS = 10_000;
/** Entries of a node's initial log. */
export const MAX_INITIAL_LOG = 1_000;
/** The highest term a scenario may start a node in. */
export const MAX_TERM = 1_000_000;
/** §7: the last index an initial snapshot may cover, and the keys its state may hold. */
export const MAX_SNAPSHOT_INDEX = 1_000_000;
export const MAX_SNAPSHOT_KEYS = 1_000;
/** §7: the largest snapshotThreshold (entries applied between snapshots); 0 means off. */
export const MAX_SNAPSHOT_THRESHOLD = 100_000;
/** Figure 13: the largest InstallSnapshot chunk, in characters of the serialized snapshot. */
export const MAX_SNAPSHOT_CHUNK = 1_000_000;
/** Longest client command (the simulator checks live commands against the same number). */
export { MAX_COMMAND_LENGTH } from '../sim/action-check';
/** Largest scenario or lesson file read: refused by its size before it is parsed. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of JSON read from a file or a link (a scenario needs 5 levels). */
export const MAX_DEPTH = 32;

/** "24 h" style for a bound in ms, for messages. */
export function describeMs(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}
