// How the exploration store talks to its worker: a real module Worker in the browser, a fake in tests.

import type { FromExploreWorker, ToExploreWorker } from '../../worker/protocol';

export interface ExplorePort {
  send(message: ToExploreWorker): void;
  onMessage(listener: (message: FromExploreWorker) => void): void;
  /** The worker failed to load or died (out of memory, a script error). */
  onCrash(listener: (message: string) => void): void;
  terminate(): void;
}

export function createExploreWorkerPort(): ExplorePort {
  const worker = new Worker(new URL('../../worker/explore.worker.ts', import.meta.url), { type: 'module' });
  return {
    send: (message) => worker.postMessage(message),
    onMessage: (listener) =>
      worker.addEventListener('message', (e: MessageEvent<FromExploreWorker>) => listener(e.data)),
    onCrash: (listener) =>
      worker.addEventListener('error', (e: ErrorEvent) => {
        e.preventDefault();
        listener(e.message || 'the exploration worker stopped');
      }),
    terminate: () => worker.terminate(),
  };
}
