// The exploration lessons: from the lesson's pause, with the bounds its caption tells the class to
// set, the explorer must show what the caption promises.

import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../../check/explore/bounds';
import { explore } from '../../check/explore/explore';
import { FIGURE8_FROM_MIDDLE } from '../../check/explore/figure8.fixture';
import { runScenario } from '../run';
import { exploreElectionRestriction } from './explore-election-restriction';
import { exploreFigure8 } from './explore-figure-8';
import { scenarioOf } from './replay';

/** The caption's bounds: max term 3, writes 0, heartbeats 0, depth 4. */
const CAPTION_BOUNDS: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 3, writes: 0, heartbeats: 0, depth: 4 };

describe('Why the election restriction is needed (exploration)', { timeout: 60_000 }, () => {
  const lesson = exploreElectionRestriction;
  const pause = lesson.beats[0]!.at;

  it('has one pause, where the class presses the explore button', () => {
    expect(lesson.beats).toHaveLength(1);
    expect(lesson.beats[0]!.caption.en).toContain('Explore all orders from here');
  });

  it('from the pause, the explorer finds C elected without the committed entry in four choices', () => {
    const found = explore(scenarioOf(lesson), pause, CAPTION_BOUNDS).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Leader Completeness', nodes: ['C'] });
    expect(found!.path.map((a) => a.do)).toEqual(['timeout', 'timeout', 'deliver', 'deliver']);
  });

  it('with the switch off, the same bounds hold no violation', () => {
    const safe = scenarioOf({ ...lesson, scenario: { ...lesson.scenario, unsafe: {} } });
    const result = explore(safe, pause, CAPTION_BOUNDS);
    expect(result.counterexample).toBeNull();
    expect(result.states).toBeGreaterThan(100);
  });
});

/** The caption's bounds: max term 4, max log 2, writes 0, heartbeats 0, depth 11, no drop choices. */
const FIGURE8_BOUNDS: ExploreBounds = { ...FIGURE8_FROM_MIDDLE, depth: 11 };

describe('Let the checker find Figure 8 (exploration)', { timeout: 120_000 }, () => {
  const lesson = exploreFigure8;
  const pause = lesson.beats[0]!.at;

  it('has one pause, where the class presses the explore button, and nothing is broken before it', () => {
    expect(lesson.beats).toHaveLength(1);
    expect(lesson.beats[0]!.caption.en).toContain('Explore all orders from here');
    expect(lesson.beats[0]!.caption.en).toContain('Try dropping each message');
    expect(runScenario(scenarioOf(lesson), pause).violations).toEqual([]);
  });

  it('from the pause, the explorer finds the rest of Figure 8: a commit by counting, then B elected without it', () => {
    const found = explore(scenarioOf(lesson), pause, FIGURE8_BOUNDS).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Leader Completeness', nodes: ['B'], term: 4 });
    expect(found!.path).toHaveLength(11);
    // One choice before C's vote reaches B, A has committed its term-1 entry (by counting, in term
    // 3), and B does not hold it: the commit the figure warns about.
    const before = scenarioOf({
      ...lesson,
      scenario: { ...found!.scenario, actions: found!.scenario.actions.slice(0, -1) },
    });
    const report = runScenario(before, pause);
    expect(report.violations).toEqual([]);
    const a = report.nodes.find((n) => n.id === 'A')!;
    expect(a.commitIndex).toBe(1);
    expect(a.log.map((e) => e.term)).toEqual([1]);
    expect(report.nodes.find((n) => n.id === 'B')!.log.map((e) => e.term)).toEqual([2]);
  });

  it('with the switch off, the same bounds hold no violation', () => {
    const safe = scenarioOf({ ...lesson, scenario: { ...lesson.scenario, unsafe: {} } });
    const result = explore(safe, pause, FIGURE8_BOUNDS);
    expect(result.counterexample).toBeNull();
    expect(result.states).toBeGreaterThan(10_000);
  });
});
