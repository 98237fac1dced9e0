// Scenarios for the explorer's membership-change choice (§6), shared by the proof tests and the
// fast-vs-reference fixtures.

import type { ScenarioInput } from '../../scenario/schema';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';

type Unsafe = ScenarioInput['unsafe'];

/** One change request, no writes: the bound directMembershipChange is documented to break within. */
export const ONE_CHANGE: ExploreBounds = {
  ...DEFAULT_BOUNDS,
  maxTerm: 2,
  maxLog: 2,
  writes: 0,
  heartbeats: 0,
  changes: 1,
  depth: 5,
};

/**
 * A leads term 1 of {A, B, C} and has committed its no-op (so single mode takes a change at once).
 * Everything after is the explorer's: with `directMembershipChange`, removing B and C together puts
 * C_new = {A} in force, A alone commits it, and B and C (still in C_old) elect a leader without it.
 */
export function aLeadsWithNoop(unsafe: Unsafe = {}): ScenarioInput {
  return {
    version: 1,
    nodes: 3,
    timing: HAND_DRIVEN_TIMING,
    options: { leaderNoop: true },
    unsafe,
    actions: [{ at: 0, do: 'timeout', node: 'A' }],
  };
}

/**
 * The 2015 single-server bug, set up to the point where the second change is asked for. B led term 1
 * of {A, B, C, D} and appended C1 = {B, C, D} (remove A), which reached no one. A then won term 2
 * with C's and D's votes (B refused: its log is longer) and has committed nothing of its term. The
 * explorer's change "remove B" goes to A (the client's first guess). Accepted now, C2 = {A, C, D}
 * commits on A and C; B, whose configuration is still C1, wins term 3 with D alone, without C2.
 * The 2015 correction makes A wait for an entry of its own term first (`leaderNoop` gives it one).
 */
export function secondLeaderChanges(unsafe: Unsafe = {}): ScenarioInput {
  const c1 = { term: 1, config: { voters: ['B', 'C', 'D'] } };
  const follower = { term: 1, votedFor: 'B', log: [] };
  return {
    version: 1,
    nodes: 4,
    timing: HAND_DRIVEN_TIMING,
    unsafe,
    initial: { A: follower, B: { term: 1, votedFor: 'B', log: [c1] }, C: follower, D: follower },
    actions: [{ at: 0, do: 'timeout', node: 'A' }],
  };
}
