// Quorums as one object (§5.2, §5.3, and §6 for joint consensus). Every "is this a
// majority?" of the node goes through here, so a joint configuration C_old,new, which
// needs a majority of both voter sets for elections and for commitment, changes this
// file and nothing else.

import type { Configuration, NodeId, QuorumSet, VoteTally } from './types';

/** The smallest majority of a set of `size` voters: ⌊size/2⌋ + 1 (course notes §5). */
export function majorityOf(size: number): number {
  return Math.floor(size / 2) + 1;
}

export class Quorum {
  /** The voter sets whose majorities must all agree: one, or two in a joint configuration. */
  readonly sets: readonly (readonly NodeId[])[];

  /** Every voter of every set, once each (the sets never change, so this is worked out once). */
  private readonly everyVoter: readonly NodeId[];

  constructor(configuration: Configuration) {
    this.sets = configuration.old === undefined ? [configuration.voters] : [configuration.voters, configuration.old];
    const all = new Set<NodeId>();
    for (const set of this.sets) for (const id of set) all.add(id);
    this.everyVoter = [...all];
  }

  /** Every node whose vote or replica counts in some set. */
  voters(): NodeId[] {
    return [...this.everyVoter];
  }

  isVoter(id: NodeId): boolean {
    return this.sets.some((set) => set.includes(id));
  }

  /** §5.2: an election is won with a majority of granted votes in every set, lost once some set cannot reach one. */
  tally(granted: readonly NodeId[], refused: readonly NodeId[]): VoteTally {
    let won = true;
    let lost = false;
    const quorums = this.sets.map((voters) => {
      const needed = majorityOf(voters.length);
      const yes = voters.filter((id) => granted.includes(id)).length;
      const no = voters.filter((id) => refused.includes(id)).length;
      if (yes < needed) won = false;
      if (voters.length - no < needed) lost = true;
      return { voters, needed };
    });
    const result = won ? 'won' : lost ? 'lost' : 'pending';
    return { granted: [...granted], refused: [...refused], quorums, result };
  }

  /**
   * §5.3: the highest index held by a majority of every set, given each voter's highest
   * replicated index (the leader's own last index for itself).
   */
  committedIndex(matchOf: (id: NodeId) => number): number {
    let committed = Infinity;
    for (const voters of this.sets) {
      if (voters.length === 0) continue;
      committed = Math.min(committed, highestHeldByMajority(voters, matchOf));
    }
    return committed === Infinity ? 0 : committed;
  }

  /** How many voters (of all sets) hold `index`. */
  replicas(index: number, matchOf: (id: NodeId) => number): number {
    let holding = 0;
    for (const id of this.everyVoter) if (matchOf(id) >= index) holding++;
    return holding;
  }

  /** checkQuorum: did a majority of every set answer recently? */
  hasQuorum(heard: (id: NodeId) => boolean): boolean {
    return this.sets.every((voters) => voters.filter(heard).length >= majorityOf(voters.length));
  }

  /** What winning or committing needs, per set, for the view ("a majority of {A,B,C} and of {C,D,E}"). */
  describe(): QuorumSet[] {
    return this.sets.map((voters) => ({ voters, needed: majorityOf(voters.length) }));
  }
}

/**
 * Figure 2's "the N such that a majority of matchIndex[i] ≥ N", taken among the voters' own
 * values: the highest one that at least a majority of them reach. Counted rather than sorted,
 * because the leader asks at every acknowledgement and a sort copies the list each time.
 */
function highestHeldByMajority(voters: readonly NodeId[], matchOf: (id: NodeId) => number): number {
  const needed = majorityOf(voters.length);
  let best = -Infinity;
  for (const candidate of voters) {
    const n = matchOf(candidate);
    if (n <= best) continue;
    let holding = 0;
    for (const other of voters) if (matchOf(other) >= n) holding++;
    if (holding >= needed) best = n;
  }
  return best;
}
