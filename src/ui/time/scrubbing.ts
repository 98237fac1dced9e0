// Whether the timeline is being dragged right now. While it is, views that are costly to redraw (the event
// feed: a hundred new lines laid out and shaped on every seek) keep what they show and catch up once the
// pointer rests or lets go; the cheap ones (ring, logs, clock, cursor) follow every seek. Dragging across a
// ten-minute run at 60 Hz otherwise spends most frames over 50 ms redrawing lines nobody can read (issue 14).
//
// UI state only: it says nothing about the run, and the store's frames are the same either way.

import { create } from 'zustand';

/** How long the pointer must stay put, still pressed, before the held views catch up. */
export const SCRUB_REST_MS = 200;

interface ScrubState {
  /** A drag is moving the timeline: held views keep their last drawing. */
  readonly active: boolean;
}

export const useScrubbing = create<ScrubState>()(() => ({ active: false }));

let restTimer: ReturnType<typeof setTimeout> | null = null;

function clearRest(): void {
  if (restTimer !== null) clearTimeout(restTimer);
  restTimer = null;
}

/** The drag moved the timeline: hold the costly views until it rests for SCRUB_REST_MS or ends. */
export function scrubMoved(): void {
  clearRest();
  restTimer = setTimeout(scrubEnded, SCRUB_REST_MS);
  if (!useScrubbing.getState().active) useScrubbing.setState({ active: true });
}

/** The drag rested or ended: the held views draw the instant shown. */
export function scrubEnded(): void {
  clearRest();
  if (useScrubbing.getState().active) useScrubbing.setState({ active: false });
}
