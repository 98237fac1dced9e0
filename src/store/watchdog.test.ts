import { describe, expect, it } from 'vitest';
import { PING_EVERY_MS, STARTING_SILENT_AFTER_MS, watchWorker } from './watchdog';

function fakeClock() {
  let now = 0;
  let tick: (() => void) | null = null;
  return {
    clock: {
      now: () => now,
      every: (_ms: number, t: () => void) => {
        tick = t;
        return () => {
          tick = null;
        };
      },
    },
    /** Move time on by `ms`, ticking at every interval as a live main thread would. */
    run(ms: number) {
      for (let t = 0; t < ms; t += PING_EVERY_MS) {
        now += PING_EVERY_MS;
        tick?.();
      }
    },
    /** The main thread was blocked for `ms`, then its timer fires once. */
    block(ms: number) {
      now += ms;
      tick?.();
    },
  };
}

describe('watchWorker', () => {
  it('stays quiet while the worker answers', () => {
    const c = fakeClock();
    let silent = false;
    const pings: number[] = [];
    const answering = watchWorker(
      (id) => {
        pings.push(id);
        answering.answered(id);
      },
      () => (silent = true),
      c.clock,
    );
    c.run(5000);
    expect(silent).toBe(false);
    expect(pings.length).toBeGreaterThan(10);
  });

  it('notices a worker that stopped answering within about a second, once', () => {
    const c = fakeClock();
    let silentAt = -1;
    let times = 0;
    let answering = true;
    const dog = watchWorker(
      (id) => {
        if (answering) dog.answered(id);
      },
      () => {
        silentAt = c.clock.now();
        times += 1;
      },
      c.clock,
    );
    c.run(2000);
    answering = false;
    const stoppedAt = c.clock.now();
    c.run(3000);
    expect(times).toBe(1);
    expect(silentAt - stoppedAt).toBeGreaterThan(1000);
    expect(silentAt - stoppedAt).toBeLessThanOrEqual(1500);
    dog.stop();
  });

  it('lets a worker that is still starting take several seconds to answer first', () => {
    const c = fakeClock();
    let silent = false;
    let ready = false;
    const dog = watchWorker(
      (id) => {
        if (ready) dog.answered(id);
      },
      () => (silent = true),
      c.clock,
    );
    c.run(4000);
    expect(silent).toBe(false);
    // Its script loaded after 4 s on a busy machine: the first ping, queued until then, is answered.
    ready = true;
    dog.answered(1);
    c.run(3000);
    expect(silent).toBe(false);
    dog.stop();
  });

  it('notices a worker that never answers at all, after the start-up allowance', () => {
    const c = fakeClock();
    let silentAt = -1;
    watchWorker(
      () => undefined,
      () => (silentAt = c.clock.now()),
      c.clock,
    );
    c.run(STARTING_SILENT_AFTER_MS - 500);
    expect(silentAt).toBe(-1);
    c.run(1000);
    expect(silentAt).toBeGreaterThan(STARTING_SILENT_AFTER_MS);
  });

  it('gives the worker another chance when the main thread itself was blocked', () => {
    const c = fakeClock();
    let silent = false;
    const dog = watchWorker(
      (id) => setTimeout(() => dog.answered(id), 0),
      () => (silent = true),
      c.clock,
    );
    c.run(250); // ping 1 sent
    c.block(2000); // its answer could not be read while the page was busy
    expect(silent).toBe(false);
  });
});
