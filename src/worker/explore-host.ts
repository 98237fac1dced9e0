// The exploration worker's logic, apart from its shell so tests can run it in-process: one request,
// the bounded model checker (src/check/explore) on it, progress while it runs, then the result.
// Cancelling is terminating the worker: the search is one synchronous loop and reads no messages.

import { explore } from '../check/explore/explore';
import type { FromExploreWorker, ToExploreWorker } from './protocol';

export function runExploration(
  request: ToExploreWorker,
  post: (message: FromExploreWorker) => void,
  now: () => number,
): void {
  const began = now();
  const perSecond = (states: number): number => Math.round(states / Math.max((now() - began) / 1000, 1e-3));
  try {
    const result = explore(request.scenario, request.at, request.bounds, {
      onProgress: ({ states, depth }) =>
        post({ type: 'exploreProgress', states, depth, statesPerSecond: perSecond(states) }),
    });
    post({ type: 'exploreDone', result, statesPerSecond: perSecond(result.states) });
  } catch (e) {
    post({ type: 'exploreFailed', message: e instanceof Error ? e.message : String(e) });
  }
}
