// Notices a simulation worker that died, crashed or got stuck: it pings the worker every
// PING_EVERY_MS, and a ping left unanswered for SILENT_AFTER_MS means the worker is gone. A main
// thread that was itself blocked (its timer came late) gives the worker another chance.
//
// Until its first answer the worker is still starting (its script is fetched and compiled, which on
// a busy lab PC can take seconds): it gets STARTING_SILENT_AFTER_MS. A script that fails to load
// raises an error event, which the engine port reports at once; this limit is for one that hangs.

export const PING_EVERY_MS = 250;
export const SILENT_AFTER_MS = 1000;
export const STARTING_SILENT_AFTER_MS = 10_000;

export interface WatchdogClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

/** Starts watching; returns `answered` (call on every pong) and `stop`. */
export function watchWorker(
  ping: (id: number) => void,
  onSilent: () => void,
  clock: WatchdogClock,
): { answered(id: number): void; stop(): void } {
  let nextId = 0;
  let waiting: { id: number; sentAt: number } | null = null;
  let lastTick = clock.now();
  let started = false;
  const stop = clock.every(PING_EVERY_MS, () => {
    const now = clock.now();
    const lateTick = now - lastTick > SILENT_AFTER_MS;
    lastTick = now;
    const limit = started ? SILENT_AFTER_MS : STARTING_SILENT_AFTER_MS;
    if (waiting && !lateTick && now - waiting.sentAt > limit) {
      stop();
      onSilent();
      return;
    }
    if (waiting && !lateTick) return;
    waiting = { id: ++nextId, sentAt: now };
    ping(waiting.id);
  });
  return {
    answered(id) {
      if (waiting?.id !== id) return;
      waiting = null;
      started = true;
    },
    stop,
  };
}
