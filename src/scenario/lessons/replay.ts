// Playing a lesson's scenario for the tests that check its captions.

import { Simulation } from '../../sim/simulation';
import type { NodeFrame } from '../../sim/types';
import type { Lesson } from '../narration';
import type { Scenario } from '../schema';
import { validateScenario } from '../validate';

export function scenarioOf(lesson: Lesson): Scenario {
  // Lessons are normalized data: actions already in time order, as a link requires.
  const result = validateScenario(lesson.scenario, { requireTimeOrder: true });
  if (!result.ok) throw new Error(`${lesson.id}: ${result.errors.join('; ')}`);
  return result.scenario;
}

/** The lesson's run, stopped at `until`. */
export function replay(lesson: Lesson, until: number): Simulation {
  const sim = new Simulation(scenarioOf(lesson));
  sim.runUntil(until);
  return sim;
}

export function node(sim: Simulation, id: string): NodeFrame {
  return sim.snapshot().nodes.find((n) => n.id === id)!;
}
