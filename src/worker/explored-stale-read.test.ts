// A stale read the explorer finds (unsafe.localReads) is one the History tab names too: its
// counterexample scenario, played as the app plays an opened link, gives a history the panel's
// linearizability verdict rejects, with the read and the write it missed. And the branch the app
// opens from "Explore all orders from here" is that same run: the path a little apart in time (not
// at one instant, where the write and the read would look concurrent and the read would pass).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BOUNDS } from '../check/explore/bounds';
import { explore } from '../check/explore/explore';
import { scenarioSchema } from '../scenario/schema';
import { History } from '../sim/history';
import { HAND_DRIVEN_TIMING } from '../sim/test-helpers';
import { createInProcessPort } from '../store/engine-port';
import { startEngine, useSimStore } from '../store/sim-store';
import { useExploreStore } from '../ui/explore/explore-store';
import { inProcessExplorer } from '../ui/test/in-process-explorer';
import { ClientHistoryTracker } from './client-history';

const scenario = scenarioSchema.parse({
  version: 1,
  nodes: 3,
  timing: HAND_DRIVEN_TIMING,
  unsafe: { localReads: true },
  actions: [{ at: 0, do: 'timeout', node: 'A' }],
});
const bounds = { ...DEFAULT_BOUNDS, maxTerm: 1, maxLog: 1, writes: 1, reads: 1, heartbeats: 0, depth: 8 };

afterEach(() => {
  useExploreStore.setState({ phase: { kind: 'idle' } });
});

describe('an explored stale read in the History tab', { timeout: 120_000 }, () => {
  it('is not linearizable, and names the read and the write it missed', () => {
    const found = explore(scenario, 100, bounds).counterexample;
    expect(found?.violation.invariant).toBe('Linearizability');
    expect(found?.spreadOut).toBe(true);

    const h = new History(found!.scenario);
    h.runUntil(found!.violation.time);
    const [x] = new ClientHistoryTracker().view(h).keys;
    expect(x?.outcome).toBe('notLinearizable');
    if (x?.outcome !== 'notLinearizable') return;
    expect(x.stale?.kind).toBe('overwritten');
  });

  it('opened in the app, is the explorer’s own replay: flagged in the History tab, one Step per choice', async () => {
    inProcessExplorer();
    startEngine(() => createInProcessPort({ now: () => 0, every: () => () => undefined }));
    useSimStore.getState().load(scenario, 100);
    await vi.waitFor(() => expect(useSimStore.getState().snapshot?.time).toBe(100));
    const startStep = useSimStore.getState().snapshot!.step;

    await useExploreStore.getState().start(bounds);
    await vi.waitFor(() => expect(useExploreStore.getState().phase.kind).toBe('found'), { timeout: 60_000 });
    // What the explorer found from there (the phase keeps only its summary): the CLI's counterexample.
    const found = explore(scenario, 100, bounds).counterexample;
    if (found === null) throw new Error('no counterexample');

    // The History tab's verdict on the opened branch: the read missed the write.
    useSimStore.getState().requestClientHistory();
    await vi.waitFor(() => expect(useSimStore.getState().clientHistory).not.toBeNull());
    const [x] = useSimStore.getState().clientHistory!.keys;
    expect(x?.outcome).toBe('notLinearizable');
    if (x?.outcome === 'notLinearizable') expect(x.stale?.kind).toBe('overwritten');

    // The branch the app opened has the counterexample's actions at the counterexample's instants.
    const opened = await useSimStore.getState().exportScenario();
    expect(opened.scenario.actions).toEqual(found.scenario.actions);
    const pathActions = found.scenario.actions.slice(-found.path.length);
    const pathTimes = pathActions.map((a) => a.at);
    expect(new Set(pathTimes).size).toBe(pathTimes.length);

    // The class stands at the start of the path; each Step takes one choice, at its own instant.
    await vi.waitFor(() => expect(useSimStore.getState().snapshot?.step).toBe(startStep));
    for (let i = 1; i <= found.path.length; i++) {
      useSimStore.getState().step();
      await vi.waitFor(() => expect(useSimStore.getState().snapshot?.step).toBe(startStep + i));
      expect(useSimStore.getState().snapshot!.time).toBe(pathTimes[i - 1]);
      // The feed narrates the choice: its newest record is this step's.
      expect(useSimStore.getState().feed.at(-1)?.time).toBe(pathTimes[i - 1]);
    }

    // The space-time diagram draws each delivery of the path where it happened.
    const to = found.violation.time + 1;
    useSimStore.getState().requestSpaceTime(100, to);
    await vi.waitFor(() => expect(useSimStore.getState().spaceTime?.to).toBe(to));
    const endedAt = new Map(useSimStore.getState().spaceTime!.messages.map((m) => [m.id, m.endedAt]));
    const deliveries = pathActions.filter((a) => a.do === 'deliver');
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) expect(endedAt.get(d.message)).toBe(d.at);
  });
});
