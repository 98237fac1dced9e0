// Figures behind the engine's safety limits: how dense the busiest real runs are, against the
// event budget (src/sim/event-budget.ts).

import { generateCase, toScenario } from '../../src/check/fuzz/generate';
import { LESSONS } from '../../src/scenario/lessons';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema';
import { Simulation } from '../../src/sim/simulation';

/** The most events processed in any one virtual millisecond of a run of `horizon` ms. */
function busiestMillisecond(scenario: Scenario, horizon: number): number {
  const sim = new Simulation(scenario, { recordTrace: false });
  let bucket = Number.NaN;
  let count = 0;
  let most = 0;
  for (;;) {
    const next = sim.nextEventTime();
    if (next === undefined || next > horizon || !sim.step()) break;
    const b = Math.floor(sim.now);
    if (b !== bucket) {
      bucket = b;
      count = 0;
    }
    count += 1;
    most = Math.max(most, count);
  }
  return most;
}

/** Events in the busiest virtual millisecond of every lesson and of `fuzzSeeds` fuzz cases (60 s each). */
export function measureEventDensity(fuzzSeeds = 400): { lessons: number; fuzz: number } {
  let lessons = 0;
  for (const lesson of LESSONS)
    lessons = Math.max(lessons, busiestMillisecond(scenarioSchema.parse(lesson.scenario), 60_000));
  let fuzz = 0;
  for (let seed = 1; seed <= fuzzSeeds; seed++)
    fuzz = Math.max(fuzz, busiestMillisecond(toScenario(generateCase(seed)), 60_000));
  return { lessons, fuzz };
}
