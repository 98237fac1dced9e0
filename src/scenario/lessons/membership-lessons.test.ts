// The membership lessons' checks (membership-facts.ts, played by lessons.test.ts) are not
// vacuous: take away the one ingredient each lesson is about and its own checks fail.

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/simulation';
import type { Lesson } from '../narration';
import type { ScenarioInput } from '../schema';
import { validateScenario } from '../validate';
import { findLesson } from './index';
import { MEMBERSHIP_FACTS } from './membership-facts';

/** Plays `lesson` with `scenario` instead of its own, checking every beat's facts; throws at the first that fails. */
function playWith(lesson: Lesson, scenario: ScenarioInput): void {
  const result = validateScenario(scenario, { requireTimeOrder: true });
  if (!result.ok) throw new Error(result.errors.join('; '));
  const changed: Lesson = { ...lesson, scenario };
  const sim = new Simulation(result.scenario);
  lesson.beats.forEach((beat, i) => {
    sim.runUntil(beat.at);
    MEMBERSHIP_FACTS[lesson.id]![i]!(sim, changed);
  });
}

function lesson(id: string): Lesson {
  const found = findLesson(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

const withoutAction = (s: ScenarioInput, kind: string, node?: string): ScenarioInput => ({
  ...s,
  actions: (s.actions ?? []).filter(
    (a) => !(a.do === kind && (node === undefined || ('node' in a && a.node === node))),
  ),
});

const MUTATIONS: [id: string, what: string, mutate: (s: ScenarioInput) => ScenarioInput][] = [
  // Without the small messages D's catch-up is one round trip: the learner phase is gone.
  ['membership-add-server', 'the whole log in one message', (s) => ({ ...s, options: { leaderNoop: true } })],
  // D never crashes: C_old,new commits at once.
  ['membership-joint', 'D and E stay up', (s) => withoutAction(withoutAction(s, 'kill'), 'restart')],
  // Joint consensus instead of the direct switch: one leader, no violation.
  ['membership-direct-unsafe', 'the unsafe switch off', (s) => ({ ...s, unsafe: {} })],
  // C stays up: C_new = {A, C} commits in one round trip.
  ['membership-remove-leader', 'C stays up', (s) => withoutAction(withoutAction(s, 'kill', 'C'), 'restart', 'C')],
  // Pre-vote from the start: D never deposes anyone.
  [
    'membership-removed-disrupts',
    'pre-vote on from the start',
    (s) => ({ ...s, options: { leaderNoop: true, preVote: true } }),
  ],
  // The no-op of term 2 reaches D first: E never wins.
  ['membership-single-server-bug', 'leaderNoop on', (s) => ({ ...s, options: { leaderNoop: true } })],
];

describe('the membership lessons', () => {
  it('each has a check for every beat', () => {
    for (const [id] of MUTATIONS) expect(MEMBERSHIP_FACTS[id]).toHaveLength(lesson(id).beats.length);
    expect(Object.keys(MEMBERSHIP_FACTS).sort()).toEqual(MUTATIONS.map(([id]) => id).sort());
  });

  it.each(MUTATIONS)('%s: its checks pass as written and fail with %s', (id, _what, mutate) => {
    const l = lesson(id);
    expect(() => playWith(l, l.scenario)).not.toThrow();
    expect(() => playWith(l, mutate(l.scenario))).toThrow();
  });
});
