import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../raft/types';
import { describeLostWrites, isWrite, lostWrites, type CommittedLog } from './durability';

function node(id: string, log: LogEntry[], commitIndex: number, alive = true): CommittedLog {
  return { id, alive, log, commitIndex };
}

const noop: LogEntry = { term: 1, command: '' };
const set1: LogEntry = { term: 1, command: 'set x 1', requestId: 1 };
const del2: LogEntry = { term: 1, command: 'del x', requestId: 2 };

describe('lostWrites', () => {
  it('finds nothing lost when every acknowledged write is committed on every live node', () => {
    const log = [noop, set1, del2];
    const acked = [
      { id: 1, command: 'set x 1' },
      { id: 2, command: 'del x' },
    ];
    expect(lostWrites(acked, [node('A', log, 3), node('B', log, 3)])).toEqual([]);
  });

  it('reports a write that is in no log at all', () => {
    const lost = lostWrites([{ id: 7, command: 'set y 7' }], [node('A', [noop, set1], 2)]);
    expect(lost).toEqual([{ request: { id: 7, command: 'set y 7' }, node: 'A' }]);
  });

  it('reports a write that is in the log but not committed there', () => {
    const lost = lostWrites([{ id: 2, command: 'del x' }], [node('A', [noop, set1, del2], 2)]);
    expect(lost.map((l) => l.node)).toEqual(['A']);
  });

  it('reports the live node that lacks it, and ignores a dead one', () => {
    const full = [noop, set1];
    const acked = [{ id: 1, command: 'set x 1' }];
    expect(lostWrites(acked, [node('A', full, 2), node('B', [noop], 1)]).map((l) => l.node)).toEqual(['B']);
    expect(lostWrites(acked, [node('A', full, 2), node('B', [noop], 1, false)])).toEqual([]);
  });

  it('does not take a different command under the same request id for the write', () => {
    const forged: LogEntry = { term: 1, command: 'set x 999', requestId: 1 };
    expect(lostWrites([{ id: 1, command: 'set x 1' }], [node('A', [forged], 1)])).toHaveLength(1);
  });

  it('accepts a retried write committed more than once', () => {
    const again: LogEntry = { ...set1, term: 2 };
    expect(lostWrites([{ id: 1, command: 'set x 1' }], [node('A', [set1, again], 2)])).toEqual([]);
  });

  it('does not look for reads: a get answered by ReadIndex never enters the log', () => {
    expect(lostWrites([{ id: 3, command: 'get x' }], [node('A', [noop], 1)])).toEqual([]);
  });

  it('says which writes are lost and where', () => {
    const text = describeLostWrites(lostWrites([{ id: 7, command: 'set y 7' }], [node('B', [], 0)]));
    expect(text).toContain('#7 "set y 7"');
    expect(text).toContain('missing on B');
  });
});

describe('isWrite', () => {
  it('counts set and del, not get nor a command the store refuses', () => {
    expect(['set x 1', 'del x', 'get x', 'frobnicate x'].map(isWrite)).toEqual([true, true, false, false]);
  });
});
