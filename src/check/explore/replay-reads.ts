// Replaying a stale read found by the explorer. The explorer takes every choice at one instant and
// remembers the order of the client's requests itself (stale-read.ts); the linearizability checker
// orders operations by time alone, and counts operations that touch at one instant as concurrent.
// So the replay moves the clock a little before each choice, always stopping short of the next
// event the Simulation has queued: nothing fires on its own, every step is the one the explorer
// took, and a write answered before a read was sent now ends strictly before the read begins.

import { Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../sim/scenario-types';
import type { Violation } from '../../sim/types';
import { historyFromTrace } from '../history-from-trace';
import { checkLinearizability } from '../linearizability';

/** The largest step between two choices, in ms: small enough to read as one moment on the timeline. */
const MAX_STEP = 1;

export function replayStaleRead(
  scenario: Scenario,
  at: number,
  path: readonly Action[],
  found: Violation,
): { scenario: Scenario; violation: Violation } {
  const sim = new Simulation(scenario);
  sim.runUntil(at);
  let stuck = false;
  path.forEach((action, i) => {
    const next = sim.nextEventTime() ?? Infinity;
    // Share what is left before the next event among the choices still to take, so none reaches it.
    const step = Math.min(MAX_STEP, (next - sim.now) / (path.length - i + 1));
    if (step > 0) sim.runUntil(sim.now + step);
    else stuck = true;
    sim.perform(action);
  });
  const verdict = checkLinearizability(historyFromTrace(sim.trace));
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
