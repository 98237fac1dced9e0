// The comparison in frame-paths.test.ts can fail: with a decoder that reads a wrong slot or drops a
// field, the store ends in another state than with whole frames (or refuses the frame), and the
// comparison fails.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FRAME_HEAD,
  NODE_SLOT,
  NODE_SLOTS,
  nodeSlotsAt,
  type FrameMessage,
  type FromWorker,
  type PackedFrameMessage,
} from '../worker/protocol';
import type { ClusterFrame } from '../sim/types';
import type { LogEntry } from '../raft/types';
import { useSimStore } from './sim-store';
import { expectSameStates, runBothPaths, storeStates, type StoreState } from './test/frame-paths';

type Breakage =
  | 'timer slot'
  | 'last request id'
  | 'reset flag'
  | 'matchIndex slots'
  | 'key-value changes'
  | 'last entry of each log tail';
const broken = vi.hoisted(() => ({ how: null as string | null }));

vi.mock('./unpack-frame', async (importOriginal) => {
  const real = await importOriginal<typeof import('./unpack-frame')>();
  return {
    unpackFrame(previous: ClusterFrame | null, packed: PackedFrameMessage): FrameMessage {
      const x = packed.numbers.slice();
      const n = x[FRAME_HEAD.nodes]!;
      // The tails as a decoder that loses each one's last entry would read them (counts and list agreeing).
      const entries: LogEntry[] = [];
      for (let k = 0, from = 0; k < n; k++) {
        const at = nodeSlotsAt(n, k);
        if (broken.how === 'timer slot') x[at + NODE_SLOT.electionDeadline] = x[at + NODE_SLOT.electionArmedAt]!;
        if (broken.how === 'matchIndex slots') x.copyWithin(at + NODE_SLOTS + n, at + NODE_SLOTS, at + NODE_SLOTS + n);
        if (broken.how === 'key-value changes') x[at + NODE_SLOT.kvChangeCount] = 0;
        const count = x[at + NODE_SLOT.tailCount]!;
        const kept = broken.how === 'last entry of each log tail' ? Math.max(0, count - 1) : count;
        entries.push(...packed.entries.slice(from, from + kept));
        x[at + NODE_SLOT.tailCount] = kept;
        from += count;
      }
      const frame = real.unpackFrame(previous, {
        ...packed,
        numbers: x,
        entries,
        // The changes as a decoder that drops them reads them (no pairs, none counted).
        kvChanges: broken.how === 'key-value changes' ? [] : packed.kvChanges,
      });
      if (broken.how === 'last request id') return { ...frame, requestIds: frame.requestIds.slice(0, -1) };
      if (broken.how === 'reset flag') return { ...frame, resetFeed: false };
      return frame;
    },
  };
});

beforeEach(() => vi.useFakeTimers({ toFake: ['performance', 'setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => {
  broken.how = null;
  vi.useRealTimers();
  useSimStore.setState({ snapshot: null, live: null, feed: [], playing: false, marks: null });
});

describe('the packed-frame comparison', () => {
  let run: { packed: readonly FromWorker[]; wholeStates: StoreState[] } | null = null;
  /** One run for every case: the frames do not depend on the decoder, only what the store makes of them. */
  const once = () => {
    if (run === null) {
      const { packed, whole } = runBothPaths();
      run = { packed, wholeStates: storeStates(whole) };
    }
    return run;
  };

  it('passes with the decoder as it is', () => {
    const { packed, wholeStates } = once();
    expectSameStates(storeStates(packed), wholeStates);
  });

  it.each<Breakage>([
    'timer slot',
    'last request id',
    'reset flag',
    'matchIndex slots',
    'key-value changes',
    'last entry of each log tail',
  ])('fails when the decoder gets the %s wrong', (how) => {
    const { packed, wholeStates } = once();
    broken.how = how;
    // Either the states differ, or the store itself finds the frame refers to something it lacks.
    expect(() => expectSameStates(storeStates(packed), wholeStates)).toThrow();
  });
});
