// The browser's engine port: a real module Worker. Kept apart from engine-port.ts, whose in-process
// port (for tests) imports the engine itself, so the page's first chunk does not carry the engine.

import { transferToWorker, type FromWorker, type ToWorker } from '../worker/protocol';

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
    send: (message) => worker.postMessage(message, { transfer: transferToWorker(message) }),
    onMessage: (listener) => worker.addEventListener('message', (e: MessageEvent<FromWorker>) => listener(e.data)),
    onCrash: (listener) =>
      worker.addEventListener('error', (e: ErrorEvent) => {
        e.preventDefault();
        listener(e.message || 'the simulation worker stopped');
      }),
    terminate: () => worker.terminate(),
  };
}
