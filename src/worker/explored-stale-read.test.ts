// A stale read the explorer finds (unsafe.localReads) is one the History tab names too: its
// counterexample scenario, played as the app plays an opened link, gives a history the panel's
// linearizability verdict rejects, with the read and the write it missed.

import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS } from '../check/explore/bounds';
import { explore } from '../check/explore/explore';
import { scenarioSchema } from '../scenario/schema';
import { History } from '../sim/history';
import { HAND_DRIVEN_TIMING } from '../sim/test-helpers';
import { ClientHistoryTracker } from './client-history';

describe('an explored stale read in the History tab', { timeout: 120_000 }, () => {
  it('is not linearizable, and names the read and the write it missed', () => {
    const scenario = scenarioSchema.parse({
      version: 1,
      nodes: 3,
      timing: HAND_DRIVEN_TIMING,
      unsafe: { localReads: true },
      actions: [{ at: 0, do: 'timeout', node: 'A' }],
    });
    const bounds = { ...DEFAULT_BOUNDS, maxTerm: 1, maxLog: 1, writes: 1, reads: 1, heartbeats: 0, depth: 8 };
    const found = explore(scenario, 100, bounds).counterexample;
    expect(found?.violation.invariant).toBe('Linearizability');

    const h = new History(found!.scenario);
    h.runUntil(found!.violation.time);
    const [x] = new ClientHistoryTracker().view(h).keys;
    expect(x?.outcome).toBe('notLinearizable');
    if (x?.outcome !== 'notLinearizable') return;
    expect(x.stale?.kind).toBe('overwritten');
  });
});
