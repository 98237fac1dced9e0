// `drops: false` takes the "drop" choice away, on the claim that a drop only takes behaviour away:
// leave out the drops of any path and the same nodes, client and checker history are reached, in
// fewer choices, with the dropped messages still in flight. So the states the invariants read are
// the same with and without drops, at any depth bound. Checked here on whole bounded spaces with the
// reference explorer, which shows every state it visits.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import type { ExplorationView } from '../../sim/simulation';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { cBackBehind } from './c-back-behind.fixture';
import { explore } from './explore';
import { referenceExplore } from './reference-explore';
import { stateText } from './state-key';

function scenarioOf(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** What the invariants read of a state: everything but the messages in flight. */
const invariantsRead = (view: ExplorationView) => stateText({ ...view, inFlight: [] }, false);
const whole = (view: ExplorationView) => stateText(view, false);

function reached(input: ScenarioInput, bounds: ExploreBounds, text: (view: ExplorationView) => string): Set<string> {
  const texts = new Set<string>();
  referenceExplore(scenarioOf(input), 0, bounds, {}, (view) => texts.add(text(view)));
  return texts;
}

const fresh: ScenarioInput = { version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING };
const BOUND: ExploreBounds = {
  ...DEFAULT_BOUNDS,
  maxTerm: 2,
  maxLog: 1,
  writes: 1,
  heartbeats: 1,
  duplicates: 1,
  depth: 5,
  symmetry: false,
};

describe('without drops, the states the invariants read are the same', { timeout: 120_000 }, () => {
  it('a fresh 3-node cluster, max term 2, max log 1, a write, a heartbeat and a duplicate, depth 5', () => {
    const withDrops = reached(fresh, BOUND, invariantsRead);
    const withoutDrops = reached(fresh, { ...BOUND, drops: false }, invariantsRead);
    expect(withDrops.size).toBeGreaterThan(100);
    expect([...withDrops].filter((text) => !withoutDrops.has(text))).toEqual([]);
    expect([...withoutDrops].filter((text) => !withDrops.has(text))).toEqual([]);
  });

  it('the comparison can fail: the whole states (messages in flight included) differ', () => {
    const withDrops = reached(fresh, BOUND, whole);
    const withoutDrops = reached(fresh, { ...BOUND, drops: false }, whole);
    expect([...withDrops].filter((text) => !withoutDrops.has(text)).length).toBeGreaterThan(0);
  });

  it('an unsafe switch is caught as early, in fewer states', () => {
    const bounds = { ...DEFAULT_BOUNDS, writes: 0, heartbeats: 0, depth: 6 };
    const scenario = scenarioOf(cBackBehind({ noElectionRestriction: true }));
    const withDrops = explore(scenario, 1000, bounds);
    const withoutDrops = explore(scenario, 1000, { ...bounds, drops: false });
    expect(withoutDrops.counterexample?.violation.invariant).toBe(withDrops.counterexample?.violation.invariant);
    expect(withoutDrops.counterexample!.path.length).toBeLessThanOrEqual(withDrops.counterexample!.path.length);
    expect(withoutDrops.states).toBeLessThan(withDrops.states);
  });
});
