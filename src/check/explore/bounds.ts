// The bounds of an exploration. Raft's state space is infinite (terms and logs grow without end),
// so an exploration covers the states within these bounds, and says whether it covered all of them.

/** What a single path may spend: each choice of these kinds uses one. */
export interface Budget {
  /** Nodes crashed. */
  crashes: number;
  /** Crashed nodes restarted. */
  restarts: number;
  /** Client writes submitted. */
  writes: number;
  /** Messages duplicated by the network. */
  duplicates: number;
  /** A leader's heartbeat timer fired by hand (each sends a round of AppendEntries). */
  heartbeats: number;
  /** Membership changes requested by the administrator (§6): a spare added or a member removed. */
  changes: number;
  /** Client reads (`get x`), each sent to a node of the explorer's choosing (thesis §6.4). */
  reads: number;
  /**
   * Clock ticks that run a follower's clock ahead (a fast clock, thesis §6.4.1): its election timer
   * runs out while the leader it heard from still holds a read lease. Without one the explorer
   * assumes the clocks keep the rate leases rely on (lease-clock.ts).
   */
  ticks: number;
}

export interface ExploreBounds extends Budget {
  /** States where any node's term passes this are not explored further. */
  maxTerm: number;
  /** States where any node's log passes this last index are not explored further. */
  maxLog: number;
  /** The longest path explored, in choices. */
  depth: number;
  /** Stop after this many distinct states (memory guard); the result then says it was not exhausted. */
  maxStates: number;
  /** Merge states that differ only by a renaming of nodes (sound when the nodes are interchangeable). */
  symmetry: boolean;
  /**
   * Offer "drop" for each message. Off, a message never delivered stands for a lost one: a drop only
   * takes behaviour away, so every state reachable with drops holds the same nodes, client and checker
   * history as one reachable without them, in as many choices or fewer, only with more messages still
   * in flight (drops.test.ts). The answer about the invariants is the same; the search is far smaller.
   */
  drops: boolean;
}

export const DEFAULT_BOUNDS: Readonly<ExploreBounds> = {
  maxTerm: 3,
  maxLog: 2,
  depth: 30,
  crashes: 0,
  restarts: 0,
  writes: 1,
  duplicates: 0,
  heartbeats: 1,
  // Off by default: each change request multiplies the space, and most lessons need none.
  changes: 0,
  // Off by default too: a read judged by the stale-read check makes the client's order part of the state.
  reads: 0,
  // Off by default: ticks only matter under lease reads, and zero keeps every other figure as it was.
  ticks: 0,
  maxStates: 2_000_000,
  symmetry: true,
  drops: true,
};

export const BUDGET_KINDS: readonly (keyof Budget)[] = [
  'crashes',
  'restarts',
  'writes',
  'duplicates',
  'heartbeats',
  'changes',
  'reads',
  'ticks',
];

export function budgetOf(bounds: ExploreBounds): Budget {
  const { crashes, restarts, writes, duplicates, heartbeats, changes, reads, ticks } = bounds;
  return { crashes, restarts, writes, duplicates, heartbeats, changes, reads, ticks };
}

/** The largest cluster explored (the CLI and the app): the state space grows too fast beyond it. */
export const MAX_EXPLORED_NODES = 5;

/** The numeric bounds a user may set, with the smallest and largest value each accepts. */
export type NumericBound = Exclude<keyof ExploreBounds, 'symmetry' | 'drops'>;

/** Past these the search cannot end in a class (or a CI run); the CLI and the app's dialog share them. */
export const BOUND_RANGES: Readonly<Record<NumericBound, readonly [number, number]>> = {
  maxTerm: [0, 50],
  maxLog: [0, 50],
  crashes: [0, 10],
  restarts: [0, 10],
  writes: [0, 10],
  duplicates: [0, 10],
  heartbeats: [0, 10],
  changes: [0, 10],
  reads: [0, 10],
  ticks: [0, 10],
  depth: [1, 200],
  maxStates: [1, 50_000_000],
};
