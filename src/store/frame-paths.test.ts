// The packed frames the worker sends leave the store in the very state old-style whole frames would.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSimStore } from './sim-store';
import { expectSameStates, runBothPaths, storeStates } from './test/frame-paths';

beforeEach(() => vi.useFakeTimers({ toFake: ['performance', 'setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => {
  vi.useRealTimers();
  useSimStore.setState({ snapshot: null, live: null, feed: [], playing: false, marks: null });
});

describe('packed frames', () => {
  it('leave the store in the same state as whole frames, frame by frame, through a varied run', () => {
    const { packed, whole } = runBothPaths();
    expect(packed.length).toBeGreaterThan(150);
    const packedStates = storeStates(packed);
    const wholeStates = storeStates(whole);
    expectSameStates(packedStates, wholeStates);
    // The run did reach what it was meant to: a sixth voter, a branch, another cluster, playing and paused.
    expect(packedStates.some((s) => s.live?.membership.configuration.voters.includes('F'))).toBe(true);
    expect(packedStates.some((s) => s.history?.branches.length === 2)).toBe(true);
    expect(packedStates.at(-1)!.live?.nodes).toHaveLength(3);
    expect(new Set(packedStates.map((s) => s.playing))).toEqual(new Set([true, false]));
    expect(packedStates.some((s) => s.manual)).toBe(true);
  });
});
