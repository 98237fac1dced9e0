// The exploration lessons: from the lesson's pause, with the bounds its caption tells the class to
// set, the explorer must show what the caption promises.

import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../../check/explore/bounds';
import { explore } from '../../check/explore/explore';
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

/** The caption's bounds: max term 4, max log 2, writes 0, heartbeats 0, depth 4. */
const FIGURE8_BOUNDS: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 4, maxLog: 2, writes: 0, heartbeats: 0, depth: 4 };

describe('Let the checker find Figure 8 (exploration)', { timeout: 60_000 }, () => {
  const lesson = exploreFigure8;
  const pause = lesson.beats[0]!.at;

  it('has one pause, where the class presses the explore button, and nothing is broken before it', () => {
    expect(lesson.beats).toHaveLength(1);
    expect(lesson.beats[0]!.caption.en).toContain('Explore all orders from here');
    expect(runScenario(scenarioOf(lesson), pause).violations).toEqual([]);
  });

  it('at the pause, A has committed its term-1 entry by counting; B holds a term-2 entry at index 1', () => {
    const report = runScenario(scenarioOf(lesson), pause);
    const a = report.nodes.find((n) => n.id === 'A')!;
    const b = report.nodes.find((n) => n.id === 'B')!;
    expect(a).toMatchObject({ role: 'leader', term: 3, commitIndex: 1 });
    expect(b.log.map((e) => e.term)).toEqual([2]);
  });

  it('from the pause, the explorer finds B elected in term 4 without the committed entry in four choices', () => {
    const found = explore(scenarioOf(lesson), pause, FIGURE8_BOUNDS).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Leader Completeness', nodes: ['B'] });
    expect(found!.path.map((a) => a.do)).toEqual(['timeout', 'timeout', 'deliver', 'deliver']);
  });

  it('with the switch off, the same bounds hold no violation', () => {
    const safe = scenarioOf({ ...lesson, scenario: { ...lesson.scenario, unsafe: {} } });
    const result = explore(safe, pause, FIGURE8_BOUNDS);
    expect(result.counterexample).toBeNull();
    expect(result.states).toBeGreaterThan(10);
  });
});
