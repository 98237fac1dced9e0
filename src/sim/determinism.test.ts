// The simulation is deterministic: the same scenario (seed included) always produces
// the same trace, so a lesson, a bug report or a test replays exactly.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { run, simulation } from './test-helpers';

/** A busy scenario that draws on every source of randomness: timeouts, latency, loss, duplication, reordering. */
function busy(seed: number): ScenarioInput {
  return {
    version: 1,
    nodes: 5,
    seed,
    network: { dropRate: 0.1, duplicateRate: 0.05, reorder: true },
    options: { fastBackup: true },
    actions: [
      { at: 400, do: 'submit', command: 'set a 1' },
      { at: 600, do: 'kill', node: 'B' },
      { at: 700, do: 'submit', command: 'set b 2' },
      {
        at: 900,
        do: 'partition',
        groups: [
          ['A', 'C'],
          ['D', 'E'],
        ],
      },
      { at: 1500, do: 'heal' },
      { at: 1600, do: 'restart', node: 'B' },
      { at: 1700, do: 'submit', command: 'del a' },
    ],
  };
}

describe('determinism', () => {
  it('the same scenario twice gives an identical JSON trace and final state', () => {
    const first = run(busy(42), 4000);
    const second = run(busy(42), 4000);
    expect(first.trace.length).toBeGreaterThan(100);
    expect(JSON.stringify(second.trace)).toBe(JSON.stringify(first.trace));
    expect(JSON.stringify(second.snapshot())).toBe(JSON.stringify(first.snapshot()));
  });

  it('different seeds give different traces', () => {
    const a = run(busy(1), 4000);
    const b = run(busy(2), 4000);
    expect(JSON.stringify(b.trace)).not.toBe(JSON.stringify(a.trace));
  });

  it('stepping one event at a time gives the same trace as running to a time', () => {
    const whole = run(busy(5), 2000);
    const stepped = simulation(busy(5));
    while ((stepped.nextEventTime() ?? Infinity) <= 2000) stepped.step();
    expect(JSON.stringify(stepped.trace)).toBe(JSON.stringify(whole.trace));
  });

  it('stepBy(t) takes exactly the events nextEventTime() and step() take, and stops at the same one', () => {
    const looked = simulation(busy(5));
    const fused = simulation(busy(5));
    for (const t of [0, 399.5, 400, 1234.5, 2000]) {
      let n = 0;
      while ((looked.nextEventTime() ?? Infinity) <= t) {
        looked.step();
        n++;
      }
      let m = 0;
      while (fused.stepBy(t)) m++;
      expect(m).toBe(n);
      expect(fused.stepCount).toBe(looked.stepCount);
      expect(fused.now).toBe(looked.now);
    }
    expect(fused.stepCount).toBeGreaterThan(100);
    expect(JSON.stringify(fused.trace)).toBe(JSON.stringify(looked.trace));
  });

  it('restoring a checkpoint and running on reproduces the same trace', () => {
    const sim = simulation(busy(9));
    sim.runUntil(1000);
    const checkpoint = sim.save();
    sim.runUntil(3000);
    const once = JSON.stringify(sim.trace);
    const snapshot = JSON.stringify(sim.snapshot());
    sim.restore(checkpoint);
    sim.runUntil(3000);
    expect(JSON.stringify(sim.trace)).toBe(once);
    expect(JSON.stringify(sim.snapshot())).toBe(snapshot);
  });
});
