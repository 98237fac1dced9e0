import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { SCRUB_REST_FRAMES, SCRUB_REST_MS, scrubEnded, scrubMoved, useScrubbing } from './scrubbing';

// Animation frames run by hand, at the instants the test chooses.
let frames: FrameRequestCallback[] = [];
let now = 0;
const frameAt = (t: number): void => {
  now = t;
  const due = frames;
  frames = [];
  for (const f of due) f(t);
};

beforeEach(() => {
  frames = [];
  now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => (frames = []));
});
afterEach(() => {
  scrubEnded();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('scrubbing', () => {
  it('holds the store as the drag found it, and lets go once the pointer rests', () => {
    const before = useSimStore.getState();
    scrubMoved();
    expect(useScrubbing.getState()).toEqual({ active: true, held: before });
    // Moves keep it held, from the first move's store.
    for (let t = 16; t <= 160; t += 16) {
      frameAt(t);
      scrubMoved();
    }
    expect(useScrubbing.getState().held).toBe(before);
    for (let i = 1; i < SCRUB_REST_FRAMES; i++) frameAt(160 + i * 100);
    expect(useScrubbing.getState().active).toBe(true);
    frameAt(160 + SCRUB_REST_FRAMES * 100);
    expect(useScrubbing.getState()).toEqual({ active: false, held: null });
    expect(frames).toHaveLength(0);
  });

  it('does not call one slow frame a rest: the pointer had no chance to move', () => {
    scrubMoved();
    frameAt(SCRUB_REST_MS * 3);
    expect(useScrubbing.getState().active).toBe(true);
    // The move that frame held back arrives.
    scrubMoved();
    frameAt(SCRUB_REST_MS * 3 + 16);
    frameAt(SCRUB_REST_MS * 3 + 32);
    frameAt(SCRUB_REST_MS * 3 + 48);
    expect(useScrubbing.getState().active).toBe(true);
  });

  it('lets go at once when the drag ends', () => {
    scrubMoved();
    scrubEnded();
    expect(useScrubbing.getState()).toEqual({ active: false, held: null });
    expect(frames).toHaveLength(0);
  });
});
