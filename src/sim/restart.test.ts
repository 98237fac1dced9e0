// Figure 2: currentTerm, votedFor and log[] are persistent (updated on stable storage
// before responding); commitIndex, lastApplied, the role and the state machine are
// volatile and rebuilt after a restart by re-applying the committed log.

import { describe, expect, it } from 'vitest';
import { currentLeader, nodeOf, raftEvents, simulation } from './test-helpers';

function committedCluster() {
  const sim = simulation({
    version: 1,
    nodes: 3,
    seed: 11,
    actions: [
      { at: 800, do: 'submit', command: 'set x 1' },
      { at: 850, do: 'submit', command: 'set y 2' },
    ],
  });
  sim.runUntil(1500);
  const leader = currentLeader(sim)!;
  expect(leader).toBeDefined();
  for (const n of sim.snapshot().nodes) expect(n.kv).toEqual({ x: '1', y: '2' });
  return { sim, leader };
}

describe('crash and restart', () => {
  it('a restarted node keeps currentTerm, votedFor and its log, and loses commitIndex, lastApplied and its state machine', () => {
    const { sim, leader } = committedCluster();
    const id = sim.nodeIds.find((n) => n !== leader.id)!;
    const before = nodeOf(sim, id);
    expect(before.commitIndex).toBeGreaterThan(0);
    sim.perform({ at: 0, do: 'kill', node: id });
    sim.perform({ at: 0, do: 'restart', node: id });
    const after = nodeOf(sim, id);
    expect(after.alive).toBe(true);
    expect(after.currentTerm).toBe(before.currentTerm);
    expect(after.votedFor).toBe(before.votedFor);
    expect(after.log).toEqual(before.log);
    expect(after.role).toBe('follower');
    expect(after.commitIndex).toBe(0);
    expect(after.lastApplied).toBe(0);
    expect(after.kv).toEqual({});
  });

  it('the leader hears of the commitIndex again and the restarted node rebuilds its state by re-applying', () => {
    const { sim, leader } = committedCluster();
    const id = sim.nodeIds.find((n) => n !== leader.id)!;
    const committed = nodeOf(sim, id).commitIndex;
    sim.perform({ at: 0, do: 'kill', node: id });
    sim.runUntil(sim.now + 200);
    sim.perform({ at: 0, do: 'restart', node: id });
    const restartedAt = sim.now;
    sim.runUntil(sim.now + 500);
    const after = nodeOf(sim, id);
    expect(after.commitIndex).toBe(committed);
    expect(after.kv).toEqual({ x: '1', y: '2' });
    const reapplied = raftEvents(sim, 'entryApplied', id).filter((a) => a.time >= restartedAt);
    expect(reapplied.map((a) => a.event.index)).toEqual(Array.from({ length: committed }, (_, i) => i + 1));
    expect(sim.violations).toEqual([]);
  });

  it('a restarted leader comes back as a follower and keeps its term', () => {
    const { sim, leader } = committedCluster();
    sim.perform({ at: 0, do: 'kill', node: leader.id });
    sim.perform({ at: 0, do: 'restart', node: leader.id });
    const after = nodeOf(sim, leader.id);
    expect(after.role).toBe('follower');
    expect(after.currentTerm).toBe(leader.currentTerm);
    expect(after.votedFor).toBe(leader.id);
    expect(after.heartbeatTimer).toBe(null);
    expect(after.electionTimer).not.toBe(null);
  });

  it('messages sent to a dead node are dropped', () => {
    const { sim, leader } = committedCluster();
    const id = sim.nodeIds.find((n) => n !== leader.id)!;
    sim.perform({ at: 0, do: 'kill', node: id });
    const killedAt = sim.now;
    sim.runUntil(sim.now + 300);
    const toDead = sim.trace.filter(
      (t) => t.time > killedAt && (t.kind === 'delivered' || t.kind === 'dropped') && t.message.to === id,
    );
    // Heartbeats kept coming every 50 ms; every one of them was dropped.
    expect(toDead.length).toBeGreaterThan(3);
    for (const t of toDead) expect(t.kind === 'dropped' && t.reason).toBe('receiver-dead');
    const dead = nodeOf(sim, id);
    expect(dead.alive).toBe(false);
    expect(dead.electionTimer).toBe(null);
  });

  it('actions on a dead node, or a restart of a live one, leave an error in the trace and change nothing', () => {
    const { sim, leader } = committedCluster();
    const id = sim.nodeIds.find((n) => n !== leader.id)!;
    expect(sim.perform({ at: 0, do: 'restart', node: id })).toEqual({ code: 'already-running', node: id });
    sim.perform({ at: 0, do: 'kill', node: id });
    const dead = nodeOf(sim, id);
    const errors = [
      sim.perform({ at: 0, do: 'timeout', node: id }),
      sim.perform({ at: 0, do: 'kill', node: id }),
      sim.perform({ at: 0, do: 'timeout', node: 'F' }),
    ];
    expect(errors).toEqual([
      { code: 'node-down', node: id },
      { code: 'already-down', node: id },
      { code: 'unknown-node', node: 'F', clusterSize: 3 },
    ]);
    const recorded = sim.trace.filter((t) => t.kind === 'action' && t.error !== undefined);
    expect(recorded.map((t) => t.kind === 'action' && t.error)).toEqual([
      expect.any(String),
      `${id} is down: restart it first`,
      `${id} is already down`,
      'no node "F" in a 3-node cluster',
    ]);
    expect(nodeOf(sim, id)).toEqual(dead);
  });
});
