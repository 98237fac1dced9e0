// Data the cluster holds before the client's history begins: values in an initial snapshot (§7), and
// commands already in the initial logs, which a new leader may commit (§5.4.2). A read that returns
// one of them is no stale read, and a read that returns a value the snapshot had replaced still is.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate';
import type { Scenario } from '../sim/scenario-types';
import { Simulation } from '../sim/simulation';
import { historyFromTrace } from './history-from-trace';
import { initialOperations } from './initial-state';
import { checkLinearizability, type Operation } from './linearizability';

function run(input: unknown, until: number): { scenario: Scenario; history: Operation[] } {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const sim = new Simulation(result.scenario);
  sim.runUntil(until);
  return { scenario: result.scenario, history: historyFromTrace(sim.trace) };
}

const inLogs = {
  version: 1,
  nodes: 3,
  options: { leaderNoop: true },
  initial: Object.fromEntries(['A', 'B', 'C'].map((id) => [id, { term: 1, log: [{ term: 1, command: 'set x 7' }] }])),
  actions: [{ at: 1500, do: 'submit', command: 'get x' }],
};

const inSnapshot = {
  version: 1,
  nodes: 3,
  initial: Object.fromEntries(
    ['A', 'B', 'C'].map((id) => [id, { term: 1, snapshot: { index: 3, term: 1, state: { x: '5', y: '1' } }, log: [] }]),
  ),
  actions: [{ at: 1500, do: 'submit', command: 'get x' }],
};

describe('the client history with the data the cluster starts with', () => {
  it('a read of a command from the initial logs is linearizable once those commands are in the history', () => {
    const { scenario, history } = run(inLogs, 3000);
    expect(history.find((o) => o.command === 'get x')?.result).toBe('7');
    // Without them, "7" is a value nobody wrote: the checker would cry stale read on a correct run.
    expect(checkLinearizability(history).ok).toBe(false);
    expect(checkLinearizability([...initialOperations(scenario), ...history])).toEqual({ ok: true });
  });

  it('a read of a value from the initial snapshot is linearizable, a read of another value is not', () => {
    const { scenario, history } = run(inSnapshot, 3000);
    expect(history.find((o) => o.command === 'get x')?.result).toBe('5');
    const initial = initialOperations(scenario);
    expect(checkLinearizability([...initial, ...history])).toEqual({ ok: true });
    // The same history had the read answered "(none)": the snapshot set x before it began.
    const wrong = history.map((o) => (o.command === 'get x' ? { ...o, result: '(none)' } : o));
    expect(checkLinearizability([...initial, ...wrong]).ok).toBe(false);
  });

  it('takes the state of the newest snapshot, and only the log entries after it as writes that may still happen', () => {
    const ops = initialOperations({
      initial: {
        A: { term: 2, votedFor: null, snapshot: { index: 4, term: 2, state: { x: '4' } }, log: [] },
        B: {
          term: 2,
          votedFor: null,
          snapshot: { index: 2, term: 1, state: { x: '2' } },
          log: [
            { term: 1, command: 'set x 3' },
            { term: 2, command: 'set x 4' },
            { term: 2, command: 'set z 9' },
          ],
        },
      },
    } as Pick<Scenario, 'initial'>);
    const done = ops.filter((o) => Number.isFinite(o.ret)).map((o) => o.command);
    const pending = ops.filter((o) => !Number.isFinite(o.ret)).map((o) => o.command);
    expect(done).toEqual(['set x 4']);
    // B's entry 5 lies past the newest snapshot (A's, at 4): it may be committed later. Entries 3 and 4 are in it.
    expect(pending).toEqual(['set z 9']);
    expect(ops.every((o) => o.id < 0 && o.call < 0)).toBe(true);
  });
});
