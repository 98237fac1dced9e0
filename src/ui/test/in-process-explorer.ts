// For tests: the exploration store's worker replaced by the real explorer run on this thread
// (jsdom has no Worker), answering asynchronously as the worker would, with a log of what it was told.

import { runExploration } from '../../worker/explore-host';
import type { FromExploreWorker, ToExploreWorker } from '../../worker/protocol';
import type { ExplorePort } from '../explore/explore-port';
import { setExplorePortFactory } from '../explore/explore-store';

export interface ExplorerLog {
  readonly sent: ToExploreWorker[];
  terminated: number;
  /** While true, requests are recorded and never answered (to test cancelling a running search). */
  hold: boolean;
}

export function inProcessExplorer(): ExplorerLog {
  const log: ExplorerLog = { sent: [], terminated: 0, hold: false };
  setExplorePortFactory((): ExplorePort => {
    const listeners: ((m: FromExploreWorker) => void)[] = [];
    let alive = true;
    return {
      send(message) {
        log.sent.push(message);
        if (log.hold) return;
        setTimeout(() =>
          runExploration(
            message,
            (m) => alive && listeners.forEach((l) => l(m)),
            () => performance.now(),
          ),
        );
      },
      onMessage: (listener) => listeners.push(listener),
      onCrash: () => undefined,
      terminate() {
        alive = false;
        log.terminated += 1;
      },
    };
  });
  return log;
}
