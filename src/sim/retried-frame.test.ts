// The frame carries the indexes whose apply the engine reported as a retry (entryApplied.retry),
// so the log table can mark a retried request's extra copies without recounting requests.

import { describe, expect, it } from 'vitest';
import { run, simulation } from './test-helpers';
import type { ScenarioInput } from '../scenario/schema';

/** A 2–2 split: neither side can commit, and the client's retries put copies of one command in the log. */
const piledUp: ScenarioInput = {
  version: 1,
  nodes: 4,
  seed: 1,
  actions: [
    {
      at: 1000,
      do: 'partition',
      groups: [
        ['A', 'B'],
        ['C', 'D'],
      ],
    },
    { at: 1100, do: 'submit', command: 'set y 2' },
    { at: 3000, do: 'heal' },
  ],
};

describe('NodeFrame.retried', () => {
  it('lists exactly the indexes whose entryApplied said retry, per node, and survives a checkpoint', () => {
    const sim = run(piledUp, 8000);
    const said = new Map<string, Set<number>>();
    for (const r of sim.trace)
      if (r.kind === 'node' && r.event.type === 'entryApplied' && r.event.retry)
        (said.get(r.node) ?? said.set(r.node, new Set()).get(r.node)!).add(r.event.index);
    expect(said.size).toBeGreaterThan(0);
    for (const n of sim.snapshot().nodes) expect([...n.retried].sort()).toEqual([...(said.get(n.id) ?? [])].sort());

    const again = simulation(piledUp);
    again.runUntil(2000);
    const checkpoint = again.save();
    again.runUntil(8000);
    const late = again.snapshot().nodes.map((n) => n.retried);
    again.restore(checkpoint);
    expect(again.snapshot().nodes.every((n) => n.retried.length === 0)).toBe(true);
    again.runUntil(8000);
    expect(again.snapshot().nodes.map((n) => n.retried)).toEqual(late);
  });
});
