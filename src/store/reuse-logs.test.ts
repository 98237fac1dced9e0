import { describe, expect, it } from 'vitest';
import { makeNode, makeSnapshot } from '../ui/test/snapshot-fixtures';
import { restoreSharedLogs, reuseLogs } from './reuse-logs';

describe('reuseLogs', () => {
  const log = [
    { term: 1, command: 'set x 1' },
    { term: 2, command: 'set y 2' },
  ];

  it('keeps the previous array for a log that did not change', () => {
    const before = makeSnapshot([makeNode('A', { log: [...log] }), makeNode('B', { log: [...log] })]);
    const after = makeSnapshot([
      makeNode('A', { log: log.map((e) => ({ ...e })) }),
      makeNode('B', { log: [...log, { term: 2, command: 'del x' }] }),
    ]);
    const shared = reuseLogs(before, after);
    expect(shared.nodes[0]!.log).toBe(before.nodes[0]!.log);
    expect(shared.nodes[1]!.log).toBe(after.nodes[1]!.log);
  });

  it('sees a conflicting entry of the same length as a change', () => {
    const before = makeSnapshot([makeNode('A', { log })]);
    const after = makeSnapshot([makeNode('A', { log: [log[0]!, { term: 3, command: 'set y 2' }] })]);
    expect(reuseLogs(before, after).nodes[0]!.log).toBe(after.nodes[0]!.log);
  });
});

describe('restoreSharedLogs', () => {
  const e = (term: number, command: string) => ({ term, command });
  const before = makeSnapshot([
    makeNode('A', { log: [e(1, 'a'), e(1, 'b'), e(1, 'c')] }),
    makeNode('B', { log: [e(1, 'a'), e(1, 'b')] }),
  ]);

  it('rebuilds a grown log from the kept prefix and the sent tail, and a truncated-then-replaced one', () => {
    const next = makeSnapshot([
      makeNode('A', { log: [e(2, 'x')] }), // entries 1-2 kept, 3 replaced by a term-2 entry
      makeNode('B', { log: [e(1, 'c'), e(2, 'd')] }), // both kept, two appended
    ]);
    const restored = restoreSharedLogs(before, next, [2, 2]);
    expect(restored.nodes[0]!.log).toEqual([e(1, 'a'), e(1, 'b'), e(2, 'x')]);
    expect(restored.nodes[1]!.log).toEqual([e(1, 'a'), e(1, 'b'), e(1, 'c'), e(2, 'd')]);
  });

  it('keeps a log sent whole, and refuses a frame that refers to entries the UI never had', () => {
    const whole = makeSnapshot([makeNode('A', { log: [e(3, 'z')] }), makeNode('B', { log: [] })]);
    expect(restoreSharedLogs(before, whole, [0, 0])).toBe(whole);
    expect(() => restoreSharedLogs(before, whole, [0, 5])).toThrow(/node B/);
  });
});
