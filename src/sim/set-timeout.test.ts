// The class sets when a node's election timer fires (`setTimeout`): §5.2's randomized timeout
// chosen by hand, so two followers can be made to time out together and split the vote.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate';
import { malformedAction } from './action-check';
import { HAND_DRIVEN_TIMING, nodeOf, raftEvents, simulation } from './test-helpers';

describe('setTimeout: a node’s next election timeout, set by hand', () => {
  it('re-arms the running election timer to fire the given ms from now', () => {
    const sim = simulation({ version: 1, nodes: 3, seed: 2, timing: HAND_DRIVEN_TIMING });
    sim.runUntil(100);
    expect(nodeOf(sim, 'B').electionTimer!.deadline).toBeGreaterThanOrEqual(50_000);

    expect(sim.perform({ at: 100, do: 'setTimeout', node: 'B', ms: 40 })).toBeUndefined();

    expect(nodeOf(sim, 'B').electionTimer).toEqual({ armedAt: 100, deadline: 140 });
    sim.runUntil(139);
    expect(nodeOf(sim, 'B').role).toBe('follower');
    sim.runUntil(141);
    expect(nodeOf(sim, 'B').role).toBe('candidate');
    expect(nodeOf(sim, 'B').currentTerm).toBe(1);
  });

  it('three followers timed out together in a four-node cluster split the vote (§5.2)', () => {
    const sim = simulation({
      version: 1,
      nodes: 4,
      seed: 3,
      timing: { ...HAND_DRIVEN_TIMING, latency: [10, 10] },
    });
    sim.runUntil(10);
    sim.perform({ at: 10, do: 'setTimeout', node: 'A', ms: 5 });
    sim.perform({ at: 10, do: 'setTimeout', node: 'B', ms: 5 });
    sim.perform({ at: 10, do: 'setTimeout', node: 'C', ms: 5 });
    sim.runUntil(200);
    // Each voted for itself; D's one vote gives one of them 2 of 4: no majority (3) in term 1.
    expect(raftEvents(sim, 'roleChanged').filter((e) => e.event.to === 'leader')).toEqual([]);
    expect(['A', 'B', 'C'].map((id) => nodeOf(sim, id).role)).toEqual(['candidate', 'candidate', 'candidate']);
  });

  it('the overridden timer is replaced, not added: the old deadline fires nothing', () => {
    const sim = simulation({ version: 1, nodes: 3, seed: 2, timing: { electionTimeout: [300, 300] } });
    sim.runUntil(10);
    sim.perform({ at: 10, do: 'setTimeout', node: 'A', ms: 5_000 });
    sim.perform({ at: 10, do: 'setTimeout', node: 'B', ms: 5_000 });
    sim.perform({ at: 10, do: 'setTimeout', node: 'C', ms: 5_000 });
    sim.runUntil(4_000);
    expect(raftEvents(sim, 'electionStarted')).toEqual([]);
    expect(['A', 'B', 'C'].map((id) => nodeOf(sim, id).currentTerm)).toEqual([0, 0, 0]);
  });

  it('is refused for a node that is down, and for a leader, which runs no election timer', () => {
    const sim = simulation({ version: 1, nodes: 3, seed: 2, timing: HAND_DRIVEN_TIMING });
    sim.runUntil(10);
    sim.perform({ at: 10, do: 'kill', node: 'C' });
    expect(sim.perform({ at: 10, do: 'setTimeout', node: 'C', ms: 5 })).toEqual({ code: 'node-down', node: 'C' });
    sim.perform({ at: 10, do: 'timeout', node: 'A' });
    sim.runUntil(500);
    expect(nodeOf(sim, 'A').role).toBe('leader');
    expect(sim.perform({ at: 500, do: 'setTimeout', node: 'A', ms: 5 })).toEqual({
      code: 'no-election-timer',
      node: 'A',
    });
  });

  it('replays the same from a scenario file as when taken live', () => {
    const scripted = simulation({
      version: 1,
      nodes: 3,
      seed: 9,
      timing: HAND_DRIVEN_TIMING,
      actions: [{ at: 50, do: 'setTimeout', node: 'B', ms: 20 }],
    });
    scripted.runUntil(300);
    expect(nodeOf(scripted, 'B').currentTerm).toBe(1);
    expect(
      raftEvents(scripted, 'roleChanged')
        .filter((e) => e.event.to === 'leader')
        .map((e) => e.node),
    ).toEqual(['B']);
  });

  it('a malformed one is refused with the field named, at the edge and live', () => {
    const bad = validateScenario({ version: 1, nodes: 3, actions: [{ at: 0, do: 'setTimeout', node: 'B', ms: -1 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join('\n')).toMatch(/actions\[0\]\.ms/);
    expect(malformedAction({ do: 'setTimeout', node: 'B', ms: Number.NaN } as never)).toMatch(/^ms:/);
    expect(malformedAction({ do: 'setTimeout', node: 'Z', ms: 5 } as never)).toMatch(/^node:/);
    expect(malformedAction({ do: 'setTimeout', node: 'B', ms: 5 } as never)).toBeUndefined();
  });
});
