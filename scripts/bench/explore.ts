// The bounded model checker's speed (`npm run bench`): distinct states per processor second on
// a hand-driven 3-node cluster, every order of term-1 and term-2 elections and one write, with
// symmetry reduction on. Processor time, not wall time: the machine is shared.

import { DEFAULT_BOUNDS } from '../../src/check/explore/bounds';
import { explore } from '../../src/check/explore/explore';
import { validateScenario } from '../../src/scenario/validate';

export interface ExploreFigures {
  readonly states: number;
  readonly depth: number;
  readonly outcome: string;
  readonly statesPerSecond: number;
}

export function measureExplore(): ExploreFigures {
  const input = { version: 1, nodes: 3, timing: { electionTimeout: [50_000, 60_000] } };
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  const bounds = { ...DEFAULT_BOUNDS, maxTerm: 2, maxLog: 1, writes: 1, heartbeats: 0, depth: 7 };
  const before = process.cpuUsage();
  const result = explore(checked.scenario, 0, bounds);
  const used = process.cpuUsage(before);
  const seconds = (used.user + used.system) / 1e6;
  return {
    states: result.states,
    depth: result.depth,
    outcome: result.outcome,
    statesPerSecond: result.states / Math.max(seconds, 1e-3),
  };
}
