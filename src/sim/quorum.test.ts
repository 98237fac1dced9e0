// Course notes §5 (the paper's §5.3): an entry commits only once it is stored on a
// majority of all N servers, ⌊N/2⌋+1, counting the dead ones in N.

import { describe, expect, it } from 'vitest';
import type { NodeId } from '../raft/types';
import { currentLeader, nodeOf, simulation } from './test-helpers';

const SETTLED = 1000;
const END = 5000;

/**
 * Elect a leader, kill `dead` nodes (the leader among them when `leaderDies`), then
 * submit one command. Returns the live nodes as they are at the end.
 */
function withDeadNodes(nodes: number, dead: number, leaderDies = false) {
  const sim = simulation({ version: 1, nodes, seed: 3 });
  sim.runUntil(SETTLED);
  const leader = currentLeader(sim)!;
  expect(leader).toBeDefined();
  const others = sim.nodeIds.filter((id) => id !== leader.id);
  const victims: NodeId[] = leaderDies ? [leader.id, ...others.slice(0, dead - 1)] : others.slice(0, dead);
  for (const node of victims) expect(sim.perform({ at: 0, do: 'kill', node })).toBeUndefined();
  const logLengths = new Map(sim.nodeIds.map((id) => [id, nodeOf(sim, id).log.length]));
  sim.perform({ at: 0, do: 'submit', command: 'set q 1' });
  sim.runUntil(END);
  const live = sim.nodeIds.filter((id) => !victims.includes(id)).map((id) => nodeOf(sim, id));
  return { sim, leader, live, logLengths };
}

describe('§5 quorum', () => {
  it('5 nodes with 2 followers dead still commit (3 of 5 is a majority)', () => {
    const { live, sim } = withDeadNodes(5, 2);
    expect(live).toHaveLength(3);
    for (const n of live) expect(n.kv).toEqual({ q: '1' });
    expect(sim.snapshot().requests[0]!.status).toBe('succeeded');
    expect(sim.violations).toEqual([]);
  });

  it('5 nodes with the leader and one more dead elect a new leader and commit', () => {
    const { live, leader } = withDeadNodes(5, 2, true);
    const next = live.find((n) => n.role === 'leader')!;
    expect(next).toBeDefined();
    expect(next.currentTerm).toBeGreaterThan(leader.currentTerm);
    for (const n of live) expect(n.kv).toEqual({ q: '1' });
  });

  it('5 nodes with 3 dead do not commit (2 of 5 is not a majority)', () => {
    const { live, sim, logLengths } = withDeadNodes(5, 3);
    // The leader accepted the command into its log (once per client retry), but it never commits.
    const leader = live.find((n) => n.role === 'leader')!;
    const added = leader.log.slice(logLengths.get(leader.id)!);
    expect(added.length).toBeGreaterThan(0);
    for (const e of added) expect(e.command).toBe('set q 1');
    for (const n of live) {
      expect(n.commitIndex).toBeLessThan(leader.log.length);
      expect(n.kv).toEqual({});
    }
    expect(sim.snapshot().requests[0]!.status).not.toBe('succeeded');
  });

  it('4 nodes with 2 dead do not commit (2 of 4 is not a majority)', () => {
    const { live, sim } = withDeadNodes(4, 2);
    expect(live).toHaveLength(2);
    for (const n of live) expect(n.kv).toEqual({});
    expect(sim.snapshot().requests[0]!.status).not.toBe('succeeded');
  });

  it('4 nodes with 1 dead still commit (3 of 4 is a majority)', () => {
    const { live } = withDeadNodes(4, 1);
    for (const n of live) expect(n.kv).toEqual({ q: '1' });
  });
});
