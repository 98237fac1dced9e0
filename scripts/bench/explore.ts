// The bounded model checker's speed (`npm run bench`, or `npm run bench -- explore` for this row
// alone): distinct states per processor second on issue 18's bound — a hand-driven 3-node cluster,
// max term 3, max log 2, one write and one heartbeat, symmetry on — to depth 9 (about 300,000
// states, of which 230,196 at depth 9 are keyed and counted but never built, since a level at
// the depth bound is not expanded). Processor time, not wall time: the machine is shared.

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
  const bounds = { ...DEFAULT_BOUNDS, maxTerm: 3, maxLog: 2, writes: 1, heartbeats: 1, depth: 9 };
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
