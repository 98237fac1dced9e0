// A valid lesson file with every kind of action, read once by the import worker as soon as it starts
// (the authoring panel opens it ahead of any file). The first pass over a schema runs unoptimised code;
// doing it while the teacher is still choosing a file makes the real import run warm.

import type { Action, ActionKind } from '../../scenario/schema';
import { LESSON_FILE_FORMAT } from './draft';

/** One valid action of each kind (a new kind fails to compile until it has a sample here). */
const SAMPLES: { readonly [K in ActionKind]: Omit<Extract<Action, { do: K }>, 'at' | 'afterStep'> } = {
  kill: { do: 'kill', node: 'A' },
  restart: { do: 'restart', node: 'A' },
  isolate: { do: 'isolate', node: 'B' },
  restore: { do: 'restore', node: 'B' },
  timeout: { do: 'timeout', node: 'C' },
  heartbeat: { do: 'heartbeat', node: 'C' },
  partition: { do: 'partition', groups: [['A', 'B'], ['C']] },
  heal: { do: 'heal' },
  submit: { do: 'submit', command: 'set x 1', node: 'A' },
  cut: { do: 'cut', from: 'A', to: 'B', oneWay: true },
  mend: { do: 'mend', from: 'A', to: 'B', oneWay: false },
  network: { do: 'network', dropRate: 0.1, duplicateRate: 0, reorder: false, latency: [10, 20] },
  setOptions: { do: 'setOptions', options: { preVote: true }, unsafe: { localReads: false } },
  drop: { do: 'drop', message: 1 },
  deliver: { do: 'deliver', message: 2 },
  duplicate: { do: 'duplicate', message: 3 },
  setTimeout: { do: 'setTimeout', node: 'B', ms: 150 },
  snapshot: { do: 'snapshot', node: 'A' },
  change: { do: 'change', add: ['D'], remove: ['C'] },
  transfer: { do: 'transfer', to: 'B' },
  clock: { do: 'clock', node: 'A', rate: 1.5 },
};

/** Enough actions for the engine's optimising compiler to take the validator's loops (a few ms warm). */
export const WARM_UP_ACTIONS = 2000;

export function warmUpFile(count = WARM_UP_ACTIONS): string {
  const kinds = Object.values(SAMPLES);
  const actions = Array.from({ length: count }, (_, i) => ({ at: i, ...kinds[i % kinds.length] }));
  return JSON.stringify({
    format: LESSON_FILE_FORMAT,
    version: 1,
    name: 'warm-up',
    beats: [{ at: 0, caption: { ko: '', en: '' } }],
    scenario: { version: 1, nodes: 4, members: ['A', 'B', 'C'], actions },
  });
}
