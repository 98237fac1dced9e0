// §7 under load: a follower far behind is brought up by InstallSnapshot while the leader keeps
// taking snapshots. A transfer that started again at offset 0 with every new snapshot never ended
// while writes came (found by the fuzzer: a follower left at commitIndex 0 for a minute).

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { nodeOf, simulation } from './test-helpers';

/** C is cut off, then back at 1500 ms while a write arrives every 40 ms until 6560 ms; each node snapshots every entry. */
const underLoad: ScenarioInput = {
  version: 1,
  nodes: 3,
  options: { snapshotThreshold: 1, snapshotChunk: 16, preVote: true },
  actions: [
    { at: 500, do: 'isolate', node: 'C' },
    ...Array.from({ length: 150 }, (_, i) => ({
      at: 600 + 40 * i,
      do: 'submit' as const,
      command: `set k${i % 20} v${i}`,
    })),
    { at: 1500, do: 'restore', node: 'C' },
  ],
};

describe('InstallSnapshot while the leader keeps snapshotting', () => {
  it('the follower installs snapshots during the writes, then catches up', () => {
    const sim = simulation(underLoad);
    sim.runUntil(3500);
    // Mid-load: C holds a snapshot the leader has since replaced, not nothing.
    expect(nodeOf(sim, 'C').commitIndex).toBeGreaterThan(2);
    expect(nodeOf(sim, 'C').snapshot).not.toBeNull();
    sim.runUntil(15_000);
    expect(nodeOf(sim, 'A').commitIndex).toBe(150);
    expect(nodeOf(sim, 'C').commitIndex).toBe(150);
    expect(nodeOf(sim, 'C').kv).toEqual(nodeOf(sim, 'A').kv);
    expect(sim.violations).toEqual([]);
  });
});
