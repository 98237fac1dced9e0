// A wall clock a test moves by hand, for driving an EngineHost: `every` ticks only when the test advances it.

import type { WallClock } from '../engine-host';

export function manualClock() {
  let now = 0;
  const ticks = new Set<() => void>();
  const clock: WallClock = {
    now: () => now,
    every: (_ms, tick) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  };
  return {
    clock,
    /** Moves the clock on by `ms` and runs every timer once. */
    advance(ms: number) {
      now += ms;
      for (const tick of [...ticks]) tick();
    },
    get ticking() {
      return ticks.size > 0;
    },
  };
}
