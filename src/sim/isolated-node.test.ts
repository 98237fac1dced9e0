// Course notes §6.1–6.3: node E is cut off from a 5-node cluster with a leader.
// Its term climbs (§6.1); on rejoining it deposes the leader (§6.2) but loses the
// election because its log is behind (§6.3, the paper's §5.4.1). With pre-vote
// (thesis §9.6) none of that disruption happens.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { currentLeader, nodeOf, raftEvents, simulation } from './test-helpers';

const ISOLATE_AT = 1000;
const RESTORE_AT = 3000;
const END = 6000;

function isolatedE(preVote: boolean): ScenarioInput {
  return {
    version: 1,
    nodes: 5,
    seed: 7,
    options: { preVote },
    actions: [
      { at: ISOLATE_AT, do: 'isolate', node: 'E' },
      { at: ISOLATE_AT + 100, do: 'submit', command: 'set a 1' },
      { at: ISOLATE_AT + 200, do: 'submit', command: 'set b 2' },
      { at: RESTORE_AT, do: 'restore', node: 'E' },
    ],
  };
}

describe('§6 an isolated node E', () => {
  it('§6.1–6.3: E’s term climbs, it deposes the leader on rejoining, is refused, and catches up under a new leader', () => {
    const sim = simulation(isolatedE(false));
    sim.runUntil(ISOLATE_AT);
    const before = currentLeader(sim)!;
    expect(before).toBeDefined();
    expect(before.id).not.toBe('E');

    sim.runUntil(RESTORE_AT - 1);
    // §6.1: with no heartbeats, E keeps timing out and raising its term.
    const eTerm = nodeOf(sim, 'E').currentTerm;
    expect(eTerm).toBeGreaterThan(before.currentTerm + 3);
    expect(currentLeader(sim)!.id).toBe(before.id);
    // The others committed both commands without E.
    for (const id of ['A', 'B', 'C', 'D']) expect(nodeOf(sim, id).kv).toEqual({ a: '1', b: '2' });
    expect(nodeOf(sim, 'E').kv).toEqual({});

    sim.runUntil(END);
    // §6.2: the leader sees E's higher term and steps down at once.
    const stepDown = raftEvents(sim, 'roleChanged', before.id).find(
      (r) => r.time >= RESTORE_AT && r.event.from === 'leader',
    );
    expect(stepDown).toBeDefined();
    const adopted = raftEvents(sim, 'termChanged', before.id).find((t) => t.time >= RESTORE_AT);
    expect(adopted!.event.to).toBeGreaterThanOrEqual(eTerm);

    // §6.3: the others refuse E because its log is not up to date, so E is never elected.
    const refusals = raftEvents(sim, 'voteRefused').filter(
      (v) => v.time >= RESTORE_AT && v.event.candidate === 'E' && v.event.reason === 'log-not-up-to-date',
    );
    expect(refusals.length).toBeGreaterThan(0);
    expect(raftEvents(sim, 'roleChanged', 'E').filter((r) => r.event.to === 'leader')).toEqual([]);

    // A node holding the latest log leads the next term, and E's log catches up.
    const after = currentLeader(sim)!;
    expect(after.id).not.toBe('E');
    expect(after.currentTerm).toBeGreaterThanOrEqual(eTerm);
    const e = nodeOf(sim, 'E');
    expect(e.log).toEqual(after.log);
    expect(e.commitIndex).toBe(after.commitIndex);
    expect(e.kv).toEqual({ a: '1', b: '2' });
    expect(sim.violations).toEqual([]);
  });

  it('with preVote E’s term does not climb and the leader is not deposed', () => {
    const sim = simulation(isolatedE(true));
    sim.runUntil(ISOLATE_AT);
    const before = currentLeader(sim)!;
    expect(before.id).not.toBe('E');

    sim.runUntil(RESTORE_AT - 1);
    // E has been timing out (pre-vote rounds), but never raised its term.
    const preVotes = raftEvents(sim, 'electionStarted', 'E').filter((s) => s.time > ISOLATE_AT);
    expect(preVotes.length).toBeGreaterThan(3);
    expect(preVotes.every((s) => s.event.preVote)).toBe(true);
    expect(nodeOf(sim, 'E').currentTerm).toBe(before.currentTerm);

    sim.runUntil(END);
    const leader = currentLeader(sim)!;
    expect(leader.id).toBe(before.id);
    expect(leader.currentTerm).toBe(before.currentTerm);
    expect(raftEvents(sim, 'roleChanged', before.id).filter((r) => r.time > ISOLATE_AT)).toEqual([]);
    const e = nodeOf(sim, 'E');
    expect(e.currentTerm).toBe(before.currentTerm);
    expect(e.log).toEqual(leader.log);
    expect(e.kv).toEqual({ a: '1', b: '2' });
    expect(sim.violations).toEqual([]);
  });
});
