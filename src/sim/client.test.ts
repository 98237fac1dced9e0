// The simulated client (§8 of the paper): only the leader serves commands, followers
// redirect, silent nodes are retried elsewhere, and a malformed command never enters a log.

import { describe, expect, it } from 'vitest';
import type { ClientRequestRecord } from './types';
import { clientEvents, CRASH_AND_PARTITION, currentLeader, nodeOf, simulation } from './test-helpers';

function settled(seed = 4) {
  const sim = simulation({ version: 1, nodes: 5, seed });
  sim.runUntil(1000);
  const leader = currentLeader(sim)!;
  expect(leader).toBeDefined();
  const followers = sim.nodeIds.filter((id) => id !== leader.id);
  return { sim, leader, followers };
}

describe('client', () => {
  it('a command sent to a follower is redirected to the leader and ends committed on every live node', () => {
    const { sim, leader, followers } = settled();
    sim.perform({ at: 0, do: 'submit', command: 'set k v', node: followers[0]! });
    sim.runUntil(2000);
    expect(clientEvents(sim, 'redirected')).toEqual([
      { type: 'redirected', requestId: 1, by: followers[0], to: leader.id },
    ]);
    expect(clientEvents(sim, 'succeeded')).toEqual([{ type: 'succeeded', requestId: 1, result: 'v', by: leader.id }]);
    for (const n of sim.snapshot().nodes) {
      expect(n.kv).toEqual({ k: 'v' });
      expect(n.log.filter((e) => e.command === 'set k v')).toHaveLength(1);
    }
    expect(sim.snapshot().requests[0]).toMatchObject({ status: 'succeeded', result: 'v' });
  });

  it('a command sent to a dead node times out and is retried on another node', () => {
    const { sim, followers } = settled();
    const dead = followers[0]!;
    sim.perform({ at: 0, do: 'kill', node: dead });
    sim.perform({ at: 0, do: 'submit', command: 'set k 1', node: dead });
    sim.runUntil(3000);
    expect(clientEvents(sim, 'timedOut')[0]).toMatchObject({ requestId: 1, node: dead });
    const retries = clientEvents(sim, 'retried');
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]!.to).not.toBe(dead);
    expect(sim.snapshot().requests[0]!.status).toBe('succeeded');
    for (const id of sim.nodeIds.filter((n) => n !== dead)) expect(nodeOf(sim, id).kv).toEqual({ k: '1' });
  });

  it('an invalid command is refused with a message and reaches no log', () => {
    const { sim } = settled();
    const logs = sim.snapshot().nodes.map((n) => n.log);
    sim.perform({ at: 0, do: 'submit', command: 'frobnicate k' });
    sim.runUntil(2000);
    const refused = clientEvents(sim, 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatch(/unknown operation "frobnicate"/);
    expect(sim.snapshot().requests[0]).toMatchObject({ status: 'refused' });
    expect(sim.snapshot().nodes.map((n) => n.log)).toEqual(logs);
    // It was never even sent.
    expect(sim.trace.some((t) => t.kind === 'sent' && t.message.payload.type === 'ClientRequest')).toBe(false);
  });

  it('never changes a request again once it is settled, whatever answers and timers come late', () => {
    // The checkpoints and the worker's requests sender rely on this: a settled record is kept as it is.
    const sim = simulation({
      version: 1,
      nodes: 5,
      seed: 7,
      timing: { latency: [5, 200], clientTimeout: 150, clientDeadline: 600 },
      network: { dropRate: 0.2, duplicateRate: 0.3, reorder: true },
      actions: [
        ...Array.from({ length: 40 }, (_, k) => ({
          at: 500 + k * 120,
          do: 'submit' as const,
          command: k % 9 === 4 ? 'frobnicate' : `set k${k % 3} ${k}`,
        })),
        ...CRASH_AND_PARTITION,
      ],
    });
    const seen = new Map<Readonly<ClientRequestRecord>, ClientRequestRecord>();
    const statuses = new Set<string>();
    for (let t = 0; t <= 9000; t += 5) {
      sim.runUntil(t);
      const requests = sim.recentRequests();
      expect(requests.length).toBeLessThan(50); // all of them in view
      for (const r of requests) {
        const kept = seen.get(r);
        if (kept !== undefined) expect(r).toEqual(kept);
        else if (r.status !== 'pending') seen.set(r, { ...r });
      }
    }
    for (const r of sim.recentRequests()) statuses.add(r.status);
    // Every way to settle happened (with the client's `pending` check gone, late answers rewrite some).
    expect([...statuses].sort()).toEqual(['failed', 'refused', 'succeeded']);
    expect(seen.size).toBe(40);
  });

  it('keeps going to a leader that refuses a change for now: the other requests are not sent round the followers', () => {
    // Single-server changes wait until the leader has committed an entry of its term (the 2015
    // correction); without leaderNoop a new leader has not, so it refuses the change and asks to be
    // retried. It still leads: a command submitted meanwhile must go straight to it.
    for (const seed of [2, 4, 9]) {
      const { sim, leader } = settled(seed);
      const follower = sim.nodeIds.find((id) => id !== leader.id)!;
      sim.perform({ at: 0, do: 'change', add: [], remove: [follower] });
      sim.runUntil(sim.now + 80);
      const refused = sim.trace.filter((t) => t.kind === 'node' && t.event.type === 'changeRefused');
      expect(refused.map((t) => (t.kind === 'node' ? t.event : null))).toEqual([
        expect.objectContaining({ reason: 'term-not-committed' }),
      ]);
      // The client records the leader's deferral as such, not as a redirect by a node that knows no leader.
      expect(clientEvents(sim, 'deferred')).toEqual([
        { type: 'deferred', requestId: 1, by: leader.id, reason: 'term-not-committed' },
      ]);
      expect(clientEvents(sim, 'redirected').filter((e) => e.to === e.by || e.by === leader.id)).toEqual([]);
      sim.perform({ at: 0, do: 'submit', command: 'set k v' });
      sim.runUntil(sim.now + 2000);
      const writeId = sim.snapshot().requests.find((r) => r.command === 'set k v')!.id;
      const sentTo = sim.trace.flatMap((t) =>
        t.kind === 'sent' && t.message.payload.type === 'ClientRequest' && t.message.payload.requestId === writeId
          ? [t.message.to]
          : [],
      );
      expect(sentTo).toEqual([leader.id]);
      // Both end well: the write commits an entry of the leader's term, and then the change passes.
      expect(sim.snapshot().requests.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    }
  });
});
