// The shared spread-out replay on a stand-in clock: each choice a little after the one before, at
// most 1 ms apart, never reaching the next event due on its own; stuck when one is due at once.

import { describe, expect, it } from 'vitest';
import { MAX_SPREAD_STEP, performSpread, type SpreadTarget } from './spread-path';

/** A clock with one event due at `due`; records when each action was performed. */
function clockWithEventAt(due: number | undefined, start = 100) {
  const performed: [string, number][] = [];
  let now = start;
  const target: SpreadTarget<string> = {
    get now() {
      return now;
    },
    nextEventTime: () => due,
    runUntil(time) {
      if (due !== undefined && time >= due) throw new Error(`ran past the event at ${due}`);
      now = time;
    },
    perform: (action) => performed.push([action, now]),
  };
  return { target, performed };
}

describe('performSpread', () => {
  it('with nothing due, performs the choices MAX_SPREAD_STEP apart', () => {
    const { target, performed } = clockWithEventAt(undefined);
    expect(performSpread(target, ['a', 'b', 'c'])).toEqual({ stuck: false });
    expect(performed).toEqual([
      ['a', 100 + MAX_SPREAD_STEP],
      ['b', 100 + 2 * MAX_SPREAD_STEP],
      ['c', 100 + 3 * MAX_SPREAD_STEP],
    ]);
  });

  it('shares the time before the next event among the choices, stopping short of it', () => {
    const { target, performed } = clockWithEventAt(102);
    expect(performSpread(target, ['a', 'b', 'c']).stuck).toBe(false);
    const times = performed.map(([, t]) => t);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(times).size).toBe(3);
    expect(times.every((t) => t > 100 && t < 102)).toBe(true);
  });

  it('is stuck, and performs in place, when an event is due at this very instant', () => {
    const { target, performed } = clockWithEventAt(100);
    expect(performSpread(target, ['a', 'b']).stuck).toBe(true);
    expect(performed).toEqual([
      ['a', 100],
      ['b', 100],
    ]);
  });
});
