// The timeline's bands come from leadership events: one band per leader and term, and a thin
// lane for a node whose term climbs alone. Course notes §6.1: while isolated E climbs, B still
// leads term 1 for everyone else.

import { describe, expect, it } from 'vitest';
import { ISOLATED_E } from '../scenario/lessons/isolated-term';
import type { ScenarioInput } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { History } from './history';
import type { Scenario } from './scenario-types';
import { timelineMarks, type TimelineMarks } from './timeline';

function scenario(input: ScenarioInput): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** Four nodes split 2–2 at 600 ms and healed at 3000 ms: neither side has the three votes a leader needs. */
const SPLIT_2_2 = scenario({
  version: 1,
  nodes: 4,
  seed: 3,
  actions: [
    {
      at: 600,
      do: 'partition',
      groups: [
        ['A', 'B'],
        ['C', 'D'],
      ],
    },
    { at: 3000, do: 'heal' },
  ],
});

function termsOfLanes(marks: TimelineMarks, node: string): number[] {
  return marks.lanes.filter((l) => l.node === node).map((l) => l.term);
}

/** Every span either open or closed no earlier than it began; a node's lane spans never overlap. */
function expectWellFormed(marks: TimelineMarks): void {
  for (const span of [...marks.leaderships, ...marks.lanes]) {
    if (span.to !== null) expect(span.to).toBeGreaterThanOrEqual(span.from);
    expect(span.to === null).toBe(span.toStep === null);
  }
  const nodes = new Set(marks.lanes.map((l) => l.node));
  for (const node of nodes) {
    const lanes = marks.lanes.filter((l) => l.node === node);
    for (let i = 0; i + 1 < lanes.length; i++) expect(lanes[i]!.to).not.toBeNull();
    for (let i = 0; i + 1 < lanes.length; i++) expect(lanes[i]!.to!).toBeLessThanOrEqual(lanes[i + 1]!.from);
  }
}

describe('timeline bands from leadership', () => {
  it('§6.1: stepping through an isolated-E run keeps B’s term-1 band while E’s term climbs in its own lane', () => {
    const history = new History(scenario(ISOLATED_E));
    history.stepToNext('leader');
    let checked = 0;
    // Every event from B's election to just before E comes back.
    while (history.now < 2500 && history.stepForward()) {
      const marks = history.marks;
      expect(marks.leaderships.map((b) => [b.node, b.term, b.to])).toEqual([['B', 1, null]]);
      expect(marks.lanes.every((l) => l.node === 'E')).toBe(true);
      const climb = termsOfLanes(marks, 'E');
      expect(climb).toEqual(climb.map((_, i) => 2 + i));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // By then E has climbed well past B's term, one lane span per term, only the newest still open.
    const climb = history.marks.lanes;
    expect(climb.length).toBeGreaterThan(4);
    expect(climb.filter((l) => l.to === null)).toHaveLength(1);
    expect(climb.at(-1)!.term).toBe(climb.length + 1);
    expectWellFormed(history.marks);
  });

  it('§6.2: E’s return ends B’s term-1 band (B stepped down) and the next leader closes E’s lane', () => {
    const history = new History(scenario(ISOLATED_E));
    history.runUntil(5000);
    const marks = history.marks;
    const [first, second] = marks.leaderships;
    expect(first).toMatchObject({ node: 'B', term: 1, end: 'steppedDown' });
    expect(first!.to).toBeGreaterThan(2500);
    // E does not win (§6.3: its log is behind); the new leader's term is at least E's.
    expect(second!.node).not.toBe('E');
    const lastLane = marks.lanes.at(-1)!;
    expect(second!.term).toBeGreaterThanOrEqual(lastLane.term);
    expect(lastLane.to).toBe(second!.from);
    // Nodes that only learned E's term from its RequestVote did not climb alone: no lane.
    expect(new Set(marks.lanes.map((l) => l.node))).toEqual(new Set(['E']));
    expectWellFormed(marks);
  });

  it('a 2–2 split: B keeps its term-1 band; the other side’s climbing terms get lanes of their own', () => {
    const history = new History(SPLIT_2_2);
    history.runUntil(2900);
    const marks = history.marks;
    expect(marks.leaderships).toHaveLength(1);
    expect(marks.leaderships[0]).toMatchObject({ node: 'B', term: 1, to: null });
    const laneNodes = new Set(marks.lanes.map((l) => l.node));
    expect(laneNodes).toEqual(new Set(['C', 'D']));
    for (const node of laneNodes) {
      const terms = termsOfLanes(marks, node);
      expect(terms.length).toBeGreaterThan(3);
      for (let i = 0; i + 1 < terms.length; i++) expect(terms[i + 1]!).toBeGreaterThan(terms[i]!);
    }
    expectWellFormed(marks);
  });

  it('a crashed leader’s band ends at the crash; the election that follows draws no lanes', () => {
    const history = new History(scenario({ version: 1, nodes: 3, seed: 5 }));
    history.runUntil(1000);
    const leader = history.snapshot().nodes.find((n) => n.role === 'leader')!;
    history.perform({ do: 'kill', node: leader.id });
    history.runUntil(3000);
    const [old, next] = history.marks.leaderships;
    expect(old).toMatchObject({ node: leader.id, term: leader.currentTerm, to: 1000, end: 'crashed' });
    expect(next!.node).not.toBe(leader.id);
    expect(next!.term).toBeGreaterThan(leader.currentTerm);
    expect(next!.from).toBeGreaterThan(1000);
    // Nobody led while the others stood for election: their terms did not climb alone.
    expect(history.marks.lanes).toEqual([]);
  });

  it('cut back on a new branch, bands and lanes equal those of the branch’s own trace', () => {
    const history = new History(scenario(ISOLATED_E));
    history.runUntil(5000);
    // Mid-climb: E's lane and B's band were closed later on the original run; here they are open again.
    history.seekTime(1500);
    history.perform({ do: 'submit', command: 'set z 3' });
    const { revision, eventsRead, ...rest } = history.marks;
    expect(revision).toBe(1);
    const whole = timelineMarks(history.trace);
    expect(eventsRead).toBe(whole.eventsRead);
    expect(JSON.stringify(rest)).toBe(JSON.stringify({ ...whole, revision: undefined, eventsRead: undefined }));
    expect(rest.leaderships.map((b) => [b.node, b.to])).toEqual([['B', null]]);
    expect(rest.lanes.at(-1)!.to).toBeNull();
    // And the branch goes on as a straight run of it would.
    history.runUntil(5000);
    expect(JSON.stringify(history.marks.lanes)).toBe(JSON.stringify(timelineMarks(history.trace).lanes));
  });
});
