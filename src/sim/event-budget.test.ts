import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../scenario/schema';
import { EventBudget, EventBudgetExceeded, MAX_EVENTS_PER_VIRTUAL_MS, runWithinBudget } from './event-budget';
import { History } from './history';
import { Simulation } from './simulation';

/** Timings far below a millisecond, built past the validator (which may refuse them): the budget must hold anyway. */
function frantic(): Scenario {
  const base = scenarioSchema.parse({ version: 1, nodes: 5, seed: 2 });
  return {
    ...base,
    timing: { ...base.timing, heartbeatInterval: 1e-9, electionTimeout: [1e-6, 2e-6], clientTimeout: 1e-9 },
  };
}

describe('EventBudget', () => {
  it('allows the limit within one virtual millisecond and refuses one more', () => {
    const budget = new EventBudget(3);
    for (let i = 0; i < 3; i++) budget.note(7.1 + i * 0.1);
    expect(() => budget.note(7.9)).toThrow(EventBudgetExceeded);
  });

  it('starts counting again in the next millisecond', () => {
    const budget = new EventBudget(3);
    for (let i = 0; i < 3; i++) budget.note(7.5);
    expect(() => budget.note(8)).not.toThrow();
  });
});

describe('the history under the event budget', () => {
  it('stops a scenario with sub-millisecond timings at a consistent, drawable instant', () => {
    const h = new History(frantic());
    let stopped: unknown;
    try {
      h.runUntil(5000);
    } catch (e) {
      stopped = e;
    }
    expect(stopped).toBeInstanceOf(EventBudgetExceeded);
    // It stopped within the first millisecond with at most the budget's worth of events.
    expect(h.now).toBeLessThan(1);
    expect(h.step).toBeLessThanOrEqual(MAX_EVENTS_PER_VIRTUAL_MS + 50);
    const snapshot = h.snapshot();
    expect(snapshot.nodes).toHaveLength(5);
    expect(Number.isFinite(snapshot.time)).toBe(true);
    // Playing again stops again rather than running on.
    expect(() => h.runUntil(5000)).toThrow(EventBudgetExceeded);
  });

  it('lets a busy but real run (9 nodes, 30% loss and duplication) play a minute', () => {
    const h = new History(
      scenarioSchema.parse({ version: 1, nodes: 9, seed: 4, network: { dropRate: 0.3, duplicateRate: 0.3 } }),
    );
    expect(() => h.runUntil(60_000)).not.toThrow();
    expect(h.now).toBe(60_000);
  });

  it('bounds headless runs too', () => {
    expect(() => runWithinBudget(new Simulation(frantic()), 5000)).toThrow(EventBudgetExceeded);
  });
});
