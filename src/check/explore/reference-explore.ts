// The reference explorer, kept for tests only: the first, Simulation-based design (every choice is
// performed on a whole Simulation restored from a checkpoint, every state keyed by its canonical
// text). It is slow (about 1,500 states/s) but obviously faithful to the engine, so the fast explorer
// in explore.ts is tested against it: same states, transitions, depth, outcome and counterexample.
// Nothing outside tests imports this file.
//
// The bounded model checker: from one instant of a scenario, visit every state reachable by any
// order of deliveries, drops, duplicates, election timeouts, crashes, restarts and client writes,
// within the bounds, breadth-first, and check the safety invariants at every step. Breadth-first
// order makes the first violation found one at the least depth: the shortest counterexample.
//
// Time stands still: every choice is a manual-delivery action performed at the start instant.
// Random loss and duplication are turned off first, since the explorer makes those choices itself.

import { Simulation, type ExplorationView, type SimCheckpoint } from '../../sim/simulation';
import type { Action, Scenario } from '../../sim/scenario-types';
import { BUDGET_KINDS, budgetOf, type Budget, type ExploreBounds } from './bounds';
import { choicesFrom } from './choices';
import { deadInFlight } from './dead-messages';
import {
  namesInCommands,
  replay,
  startAt,
  type Counterexample,
  type ExploreHooks,
  type ExploreOutcome,
  type ExploreResult,
} from './explore';
import { fingerprint, stateText } from './state-key';

interface Frontier {
  readonly checkpoint: SimCheckpoint;
  /** Index of this state in `parents`/`via`, to rebuild its path. */
  readonly id: number;
  readonly left: Budget;
}

const PROGRESS_EVERY = 2_000;

function beyondBounds(sim: Simulation, bounds: ExploreBounds): boolean {
  for (const node of sim.explorationView().nodes) {
    const held = node.state ?? node.disk!;
    if (held.currentTerm > bounds.maxTerm || held.log.lastIndex() > bounds.maxLog) return true;
  }
  return false;
}

/** Drops the messages that can never matter again, as the explorer forgets them (dead-messages.ts). */
function forgetDead(sim: Simulation, scenario: Scenario): void {
  if (scenario.unsafe.forgetOnRestart) return;
  for (const id of deadInFlight(sim.explorationView())) sim.perform({ at: 0, do: 'drop', message: id });
}

/** The simulation standing at the start instant, with random loss and duplication off. */
export function referenceExplore(
  scenario: Scenario,
  at: number,
  bounds: ExploreBounds,
  hooks: ExploreHooks = {},
  /** Shown every distinct state once, when first visited (tests look at what was reached). */
  onState?: (view: ExplorationView) => void,
): ExploreResult {
  const { sim, setup } = startAt(scenario, at);
  const symmetry = bounds.symmetry && !namesInCommands(scenario, sim.nodeIds);
  const parents: number[] = [-1];
  const via: (Action | null)[] = [null];
  const seen = new Set<number>();
  const keyOf = (left: Budget): number =>
    fingerprint(`${stateText(sim.explorationView(), symmetry)}\n${BUDGET_KINDS.map((k) => left[k]).join(',')}`);

  const pathTo = (id: number): Action[] => {
    const path: Action[] = [];
    for (let at = id; parents[at]! >= 0; at = parents[at]!) path.push(via[at]!);
    return [...setup, ...path.reverse()];
  };
  const result = (outcome: ExploreOutcome, depth: number, transitions: number, found: number | null = null) => {
    let counterexample: Counterexample | null = null;
    if (found !== null) {
      const path = pathTo(found);
      counterexample = { path, ...replay(scenario, at, path) };
    }
    return { states: seen.size, transitions, depth, outcome, symmetry, counterexample };
  };

  if (sim.violations.length > 0) return result('violation', 0, 0, 0);
  forgetDead(sim, scenario);
  const start: Frontier = { checkpoint: sim.save(), id: 0, left: budgetOf(bounds) };
  seen.add(keyOf(start.left));
  onState?.(sim.explorationView());
  let frontier = [start];
  let transitions = 0;
  let depth = 0;
  const writesBudget = bounds.writes;

  while (frontier.length > 0) {
    if (depth >= bounds.depth) return result('depth', depth, transitions);
    const next: Frontier[] = [];
    for (const state of frontier) {
      sim.restore(state.checkpoint);
      const choices = choicesFrom(sim.explorationView(), state.left, writesBudget - state.left.writes, bounds.drops);
      for (const choice of choices) {
        sim.restore(state.checkpoint);
        transitions += 1;
        if (sim.perform(choice.action) !== undefined) continue;
        const left = choice.spends ? { ...state.left, [choice.spends]: state.left[choice.spends] - 1 } : state.left;
        const id = parents.length;
        if (sim.violations.length > 0) {
          parents.push(state.id);
          via.push(choice.action);
          return result('violation', depth + 1, transitions, id);
        }
        if (beyondBounds(sim, bounds)) continue;
        forgetDead(sim, scenario);
        const key = keyOf(left);
        if (seen.has(key)) continue;
        seen.add(key);
        onState?.(sim.explorationView());
        parents.push(state.id);
        via.push(choice.action);
        next.push({ checkpoint: sim.save(), id, left });
        if (seen.size % PROGRESS_EVERY === 0) {
          hooks.onProgress?.({ states: seen.size, depth: depth + 1, frontier: next.length });
          if (hooks.cancelled?.()) return result('cancelled', depth + 1, transitions);
        }
        if (seen.size >= bounds.maxStates) return result('states', depth + 1, transitions);
      }
    }
    frontier = next;
    if (next.length > 0) depth += 1;
    hooks.onProgress?.({ states: seen.size, depth, frontier: next.length });
    if (hooks.cancelled?.()) return result('cancelled', depth, transitions);
  }
  return result('exhausted', depth, transitions);
}
