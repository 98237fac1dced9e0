// Performing a path of choices a little apart in time. The explorer takes every choice at one
// instant and remembers the order of the client's requests itself; the linearizability checker
// orders operations by time alone, and counts operations that touch at one instant as concurrent.
// So a stale read is replayed with the clock moved a little before each choice, always stopping
// short of the next event queued: nothing fires on its own, every step is the one the explorer
// took, and a write answered before a read was sent ends strictly before the read begins.
//
// One function for both replays: the CLI's counterexample (a Simulation, replay-reads.ts) and the
// branch the app opens (the engine's History, engine-host.ts), so the two give the same run.

import type { Violation } from './types';

/**
 * Whether a counterexample's path is replayed spread out: a stale read is, since the checker that
 * judges it reads time; every other violation is the Simulation's own and replays at one instant.
 */
export function replaysSpreadOut(violation: Violation): boolean {
  return violation.invariant === 'Linearizability';
}

/** What the path is performed on: a Simulation, or the engine's History of one. */
export interface SpreadTarget<A> {
  readonly now: number;
  /** The time of the next event that would happen on its own, if any. */
  nextEventTime(): number | undefined;
  /** Move the clock to `time`, running whatever is due by then (by construction: nothing). */
  runUntil(time: number): void;
  perform(action: A): void;
}

/** The largest step between two choices, in ms: small enough to read as one moment on the timeline. */
export const MAX_SPREAD_STEP = 1;

/**
 * Perform `path` on `target`, each choice a little after the one before. Returns true when some
 * choice could not be set apart in time: an event was due at that very instant (zero latency).
 */
export function performSpread<A>(target: SpreadTarget<A>, path: readonly A[]): { stuck: boolean } {
  let stuck = false;
  path.forEach((action, i) => {
    const next = target.nextEventTime() ?? Infinity;
    // Share what is left before the next event among the choices still to take, so none reaches it.
    const step = Math.min(MAX_SPREAD_STEP, (next - target.now) / (path.length - i + 1));
    if (step > 0) target.runUntil(target.now + step);
    else stuck = true;
    target.perform(action);
  });
  return { stuck };
}
