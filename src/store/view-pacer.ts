// While playing, the message canvas takes every frame and the rest of the view (logs, feed, ring
// text, panels) takes fewer: text redrawn 30 times a second reads the same, and what it costs is
// what made a busy cluster drop frames. When frames come late anyway (a slow laptop, a busy
// machine) the view slows down a little more, so the messages keep moving smoothly.

/** The view's interval while frames come on time: every other frame at 60 Hz (the margin absorbs jitter). */
export const VIEW_INTERVAL_MS = 25;
/** The view's interval for a while after a late frame: every third frame at 60 Hz. */
export const VIEW_INTERVAL_UNDER_LOAD_MS = 40;
/** A waiting view is shown after this long even when no newer frame comes. */
export const VIEW_WAITS_AT_MOST_MS = 50;
/** A gap between two drawn frames longer than this means a frame was missed (60 Hz: 16.7 ms). */
const LATE_GAP_MS = 25;
/** How long after a late frame the view keeps the longer interval. */
const CALM_MS = 1000;

export class ViewPacer {
  private shownAt = -Infinity;
  private slowUntil = -Infinity;
  private lastDrawnAt: number | null = null;

  /** Whether the view should take a frame arriving at wall time `now` while playing. */
  due(now: number): boolean {
    const interval = now < this.slowUntil ? VIEW_INTERVAL_UNDER_LOAD_MS : VIEW_INTERVAL_MS;
    return now - this.shownAt >= interval;
  }

  /** The view took a frame at `now`. */
  shown(now: number): void {
    this.shownAt = now;
  }

  /** A frame was drawn at `now` while playing. */
  drawn(now: number): void {
    if (this.lastDrawnAt !== null && now - this.lastDrawnAt > LATE_GAP_MS) this.slowUntil = now + CALM_MS;
    this.lastDrawnAt = now;
  }

  /** Playing stopped: the gap until it starts again is not a late frame. */
  stopped(): void {
    this.lastDrawnAt = null;
  }
}
