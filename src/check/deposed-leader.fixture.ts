// A kept scenario shared by the read tests (check, worker, history panel): a deposed leader
// asked for a value after the new leader committed a newer one (thesis §6.4).

import type { ScenarioInput } from '../scenario/schema';

/**
 * A leads term 2 (a transfer hands it leadership at 600 ms), then is cut off at 1101 ms;
 * B and C elect a new leader, which commits "set x 2"; at 1700 ms the client asks A for x.
 */
export function deposedLeader(reads: 'log' | 'readIndex', localReads: boolean): ScenarioInput {
  return {
    version: 1,
    seed: 2,
    nodes: 3,
    options: { reads },
    unsafe: { localReads },
    actions: [
      { at: 600, do: 'transfer', to: 'A' },
      { at: 800, do: 'submit', command: 'set x 1' },
      { at: 1101, do: 'isolate', node: 'A' },
      { at: 1500, do: 'submit', command: 'set x 2', node: 'B' },
      { at: 1700, do: 'submit', command: 'get x', node: 'A' },
    ],
  };
}
