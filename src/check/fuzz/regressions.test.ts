// Cases the fuzzer found, kept as plain scenarios so they stay fixed.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenario/validate';
import { Simulation } from '../../sim/simulation';

function play(input: unknown, until: number): Simulation {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const sim = new Simulation(result.scenario, { recordTrace: true });
  sim.runUntil(until);
  return sim;
}

describe('fuzzer regressions', () => {
  it('a rejoining node that overwrites an uncommitted entry and commits in the same message breaks nothing', () => {
    // Fuzz seed 32, shrunk. C, cut off alone, accepted "set y v3" at index 2 in term 1 but could
    // not commit it; after the heal one AppendEntries replaces it and commits index 2. The checker
    // once compared the truncation with C's commitIndex after the whole message and cried
    // "State Machine Safety".
    const sim = play(
      {
        version: 1,
        seed: 32,
        nodes: 3,
        actions: [
          { at: 1265, do: 'submit', command: 'get y' },
          { at: 1680, do: 'partition', groups: [['A', 'B'], ['C']] },
          { at: 2140, do: 'submit', command: 'set y v3' },
          { at: 5177, do: 'heal' },
        ],
      },
      8000,
    );
    const truncated = sim.trace.filter(
      (t) => t.kind === 'node' && t.node === 'C' && t.event.type === 'entriesTruncated',
    );
    expect(truncated).toHaveLength(1);
    expect(sim.violations).toEqual([]);
  });
});
