// A kept scenario shared by the explorer's tests (core, CLI, the app's exploration store): the
// shortest way to break the election restriction (§5.4.1) starts here.

import type { ScenarioInput } from '../../scenario/schema';

/**
 * A, B and C elect a leader and commit "set x 1" while C is down; C comes back at 1000 ms with an
 * empty log and term 0, while A and B hold the committed entry 1 in term 1.
 */
export function cBackBehind(unsafe: ScenarioInput['unsafe'] = {}): ScenarioInput {
  return {
    version: 1,
    nodes: 3,
    seed: 1,
    unsafe,
    actions: [
      { at: 0, do: 'kill', node: 'C' },
      { at: 400, do: 'submit', command: 'set x 1' },
      { at: 1000, do: 'restart', node: 'C' },
    ],
  };
}
