// The bounded model checker's speed (`npm run bench`, or `npm run bench -- explore` for these rows
// alone): distinct states per processor second on issue 18's bound — a hand-driven 3-node cluster,
// max term 3, max log 2, one write and one heartbeat, symmetry on — to depth 9 (169,877 states since
// dead messages are forgotten, 295,309 before; a level at the depth bound is keyed and counted but
// never built, since it is not expanded). Then Figure 8 from its middle, timed. Processor time, not
// wall time: the machine is shared.

import { DEFAULT_BOUNDS } from '../../src/check/explore/bounds';
import { explore, type ExploreResult } from '../../src/check/explore/explore';
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
  /** The median of the samples. */
  readonly statesPerSecond: number;
  /** Every sample's rate, in the order taken (the first pays for compiling the explorer's code). */
  readonly samples: readonly number[];
}

/** Samples of the rate: the bound takes about two seconds, so one sample is mostly noise and warm-up. */
const EXPLORE_SAMPLES = 5;

export function measureExplore(): ExploreFigures {
  const scenario = scenarioOf({ version: 1, nodes: 3, timing: { electionTimeout: [50_000, 60_000] } });
  const bounds = { ...DEFAULT_BOUNDS, maxTerm: 3, maxLog: 2, writes: 1, heartbeats: 1, depth: 9 };
  const samples: number[] = [];
  let last: ExploreResult | null = null;
  for (let i = 0; i < EXPLORE_SAMPLES; i++) {
    const { result, seconds } = timed(() => explore(scenario, 0, bounds));
    samples.push(result.states / Math.max(seconds, 1e-3));
    last = result;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    states: last!.states,
    depth: last!.depth,
    outcome: last!.outcome,
    statesPerSecond: sorted[Math.floor(sorted.length / 2)]!,
    samples,
  };
}

/** One search from the middle of Figure 8: how far it went and what it cost. */
export interface Figure8Search {
  readonly states: number;
  readonly outcome: string;
  readonly depth: number;
  /** The counterexample's length in choices; null when none was found. */
  readonly choices: number | null;
  readonly seconds: number;
}

/** commitPreviousTerms and the safe rule, each with drop choices and without. */
export interface Figure8Figures {
  readonly unsafe: Figure8Search;
  readonly safe: Figure8Search;
  readonly unsafeNoDrops: Figure8Search;
  readonly safeNoDrops: Figure8Search;
}

function figure8Search(safe: boolean, drops: boolean): Figure8Search {
  const scenario = scenarioOf(safe ? figure8Middle({}) : figure8Middle());
  const { result, seconds } = timed(() => explore(scenario, 0, { ...FIGURE8_FROM_MIDDLE, drops }));
  const { states, outcome, depth } = result;
  return { states, outcome, depth, choices: result.counterexample?.path.length ?? null, seconds };
}

/**
 * Issue 18's Figure 8 claim, timed: from the middle of the figure (figure8.fixture.ts), terms up to 4,
 * logs of length 2, no depth bound in effect: the violation with commitPreviousTerms, and the safe
 * rule's whole space ("either way it finishes within a few minutes"), with message drops standing
 * in for crashes as the issue asks, and again without drop choices (what the committed test runs).
 */
export function measureFigure8(): Figure8Figures {
  return {
    unsafe: figure8Search(false, true),
    safe: figure8Search(true, true),
    unsafeNoDrops: figure8Search(false, false),
    safeNoDrops: figure8Search(true, false),
  };
}
