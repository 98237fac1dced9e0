// The bounded model checker: from one instant of a scenario, visit every state reachable by any
// order of deliveries, drops, duplicates, election timeouts, crashes, restarts and client writes,
// within the bounds, breadth-first, and check the safety invariants at every step. Breadth-first
// order makes the first violation found one at the least depth: the shortest counterexample.
//
// Time stands still: every choice is a manual-delivery action performed at the start instant.
// Random loss and duplication are turned off first, since the explorer makes those choices itself.
//
// The Simulation only brings the scenario to the start instant and replays a counterexample; the
// search itself runs on the explorer's lean cluster (lean-cluster.ts) with exact keys (lean-key.ts).
// reference-explore.ts, the first Simulation-based design, is kept for tests as the oracle.

import { cloneCheckerState } from '../../sim/checker';
import { cloneClientState } from '../../sim/client';
import { cloneRaftState } from '../../sim/raft-state-clone';
import type { Action, Scenario } from '../../sim/scenario-types';
import { Simulation } from '../../sim/simulation';
import { replaysSpreadOut } from '../../sim/spread-path';
import type { Violation } from '../../sim/types';
import { budgetOf, type Budget, type ExploreBounds } from './bounds';
import { fillChoices, type Choice } from './choices';
import { LeanCluster, message, nodeSnap, type LeanState, type NodeSnap, type Wire } from './lean-cluster';
import type { KeyedState } from './lean-draft';
import { StateKeys } from './lean-key';
import { PathIndex } from './path-index';
import { replayStaleRead } from './replay-reads';
import { VisitedSet } from './visited-set';

export interface ExploreProgress {
  readonly states: number;
  readonly depth: number;
  readonly frontier: number;
}

export interface ExploreHooks {
  /** Called after each finished depth, and every few thousand states within one. */
  onProgress?(progress: ExploreProgress): void;
  /** Polled as often as onProgress: true stops the exploration (the result says it was cancelled). */
  cancelled?(): boolean;
}

export interface Counterexample {
  readonly violation: Violation;
  /** The choices from the start instant, in order. */
  readonly path: readonly Action[];
  /** The start scenario with the path as its live actions: replays to the violation. */
  readonly scenario: Scenario;
  /**
   * The path's actions in `scenario` are a little apart in time (a stale read, src/sim/spread-path.ts),
   * not all at the start instant: the app opens it the same way.
   */
  readonly spreadOut: boolean;
}

export type ExploreOutcome = 'exhausted' | 'depth' | 'states' | 'cancelled' | 'violation';

export interface ExploreResult {
  /** Distinct states visited (after symmetry reduction, when on). */
  readonly states: number;
  /** Transitions taken, including those to states already seen or beyond the bounds. */
  readonly transitions: number;
  /** The deepest level with a visited state. */
  readonly depth: number;
  /** Why it stopped; only 'exhausted' means every state within the bounds was checked. */
  readonly outcome: ExploreOutcome;
  readonly symmetry: boolean;
  readonly counterexample: Counterexample | null;
}

/**
 * One breadth-first level: its states, numbered from `first` on in the path index. A level at the
 * depth bound is never expanded, so its states are only counted, not built (`size`).
 */
interface Level {
  readonly states: LeanState[];
  readonly first: number;
  size: number;
}

const PROGRESS_EVERY = 2_000;

/** Nodes can be renamed freely unless a command names a node (renaming would change its text). */
export function namesInCommands(scenario: Scenario, ids: readonly string[]): boolean {
  const texts: string[] = [];
  for (const action of scenario.actions) if (action.do === 'submit') texts.push(action.command);
  for (const node of Object.values(scenario.initial))
    for (const e of node.log ?? []) if ('command' in e) texts.push(e.command);
  return texts.some((text) => text.split(/\s+/).some((word) => ids.includes(word)));
}

function beyondBounds(state: KeyedState, bounds: ExploreBounds): boolean {
  const nodes = state.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const held = nodes[i]!.state ?? nodes[i]!.disk!;
    if (held.currentTerm > bounds.maxTerm || held.log.lastIndex() > bounds.maxLog) return true;
  }
  return false;
}

/** The simulation standing at the start instant, with random loss and duplication off. */
export function startAt(scenario: Scenario, at: number): { sim: Simulation; setup: Action[] } {
  const sim = new Simulation(scenario, { recordTrace: false });
  sim.runUntil(at);
  const setup: Action[] = [];
  const { dropRate, duplicateRate } = sim.explorationView().network;
  if (dropRate > 0 || duplicateRate > 0) setup.push({ at: 0, do: 'network', dropRate: 0, duplicateRate: 0 });
  for (const action of setup) sim.perform(action);
  return { sim, setup };
}

/** The first lean state: private copies of everything the simulation holds at the start instant. */
function leanStart(sim: Simulation, cluster: LeanCluster, left: Budget, judgeReads: boolean): LeanState {
  const view = sim.explorationView();
  return {
    nodes: view.nodes.map((node) =>
      nodeSnap(
        node.state === null ? null : cloneRaftState(node.state),
        node.disk === null ? null : { ...node.disk, log: node.disk.log.clone() },
        node.highestTerm,
      ),
    ),
    wire: view.inFlight.map(({ id, from, to, payload, lost }) => ({ id, message: message(from, to, payload, lost) })),
    client: cloneClientState(view.client),
    checker: cluster.checkerSnap(cloneCheckerState(view.checker)),
    nextMessageId: sim.save().nextMessageId,
    left,
    acked: judgeReads ? [] : null,
    clientKeys: undefined,
  };
}

// fillChoices reads each message's fields at once and keeps nothing: one reused object serves them all.
const offered = { id: 0, from: '', to: '', lost: false };
const messageOf = (w: Wire) => {
  offered.id = w.id;
  offered.from = w.message.from;
  offered.to = w.message.to;
  offered.lost = w.message.lost;
  return offered;
};
const nodeOf = (n: NodeSnap) => n;

/** What is left after a choice that spends one of `kind` (every budget object has one shape). */
function spend(left: Budget, kind: keyof Budget): Budget {
  // Every field written out in one order, so every budget object has one shape (a spread with a
  // computed key made objects of many shapes, and every read of them slower).
  const { crashes, restarts, writes, duplicates, heartbeats, changes, reads, ticks } = left;
  switch (kind) {
    case 'crashes':
      return { crashes: crashes - 1, restarts, writes, duplicates, heartbeats, changes, reads, ticks };
    case 'restarts':
      return { crashes, restarts: restarts - 1, writes, duplicates, heartbeats, changes, reads, ticks };
    case 'writes':
      return { crashes, restarts, writes: writes - 1, duplicates, heartbeats, changes, reads, ticks };
    case 'duplicates':
      return { crashes, restarts, writes, duplicates: duplicates - 1, heartbeats, changes, reads, ticks };
    case 'heartbeats':
      return { crashes, restarts, writes, duplicates, heartbeats: heartbeats - 1, changes, reads, ticks };
    case 'changes':
      return { crashes, restarts, writes, duplicates, heartbeats, changes: changes - 1, reads, ticks };
    case 'reads':
      return { crashes, restarts, writes, duplicates, heartbeats, changes, reads: reads - 1, ticks };
    case 'ticks':
      return { crashes, restarts, writes, duplicates, heartbeats, changes, reads, ticks: ticks - 1 };
  }
}

/**
 * What a state offers to choose from, in the order the Simulation's exploration view lists it:
 * written into `out` (reused for every state), returning how many.
 */
function choicesOfState(out: Choice[], state: LeanState, nodeIds: readonly string[], bounds: ExploreBounds): number {
  const { wire, nodes, left } = state;
  return fillChoices(out, wire, messageOf, nodes, nodeOf, nodeIds, left, bounds.writes - left.writes, bounds.drops);
}

/**
 * Replays a path from the start, recording it: the counterexample as a scenario of its own. A stale
 * read (`found`, from the explorer's read check) is no safety invariant of the Simulation's: the
 * path is then spread over time and judged by the linearizability checker (replay-reads.ts).
 */
export function replay(
  scenario: Scenario,
  at: number,
  path: readonly Action[],
  found?: Violation,
): { scenario: Scenario; violation: Violation; spreadOut: boolean } {
  if (found !== undefined && replaysSpreadOut(found))
    return { ...replayStaleRead(scenario, at, path, found), spreadOut: true };
  const sim = new Simulation(scenario);
  sim.runUntil(at);
  for (const action of path) sim.perform(action);
  const violation = sim.violations[0];
  if (violation === undefined) throw new Error('the counterexample did not replay to its violation');
  return { scenario: { ...scenario, actions: sim.actionsDone() }, violation, spreadOut: false };
}

export function explore(
  scenario: Scenario,
  at: number,
  bounds: ExploreBounds,
  hooks: ExploreHooks = {},
): ExploreResult {
  return exploreWith(scenario, at, bounds, hooks, {});
}

/** For tests only: a deliberately broken explorer, to show that comparing with the reference can fail. */
export interface ExploreFault {
  /** A kind of choice never taken. */
  readonly omit?: Action['do'];
}

export function exploreWith(
  scenario: Scenario,
  at: number,
  bounds: ExploreBounds,
  hooks: ExploreHooks,
  fault: ExploreFault,
): ExploreResult {
  const { sim, setup } = startAt(scenario, at);
  const symmetry = bounds.symmetry && !namesInCommands(scenario, sim.nodeIds);
  const view = sim.explorationView();
  const cluster = new LeanCluster({
    scenario,
    at: sim.now,
    nodeIds: sim.nodeIds,
    network: view.network,
    options: view.options,
    unsafe: view.unsafe,
    judgeReads: bounds.reads > 0,
  });
  const budget = budgetOf(bounds);
  const keys = new StateKeys(sim.nodeIds, view.clockRates, view.network, symmetry, budget);
  const paths = new PathIndex();
  const seen = new VisitedSet();
  /** Whether `state` is new, adding it to the visited set if so. */
  const firstVisit = (state: KeyedState) => seen.add(keys.buffer, keys.write(state));

  const pathTo = (id: number): Action[] => [...setup, ...paths.pathTo(id)];
  const result = (
    outcome: ExploreOutcome,
    depth: number,
    transitions: number,
    found: number | null = null,
    violation?: Violation,
  ) => {
    let counterexample: Counterexample | null = null;
    if (found !== null) {
      const path = pathTo(found);
      counterexample = { path, ...replay(scenario, at, path, violation) };
    }
    return { states: seen.size, transitions, depth, outcome, symmetry, counterexample };
  };

  if (sim.violations.length > 0) return result('violation', 0, 0, 0);
  const start = cluster.draftOf(leanStart(sim, cluster, budget, bounds.reads > 0));
  firstVisit(start);
  const first = start.materialize();
  let frontier: Level = { states: [first], first: 0, size: 1 };
  let transitions = 0;
  let depth = 0;
  const choices: Choice[] = [];

  while (frontier.size > 0) {
    if (depth >= bounds.depth) return result('depth', depth, transitions);
    const next: Level = { states: [], first: paths.size, size: 0 };
    const last = depth + 1 >= bounds.depth;
    for (let k = 0; k < frontier.states.length; k++) {
      const state = frontier.states[k]!;
      const parent = frontier.first + k;
      const count = choicesOfState(choices, state, sim.nodeIds, bounds);
      for (let c = 0; c < count; c++) {
        const choice = choices[c]!;
        if (choice.action.do === fault.omit) continue;
        transitions += 1;
        const left = choice.spends ? spend(state.left, choice.spends) : state.left;
        const taken = cluster.take(state, choice.action, left);
        if (taken.found !== null)
          return result('violation', depth + 1, transitions, paths.add(parent, choice.action), taken.found[0]);
        if (beyondBounds(taken, bounds)) continue;
        if (!firstVisit(taken)) continue;
        paths.add(parent, choice.action);
        next.size += 1;
        if (!last) next.states.push(taken.materialize());
        if (seen.size % PROGRESS_EVERY === 0) {
          hooks.onProgress?.({ states: seen.size, depth: depth + 1, frontier: next.size });
          if (hooks.cancelled?.()) return result('cancelled', depth + 1, transitions);
        }
        if (seen.size >= bounds.maxStates) return result('states', depth + 1, transitions);
      }
    }
    frontier = next;
    if (next.size > 0) depth += 1;
    hooks.onProgress?.({ states: seen.size, depth, frontier: next.size });
    if (hooks.cancelled?.()) return result('cancelled', depth, transitions);
  }
  return result('exhausted', depth, transitions);
}
