// A checkpoint's copy of a node must not move when the running node does: every container
// is copied, and only immutable log entries and remembered results are shared.

import { describe, expect, it } from 'vitest';
import { RaftLog } from '../raft/log';
import { initialState } from '../raft/node';
import type { RaftState } from '../raft/types';
import { cloneRaftState, shareAppliedRequests } from './raft-state-clone';

function busyState(): RaftState {
  const s = initialState({
    currentTerm: 3,
    votedFor: 'B',
    log: new RaftLog([{ term: 1, command: 'set a 1' }]),
    initialConfiguration: { voters: ['A', 'B', 'C'], learners: [] },
  });
  s.nextIndex = { B: 2 };
  s.matchIndex = { B: 1 };
  s.votesGranted = ['A'];
  s.votesRefused = ['C'];
  s.recentlyHeard = ['B'];
  s.kv = { data: { a: '1' }, appliedRequests: [[1, '1']] };
  return s;
}

describe('cloneRaftState', () => {
  it('copies every field, and every object-valued field into a container of its own', () => {
    const original = busyState();
    const copy = cloneRaftState(original);
    expect(copy).toEqual(original);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(original).sort());
    // Configurations are immutable values: sharing them is safe, like sharing log entries.
    const shared = new Set<keyof RaftState>(['configuration', 'initialConfiguration']);
    for (const key of Object.keys(original) as (keyof RaftState)[]) {
      if (shared.has(key)) continue;
      if (typeof original[key] === 'object' && original[key] !== null) expect(copy[key]).not.toBe(original[key]);
    }
    expect(copy.kv.data).not.toBe(original.kv.data);
    expect(copy.kv.appliedRequests).not.toBe(original.kv.appliedRequests);
  });

  it('leaves the original untouched when the copy runs on', () => {
    const original = busyState();
    const before = structuredClone(original);
    const copy = cloneRaftState(original);
    copy.log.append([{ term: 3, command: 'set b 2' }]);
    copy.nextIndex.C = 1;
    copy.matchIndex.B = 2;
    copy.votesGranted.push('B');
    copy.votesRefused.length = 0;
    copy.recentlyHeard.push('C');
    copy.kv.data.a = '9';
    copy.kv.appliedRequests.push([2, '2']);
    expect(original).toEqual(before);
  });
});

describe('shareAppliedRequests', () => {
  it('keeps an equal remembered request of several nodes once, and a different result apart', () => {
    const a = cloneRaftState(busyState());
    const b = cloneRaftState(busyState());
    a.kv.appliedRequests = [
      [1, '1'],
      [2, 'x'],
    ];
    b.kv.appliedRequests = [
      [1, '1'],
      [2, 'y'],
      [3, '3'],
    ];
    const before = structuredClone([a.kv.appliedRequests, b.kv.appliedRequests]);
    shareAppliedRequests([a, b]);
    expect([a.kv.appliedRequests, b.kv.appliedRequests]).toEqual(before);
    expect(b.kv.appliedRequests[0]).toBe(a.kv.appliedRequests[0]);
    // Not the same result (a diverged node): each keeps its own, so neither reads the other's.
    expect(b.kv.appliedRequests[1]).not.toBe(a.kv.appliedRequests[1]);
    expect(b.kv.appliedRequests[1]![1]).toBe('y');
  });
});
