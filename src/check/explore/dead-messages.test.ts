// The explorer forgets dead messages (dead-messages.ts). That is sound only if both claims hold:
//   1. delivering a dead message changes nothing a drop would not: the same nodes, client, checker
//      history and messages (no reply goes out);
//   2. a message once dead stays dead for as long as it is in flight, whatever happens next.
// Both are checked on seeded random walks of the explorer's own choices through the Simulation,
// under each option and with crashes, restarts and duplicates; then two wrong predicates show that
// each check can fail.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { Prng } from '../../sim/prng';
import type { ExplorationView, Simulation } from '../../sim/simulation';
import type { Action } from '../../sim/scenario-types';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { CLIENT } from '../../sim/types';
import type { Budget } from './bounds';
import { choicesFrom } from './choices';
import { deadInFlight } from './dead-messages';
import { startAt } from './explore';
import { stateText } from './state-key';

type DeadPredicate = (view: ExplorationView) => number[];

function scenarioOf(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const WALK_BUDGET: Budget = {
  crashes: 1,
  restarts: 1,
  writes: 2,
  duplicates: 2,
  heartbeats: 4,
  changes: 0,
  reads: 0,
  ticks: 0,
};

/** The state after one action from a checkpoint, as text (names kept), with what it found. */
function after(sim: Simulation, action: Action): string {
  const checkpoint = sim.save();
  sim.perform(action);
  const text = `${stateText(sim.explorationView(), false)}\n${sim.violations.length}`;
  sim.restore(checkpoint);
  return text;
}

/**
 * Walks `steps` random choices from the start and returns every broken claim met on the way:
 * a dead message whose delivery differs from its drop, or one that came back to life.
 */
function walk(input: ScenarioInput, seed: number, steps: number, dead: DeadPredicate): string[] {
  const { sim } = startAt(scenarioOf(input), 0);
  const prng = new Prng(seed);
  const problems: string[] = [];
  let left = WALK_BUDGET;
  let writes = 0;
  let deadBefore = new Set<number>();
  for (let step = 0; step < steps; step++) {
    const view = sim.explorationView();
    const deadNow = new Set(dead(view));
    for (const m of view.inFlight)
      if (deadBefore.has(m.id) && !deadNow.has(m.id))
        problems.push(`message ${m.id} came back to life at step ${step}`);
    for (const id of deadNow) {
      const delivered = after(sim, { at: 0, do: 'deliver', message: id });
      const dropped = after(sim, { at: 0, do: 'drop', message: id });
      if (delivered !== dropped) problems.push(`delivering dead message ${id} at step ${step} changed the state`);
    }
    deadBefore = deadNow;
    const choices = choicesFrom(view, left, writes).filter((c) => c.action.do !== 'drop');
    if (choices.length === 0 || view.nodes.some((n) => (n.state ?? n.disk!).currentTerm > 5)) break;
    // Deliveries three times as likely as anything else: walks then elect, replicate and commit.
    const weighted = choices.flatMap((c) => (c.action.do === 'deliver' ? [c, c, c] : [c]));
    const choice = weighted[Math.floor(prng.next() * weighted.length)]!;
    sim.perform(choice.action);
    if (choice.spends) left = { ...left, [choice.spends]: left[choice.spends] - 1 };
    if (choice.spends === 'writes') writes += 1;
  }
  return problems;
}

const CONFIGURATIONS: [string, ScenarioInput][] = [
  ['default options', { version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING }],
  [
    'preVote and checkQuorum',
    { version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING, options: { preVote: true, checkQuorum: true } },
  ],
  [
    'leaderNoop and fastBackup',
    { version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING, options: { leaderNoop: true, fastBackup: true } },
  ],
  ['commitPreviousTerms', { version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING, unsafe: { commitPreviousTerms: true } }],
  ['5 nodes', { version: 1, nodes: 5, timing: HAND_DRIVEN_TIMING }],
];

const WALKS = 25;
const STEPS = 60;

function walks(input: ScenarioInput, dead: DeadPredicate): { problems: string[]; deadSeen: number } {
  const problems: string[] = [];
  let deadSeen = 0;
  const counting: DeadPredicate = (view) => {
    const ids = dead(view);
    deadSeen += ids.length;
    return ids;
  };
  for (let seed = 1; seed <= WALKS; seed++) problems.push(...walk(input, seed, STEPS, counting));
  return { problems, deadSeen };
}

describe('dead messages: delivering one changes nothing, and it stays dead', { timeout: 120_000 }, () => {
  for (const [name, input] of CONFIGURATIONS) {
    it(name, () => {
      const { problems, deadSeen } = walks(input, deadInFlight);
      expect(problems).toEqual([]);
      // The walks met dead messages: the claims were checked, not vacuously true.
      expect(deadSeen).toBeGreaterThan(100);
    });
  }
});

describe('the checks can fail', { timeout: 120_000 }, () => {
  const fresh = CONFIGURATIONS[0]![1];

  it('a predicate that ignores the role (a leader’s own-term reply called dead) fails the first check', () => {
    const ignoresRole: DeadPredicate = (view) => {
      const terms = new Map(view.nodes.map((n) => [n.id, (n.state ?? n.disk!).currentTerm]));
      return view.inFlight
        .filter((m) => m.payload.type === 'AppendEntriesReply' && m.payload.term <= (terms.get(m.to) ?? 0))
        .map((m) => m.id);
    };
    const { problems } = walks(fresh, ignoresRole);
    expect(problems.some((p) => p.includes('changed the state'))).toBe(true);
  });

  it('a predicate that calls a message to a down node dead (true only until it restarts) fails the second', () => {
    const downIsDead: DeadPredicate = (view) => {
      const down = new Set(view.nodes.filter((n) => n.state === null).map((n) => n.id));
      return view.inFlight.filter((m) => m.to !== CLIENT && down.has(m.to)).map((m) => m.id);
    };
    const { problems } = walks(fresh, downIsDead);
    expect(problems.some((p) => p.includes('came back to life'))).toBe(true);
  });
});
