// Figure 8 of the Raft paper (§5.4.2) in a 3-node cluster, for the explorer: why a leader must not
// commit an entry of an earlier term by counting replicas. Three nodes suffice, with terms up to 4
// and two client writes; message drops (and entries never sent) stand in for the paper's crashes.
//
// The middle of the figure as initial state: A led term 1 and took "set x1 1" (index 1, term 1);
// B led term 2 and took "set x1 2" (index 1, term 2); neither was replicated, and C (empty) voted
// for B in term 2. Every term is 2 now.

import type { ScenarioInput } from '../../scenario/schema';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';

const initial: ScenarioInput['initial'] = {
  A: { term: 2, log: [{ term: 1, command: 'set x1 1' }] },
  B: { term: 2, votedFor: 'B', log: [{ term: 2, command: 'set x1 2' }] },
  C: { term: 2, votedFor: 'B', log: [] },
};

/** From the middle of Figure 8: the explorer must find A's term-3 commit by counting and B's term-4 win. */
export function figure8Middle(unsafe: ScenarioInput['unsafe'] = { commitPreviousTerms: true }): ScenarioInput {
  return { version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING, unsafe, initial };
}

/**
 * Figure 8's bounds from its middle: terms up to 4 and logs of length 2; the two writes are in the
 * logs already. Messages never delivered stand for the paper's crashes (no drop choices: drops.test.ts).
 * No depth bound in effect: the safe rule's space is exhausted at depth 27.
 */
export const FIGURE8_FROM_MIDDLE: Readonly<ExploreBounds> = {
  ...DEFAULT_BOUNDS,
  maxTerm: 4,
  maxLog: 2,
  writes: 0,
  heartbeats: 0,
  depth: 200,
  maxStates: 10_000_000,
  drops: false,
};

/** The instant figure8Late stands at, ready to explore. */
export const FIGURE8_LATE_AT = 100;

/**
 * Later in the figure: with A and B cut apart, A wins term 3 with C's vote and replicates its
 * term-1 entry to C, which (with commitPreviousTerms) it then commits by counting; at 100 ms the
 * link is mended. B, still holding its term-2 entry, has not heard of term 3.
 */
export function figure8Late(unsafe: ScenarioInput['unsafe'] = { commitPreviousTerms: true }): ScenarioInput {
  return {
    ...figure8Middle(unsafe),
    actions: [
      { at: 0, do: 'cut', from: 'A', to: 'B' },
      { at: 0, do: 'timeout', node: 'A' },
      { at: FIGURE8_LATE_AT, do: 'mend', from: 'A', to: 'B' },
    ],
  };
}
