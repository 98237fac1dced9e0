// Manual delivery mode: the class picks which in-flight message arrives next, drops or
// duplicates one, or fires a node's election timer, while virtual time stands still.
// Every such choice is an action stamped with the step it follows, so a run with live
// actions can be replayed from its scenario alone.

import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../scenario/schema';
import { Simulation } from './simulation';
import { HAND_DRIVEN_TIMING, nodeOf, simulation } from './test-helpers';
import type { Envelope } from './types';

function requestVoteTo(sim: Simulation, to: string): Envelope {
  const found = sim.snapshot().messages.find((m) => m.to === to && m.payload.type === 'RequestVote');
  if (!found) throw new Error(`no RequestVote in flight to ${to}`);
  return found;
}

/** A 3-node cluster where A has just started an election by hand: its RequestVotes are on the wire. */
function candidateA(): Simulation {
  const sim = simulation({ version: 1, nodes: 3, seed: 5, timing: HAND_DRIVEN_TIMING });
  sim.runUntil(10);
  sim.perform({ at: 0, do: 'timeout', node: 'A' });
  return sim;
}

describe('manual delivery', () => {
  it('delivering a chosen RequestVote now makes that voter vote, and no one else, without moving time', () => {
    const sim = candidateA();
    const toC = requestVoteTo(sim, 'C');
    expect(nodeOf(sim, 'C').votedFor).toBeNull();

    expect(sim.perform({ at: 0, do: 'deliver', message: toC.id })).toBeUndefined();

    expect(nodeOf(sim, 'C').votedFor).toBe('A');
    expect(nodeOf(sim, 'C').currentTerm).toBe(1);
    expect(nodeOf(sim, 'B').votedFor).toBeNull();
    expect(sim.now).toBe(10);
    expect(sim.snapshot().messages.some((m) => m.id === toC.id)).toBe(false);
  });

  it('a delivered message does not arrive a second time when its original time comes', () => {
    const sim = candidateA();
    const toC = requestVoteTo(sim, 'C');
    sim.perform({ at: 0, do: 'deliver', message: toC.id });
    sim.runUntil(200);
    const deliveries = sim.trace.filter((e) => e.kind === 'delivered' && e.message.id === toC.id);
    expect(deliveries).toHaveLength(1);
  });

  it('a dropped message never arrives, and its slot in the queue is not an empty step', () => {
    const sim = candidateA();
    const toB = requestVoteTo(sim, 'B');
    sim.perform({ at: 0, do: 'drop', message: toB.id });
    const stepsBefore = sim.stepCount;
    sim.runUntil(200);
    expect(sim.trace.some((e) => e.kind === 'delivered' && e.message.id === toB.id)).toBe(false);
    expect(nodeOf(sim, 'B').votedFor).toBeNull();
    // Every step after the drop left a mark in the trace.
    const stepsWithEvents = new Set(sim.trace.filter((e) => e.step > stepsBefore).map((e) => e.step));
    expect(stepsWithEvents.size).toBe(sim.stepCount - stepsBefore);
  });

  it('a duplicated message arrives twice, as a copy with its own id', () => {
    const sim = candidateA();
    const toB = requestVoteTo(sim, 'B');
    sim.perform({ at: 0, do: 'duplicate', message: toB.id });
    const copies = sim.snapshot().messages.filter((m) => m.to === 'B' && m.payload.type === 'RequestVote');
    expect(copies.map((m) => m.duplicate)).toEqual([false, true]);
    sim.runUntil(200);
    const arrived = sim.trace.filter((e) => e.kind === 'delivered' && e.message.to === 'B' && e.message.from === 'A');
    expect(arrived.filter((e) => e.kind === 'delivered' && e.message.payload.type === 'RequestVote')).toHaveLength(2);
  });

  it('refuses a message that is no longer in flight', () => {
    const sim = candidateA();
    const toC = requestVoteTo(sim, 'C');
    sim.perform({ at: 0, do: 'deliver', message: toC.id });
    expect(sim.perform({ at: 0, do: 'deliver', message: toC.id })).toEqual({ code: 'message-gone', message: toC.id });
    expect(sim.perform({ at: 0, do: 'duplicate', message: toC.id })).toEqual({ code: 'message-gone', message: toC.id });
  });
});

describe('live actions replay from the scenario', () => {
  it('a live action taken right after an event at time t replays after that event, not before it', () => {
    // A fixed latency makes several events share one instant.
    const live = simulation({
      version: 1,
      nodes: 3,
      seed: 9,
      timing: { latency: [10, 10] },
      actions: [{ at: 400, do: 'submit', command: 'set x 1' }],
    });
    // Step until another event is waiting at the very instant just reached, then act there.
    do live.step();
    while (live.nextEventTime() !== live.now);
    const message = live.snapshot().messages[0]!;
    live.perform({ at: 0, do: 'deliver', message: message.id });
    live.perform({ at: 0, do: 'timeout', node: 'B' });
    live.runUntil(300);
    live.perform({ at: 0, do: 'kill', node: 'C' });
    live.runUntil(1000);

    const scenario: Scenario = { ...live.scenario, actions: [...live.actionsDone()] };
    expect(scenario.actions.filter((a: Action) => a.afterStep !== undefined)).toHaveLength(3);
    const replay = new Simulation(scenario);
    replay.runUntil(1000);
    expect(JSON.stringify(replay.trace)).toBe(JSON.stringify(live.trace));
  });

  it("firing a leader's heartbeat by hand sends AppendEntries to every follower; a follower has none to fire", () => {
    const sim = candidateA();
    for (const to of ['B', 'C']) sim.perform({ at: 0, do: 'deliver', message: requestVoteTo(sim, to).id });
    for (const reply of sim.snapshot().messages.filter((m) => m.payload.type === 'RequestVoteReply')) {
      sim.perform({ at: 0, do: 'deliver', message: reply.id });
    }
    expect(nodeOf(sim, 'A').role).toBe('leader');
    const before = sim.snapshot().messages.filter((m) => m.payload.type === 'AppendEntries').length;
    const time = sim.now;
    expect(sim.perform({ at: 0, do: 'heartbeat', node: 'A' })).toBeUndefined();
    const appends = sim.snapshot().messages.filter((m) => m.payload.type === 'AppendEntries');
    expect(appends.length - before).toBe(2);
    expect(new Set(appends.slice(-2).map((m) => m.to))).toEqual(new Set(['B', 'C']));
    expect(sim.now).toBe(time);
    expect(sim.perform({ at: 0, do: 'heartbeat', node: 'B' })).toEqual({ code: 'not-leader', node: 'B' });
  });
});
