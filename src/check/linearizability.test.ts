import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate';
import { Simulation } from '../sim/simulation';
import { historyFromTrace } from './history-from-trace';
import { checkLinearizability, type Operation } from './linearizability';

let nextId = 1;
function op(command: string, call: number, ret: number, result: string | null): Operation {
  return { id: nextId++, command, call, ret, result };
}

describe('checkLinearizability', () => {
  it('accepts a sequential history that follows the register model', () => {
    const history = [
      op('get x', 0, 1, '(none)'),
      op('set x 1', 2, 3, '1'),
      op('get x', 4, 5, '1'),
      op('del x', 6, 7, 'deleted'),
      op('get x', 8, 9, '(none)'),
    ];
    expect(checkLinearizability(history).ok).toBe(true);
  });

  it('rejects a stale read after a completed write', () => {
    const history = [op('set x 1', 0, 10, '1'), op('set x 2', 20, 30, '2'), op('get x', 40, 50, '1')];
    const result = checkLinearizability(history);
    expect(result.ok).toBe(false);
    if (result.ok === false) expect(result.key).toBe('x');
  });

  it('rejects two reads that see concurrent writes in opposite orders', () => {
    // Both writes overlap both reads, but no single order gives one reader 1 then 2 and the other 2 then 1.
    const history = [
      op('set x 1', 0, 100, '1'),
      op('set x 2', 0, 100, '2'),
      op('get x', 10, 20, '1'),
      op('get x', 30, 40, '2'),
      op('get x', 50, 60, '1'),
      op('get x', 70, 80, '2'),
    ];
    expect(checkLinearizability(history).ok).toBe(false);
  });

  it('accepts overlapping operations answered in either order', () => {
    const history = [
      op('set x 1', 0, 100, '1'),
      op('set x 2', 10, 90, '2'),
      op('get x', 20, 30, '2'),
      op('get x', 95, 110, '1'),
    ];
    // set 2, get→2, then set 1 (still running), get→1.
    expect(checkLinearizability(history).ok).toBe(true);
  });

  it('rejects a wrong answer from a set or del', () => {
    expect(checkLinearizability([op('set x 1', 0, 1, '2')]).ok).toBe(false);
    expect(checkLinearizability([op('del x', 0, 1, '(none)')]).ok).toBe(false);
  });

  it('lets an unanswered write take effect', () => {
    const history = [op('set x 1', 0, 10, '1'), op('set x 2', 20, Infinity, null), op('get x', 30, 40, '2')];
    expect(checkLinearizability(history).ok).toBe(true);
  });

  it('lets an unanswered write never take effect', () => {
    const history = [op('set x 1', 0, 10, '1'), op('set x 2', 20, Infinity, null), op('get x', 30, 40, '1')];
    expect(checkLinearizability(history).ok).toBe(true);
  });

  it('does not let an unanswered write take effect before it was sent', () => {
    const history = [op('set x 1', 0, 10, '1'), op('get x', 20, 30, '2'), op('set x 2', 40, Infinity, null)];
    expect(checkLinearizability(history).ok).toBe(false);
  });

  it('does not let an unanswered write flicker on and off', () => {
    // Once a read has seen 2, a later read of 1 needs a second write of 1, which there is not.
    const history = [
      op('set x 1', 0, 10, '1'),
      op('set x 2', 20, Infinity, null),
      op('get x', 30, 40, '2'),
      op('get x', 50, 60, '1'),
    ];
    expect(checkLinearizability(history).ok).toBe(false);
  });

  it('checks keys independently', () => {
    const history = [
      op('set x 1', 0, 10, '1'),
      op('set y 5', 0, 10, '5'),
      op('get y', 20, 30, '5'),
      op('get x', 20, 30, '(none)'),
    ];
    const result = checkLinearizability(history);
    expect(result.ok).toBe(false);
    if (result.ok === false) expect(result.key).toBe('x');
  });

  it('handles a large concurrent history quickly enough to finish', () => {
    const history: Operation[] = [];
    for (let i = 0; i < 300; i++) {
      const t = i * 10;
      history.push(op(`set k${i % 3} ${i}`, t, t + 35, String(i)));
      history.push(op(`get k${i % 3}`, t + 36, t + 40, String(i)));
    }
    expect(checkLinearizability(history).ok).toBe(true);
  });
});

describe('historyFromTrace', () => {
  it('extracts a linearizable history from a simulated run with a crash', () => {
    const result = validateScenario({
      version: 1,
      nodes: 3,
      seed: 7,
      actions: [
        { at: 500, do: 'submit', command: 'set x 1' },
        { at: 500, do: 'submit', command: 'set x 2', node: 'B' },
        { at: 900, do: 'submit', command: 'get x' },
        { at: 1000, do: 'kill', node: 'A' },
        { at: 1000, do: 'kill', node: 'B' },
        { at: 1100, do: 'submit', command: 'set x 3' },
        { at: 1500, do: 'restart', node: 'A' },
        { at: 1500, do: 'restart', node: 'B' },
        { at: 3000, do: 'submit', command: 'get x' },
        { at: 3000, do: 'submit', command: 'bad command' },
      ],
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const sim = new Simulation(result.scenario, { recordTrace: true });
    sim.runUntil(10_000);
    const history = historyFromTrace(sim.trace);
    // The malformed command is refused by the client and never enters the history.
    expect(history.map((o) => o.command)).toEqual(['set x 1', 'set x 2', 'get x', 'set x 3', 'get x']);
    expect(history.filter((o) => o.ret !== Infinity).length).toBeGreaterThan(0);
    expect(checkLinearizability(history).ok).toBe(true);
  });
});
