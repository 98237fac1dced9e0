// How the store talks to the simulation: a real module Worker in the browser, or the
// same EngineHost in-process (for component tests, where jsdom has no Worker).

import { EngineHost, type WallClock } from '../worker/engine-host';
import type { FromWorker, ToWorker } from '../worker/protocol';

export interface EnginePort {
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** The worker died (a script error it did not catch). */
  onCrash(listener: (message: string) => void): void;
  terminate(): void;
}

export function createWorkerPort(): EnginePort {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (e: MessageEvent<FromWorker>) => listener(e.data)),
    onCrash: (listener) =>
      worker.addEventListener('error', (e: ErrorEvent) => {
        e.preventDefault();
        listener(e.message || 'the simulation worker stopped');
      }),
    terminate: () => worker.terminate(),
  };
}

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
