// The Web Worker shell: everything it does is in EngineHost; this file only wires the messages.

import { EngineHost } from './engine-host';
import type { ToWorker } from './protocol';

const host = new EngineHost((message) => self.postMessage(message), {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
});

self.addEventListener('message', (event: MessageEvent<ToWorker>) => host.receive(event.data));
