import { describe, expect, it } from 'vitest';
import { ViewPacer } from './view-pacer';

const FRAME = 1000 / 60;

/** Frames drawn every `gap` ms from `from`; returns the times the view took one. */
function play(pacer: ViewPacer, from: number, frames: number, gap = FRAME): number[] {
  const shown: number[] = [];
  for (let i = 0; i < frames; i++) {
    const now = from + i * gap;
    if (pacer.due(now)) {
      pacer.shown(now);
      shown.push(now);
    }
    pacer.drawn(now);
  }
  return shown;
}

describe('ViewPacer', () => {
  it('gives the view every other frame while frames come on time at 60 Hz', () => {
    const shown = play(new ViewPacer(), 0, 60);
    expect(shown).toHaveLength(30);
  });

  it('gives it every third frame for a while after a late frame, then every other again', () => {
    const pacer = new ViewPacer();
    play(pacer, 0, 10);
    // One frame comes two frames late; every frame after it is on time.
    const late = 10 * FRAME + FRAME;
    const shown = play(pacer, late, 120);
    const within = (from: number, to: number) => shown.filter((t) => t >= late + from && t < late + to).length;
    expect(within(0, 30 * FRAME)).toBe(10);
    // After a calm second the view is back to every other frame.
    expect(within(66 * FRAME, 96 * FRAME)).toBe(15);
  });

  it('does not take the pause between two plays for a late frame', () => {
    const pacer = new ViewPacer();
    play(pacer, 0, 10);
    pacer.stopped();
    expect(play(pacer, 5000, 30)).toHaveLength(15);
  });
});
