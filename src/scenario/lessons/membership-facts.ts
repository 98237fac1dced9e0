// Test-only: the facts that the membership lessons' captions claim, one check per beat, played by
// lessons.test.ts with the rest of the library. Kept in a file of their own so that lessons added
// elsewhere merge without touching these. Questions are tied to what the run (or, for a rule that
// "would have" prevented something, the same scenario with that rule) goes on to do.

import { expect } from 'vitest';
import type { Configuration, NodeId, RaftEvent } from '../../raft/types';
import { Simulation } from '../../sim/simulation';
import type { NodeFrame, TraceEvent } from '../../sim/types';
import type { Lesson } from '../narration';
import type { Scenario, ScenarioInput } from '../schema';
import { validateScenario } from '../validate';

export type BeatFact = (sim: Simulation, lesson: Lesson) => void;

function scenarioOf(input: ScenarioInput): Scenario {
  const result = validateScenario(input, { requireTimeOrder: true });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.scenario;
}

function play(input: ScenarioInput, until: number): Simulation {
  const sim = new Simulation(scenarioOf(input));
  sim.runUntil(until);
  return sim;
}

function node(sim: Simulation, id: NodeId): NodeFrame {
  return sim.snapshot().nodes.find((n) => n.id === id)!;
}

function leaders(sim: Simulation): NodeId[] {
  return sim
    .snapshot()
    .nodes.filter((n) => n.alive && n.role === 'leader')
    .map((n) => n.id);
}

type NodeTrace<T extends RaftEvent['type']> = { time: number; node: NodeId; event: Extract<RaftEvent, { type: T }> };

function events<T extends RaftEvent['type']>(sim: Simulation, type: T, since = 0): NodeTrace<T>[] {
  return sim.trace
    .filter((t): t is Extract<TraceEvent, { kind: 'node' }> => t.kind === 'node' && t.time >= since)
    .filter((t) => t.event.type === type)
    .map((t) => ({ time: t.time, node: t.node, event: t.event as Extract<RaftEvent, { type: T }> }));
}

/** The election `winner` won: the tally of its deciding vote. */
function winningTally(sim: Simulation, winner: NodeId, since = 0) {
  const won = events(sim, 'voteCounted', since).filter(
    (e) => e.node === winner && !e.event.preVote && e.event.tally.result === 'won',
  );
  expect(won, `${winner} won an election`).toHaveLength(1);
  return won[0]!.event.tally;
}

function electionTimersFired(sim: Simulation, id: NodeId, since: number): number {
  return sim.trace.filter((t) => t.kind === 'timerFired' && t.node === id && t.timer === 'election' && t.time >= since)
    .length;
}

/** The AppendEntries messages `from` sent to `to` at or after `since`. */
function appendsSent(sim: Simulation, since: number, from: NodeId | null, to: NodeId): number {
  return sim.trace.filter(
    (t) =>
      t.kind === 'sent' &&
      t.time >= since &&
      (from === null || t.message.from === from) &&
      t.message.to === to &&
      t.message.payload.type === 'AppendEntries',
  ).length;
}

function invariants(sim: Simulation): string[] {
  return sim.violations.map((v) => v.invariant);
}

function voters(c: Configuration): { voters: readonly NodeId[]; old?: readonly NodeId[] } {
  return c.old === undefined ? { voters: c.voters } : { voters: c.voters, old: c.old };
}

function choiceIndex(lesson: Lesson, beat: number, text: string): number {
  const i = lesson.beats[beat]!.question!.choices.findIndex((c) => c.en === text);
  if (i < 0) throw new Error(`${lesson.id} beat ${beat}: no choice "${text}"`);
  return i;
}

function answer(lesson: Lesson, beat: number): number {
  return lesson.beats[beat]!.question!.answer;
}

const ABC = ['A', 'B', 'C'];
const ABCD = ['A', 'B', 'C', 'D'];
const DEF = ['D', 'E', 'F'];

export const MEMBERSHIP_FACTS: Record<string, BeatFact[]> = {
  'membership-add-server': [
    (sim, l) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'B')).toMatchObject({ currentTerm: 2, commitIndex: 6 });
      const d = node(sim, 'D');
      expect(d.log).toEqual([]);
      expect(d.configuration.voters).toEqual(ABC);
      // A spare's election timer runs out, and it still never campaigns.
      expect(electionTimersFired(sim, 'D', 0)).toBeGreaterThan(0);
      expect(events(sim, 'electionStarted').filter((e) => e.node === 'D')).toEqual([]);
      // The answer: D was a learner first, and became a voter only once it had caught up.
      const later = play(l.scenario, 990);
      const caughtUp = events(later, 'learnerCaughtUp').filter((e) => e.event.learner === 'D');
      const madeVoter = events(later, 'configurationChanged').filter(
        (e) => e.node === 'B' && e.event.to.voters.includes('D'),
      );
      expect(events(later, 'catchUpStarted').map((e) => e.event.learners)).toEqual([['D']]);
      expect(caughtUp).toHaveLength(1);
      expect(answer(l, 0)).toBe(
        choiceIndex(
          l,
          0,
          caughtUp[0]!.time <= madeVoter[0]!.time
            ? 'Once it has caught up: first it receives the log without a vote'
            : 'At once: the leader puts it in the configuration right away',
        ),
      );
    },
    (sim) => {
      const b = node(sim, 'B');
      expect(b.configuration).toEqual({ voters: ABC, learners: ['D'] });
      expect(b.quorum).toEqual([{ voters: ABC, needed: 2 }]);
      expect(node(sim, 'D').log).toEqual([]);
      expect(events(sim, 'nextIndexBackedUp').filter((e) => e.event.follower === 'D').length).toBeGreaterThan(0);
      expect(b.commitIndex).toBe(7);
      const commit = events(sim, 'commitAdvanced').find((e) => e.node === 'B' && e.event.to === 7)!.event;
      expect(commit).toMatchObject({ by: 'majority', quorum: [{ voters: ABC, needed: 2 }] });
    },
    (sim) => {
      expect(node(sim, 'D').log).toHaveLength(6);
      expect(events(sim, 'learnerCaughtUp').map((e) => e.event.learner)).toEqual(['D']);
      // D received its log at most two entries per message.
      const toD = events(sim, 'entriesAppended').filter((e) => e.node === 'D');
      expect(toD.every((e) => e.event.entries.length <= 2)).toBe(true);
      const b = node(sim, 'B');
      expect(b.configuration).toEqual({ voters: ABCD, learners: [] });
      expect(b.quorum).toEqual([{ voters: ABCD, needed: 3 }]);
      expect(b.log[7]?.config).toEqual({ voters: ABCD });
      expect(b.commitIndex).toBe(7);
    },
    (sim, l) => {
      const commit = events(sim, 'commitAdvanced').find((e) => e.node === 'B' && e.event.to === 8)!.event;
      expect(commit).toMatchObject({ replicas: 3, quorum: [{ voters: ABCD, needed: 3 }] });
      expect(node(sim, 'D').configuration.voters).toEqual(ABCD);
      expect(sim.snapshot().nodes.every((n) => n.alive)).toBe(true);
      const tally = winningTally(play(l.scenario, 1260), 'D', 1000);
      expect(answer(l, 3)).toBe(
        choiceIndex(
          l,
          3,
          tally.quorums[0]?.needed === 3 && tally.granted.includes('D')
            ? "Three: a majority of {A, B, C, D}, so D's vote is needed"
            : 'Two: a majority of the old {A, B, C}',
        ),
      );
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['D']);
      expect(node(sim, 'D').currentTerm).toBe(3);
      const tally = winningTally(sim, 'D', 1000);
      expect([...tally.granted].sort()).toEqual(['A', 'C', 'D']);
      expect(tally.quorums).toEqual([{ voters: ABCD, needed: 3 }]);
      expect(node(sim, 'D').commitIndex).toBe(9);
      expect(node(sim, 'D').log[8]).toMatchObject({ term: 3, noop: true });
      expect(sim.violations).toEqual([]);
    },
  ],
  'membership-joint': [
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'B')).toMatchObject({ commitIndex: 2, kv: { x: '1' } });
      expect(node(sim, 'B').configuration.voters).toEqual(ABC);
      for (const id of DEF) expect(node(sim, id).log).toEqual([]);
    },
    (sim) => {
      expect(node(sim, 'B').configuration).toEqual({ voters: ABC, learners: DEF });
      expect(node(sim, 'B').quorum).toEqual([{ voters: ABC, needed: 2 }]);
      expect(events(sim, 'learnerCaughtUp').map((e) => e.event.learner)).toEqual(['F', 'E']);
    },
    (sim, l) => {
      const b = node(sim, 'B');
      expect(voters(b.configuration)).toEqual({ voters: DEF, old: ABC });
      expect(b.quorum).toEqual([
        { voters: DEF, needed: 2 },
        { voters: ABC, needed: 2 },
      ]);
      expect(b.log[2]?.config).toEqual({ voters: DEF, old: ABC });
      expect(b.commitIndex).toBe(2);
      const later = play(l.scenario, 790);
      const holders = later.snapshot().nodes.filter((n) => n.log.length >= 3);
      expect(holders.map((n) => n.id)).toEqual(['A', 'B', 'C', 'F']);
      expect(answer(l, 2)).toBe(
        choiceIndex(
          l,
          2,
          node(later, 'B').commitIndex >= 3 ? 'Yes: four of six is a majority' : 'No: of {D, E, F} only F holds it',
        ),
      );
    },
    (sim) => {
      expect(node(sim, 'D').alive).toBe(false);
      expect(node(sim, 'E').alive).toBe(false);
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'B').commitIndex).toBe(2);
      for (const id of ['A', 'B', 'C', 'F']) expect(node(sim, id).log[2]?.config).toEqual({ voters: DEF, old: ABC });
    },
    (sim) => {
      const joint = events(sim, 'commitAdvanced').find((e) => e.node === 'B' && e.event.to === 3)!;
      expect(joint.time).toBeGreaterThan(800);
      expect(joint.event).toMatchObject({
        by: 'majority',
        quorum: [
          { voters: DEF, needed: 2 },
          { voters: ABC, needed: 2 },
        ],
      });
      const b = node(sim, 'B');
      expect(b.role).toBe('leader');
      expect(b.configuration).toEqual({ voters: DEF, learners: [] });
      expect(b.quorum).toEqual([{ voters: DEF, needed: 2 }]);
      expect(b.log[3]?.config).toEqual({ voters: DEF });
      expect(b.commitIndex).toBe(3);
    },
    (sim) => {
      const down = events(sim, 'steppedDown').filter((e) => e.node === 'B');
      expect(down.map((e) => e.event.reason)).toEqual(['removed']);
      expect(events(sim, 'commitAdvanced').find((e) => e.node === 'B' && e.event.to === 4)!.event).toMatchObject({
        quorum: [{ voters: DEF, needed: 2 }],
      });
      expect(leaders(sim)).toEqual(['F']);
      expect(node(sim, 'F').currentTerm).toBe(2);
      const tally = winningTally(sim, 'F');
      expect(tally.quorums).toEqual([{ voters: DEF, needed: 2 }]);
      expect([...tally.granted].sort()).toEqual(['D', 'F']);
      for (const id of ABC) {
        expect(electionTimersFired(sim, id, down[0]!.time)).toBeGreaterThan(0);
        expect(events(sim, 'electionStarted', down[0]!.time).filter((e) => e.node === id)).toEqual([]);
      }
      expect(sim.violations).toEqual([]);
    },
  ],
  'membership-direct-unsafe': [
    (sim, l) => {
      expect(node(sim, 'B').configuration).toMatchObject({ voters: ABC });
      expect(node(sim, 'B').configuration.learners.length).toBeGreaterThan(0);
      expect(sim.snapshot().network.partition).toEqual([
        ['A', 'C'],
        ['B', 'D', 'E', 'F'],
      ]);
      expect(sim.violations).toEqual([]);
      const later = play(l.scenario, 800);
      expect(answer(l, 0)).toBe(
        choiceIndex(
          l,
          0,
          invariants(later).includes('Election Safety')
            ? 'Yes: A and C are a majority of C_old; D, E and F a majority of C_new'
            : 'No: Election Safety holds whatever the configuration',
        ),
      );
    },
    (sim) => {
      const b = node(sim, 'B');
      expect(b.role).toBe('follower');
      expect(events(sim, 'steppedDown').map((e) => [e.node, e.event.reason])).toEqual([['B', 'removed']]);
      // Straight to C_new: no joint entry anywhere.
      expect(b.log[2]?.config).toEqual({ voters: DEF });
      expect(b.commitIndex).toBe(3);
      expect(events(sim, 'commitAdvanced').find((e) => e.node === 'B' && e.event.to === 3)!.event).toMatchObject({
        quorum: [{ voters: DEF, needed: 2 }],
      });
      for (const id of ['A', 'C']) {
        expect(node(sim, id).configuration.voters).toEqual(ABC);
        expect(node(sim, id).log).toHaveLength(2);
      }
      for (const id of DEF) expect(voters(node(sim, id).configuration)).toEqual({ voters: DEF });
    },
    (sim) => {
      expect(node(sim, 'A')).toMatchObject({ role: 'leader', currentTerm: 2 });
      const tally = winningTally(sim, 'A', 600);
      expect(tally.quorums).toEqual([{ voters: ABC, needed: 2 }]);
      expect([...tally.granted].sort()).toEqual(['A', 'C']);
      expect(invariants(sim)).toContain('Leader Completeness');
      expect(invariants(sim)).not.toContain('Election Safety');
    },
    (sim, l) => {
      expect(leaders(sim).sort()).toEqual(['A', 'F']);
      for (const id of ['A', 'F']) expect(node(sim, id).currentTerm).toBe(2);
      expect([...winningTally(sim, 'F', 600).granted].sort()).toEqual(['D', 'F']);
      expect(invariants(sim)).toContain('Election Safety');
      expect(invariants(sim)).toContain('State Machine Safety');
      expect(node(sim, 'A').commitIndex).toBe(3);
      expect(node(sim, 'A').log[2]).toMatchObject({ term: 2, noop: true });
      // The same change and faults with joint consensus: only A wins, and nothing breaks.
      const joint = play({ ...l.scenario, unsafe: {} }, 800);
      expect(joint.violations).toEqual([]);
      const termTwo = events(joint, 'roleChanged').filter((e) => e.event.to === 'leader' && e.event.term === 2);
      expect(termTwo.map((e) => e.node)).toEqual(['A']);
      expect(node(joint, 'B').log[2]?.config).toEqual({ voters: DEF, old: ABC });
      expect(node(joint, 'B').commitIndex).toBe(2);
    },
  ],
  'membership-remove-leader': [
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'C').alive).toBe(false);
      expect(node(sim, 'B')).toMatchObject({ commitIndex: 2, kv: { x: '1' } });
    },
    (sim, l) => {
      const b = node(sim, 'B');
      expect(b.role).toBe('leader');
      expect(b.configuration).toEqual({ voters: ['A', 'C'], learners: [] });
      expect(b.quorum).toEqual([{ voters: ['A', 'C'], needed: 2 }]);
      expect(b.log[2]?.config).toEqual({ voters: ['A', 'C'] });
      expect(node(sim, 'A').log).toHaveLength(3);
      const appended = events(sim, 'entriesAppended').find((e) => e.node === 'B' && e.event.fromIndex === 3)!;
      expect(appendsSent(sim, appended.time + 1, 'B', 'A')).toBeGreaterThan(0);
      expect(b.commitIndex).toBe(2);
      const firstCommit = events(play(l.scenario, 770), 'commitAdvanced').find(
        (e) => e.node === 'B' && e.event.to >= 3,
      )!;
      expect(answer(l, 1)).toBe(
        choiceIndex(
          l,
          1,
          firstCommit.time > 700
            ? 'No: B does not count in C_new = {A, C}; it needs both A and C'
            : 'Yes: two of three is a majority',
        ),
      );
    },
    (sim) => {
      const b = node(sim, 'B');
      expect(b.role).toBe('leader');
      expect(b.log[3]).toMatchObject({ command: 'set y 2' });
      expect(b.commitIndex).toBe(2);
      expect(node(sim, 'A').log).toHaveLength(4);
      expect(node(sim, 'C').alive).toBe(false);
    },
    (sim) => {
      const commit = events(sim, 'commitAdvanced').find(
        (e) => e.node === 'B' && e.event.by === 'majority' && e.event.to === 4,
      )!;
      expect(commit.time).toBeGreaterThan(700);
      expect(commit.event).toMatchObject({ from: 2, replicas: 2, quorum: [{ voters: ['A', 'C'], needed: 2 }] });
      expect(node(sim, 'C').log).toHaveLength(4);
      expect(events(sim, 'steppedDown').map((e) => [e.node, e.event.reason])).toEqual([['B', 'removed']]);
      expect(node(sim, 'B').role).toBe('follower');
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['C']);
      expect(node(sim, 'C').currentTerm).toBe(2);
      const tally = winningTally(sim, 'C');
      expect(tally.quorums).toEqual([{ voters: ['A', 'C'], needed: 2 }]);
      expect([...tally.granted].sort()).toEqual(['A', 'C']);
      const down = events(sim, 'steppedDown').find((e) => e.node === 'B')!;
      expect(electionTimersFired(sim, 'B', down.time)).toBeGreaterThan(1);
      expect(events(sim, 'electionStarted', down.time).filter((e) => e.node === 'B')).toEqual([]);
      expect(sim.violations).toEqual([]);
    },
  ],
  'membership-removed-disrupts': [
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(sim.snapshot().network.cutLinks).toEqual(['B>D']);
      expect(sim.snapshot().options).toMatchObject({ preVote: false, checkQuorum: false });
    },
    (sim, l) => {
      const b = node(sim, 'B');
      expect(b.log[1]?.config).toEqual({ voters: ABC });
      expect(b.commitIndex).toBeGreaterThanOrEqual(2);
      expect(b.configuration.voters).toEqual(ABC);
      expect(node(sim, 'D').configuration.voters).toEqual(ABCD);
      expect(node(sim, 'D').log).toHaveLength(1);
      const later = play(l.scenario, 620);
      const committed = events(later, 'commitAdvanced').find((e) => e.node === 'B' && e.event.to === 2)!;
      // After one last AppendEntries that tells D of its removal (lost on the cut link), nobody sends D any.
      expect(appendsSent(play(l.scenario, 1990), committed.time + 1, null, 'D')).toBe(0);
      const deposed = events(later, 'roleChanged', 500).filter((e) => e.event.from === 'leader');
      const campaign = events(later, 'electionStarted', 500).filter((e) => e.node === 'D');
      const outcome =
        deposed.length > 0 && campaign.length > 0 && campaign[0]!.time < deposed[0]!.time && leaders(later).length === 0
          ? 'D campaigns with a higher term: the leader steps down, though D cannot win'
          : 'Nothing: D has been removed';
      expect(answer(l, 1)).toBe(choiceIndex(l, 1, outcome));
    },
    (sim) => {
      expect(leaders(sim)).toEqual([]);
      expect(node(sim, 'B')).toMatchObject({ role: 'follower', currentTerm: 2 });
      expect(node(sim, 'D')).toMatchObject({ role: 'candidate', currentTerm: 2 });
      const refused = events(sim, 'voteRefused').filter((e) => e.event.candidate === 'D');
      expect(refused.map((e) => e.node).sort()).toEqual(ABC);
      expect(refused.every((e) => e.event.reason === 'log-not-up-to-date')).toBe(true);
    },
    (sim, l) => {
      const deposed = events(sim, 'roleChanged', 500).filter((e) => e.event.from === 'leader');
      expect(deposed.map((e) => Math.floor(e.time))).toEqual([605, 1239, 1797]);
      expect(events(sim, 'roleChanged').some((e) => e.node === 'D' && e.event.to === 'leader')).toBe(false);
      expect(leaders(sim)).toEqual(['A']);
      expect(node(sim, 'A').currentTerm).toBe(9);
      const later = play(l.scenario, 3400);
      const deposedLater = events(later, 'roleChanged', 2000).filter((e) => e.event.from === 'leader');
      expect(answer(l, 3)).toBe(
        choiceIndex(
          l,
          3,
          deposedLater.length === 0
            ? 'No: it must first win a pre-vote, which the others refuse, so no term rises'
            : 'Yes, each time its timer runs out',
        ),
      );
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['A']);
      expect(node(sim, 'A').currentTerm).toBe(9);
      expect(events(sim, 'roleChanged', 1976).filter((e) => e.node === 'A')).toEqual([]);
      const preVotes = events(sim, 'electionStarted', 2000).filter((e) => e.node === 'D');
      expect(preVotes.length).toBeGreaterThanOrEqual(3);
      expect(preVotes.every((e) => e.event.preVote)).toBe(true);
      const refused = events(sim, 'voteRefused', 2100).filter((e) => e.event.candidate === 'D');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((e) => e.event.reason === 'leader-alive')).toBe(true);
      for (const id of ABC) expect(events(sim, 'termChanged', 2000).filter((e) => e.node === id)).toEqual([]);
      expect(sim.violations).toEqual([]);
    },
  ],
  'membership-single-server-bug': [
    (sim) => {
      const c1 = { voters: ['A', 'B', 'C', 'D', 'E'] };
      for (const id of ['A', 'E']) {
        expect(node(sim, id).log).toEqual([{ term: 1, command: '', config: c1 }]);
        expect(node(sim, id).configuration.voters).toEqual(c1.voters);
      }
      for (const id of ['B', 'C', 'D']) {
        expect(node(sim, id).log).toEqual([]);
        expect(node(sim, id).configuration.voters).toEqual(ABCD);
      }
      expect(sim.snapshot().network.partition).toEqual([
        ['A', 'E'],
        ['B', 'C', 'D'],
      ]);
    },
    (sim) => {
      expect(leaders(sim)).toEqual(['B']);
      expect(node(sim, 'B')).toMatchObject({ currentTerm: 2, commitIndex: 0, log: [] });
      expect(sim.snapshot().options.leaderNoop).toBe(false);
      const tally = winningTally(sim, 'B');
      expect([...tally.granted].sort()).toEqual(['B', 'C', 'D']);
      expect(tally.quorums).toEqual([{ voters: ABCD, needed: 3 }]);
    },
    (sim, l) => {
      expect(sim.snapshot().network.partition).toEqual([
        ['B', 'C'],
        ['A', 'D', 'E'],
      ]);
      expect(node(sim, 'B')).toMatchObject({ role: 'leader', currentTerm: 2, commitIndex: 0 });
      expect(sim.snapshot().requests.map((r) => r.command)).toEqual(['−A']);
      const later = play(l.scenario, 690);
      expect(answer(l, 2)).toBe(
        choiceIndex(
          l,
          2,
          invariants(later).includes('Leader Completeness')
            ? 'No: A, D and E are a majority of C1 and can elect a leader without it'
            : 'Yes: a majority of C2 holds it',
        ),
      );
    },
    (sim) => {
      const b = node(sim, 'B');
      expect(b.commitIndex).toBe(1);
      expect(b.log).toEqual([{ term: 2, command: '', config: { voters: ['B', 'C', 'D'] } }]);
      expect(events(sim, 'commitAdvanced').find((e) => e.node === 'B')!.event).toMatchObject({
        replicas: 2,
        quorum: [{ voters: ['B', 'C', 'D'], needed: 2 }],
      });
      expect(node(sim, 'E')).toMatchObject({ role: 'leader', currentTerm: 4 });
      const tally = winningTally(sim, 'E');
      expect([...tally.granted].sort()).toEqual(['A', 'D', 'E']);
      expect(tally.quorums).toEqual([{ voters: ['A', 'B', 'C', 'D', 'E'], needed: 3 }]);
      expect(invariants(sim)).toContain('Leader Completeness');
    },
    (sim, l) => {
      expect(invariants(sim)).toContain('State Machine Safety');
      for (const id of ['B', 'C'])
        expect(node(sim, id).log).toMatchObject([{ term: 1, config: { voters: ['A', 'B', 'C', 'D', 'E'] } }]);
      // The rule, switched back on: B refuses the change until it has committed an entry of term 2.
      const safe = play({ ...l.scenario, unsafe: {} }, 1600);
      expect(safe.violations).toEqual([]);
      const refused = events(safe, 'changeRefused').filter((e) => e.node === 'B');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((e) => e.event.reason === 'term-not-committed')).toBe(true);
      // With the no-op that satisfies it, D's log ends in term 2 and D refuses E: no second majority.
      const noop = play({ ...l.scenario, unsafe: {}, options: { leaderNoop: true } }, 1600);
      expect(noop.violations).toEqual([]);
      expect(
        events(noop, 'voteRefused').some(
          (e) => e.node === 'D' && e.event.candidate === 'E' && e.event.reason === 'log-not-up-to-date',
        ),
      ).toBe(true);
      expect(events(noop, 'roleChanged').some((e) => e.node === 'E' && e.event.to === 'leader')).toBe(false);
      const changed = events(noop, 'configurationChanged').find((e) => e.node === 'B' && e.event.cause === 'change')!;
      const termCommitted = events(noop, 'commitAdvanced').find((e) => e.node === 'B')!;
      expect(termCommitted.event).toMatchObject({ by: 'majority', term: 2, currentTerm: 2 });
      expect(termCommitted.time).toBeLessThan(changed.time);
      expect(answer(l, 4)).toBe(
        choiceIndex(l, 4, 'A leader changes the configuration only after committing an entry of its own term'),
      );
    },
  ],
};
