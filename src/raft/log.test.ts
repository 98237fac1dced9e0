// The log object: every read by index, and a first index that is not always 1 (§7).

import { describe, expect, it } from 'vitest';
import { RaftLog } from './log';
import type { LogEntry } from './types';

const e = (term: number, command = `set x ${term}`): LogEntry => ({ term, command });

describe('a log from index 1', () => {
  const log = new RaftLog([e(1), e(1), e(2)]);

  it('knows its bounds and the term at each index, 0 at index 0', () => {
    expect([log.firstIndex(), log.lastIndex(), log.lastTerm()]).toEqual([1, 3, 2]);
    expect([0, 1, 2, 3, 4].map((i) => log.term(i))).toEqual([0, 1, 1, 2, undefined]);
  });

  it('§5.4.1: a log is at least as up-to-date with a later last term, or the same term and no shorter', () => {
    expect(log.isUpToDate(3, 1)).toBe(true);
    expect(log.isUpToDate(2, 3)).toBe(true);
    expect(log.isUpToDate(2, 2)).toBe(false);
    expect(log.isUpToDate(1, 9)).toBe(false);
  });

  it('truncates from an index and returns what it removed; a clone is not affected', () => {
    const copy = log.clone();
    expect(copy.truncateFrom(2)).toEqual([e(1), e(2)]);
    expect(copy.lastIndex()).toBe(1);
    expect(log.lastIndex()).toBe(3);
  });
});

describe('a log that starts after a snapshot (§7)', () => {
  // Indexes 1..10 are in a snapshot whose last entry has term 3.
  const log = new RaftLog([e(3), e(4), e(4)], 10, 3);

  it('starts at snapshotIndex + 1 and answers the snapshot term at its last index', () => {
    expect([log.firstIndex(), log.lastIndex(), log.lastTerm()]).toEqual([11, 13, 4]);
    expect(log.term(10)).toBe(3);
    expect(log.term(9)).toBeUndefined();
    expect(log.entry(10)).toBeUndefined();
    expect(log.entry(12)).toEqual(e(4));
  });

  it('slices by index, clipped to what it holds', () => {
    expect(log.slice(5, 13)).toEqual([e(3), e(4)]);
    expect(log.slice(12, 99)).toEqual([e(4), e(4)]);
  });

  it('finds the bounds of a term for fast backup, the snapshot included', () => {
    expect(log.firstIndexOfTerm(4, 13)).toBe(12);
    expect(log.lastIndexOfTerm(4)).toBe(13);
    expect(log.lastIndexOfTerm(2)).toBe(0);
  });

  it('an empty log after a snapshot takes its last term from the snapshot', () => {
    const empty = new RaftLog([], 10, 3);
    expect([empty.lastIndex(), empty.lastTerm()]).toEqual([10, 3]);
    expect(empty.isUpToDate(3, 10)).toBe(true);
    expect(empty.isUpToDate(3, 9)).toBe(false);
  });
});
