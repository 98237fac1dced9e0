// Whether the timeline is being dragged right now. While it is, views that are costly to redraw keep what
// they show and catch up once the pointer rests or lets go: the event feed (a hundred new lines laid out and
// shaped on every seek) and the log table (some seventy new cells and the state machines). The cheap ones
// (ring, clock, cursor, "Why?") follow every seek. Dragging across a ten-minute run at 60 Hz otherwise
// spends most frames over 50 ms redrawing lines and cells nobody can read (issue 14).
//
// UI state only: it says nothing about the run, and the store's frames are the same either way.

import { create } from 'zustand';
import { useSimStore, type SimStore } from '../../store/sim-store';

/** How long the pointer must stay put, still pressed, before the held views catch up… */
export const SCRUB_REST_MS = 200;
/**
 * …over at least this many animation frames. Pointer moves arrive once a frame: a frame that took longer than
 * SCRUB_REST_MS (a slow machine) is not the hand resting, and catching up there would only make the next
 * frame slower still.
 */
export const SCRUB_REST_FRAMES = 3;

interface ScrubState {
  /** A drag is moving the timeline: held views keep their last drawing. */
  readonly active: boolean;
  /** The store as it was when the drag began to move (what held views draw), or null. */
  readonly held: SimStore | null;
}

export const useScrubbing = create<ScrubState>()(() => ({ active: false, held: null }));

/** When the last move seeked, and the animation frames since. */
let lastMove = 0;
let framesSince = 0;
let watching: number | null = null;

function watchForRest(): void {
  framesSince++;
  if (framesSince >= SCRUB_REST_FRAMES && performance.now() - lastMove >= SCRUB_REST_MS) scrubEnded();
  else watching = requestAnimationFrame(watchForRest);
}

/** The drag moved the timeline: hold the costly views until it rests (see SCRUB_REST_MS) or ends. */
export function scrubMoved(): void {
  lastMove = performance.now();
  framesSince = 0;
  watching ??= requestAnimationFrame(watchForRest);
  if (!useScrubbing.getState().active) useScrubbing.setState({ active: true, held: useSimStore.getState() });
}

/** The drag rested or ended: the held views draw the instant shown. */
export function scrubEnded(): void {
  if (watching !== null) cancelAnimationFrame(watching);
  watching = null;
  if (useScrubbing.getState().active) useScrubbing.setState({ active: false, held: null });
}

const LIVE = Symbol('live');

/**
 * useSimStore for a held view: the live store, except while a drag moves the timeline, when it reads the
 * store as it was when the drag began and does not re-render on the frames in between.
 */
export function useHeldSimStore<T>(selector: (s: SimStore) => T): T {
  const held = useScrubbing((s) => s.held);
  const live = useSimStore((s) => (held === null ? selector(s) : LIVE));
  return live === LIVE ? selector(held!) : live;
}
