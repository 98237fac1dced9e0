// Options switched mid-run with a `setOptions` action take effect on the running
// cluster, as a class expects when it flips a switch and then breaks the network.

import { describe, expect, it } from 'vitest';
import { currentLeader, nodeOf, raftEvents, simulation } from './test-helpers';

describe('setOptions mid-run', () => {
  for (const when of ['from the start', 'switched on mid-run'] as const) {
    it(`checkQuorum ${when}: a leader cut off from the majority steps down`, () => {
      const sim = simulation({ version: 1, nodes: 3, seed: 3, options: { checkQuorum: when === 'from the start' } });
      sim.runUntil(1000);
      const leader = currentLeader(sim)!;
      expect(leader).toBeDefined();
      if (when === 'switched on mid-run') sim.perform({ at: 0, do: 'setOptions', options: { checkQuorum: true } });
      sim.perform({ at: 0, do: 'isolate', node: leader.id });
      sim.runUntil(2000);
      expect(nodeOf(sim, leader.id).role).not.toBe('leader');
      expect(raftEvents(sim, 'steppedDown', leader.id)).toHaveLength(1);
    });
  }

  it('without checkQuorum an isolated leader stays leader of its old term', () => {
    const sim = simulation({ version: 1, nodes: 3, seed: 3 });
    sim.runUntil(1000);
    const leader = currentLeader(sim)!;
    sim.perform({ at: 0, do: 'isolate', node: leader.id });
    sim.runUntil(2000);
    expect(nodeOf(sim, leader.id)).toMatchObject({ role: 'leader', currentTerm: leader.currentTerm });
  });
});
