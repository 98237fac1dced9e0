// The engine's event budget: no scenario may make the simulation process more than a fixed
// number of events in one virtual millisecond. Timings far below a millisecond (a heartbeat of
// 1e-9 ms, election timeouts of a microsecond) would otherwise make virtual time stand still
// while the events pile up, freezing the worker and then exhausting its memory.
//
// The figure is far above any real run: the busiest lesson processes 7 events in its busiest
// virtual millisecond and the busiest of 400 fuzz cases (9 nodes, loss, duplication, crashes,
// partitions, bursts of client commands) 46 (`npm run bench`, row "busiest virtual ms").

import type { Simulation } from './simulation';

/** The most events the engine processes in one virtual millisecond, [k, k+1) ms. */
export const MAX_EVENTS_PER_VIRTUAL_MS = 1000;

/** The run asked for more events in one virtual millisecond than the budget allows. */
export class EventBudgetExceeded extends Error {
  constructor(
    /** The virtual time (ms) at which the run stopped. */
    readonly time: number,
    readonly limit: number,
  ) {
    super(`more than ${limit} events in the virtual millisecond at ${time} ms: the run stops here`);
    this.name = 'EventBudgetExceeded';
  }
}

/** Counts events per virtual millisecond; `note` throws EventBudgetExceeded past the limit. */
export class EventBudget {
  private bucket = Number.NaN;
  private count = 0;

  constructor(readonly limit = MAX_EVENTS_PER_VIRTUAL_MS) {}

  /** One event was processed at virtual time `time`. */
  note(time: number): void {
    const bucket = Math.floor(time);
    if (bucket !== this.bucket) {
      this.bucket = bucket;
      this.count = 0;
    }
    this.count += 1;
    if (this.count > this.limit) throw new EventBudgetExceeded(time, this.limit);
  }

  /** Forget the count (the run moved to another instant or branch). */
  reset(): void {
    this.bucket = Number.NaN;
    this.count = 0;
  }
}

/** Step `sim` up to virtual time `until` within the budget (for headless runs: CLI, fuzzers). */
export function runWithinBudget(sim: Simulation, until: number, budget = new EventBudget()): void {
  for (;;) {
    const next = sim.nextEventTime();
    if (next === undefined || next > until) break;
    if (!sim.step()) break;
    budget.note(sim.now);
  }
  sim.runUntil(until);
}
