import { describe, expect, it } from 'vitest';
import { makeNode, makeSnapshot } from '../ui/test/snapshot-fixtures';
import { reuseLogs } from './reuse-logs';

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
