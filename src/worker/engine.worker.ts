// The Web Worker shell: everything it does is in EngineHost; this file only wires the messages.

import { EngineHost } from './engine-host';
import { transferList, type ToWorker } from './protocol';

// The frame's trace buffer is handed over, not copied; the worker never reads it again.
const host = new EngineHost((message) => self.postMessage(message, { transfer: transferList(message) }), {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
});

self.addEventListener('message', (event: MessageEvent<ToWorker>) => host.receive(event.data));
