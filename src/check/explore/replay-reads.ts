// Replaying a stale read found by the explorer as a counterexample of its own: the path is
// performed a little apart in time (src/sim/spread-path.ts, shared with the app's opened branch),
// so the linearizability checker, which orders operations by time alone, sees the read miss a
// write that ended before the read began.

import { performSpread } from '../../sim/spread-path';
import { Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../sim/scenario-types';
import type { Violation } from '../../sim/types';
import { historyFromTrace } from '../history-from-trace';
import { initialOperations } from '../initial-state';
import { checkLinearizability } from '../linearizability';

export function replayStaleRead(
  scenario: Scenario,
  at: number,
  path: readonly Action[],
  found: Violation,
): { scenario: Scenario; violation: Violation } {
  const sim = new Simulation(scenario);
  sim.runUntil(at);
  const { stuck } = performSpread(sim, path);
  // Figure 8 from its middle starts with commands in the logs: reads may return them.
  const verdict = checkLinearizability([...initialOperations(scenario), ...historyFromTrace(sim.trace)]);
  if (verdict.ok !== false) {
    // With an event due at the very instant (zero latency), two choices cannot be set apart in time.
    const why = stuck ? ': an event was due at the same instant, so the choices could not be set apart in time' : '';
    throw new Error(`the stale read did not replay to a linearizability failure${why}`);
  }
  return {
    scenario: { ...scenario, actions: sim.actionsDone() },
    violation: { ...found, time: sim.now, detail: `${found.detail} (${verdict.reason})` },
  };
}
