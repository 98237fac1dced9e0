import { describe, expect, it } from 'vitest';
import { explainKey, HistoryExplainer } from './history-explain';
import type { Operation } from './linearizability';

let nextId = 1;
function op(command: string, call: number, ret: number, result: string | null): Operation {
  return { id: nextId++, command, call, ret, result };
}

describe('explainKey', () => {
  it('gives the order found for a linearizable history, respecting real time', () => {
    const set1 = op('set x 1', 0, 100, '1');
    const set2 = op('set x 2', 10, 90, '2');
    const get2 = op('get x', 20, 30, '2');
    const get1 = op('get x', 95, 110, '1');
    const verdict = explainKey('x', [set1, set2, get2, get1]);
    expect(verdict.outcome).toBe('linearizable');
    if (verdict.outcome !== 'linearizable') return;
    // set 2 must precede the read of 2, and set 1 the read of 1 (which follows the read of 2).
    expect(verdict.order).toEqual([set2.id, get2.id, set1.id, get1.id]);
  });

  it('shrinks a failing history to the stale read and the write that replaced its value', () => {
    const history = [
      op('get x', 0, 5, '(none)'),
      op('set x 1', 10, 20, '1'),
      op('get x', 25, 30, '1'),
      op('set x 2', 40, 50, '2'),
      op('get x', 60, 70, '1'), // stale: set x 2 had completed before it began
      op('set x 3', 80, 90, '3'),
      op('get x', 95, 99, '3'),
    ];
    const [, set1, , set2, stale] = history;
    const verdict = explainKey('x', history);
    expect(verdict.outcome).toBe('notLinearizable');
    if (verdict.outcome !== 'notLinearizable') return;
    expect(verdict.until).toBe(70);
    expect(verdict.core).toEqual([set1!.id, set2!.id, stale!.id]);
    expect(verdict.stale).toEqual({ kind: 'overwritten', read: stale!.id, write: set2!.id });
  });

  it('names a read of the initial value after a completed write', () => {
    const set = op('set x 1', 0, 10, '1');
    const read = op('get x', 20, 30, '(none)');
    const verdict = explainKey('x', [set, read]);
    expect(verdict.outcome === 'notLinearizable' && verdict.stale).toEqual({
      kind: 'overwritten',
      read: read.id,
      write: set.id,
    });
  });

  it('names a read older than an earlier read when the writes overlap the reads', () => {
    const set1 = op('set x 1', 0, 10, '1');
    const set2 = op('set x 2', 20, 200, '2'); // still running while both reads happen
    const newer = op('get x', 30, 40, '2');
    const older = op('get x', 50, 60, '1');
    const verdict = explainKey('x', [set1, set2, newer, older]);
    expect(verdict.outcome).toBe('notLinearizable');
    if (verdict.outcome !== 'notLinearizable') return;
    expect(verdict.stale).toEqual({ kind: 'olderThanRead', read: older.id, earlier: newer.id });
  });

  it('names a read of a value nobody wrote', () => {
    const read = op('get x', 0, 10, '7');
    const verdict = explainKey('x', [op('set x 1', 0, 5, '1'), read]);
    expect(verdict.outcome === 'notLinearizable' && verdict.stale).toEqual({ kind: 'neverWritten', read: read.id });
  });

  it('reports undecided, never a pass, when the search runs out of steps', () => {
    const history = [op('set x 1', 0, 10, '1'), op('set x 2', 20, 30, '2'), op('get x', 40, 50, '1')];
    expect(explainKey('x', history, { maxSteps: 1 })).toEqual({ key: 'x', outcome: 'undecided', maxSteps: 1 });
  });
});

describe('HistoryExplainer', () => {
  it('checks each key on its own and reuses a verdict while its operations are unchanged', () => {
    const explainer = new HistoryExplainer();
    const x = [op('set x 1', 0, 10, '1'), op('get x', 20, 30, '1')];
    const y = [op('set y 1', 0, 10, '1'), op('set y 2', 20, 30, '2'), op('get y', 40, 50, '1')];
    const first = explainer.explain([...x, ...y]);
    expect(first.map((k) => [k.key, k.outcome])).toEqual([
      ['x', 'linearizable'],
      ['y', 'notLinearizable'],
    ]);
    const more = op('get x', 40, 50, '1');
    const second = explainer.explain([...x, ...y, more]);
    expect(second[1]).toBe(first[1]); // y did not change: the same verdict object
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]!.outcome === 'linearizable' && second[0]!.order).toContain(more.id);
  });
});
