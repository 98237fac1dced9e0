// The exploration store against the real engine (in-process) and the real explorer (run in-process in
// place of its worker): a counterexample opens as a path the class steps through to the violation;
// a safe run says "no violation" with how the search ended; cancelling stops the worker.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../../check/explore/bounds';
import { cBackBehind as cBackInput } from '../../check/explore/c-back-behind.fixture';
import { validateScenario } from '../../scenario/validate';
import type { ScenarioInput } from '../../scenario/schema';
import { createInProcessPort } from '../../store/engine-port';
import { startEngine, useSimStore } from '../../store/sim-store';
import { inProcessExplorer } from '../test/in-process-explorer';
import { liveActionOf, useExploreStore } from './explore-store';

function cBackBehind(unsafe: ScenarioInput['unsafe'] = {}) {
  const result = validateScenario(cBackInput(unsafe));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const ELECTIONS_ONLY: ExploreBounds = { ...DEFAULT_BOUNDS, writes: 0, heartbeats: 0, maxTerm: 3, depth: 4 };

async function openAt(scenario: ReturnType<typeof cBackBehind>, at: number): Promise<void> {
  startEngine(() => createInProcessPort({ now: () => 0, every: () => () => undefined }));
  useSimStore.getState().load(scenario, at);
  await vi.waitFor(() => expect(useSimStore.getState().snapshot?.time).toBe(at));
}

afterEach(() => {
  useExploreStore.setState({ phase: { kind: 'idle' } });
});

describe('exploring from the current instant', () => {
  it('opens the counterexample in the engine: the class steps from the start instant to the violation', async () => {
    const log = inProcessExplorer();
    await openAt(cBackBehind({ noElectionRestriction: true }), 1000);
    const startStep = useSimStore.getState().snapshot!.step;

    await useExploreStore.getState().start(ELECTIONS_ONLY);
    expect(log.sent[0]).toMatchObject({ type: 'explore', at: 1000, bounds: ELECTIONS_ONLY });
    await vi.waitFor(() => expect(useExploreStore.getState().phase.kind).toBe('found'));
    const phase = useExploreStore.getState().phase;
    if (phase.kind !== 'found') throw new Error('no counterexample');
    expect(phase.violation.invariant).toBe('Leader Completeness');
    expect(phase.choices).toBe(4);
    expect(log.terminated).toBe(1);

    // The engine stands at the start of the path, in manual delivery, with no violation yet.
    await vi.waitFor(() => expect(useSimStore.getState().snapshot?.step).toBe(startStep));
    expect(useSimStore.getState().manual).toBe(true);
    expect(useSimStore.getState().snapshot!.violations).toEqual([]);
    // Four Steps replay the four choices; the last one breaks Leader Completeness.
    for (let i = 1; i <= 4; i++) {
      useSimStore.getState().step();
      await vi.waitFor(() => expect(useSimStore.getState().snapshot?.step).toBe(startStep + i));
    }
    expect(useSimStore.getState().snapshot!.violations.map((v) => v.invariant)).toContain('Leader Completeness');
    expect(useSimStore.getState().snapshot!.time).toBe(1000);
  });

  it('with the election restriction on, reports no violation and how far the search went', async () => {
    inProcessExplorer();
    await openAt(cBackBehind(), 1000);
    const endBefore = useSimStore.getState().history!.end;

    await useExploreStore.getState().start(ELECTIONS_ONLY);
    await vi.waitFor(() => expect(useExploreStore.getState().phase.kind).toBe('clear'));
    expect(useExploreStore.getState().phase).toMatchObject({ kind: 'clear', outcome: 'depth', depth: 4 });
    const phase = useExploreStore.getState().phase;
    expect(phase.kind === 'clear' && phase.states > 100).toBe(true);
    // Nothing was done to the run.
    expect(useSimStore.getState().history!.end).toEqual(endBefore);
    expect(useSimStore.getState().manual).toBe(false);
  });

  it('cancel terminates the worker, and a late answer changes nothing', async () => {
    const log = inProcessExplorer();
    log.hold = true;
    await openAt(cBackBehind({ noElectionRestriction: true }), 1000);
    await useExploreStore.getState().start(ELECTIONS_ONLY);
    expect(useExploreStore.getState().phase).toMatchObject({ kind: 'running', at: 1000 });

    useExploreStore.getState().cancel();
    expect(log.terminated).toBe(1);
    expect(useExploreStore.getState().phase.kind).toBe('cancelled');
  });

  it('refuses a cluster of more than five nodes', async () => {
    const log = inProcessExplorer();
    const six = validateScenario({ version: 1, nodes: 6, seed: 1 });
    if (!six.ok) throw new Error('bad scenario');
    await openAt(six.scenario, 0);
    await useExploreStore.getState().start(ELECTIONS_ONLY);
    expect(useExploreStore.getState().phase).toEqual({ kind: 'tooBig', nodes: 6 });
    expect(log.sent).toEqual([]);
  });
});

describe('liveActionOf', () => {
  it('drops the recorded instant: the engine performs the action now', () => {
    expect(liveActionOf({ at: 1000, afterStep: 12, do: 'deliver', message: 7 })).toEqual({
      do: 'deliver',
      message: 7,
    });
  });
});
