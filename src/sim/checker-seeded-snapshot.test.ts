// §7: a snapshot holds committed entries only. A scenario that starts a node from a snapshot therefore
// says that its prefix is committed, and the checker holds the cluster to it from time 0: if the entries
// it covers were on too few nodes, a new leader lacks them (Leader Completeness) and commits something
// else at those indexes (State Machine Safety). Before, the checker did not count the snapshot as
// committed, and the loss went unseen until the snapshot's node happened to come back.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { nodeOf, simulation } from './test-helpers';

const RESTART_A_AT = 2000;

/** A holds a snapshot through index 3 (and `others` the entries it covers); A is down while the others elect a leader and take writes. */
function snapshotOn(holders: { readonly others: readonly string[] }): ScenarioInput {
  const covered = [
    { term: 1, command: 'set x 1' },
    { term: 1, command: 'set y 1' },
    { term: 1, command: 'set z 1' },
  ];
  const node = (id: string) => ({ term: 2, votedFor: null, log: holders.others.includes(id) ? covered : [] });
  return {
    version: 1,
    nodes: 5,
    seed: 3,
    initial: {
      A: { term: 2, votedFor: null, snapshot: { index: 3, term: 1, state: { x: '1', y: '1', z: '1' } }, log: [] },
      B: node('B'),
      C: node('C'),
      D: node('D'),
      E: node('E'),
    },
    actions: [
      { at: 0, do: 'kill', node: 'A' },
      { at: 1000, do: 'submit', command: 'set w 1' },
      { at: 1100, do: 'submit', command: 'set v 1' },
      { at: 1200, do: 'submit', command: 'set u 1' },
      { at: 1300, do: 'submit', command: 'set t 1' },
      { at: RESTART_A_AT, do: 'restart', node: 'A' },
    ],
  };
}

describe("§7: a seeded snapshot's prefix is committed from the start", () => {
  it('flags a leader without the snapshot’s entries, and its commit over them, while the snapshot’s node is down', () => {
    const sim = simulation(snapshotOn({ others: [] }));
    sim.runUntil(RESTART_A_AT - 1);
    const seen = sim.violations.map((v) => ({ invariant: v.invariant, index: v.index }));
    expect(seen).toContainEqual({ invariant: 'Leader Completeness', index: 3 });
    expect(seen).toContainEqual({ invariant: 'State Machine Safety', index: 3 });
  });

  it('accepts the same snapshot when a majority holds its entries: the leader is one of them', () => {
    const sim = simulation(snapshotOn({ others: ['B', 'C'] }));
    sim.runUntil(6000);
    expect(sim.violations).toEqual([]);
    // The run did commit past the snapshot on the others, so the check had something to compare.
    expect(nodeOf(sim, 'B').commitIndex).toBeGreaterThan(3);
  });
});
