// The exploration lessons: from the lesson's pause, with the bounds its caption tells the class to
// set, the explorer must show what the caption promises.

import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, type ExploreBounds } from '../../check/explore/bounds';
import { explore } from '../../check/explore/explore';
import { exploreElectionRestriction } from './explore-election-restriction';
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
