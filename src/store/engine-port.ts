// How the store talks to the simulation: a real module Worker in the browser, or the
// same EngineHost in-process (for component tests, where jsdom has no Worker).

import { EngineHost, type WallClock } from '../worker/engine-host';
import type { FromWorker } from '../worker/protocol';
import type { EnginePort } from './worker-port';

export type { EnginePort } from './worker-port';
export { createWorkerPort } from './worker-port';

/** Runs the engine on this thread, with a clock the caller may drive by hand. */
export function createInProcessPort(clock: WallClock): EnginePort {
  const listeners: ((message: FromWorker) => void)[] = [];
  const host = new EngineHost((message) => {
    // Deliver asynchronously, as a worker would.
    queueMicrotask(() => listeners.forEach((l) => l(message)));
  }, clock);
  return {
    send: (message) => host.receive(message),
    onMessage: (listener) => listeners.push(listener),
    onCrash: () => undefined,
    terminate: () => host.receive({ type: 'pause' }),
  };
}
