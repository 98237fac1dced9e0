// Notices a simulation worker that died, crashed or got stuck: it pings the worker every
// PING_EVERY_MS, and a ping left unanswered for SILENT_AFTER_MS means the worker is gone. A main
// thread that was itself blocked (its timer came late) gives the worker another chance.

export const PING_EVERY_MS = 250;
export const SILENT_AFTER_MS = 1000;

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
  const stop = clock.every(PING_EVERY_MS, () => {
    const now = clock.now();
    const lateTick = now - lastTick > SILENT_AFTER_MS;
    lastTick = now;
    if (waiting && !lateTick && now - waiting.sentAt > SILENT_AFTER_MS) {
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
      if (waiting?.id === id) waiting = null;
    },
    stop,
  };
}
