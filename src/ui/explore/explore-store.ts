// "Explore all orders from here": runs the bounded model checker in its own worker on the current
// branch at the current instant, shows its progress, and opens a counterexample as a branch of the
// run the class is watching. The engine does the Raft; this only moves requests and answers.

import { create } from 'zustand';
import type { ExploreBounds } from '../../check/explore/bounds';
import type { Counterexample, ExploreOutcome } from '../../check/explore/explore';
import type { Action } from '../../sim/scenario-types';
import type { Violation } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import type { ExploreProgressReport, FromExploreWorker, LiveAction } from '../../worker/protocol';
import { MAX_EXPLORED_NODES } from '../../check/explore/bounds';
import { createExploreWorkerPort, type ExplorePort } from './explore-port';

export type ExplorePhase =
  | { readonly kind: 'idle' }
  /** Asking the engine for the branch as a scenario. */
  | { readonly kind: 'preparing' }
  | { readonly kind: 'running'; readonly at: number; readonly progress: ExploreProgressReport | null }
  /** No violation within the bounds; `outcome` says whether the space was exhausted or a bound stopped it. */
  | {
      readonly kind: 'clear';
      readonly states: number;
      readonly depth: number;
      readonly outcome: Exclude<ExploreOutcome, 'violation' | 'cancelled'>;
      readonly statesPerSecond: number;
    }
  /** A counterexample, opened in the engine: `choices` actions from the instant `at`. */
  | {
      readonly kind: 'found';
      readonly violation: Violation;
      readonly choices: number;
      readonly at: number;
      readonly states: number;
    }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'tooBig'; readonly nodes: number }
  | { readonly kind: 'failed'; readonly message: string };

export interface ExploreStore {
  phase: ExplorePhase;
  start(bounds: ExploreBounds): Promise<void>;
  cancel(): void;
  /** Forget the last result (the dialog shows the form again). */
  clear(): void;
}

let startPort: () => ExplorePort = createExploreWorkerPort;
let running: ExplorePort | null = null;
/** Bumped by every start and cancel: an answer for an older run is ignored. */
let run = 0;

/** Tests run the exploration in-process (jsdom has no Worker). */
export function setExplorePortFactory(factory: () => ExplorePort): void {
  startPort = factory;
}

/** A path action as the engine's `act` takes it: performed now, so without its recorded instant. */
export function liveActionOf(action: Action): LiveAction {
  const live: Partial<Action> = { ...action };
  delete live.at;
  delete live.afterStep;
  return live as LiveAction;
}

/**
 * Perform the path from the current instant: the engine records each action as a step (acting
 * before the end of the computed run starts a new branch). Then back to its first step, so the class
 * walks through it with Step and the feed narrates each choice.
 *
 * A stale read's path is performed a little apart in time, as the explorer's own replay of it is
 * (src/sim/spread-path.ts): at one instant the History tab's checker would see the write and the
 * read as concurrent and accept the read. Every other path is performed at the one instant.
 */
function openPath({ path, spreadOut }: Counterexample): void {
  const sim = useSimStore.getState();
  // Time stands still while the class walks the path, as in manual delivery.
  sim.setManual(true);
  if (spreadOut) sim.actSpread(path.map(liveActionOf));
  else for (const action of path) sim.act(liveActionOf(action));
  for (let i = 0; i < path.length; i++) sim.stepBack();
}

export const useExploreStore = create<ExploreStore>()((set, get) => {
  const stop = (): void => {
    running?.terminate();
    running = null;
  };

  const onMessage = (mine: number, at: number, message: FromExploreWorker): void => {
    if (mine !== run) return;
    switch (message.type) {
      case 'exploreProgress': {
        const { states, depth, statesPerSecond } = message;
        set({ phase: { kind: 'running', at, progress: { states, depth, statesPerSecond } } });
        return;
      }
      case 'exploreFailed':
        stop();
        set({ phase: { kind: 'failed', message: message.message } });
        return;
      case 'exploreDone': {
        stop();
        const { result } = message;
        const found = result.counterexample;
        if (found) {
          openPath(found);
          set({
            phase: { kind: 'found', violation: found.violation, choices: found.path.length, at, states: result.states },
          });
        } else if (result.outcome === 'cancelled') {
          set({ phase: { kind: 'cancelled' } });
        } else if (result.outcome === 'violation') {
          // explore() always replays a violation into a counterexample: say so rather than show "cancelled".
          set({ phase: { kind: 'failed', message: 'a violation came without its counterexample' } });
        } else {
          set({
            phase: {
              kind: 'clear',
              states: result.states,
              depth: result.depth,
              outcome: result.outcome,
              statesPerSecond: message.statesPerSecond,
            },
          });
        }
        return;
      }
    }
  };

  return {
    phase: { kind: 'idle' },

    async start(bounds) {
      if (get().phase.kind === 'preparing' || get().phase.kind === 'running') return;
      const mine = ++run;
      const sim = useSimStore.getState();
      sim.pause();
      set({ phase: { kind: 'preparing' } });
      const { scenario, at } = await sim.exportScenario();
      if (mine !== run) return;
      if (scenario.nodes > MAX_EXPLORED_NODES) {
        set({ phase: { kind: 'tooBig', nodes: scenario.nodes } });
        return;
      }
      // The explorer starts after every event of this millisecond (it runs the scenario up to `at`):
      // the engine goes there too, so the path's message ids are the ones it has in flight.
      sim.seek(at);
      let port: ExplorePort;
      try {
        port = startPort();
      } catch (e) {
        set({ phase: { kind: 'failed', message: e instanceof Error ? e.message : String(e) } });
        return;
      }
      running = port;
      port.onMessage((message) => onMessage(mine, at, message));
      port.onCrash((message) => {
        if (mine !== run) return;
        stop();
        set({ phase: { kind: 'failed', message } });
      });
      set({ phase: { kind: 'running', at, progress: null } });
      port.send({ type: 'explore', scenario, at, bounds });
    },

    cancel() {
      run += 1;
      stop();
      set({ phase: { kind: 'cancelled' } });
    },

    clear() {
      if (get().phase.kind === 'preparing' || get().phase.kind === 'running') return;
      set({ phase: { kind: 'idle' } });
    },
  };
});
