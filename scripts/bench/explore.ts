// The bounded model checker's speed (`npm run bench`, or `npm run bench -- explore` for these rows
// alone): distinct states per processor second on issue 18's bound — a hand-driven 3-node cluster,
// max term 3, max log 2, one write and one heartbeat, symmetry on — to depth 9 (169,877 states since
// dead messages are forgotten, 295,309 before; a level at the depth bound is keyed and counted but
// never built, since it is not expanded). Then Figure 8 from its middle, timed. Processor time, not
// wall time: the machine is shared.

import { DEFAULT_BOUNDS } from '../../src/check/explore/bounds';
import { explore } from '../../src/check/explore/explore';
import { FIGURE8_FROM_MIDDLE, figure8Middle } from '../../src/check/explore/figure8.fixture';
import type { ScenarioInput } from '../../src/scenario/schema';
import { validateScenario } from '../../src/scenario/validate';

function scenarioOf(input: ScenarioInput) {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.scenario;
}

/** Processor seconds taken by `work`. */
function timed<T>(work: () => T): { result: T; seconds: number } {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { result, seconds: (used.user + used.system) / 1e6 };
}

export interface ExploreFigures {
  readonly states: number;
  readonly depth: number;
  readonly outcome: string;
  readonly statesPerSecond: number;
}

export function measureExplore(): ExploreFigures {
  const scenario = scenarioOf({ version: 1, nodes: 3, timing: { electionTimeout: [50_000, 60_000] } });
  const bounds = { ...DEFAULT_BOUNDS, maxTerm: 3, maxLog: 2, writes: 1, heartbeats: 1, depth: 9 };
  const { result, seconds } = timed(() => explore(scenario, 0, bounds));
  return {
    states: result.states,
    depth: result.depth,
    outcome: result.outcome,
    statesPerSecond: result.states / Math.max(seconds, 1e-3),
  };
}

export interface Figure8Figures {
  /** The safe rule's whole space within Figure 8's bounds. */
  readonly safe: {
    readonly states: number;
    readonly outcome: string;
    readonly depth: number;
    readonly seconds: number;
  };
  /** commitPreviousTerms: the counterexample's length in choices, and the search's cost. */
  readonly unsafe: { readonly choices: number | null; readonly states: number; readonly seconds: number };
}

/**
 * Issue 18's Figure 8 claim, timed: from the middle of the figure (figure8.fixture.ts), terms up to 4,
 * logs of length 2, no drop choices, no depth bound in effect: the violation with commitPreviousTerms,
 * and the safe rule's whole space ("either way it finishes within a few minutes").
 */
export function measureFigure8(): Figure8Figures {
  const bounds = FIGURE8_FROM_MIDDLE;
  const unsafe = timed(() => explore(scenarioOf(figure8Middle()), 0, bounds));
  const safe = timed(() => explore(scenarioOf(figure8Middle({})), 0, bounds));
  return {
    safe: { states: safe.result.states, outcome: safe.result.outcome, depth: safe.result.depth, seconds: safe.seconds },
    unsafe: {
      choices: unsafe.result.counterexample?.path.length ?? null,
      states: unsafe.result.states,
      seconds: unsafe.seconds,
    },
  };
}
