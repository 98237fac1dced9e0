// The exploration worker's shell: everything it does is in explore-host.ts; this file only wires the messages.

import { runExploration } from './explore-host';
import type { ToExploreWorker } from './protocol';

self.addEventListener('message', (event: MessageEvent<ToExploreWorker>) =>
  runExploration(
    event.data,
    (message) => self.postMessage(message),
    () => performance.now(),
  ),
);
